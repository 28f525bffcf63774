import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decode, readRegularFile } from '../corpus/read.js';
import { displayPath } from '../paths.js';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { UserError, UserErrors } from '../errors.js';
import { KINDS } from '../kinds/index.js';
import { ruleSchema, SUMMARY, unfilledPlaceholders, type Kind } from '../kinds/kind.js';
import type { Rule } from './rule.js';
import { parseYamlSource } from '../yaml-source.js';

export type { Rule } from './rule.js';

/** Rule files are small; anything bigger is a mistake or an attack. */
const MAX_RULE_FILE_SIZE = 256 * 1024;

/** Reads every `*.yaml` / `*.yml` in a folder (sorted) as one rule each; reports every error found. */
export function loadRules(dir: string, cwd = process.cwd()): Rule[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && ['.yaml', '.yml'].includes(extname(entry.name).toLowerCase()))
      .map((entry) => entry.name);
  } catch {
    throw new UserError(dir, 'no such rules folder', 'give a folder of *.yaml rules (`crosscheck init` writes a starter set)');
  }
  names.sort();
  const rules: Rule[] = [];
  const errors: UserError[] = [];
  for (const name of names) {
    const path = displayPath(join(dir, name), cwd, dir);
    const source = readRuleFile(join(dir, name), path);
    if (source instanceof UserError) {
      errors.push(source);
      continue;
    }
    const result = parseRule(path, source);
    if ('errors' in result) errors.push(...result.errors);
    else rules.push(result.rule);
  }
  errors.push(...duplicateIds(rules));
  if (errors.length > 0) throw new UserErrors(errors);
  if (rules.length === 0) throw new UserError(dir, 'holds no *.yaml rules', 'add a rule file or point --rules at another folder');
  return rules;
}

/** A rule file's text; a FIFO, a folder, a broken link or bytes that are not UTF-8 are errors naming the file. */
function readRuleFile(file: string, path: string): string | UserError {
  // One byte over the limit is enough for parseRule to say the file is too large.
  const read = readRegularFile(file, MAX_RULE_FILE_SIZE + 1);
  if ('reason' in read) {
    const reason = read.reason.startsWith('unreadable (ENOENT)') ? 'broken symbolic link' : read.reason;
    return new UserError(`${path}:1:1`, `cannot read the rule file: ${reason}`, 'make it a readable YAML file, or remove it from the rules folder');
  }
  const decoded = decode(read.bytes);
  if ('reason' in decoded) return new UserError(`${path}:1:1`, `rule file is ${decoded.reason.replace(/ \(save it as UTF-8\)$/, '')}`, 'save it as UTF-8');
  return decoded.text;
}

export type ParsedRule = { rule: Rule } | { errors: UserError[] };

/** Parses and validates one rule file; errors name `file:line:col`, the key path and what is allowed. */
export function parseRule(path: string, source: string): ParsedRule {
  if (source.length > MAX_RULE_FILE_SIZE) {
    return { errors: [new UserError(`${path}:1:1`, `rule file is larger than ${MAX_RULE_FILE_SIZE} bytes`, 'a rule is a short YAML file: split or shorten it')] };
  }
  const parsedYaml = parseYamlSource(source);
  const at = (offset: number): string => {
    const { line, col } = parsedYaml.lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  if ('problems' in parsedYaml) {
    return { errors: parsedYaml.problems.map((problem) => new UserError(at(problem.offset), `invalid YAML: ${problem.message}`, 'fix the YAML syntax')) };
  }
  const { doc } = parsedYaml;
  if (!isMap(doc.contents)) {
    return { errors: [new UserError(at(doc.contents?.range?.[0] ?? 0), 'a rule must be a YAML mapping', 'write `id:`, `kind:`, `severity:` and `description:` keys')] };
  }
  const kindNode = doc.get('kind', true) as Node | undefined;
  const kindName = isScalar(kindNode) ? kindNode.value : undefined;
  const known = [...KINDS.keys()].join(' | ');
  if (kindNode === undefined) {
    return { errors: [new UserError(at(nodeStart(doc.contents)), 'kind: missing', `add \`kind:\` with one of ${known}`)] };
  }
  const kind = typeof kindName === 'string' ? KINDS.get(kindName) : undefined;
  if (!kind) {
    const what = isScalar(kindNode) ? `unknown kind ${describeValue(kindName)}` : `expected a kind name, got ${describeValue(parsedYaml.value && (parsedYaml.value as Record<string, unknown>).kind)}`;
    return { errors: [new UserError(at(nodeStart(kindNode)), `kind: ${what}`, `use one of ${known}`)] };
  }

  const value = parsedYaml.value as Record<string, unknown>;
  const parsed = ruleSchema(kind).safeParse(value);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((issue) => issueError(issue, doc, value, at)) };
  }
  const rule = { ...(parsed.data as Rule), source: path };
  const templateError = checkTemplate(rule, kind, doc, at);
  return templateError ? { errors: [templateError] } : { rule };
}

function issueError(issue: z.core.$ZodIssue, doc: Document, value: unknown, at: (offset: number) => string): UserError {
  const keyPath = issue.path.map(String);
  const shown = keyPath.join('.') || '(rule)';
  const node = nodeAt(doc, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const parent = (issue.path.length ? nodeAt(doc, issue.path) : doc.contents) as Node | undefined;
      const key = issue.keys[0]!;
      const keyNode = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key : undefined;
      const allowed = allowedKeys(doc, issue.path);
      return new UserError(
        at(nodeStart(keyNode as Node | undefined ?? parent)),
        `${[...keyPath, key].join('.')}: unknown key`,
        allowed ? `allowed keys are ${allowed}` : 'remove it',
      );
    }
    case 'invalid_value':
      return new UserError(
        at(nodeStart(node ?? parentNode(doc, issue.path))),
        `${shown}: ${describeValue(lookup(value, issue.path))} is not allowed`,
        `expected one of ${issue.values.map((v) => String(v)).join(' | ')}`,
      );
    case 'invalid_type': {
      const actual = lookup(value, issue.path);
      if (actual === undefined) {
        return new UserError(at(nodeStart(parentNode(doc, issue.path))), `${shown}: missing`, `add \`${keyPath.at(-1)}:\` (${issue.expected})`);
      }
      if (typeof actual === 'number' && !Number.isFinite(actual)) {
        return new UserError(at(nodeStart(node)), `${shown}: expected a finite number, got ${describeValue(actual)}`, 'write a number');
      }
      return new UserError(at(nodeStart(node)), `${shown}: expected ${issue.expected}, got ${describeValue(actual)}`, `write a ${issue.expected}`);
    }
    default:
      return new UserError(at(nodeStart(node ?? parentNode(doc, issue.path))), `${shown}: ${issue.message}`, 'see docs/rule.schema.json');
  }
}

/** `{placeholder}`s in `message` must be ones the kind fills for every finding type it reports. */
function checkTemplate(rule: Rule, kind: Kind, doc: Document, at: (offset: number) => string): UserError | undefined {
  if (!rule.message) return undefined;
  const [unfilled] = unfilledPlaceholders(kind, rule.message);
  if (unfilled === undefined) return undefined;
  const everywhere = [SUMMARY, ...Object.values<readonly string[]>(kind.variables).reduce((common, filled) => common.filter((v) => filled.includes(v)))];
  const byType = Object.entries<readonly string[]>(kind.variables)
    .filter(([, filled]) => filled.includes(unfilled))
    .map(([type]) => type);
  return new UserError(
    at(nodeStart(doc.get('message', true) as Node)),
    `message: placeholder {${unfilled}} is ${byType.length ? `filled only for ${byType.join(', ')} findings` : `not one a ${kind.name} rule fills`}`,
    `a ${kind.name} message may use ${[...new Set(everywhere)].map((v) => `{${v}}`).join(', ')}`,
  );
}

/** A second rule with an id already used, in one folder or across the folders a run loads. */
export function duplicateIds(rules: readonly Rule[]): UserError[] {
  const first = new Map<string, Rule>();
  const errors: UserError[] = [];
  for (const rule of rules) {
    const earlier = first.get(rule.id);
    if (earlier) errors.push(new UserError(`${rule.source}:1:1`, `id: "${rule.id}" is already used by ${earlier.source}`, 'give each rule its own id'));
    else first.set(rule.id, rule);
  }
  return errors;
}

function allowedKeys(doc: Document, path: readonly PropertyKey[]): string | undefined {
  if (path.length > 0) return undefined;
  const kind = KINDS.get(String(doc.get('kind')));
  return kind ? Object.keys(ruleSchema(kind).shape).join(', ') : undefined;
}

function parentNode(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  for (let depth = path.length - 1; depth > 0; depth--) {
    const node = nodeAt(doc, path.slice(0, depth));
    if (node) return node;
  }
  return doc.contents ?? undefined;
}

/**
 * The YAML node at a validated value's key path. Keys are matched as text: the schema sees `{1: 2}`
 * with the key "1", where the YAML node's key is the number 1.
 */
function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let current: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(current)) current = current.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment))?.value;
    else if (isSeq(current)) current = current.items[Number(segment)];
    else return undefined;
  }
  return (current ?? undefined) as Node | undefined;
}

function nodeStart(node: Node | undefined | null): number {
  return node?.range?.[0] ?? 0;
}

function lookup(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // JSON has no infinity: YAML's own spelling, not "null".
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  if (value === undefined) return 'nothing';
  return JSON.stringify(value);
}
