import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { UserError, UserErrors } from '../errors.js';
import { displayPath } from '../paths.js';
import { SEVERITIES } from '../findings.js';
import { parseByteSize } from '../size.js';
import { parseYamlSource } from '../yaml-source.js';

/** Looked for, in this order, in the working directory and each folder above it. */
export const CONFIG_NAMES = ['.crosscheck.yaml', 'crosscheck.config.yaml'];

const size = z
  .union([z.number(), z.string()])
  .refine((value) => parseByteSize(value) !== undefined, 'expected a size such as 10MB, 512kb or a number of bytes')
  .describe('Skip larger files (reported as skipped): a number of bytes or 10MB, 512kb…');

/** The config file's keys; every path in it is relative to the file's folder. */
export const configSchema = z
  .object({
    paths: z.array(z.string().min(1)).min(1).optional().describe('Articles or folders of articles to check when the command line names none.'),
    rules: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional().describe('Folder, or folders, of YAML rules.'),
    failOn: z.enum([...SEVERITIES, 'never']).optional().describe('Exit 1 when a finding is at or above this severity.'),
    minSeverity: z.enum(SEVERITIES).optional().describe('Report only findings at or above this severity.'),
    maxFileSize: size.optional(),
    severity: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a rule id'), z.enum([...SEVERITIES, 'off']))
      .optional()
      .describe('Per rule id: the severity of all its findings (over the rule file\'s `severity:` and `findings:`), or `off`.'),
    ignore: z.array(z.string().min(1)).optional().describe('Files and folders not to read, in .gitignore syntax, relative to this file (added to .crosscheckignore).'),
  })
  .strict()
  .describe('crosscheck configuration (.crosscheck.yaml)');

export type ConfigValues = z.infer<typeof configSchema>;

export interface Config {
  /** The file read, as given or found; undefined when there is none. */
  readonly path?: string;
  /** Folder the file's paths are relative to. */
  readonly dir: string;
  readonly values: Omit<ConfigValues, 'maxFileSize'> & { maxFileSize?: number };
}

/** The nearest config file at or above `start`, or undefined. */
export function findConfig(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** `--config FILE`, else the nearest config file above `cwd`, else defaults. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!path) return { dir: cwd, values: {} };
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(explicit ?? path, `cannot read the config file (${(error as NodeJS.ErrnoException).code})`, 'give the path of a .crosscheck.yaml');
  }
  return { path, dir: dirname(path), values: parseConfig(explicit ?? displayPath(path, cwd), source) };
}

/** Validates a config file's text; every error names `file:line:col`, the key and what is allowed. */
export function parseConfig(path: string, source: string): Config['values'] {
  const parsed = parseYamlSource(source);
  const at = (offset: number): string => {
    const { line, col } = parsed.lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  if ('problems' in parsed) throw new UserErrors(parsed.problems.map((problem) => new UserError(at(problem.offset), `invalid YAML: ${problem.message}`, 'fix the YAML syntax')));
  if (parsed.value === null || parsed.value === undefined) return {};
  if (!isMap(parsed.doc.contents)) throw new UserError(at(parsed.doc.contents?.range?.[0] ?? 0), 'a config file must be a YAML mapping', `use the keys ${Object.keys(configSchema.shape).join(', ')}`);
  const checked = configSchema.safeParse(parsed.value);
  if (!checked.success) throw new UserErrors(checked.error.issues.map((issue) => issueError(issue, parsed.doc, at)));
  const { maxFileSize, ...rest } = checked.data;
  return { ...rest, ...(maxFileSize !== undefined ? { maxFileSize: parseByteSize(maxFileSize)! } : {}) };
}

function issueError(issue: z.core.$ZodIssue, doc: Document, at: (offset: number) => string): UserError {
  const shown = issue.path.map(String).join('.');
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
      if (node) return node;
    }
    return doc.contents ?? undefined;
  };
  const start = (node: Node | undefined | null): number => node?.range?.[0] ?? 0;
  if (issue.code === 'unrecognized_keys') {
    const parent = nodeAt(issue.path);
    const key = issue.keys[0]!;
    const keyNode = isMap(parent) ? (parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key as Node | undefined) : undefined;
    const allowed = issue.path.length === 0 ? `allowed keys are ${Object.keys(configSchema.shape).join(', ')}` : 'remove it';
    return new UserError(at(start(keyNode ?? parent)), `${[...issue.path.map(String), key].join('.')}: unknown key`, allowed);
  }
  if (issue.code === 'invalid_value') return new UserError(at(start(nodeAt(issue.path))), `${shown}: not allowed`, `expected one of ${issue.values.map(String).join(' | ')}`);
  if (issue.code === 'invalid_key') return new UserError(at(start(nodeAt(issue.path))), `${shown}: not a rule id`, 'use lowercase letters, digits and hyphens');
  return new UserError(at(start(nodeAt(issue.path))), `${shown || '(config)'}: ${issue.message}`, 'see docs/config.schema.json');
}

/** The JSON Schema of the config file, for editors. */
export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return JSON.stringify({ ...schema, title: 'crosscheck configuration' }, null, 2) + '\n';
}
