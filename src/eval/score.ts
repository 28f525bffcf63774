import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import difflib from 'difflib';
import type * as Sarif from 'sarif';
import { UserError } from '../errors.js';
import { KEYED_KINDS, type AnswerKey, type KeyedKind, type KeyedSpan } from './answer-key.js';

/**
 * Scores a SARIF log against an answer key exactly as ../shared/tools/score.py does, so the two
 * always agree: files are read with universal newlines, offsets count code points, a region's
 * columns are read as offsets into its line, and a result covers a keyed span when one of its
 * locations overlaps it in the same file.
 */

/** A piece of a story file in code points, half-open, as score.py holds spans. */
interface FileSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export interface ItemOutcome {
  readonly kind: KeyedKind;
  readonly what: string;
  readonly found: boolean;
  /** `file:line` of the item's `a` and `b` sides. */
  readonly a: string;
  readonly b: string;
}

export type Verdict = 'true' | 'false' | 'unjudged' | 'single-location';

export interface JudgedFinding {
  readonly ruleId: string;
  /** The rule kind that reported it (quote, figure, ...), from the SARIF result's properties. */
  readonly ruleKind: string;
  readonly message: string;
  /** `file:line:col` of the primary location. */
  readonly location: string;
  readonly verdict: Verdict;
  /** For a false positive: the `consistent` fact or `non_issue` it covers, as `group: what`. */
  readonly decoy?: string;
}

export interface KindCount {
  found: number;
  total: number;
}

export interface Score {
  readonly byKind: Partial<Record<KeyedKind, KindCount>>;
  readonly found: number;
  readonly total: number;
  readonly recall: number;
  readonly precision: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly unjudged: number;
  readonly singleLocation: number;
  readonly items: readonly ItemOutcome[];
  readonly findings: readonly JudgedFinding[];
}

class StoryFiles {
  private readonly texts = new Map<string, { chars: string[]; text: string; starts: number[] }>();

  constructor(
    private readonly dir: string,
    private readonly keyPath: string,
  ) {}

  has(name: string): boolean {
    return this.texts.has(name) || existsSync(join(this.dir, name));
  }

  file(name: string): { chars: string[]; text: string; starts: number[] } {
    let file = this.texts.get(name);
    if (!file) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(this.dir, name));
      } catch (error) {
        throw new UserError(this.keyPath, `${name} cannot be read in ${this.dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'name the story\'s files by base name');
      }
      // Python's text mode: invalid bytes become U+FFFD and every line ending becomes \n.
      const text = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
      const chars = Array.from(text);
      const starts = [0];
      chars.forEach((char, index) => {
        if (char === '\n') starts.push(index + 1);
      });
      file = { chars, text, starts };
      this.texts.set(name, file);
    }
    return file;
  }

  span(ref: KeyedSpan): FileSpan {
    const name = basename(ref.file);
    const { text } = this.file(name);
    const at = text.indexOf(ref.text);
    if (at < 0) {
      throw new UserError(this.keyPath, `answer key excerpt not found in ${name}: ${JSON.stringify(ref.text)}`, 'copy the excerpt exactly from the article');
    }
    const start = codePointLength(text.slice(0, at));
    return { file: name, start, end: start + codePointLength(ref.text) };
  }

  offset(name: string, line: number, column: number): number {
    const { starts } = this.file(name);
    const clamped = Math.max(1, Math.min(line, starts.length));
    return starts[clamped - 1]! + Math.max(0, column - 1);
  }

  lineEnd(name: string, line: number): number {
    const { starts } = this.file(name);
    return starts[Math.min(line, starts.length - 1)]!;
  }

  where(span: FileSpan): { line: number; column: number } {
    const { starts } = this.file(span.file);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= span.start) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: span.start - starts[low]! + 1 };
  }
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function overlaps(a: FileSpan, b: FileSpan): boolean {
  return a.file === b.file && a.start < b.end && b.start < a.end;
}

function covers(spans: readonly FileSpan[], key: FileSpan): boolean {
  return spans.some((span) => overlaps(span, key));
}

function resultSpans(result: Sarif.Result, files: StoryFiles): FileSpan[] {
  const spans: FileSpan[] = [];
  for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
    const physical = location.physicalLocation;
    const uri = physical?.artifactLocation?.uri;
    const region = physical?.region;
    if (!uri || region?.startLine === undefined) continue;
    const path = uri.includes('://') ? decodeURIComponent(new URL(uri).pathname) : uri;
    const name = basename(path);
    if (!files.has(name)) continue;
    const startLine = region.startLine;
    const endLine = region.endLine ?? startLine;
    const start = files.offset(name, startLine, region.startColumn ?? 1);
    const end = region.endColumn ? files.offset(name, endLine, region.endColumn) : files.lineEnd(name, endLine);
    spans.push({ file: name, start, end: Math.max(end, start + 1) });
  }
  return spans;
}

/** Scores one story's SARIF log; `dir` holds the story's files by base name. */
export function scoreSarif(log: Sarif.Log, key: AnswerKey, dir: string, keyPath: string): Score {
  const files = new StoryFiles(dir, keyPath);
  const items = key.inconsistencies.map((item) => {
    const sideA = [files.span(item.a)];
    const sideB = [files.span(item.b)];
    for (const extra of item.also ?? []) {
      const towardsA = new difflib.SequenceMatcher(null, extra.text, item.a.text).ratio();
      const towardsB = new difflib.SequenceMatcher(null, extra.text, item.b.text).ratio();
      (towardsA >= towardsB ? sideA : sideB).push(files.span(extra));
    }
    return { item, sideA, sideB };
  });
  const decoys = [
    ...key.consistent.map((fact) => ({ label: `consistent: ${fact.what}`, spans: fact.occurrences.map((o) => files.span(o)) })),
    ...key.non_issues.map((fact) => ({ label: `non_issues: ${fact.what}`, spans: fact.occurrences.map((o) => files.span(o)) })),
  ];

  const found = items.map(() => false);
  const findings: JudgedFinding[] = [];
  const results = (log.runs ?? []).flatMap((run) => run.results ?? []);
  for (const result of results) {
    const spans = resultSpans(result, files);
    const judged = (verdict: Verdict, decoy?: string): JudgedFinding => ({
      ruleId: result.ruleId ?? '',
      ruleKind: String((result.properties as { kind?: unknown } | undefined)?.kind ?? ''),
      message: result.message.text ?? '',
      location: primaryLocation(result),
      verdict,
      ...(decoy ? { decoy } : {}),
    });
    if (new Set(spans.map((span) => span.file)).size < 2) {
      findings.push(judged('single-location'));
      continue;
    }
    let hit = false;
    items.forEach(({ sideA, sideB }, index) => {
      for (const a of sideA) {
        for (const b of sideB) {
          if (a.file !== b.file && covers(spans, a) && covers(spans, b)) found[index] = hit = true;
        }
      }
    });
    if (hit) {
      findings.push(judged('true'));
      continue;
    }
    const decoy = decoys.find(({ spans: occurrences }) => new Set(occurrences.filter((o) => covers(spans, o)).map((o) => o.file)).size >= 2);
    findings.push(decoy ? judged('false', decoy.label) : judged('unjudged'));
  }

  const byKind: Partial<Record<KeyedKind, KindCount>> = {};
  const outcomes = items.map(({ item, sideA, sideB }, index): ItemOutcome => {
    const count = (byKind[item.kind] ??= { found: 0, total: 0 });
    count.total++;
    if (found[index]) count.found++;
    const at = (span: FileSpan): string => `${span.file}:${files.where(span).line}`;
    return { kind: item.kind, what: item.what, found: found[index]!, a: at(sideA[0]!), b: at(sideB[0]!) };
  });
  return summarise(sortKinds(byKind), outcomes, findings);
}

function primaryLocation(result: Sarif.Result): string {
  const physical = result.locations?.[0]?.physicalLocation;
  const uri = physical?.artifactLocation?.uri ?? '';
  const path = uri.includes('://') ? decodeURIComponent(new URL(uri).pathname) : decodeURIComponent(uri);
  return `${path}:${physical?.region?.startLine ?? 1}:${physical?.region?.startColumn ?? 1}`;
}

function sortKinds(byKind: Partial<Record<KeyedKind, KindCount>>): Partial<Record<KeyedKind, KindCount>> {
  return Object.fromEntries([...KEYED_KINDS].sort().filter((kind) => byKind[kind]).map((kind) => [kind, byKind[kind]!]));
}

/** Recall and precision as score.py computes them: precision is 0 when nothing was judged. */
export function summarise(byKind: Partial<Record<KeyedKind, KindCount>>, items: readonly ItemOutcome[], findings: readonly JudgedFinding[]): Score {
  const count = (verdict: Verdict): number => findings.filter((finding) => finding.verdict === verdict).length;
  const truePositives = count('true');
  const falsePositives = count('false');
  const found = items.filter((item) => item.found).length;
  return {
    byKind,
    found,
    total: items.length,
    recall: items.length ? found / items.length : 0,
    precision: truePositives + falsePositives ? truePositives / (truePositives + falsePositives) : 0,
    truePositives,
    falsePositives,
    unjudged: count('unjudged'),
    singleLocation: count('single-location'),
    items,
    findings,
  };
}
