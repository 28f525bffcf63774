import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Article, Span } from './corpus/article.js';
import type { Story } from './corpus/stories.js';
import { UserError } from './errors.js';
import type { Finding } from './findings.js';
import { parseYamlSource } from './yaml-source.js';

/** `all`, or rule ids. */
type Target = 'all' | string;

/** One rule (or `all`) switched off over a range of one article, by one directive. */
export interface Suppression {
  readonly path: string;
  /** Where the directive is written, 1-based. */
  readonly line: number;
  readonly column: number;
  /** The directive as written, for messages. */
  readonly directive: string;
  readonly target: Target;
  /** Offsets of the article's text the rule is off in, half-open. */
  readonly start: number;
  readonly end: number;
}

export interface UnusedSuppression {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly directive: string;
  readonly target: Target;
  /** Why it is reported: it matched no finding, or it names a rule that does not exist. */
  readonly reason: 'matched no finding' | 'names no rule';
}

export interface SuppressionOutcome {
  readonly kept: Finding[];
  readonly suppressed: Finding[];
  readonly unused: UnusedSuppression[];
}

const COMMENT = /<!--[ \t]*crosscheck-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** Every suppression an article declares: its front matter's `crosscheck: { disable }` and its `<!-- crosscheck-… -->` comments. */
export function readSuppressions(article: Article): Suppression[] {
  return [...frontMatterSuppressions(article), ...commentSuppressions(article)];
}

function frontMatterSuppressions(article: Article): Suppression[] {
  const match = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(article.text);
  if (!match?.[1]) return [];
  const yamlStart = match[0].indexOf('\n') + 1;
  const parsed = parseYamlSource(match[1]);
  // Malformed front matter is reported by the metadata reader; nothing to add here.
  if ('problems' in parsed || !isMap(parsed.doc.contents)) return [];
  const node = parsed.doc.get('crosscheck', true) as Node | undefined;
  if (node === undefined) return [];
  const at = (target: Node | undefined | null): { line: number; column: number } => article.lines.position(yamlStart + (target?.range?.[0] ?? 0));
  const fail = (target: Node | undefined | null, what: string): never => {
    const { line, column } = at(target);
    throw new UserError(`${article.path}:${line}:${column}`, what, 'write `crosscheck: { disable: all }` or `crosscheck: { disable: [rule-id, …] }`');
  };
  if (!isMap(node)) return fail(node, 'crosscheck: expected a mapping');
  for (const pair of node.items) {
    if (!isScalar(pair.key) || pair.key.value !== 'disable') fail(pair.key as Node, `crosscheck.${String(isScalar(pair.key) ? pair.key.value : '?')}: unknown key`);
  }
  const disable = node.get('disable', true) as Node | undefined;
  const items: Node[] = isSeq(disable) ? (disable.items as Node[]) : disable ? [disable] : [];
  if (items.length === 0) fail(disable ?? node, 'crosscheck.disable: missing or empty');
  return items.map((item) => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') return fail(item, 'crosscheck.disable: expected a rule id or `all`');
    const { line, column } = at(item);
    return { path: article.path, line, column, directive: `front matter crosscheck.disable: ${item.value}`, target: item.value, start: 0, end: article.text.length };
  });
}

function commentSuppressions(article: Article): Suppression[] {
  const suppressions: Suppression[] = [];
  // Regions still open, by target, with the directive that opened them.
  const open = new Map<Target, { line: number; column: number; directive: string; start: number }>();
  const close = (target: Target, end: number): void => {
    const region = open.get(target);
    if (!region) return;
    suppressions.push({ path: article.path, ...region, target, end });
    open.delete(target);
  };
  for (const match of article.text.matchAll(COMMENT)) {
    const action = match[1]!;
    const targets = match[2]!.split(/[\s,]+/).filter(Boolean);
    const offset = match.index;
    const { line, column } = article.lines.position(offset);
    const directive = match[0];
    if (action === 'enable') {
      for (const target of targets.length ? targets : [...open.keys()]) close(target, offset);
    } else if (action === 'disable') {
      for (const target of targets.length ? targets : ['all']) {
        if (!open.has(target)) open.set(target, { line, column, directive, start: offset + directive.length });
      }
    } else {
      const [start, end] = lineRange(article.text, offset + directive.length);
      for (const target of targets.length ? targets : ['all']) suppressions.push({ path: article.path, line, column, directive, target, start, end });
    }
  }
  for (const target of [...open.keys()]) close(target, article.text.length);
  return suppressions;
}

/** The offsets of the line after the one holding `offset`. */
function lineRange(text: string, offset: number): [number, number] {
  const breakAt = text.slice(offset).search(/\r\n|\n|\r/);
  if (breakAt < 0) return [text.length, text.length];
  const start = offset + breakAt + (text.startsWith('\r\n', offset + breakAt) ? 2 : 1);
  const next = text.slice(start).search(/\r\n|\n|\r/);
  return [start, next < 0 ? text.length : start + next];
}

/**
 * Takes out the findings a suppression covers: a finding is suppressed when any of its sides lies
 * where its rule (or `all`) is disabled. Suppressions for rules that ran and matched nothing, and
 * suppressions naming rules that do not exist, are returned as unused so that stale ones get removed.
 */
export function applySuppressions(
  stories: readonly Story[],
  findings: readonly Finding[],
  rules: { ran: ReadonlySet<string>; known: ReadonlySet<string> },
): SuppressionOutcome {
  const byPath = new Map<string, Suppression[]>();
  for (const story of stories) {
    for (const article of story.articles) {
      const list = readSuppressions(article);
      if (list.length > 0) byPath.set(article.path, list);
    }
  }
  if (byPath.size === 0) return { kept: [...findings], suppressed: [], unused: [] };
  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const covering = [finding.location, ...finding.related].flatMap((span) => (byPath.get(span.path) ?? []).filter((s) => covers(s, span, finding.ruleId)));
    for (const suppression of covering) used.add(suppression);
    (covering.length > 0 ? suppressed : kept).push(finding);
  }
  const unused: UnusedSuppression[] = [];
  for (const suppression of [...byPath.values()].flat()) {
    if (used.has(suppression)) continue;
    const { path, line, column, directive, target } = suppression;
    if (target !== 'all' && !rules.known.has(target)) unused.push({ path, line, column, directive, target, reason: 'names no rule' });
    else if (target === 'all' || rules.ran.has(target)) unused.push({ path, line, column, directive, target, reason: 'matched no finding' });
  }
  return { kept, suppressed, unused };
}

function covers(suppression: Suppression, span: Span, ruleId: string): boolean {
  return (suppression.target === 'all' || suppression.target === ruleId) && span.start >= suppression.start && span.start < suppression.end;
}

/** `file:line:col: <directive> matched no finding: remove it`, as the reports print it. */
export function describeUnused(unused: UnusedSuppression): string {
  const todo = unused.reason === 'names no rule' ? 'name a rule id or `all`' : 'remove it';
  return `${unused.path}:${unused.line}:${unused.column}: suppression of ${unused.target} ${unused.reason}: ${todo}`;
}
