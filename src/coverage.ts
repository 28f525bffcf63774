import { spanOf, type Span } from './corpus/article.js';
import type { Story } from './corpus/stories.js';
import { MemoFactStore } from './engine.js';
import { extractDates } from './extract/dates.js';
import { extractFigureClaims } from './extract/figure-claims.js';
import { extractQuotes } from './extract/quotes.js';
import { SEVERITY_RANK, type Finding, type Severity } from './findings.js';
import { sameEvent } from './kinds/date.js';
import { comparable } from './kinds/figure.js';
import { alignedPairs } from './kinds/quote.js';
import type { CheckResult } from './result.js';

/** A row's kind: a fact kind, or the kind of the finding a row was made from (name, duration, ...). */
export type FactKind = string;

/** One fact of a story (a remark, a counted quantity, a dated event) and what each article says of it. */
export interface CoverageRow {
  readonly kind: FactKind;
  readonly label: string;
  /** By article path: each version that article gives. */
  readonly cells: ReadonlyMap<string, readonly Span[]>;
  /** The most severe finding touching this fact, if any. */
  readonly conflict?: Severity;
  /** The findings touching this fact. */
  readonly findings: readonly Finding[];
}

export interface StoryCoverage {
  readonly story: Story;
  readonly rows: readonly CoverageRow[];
}

interface QuoteOptions {
  minWords: number;
  threshold: number;
  maxPadding: number;
}
interface FigureOptions {
  minContext: number;
}
interface DateOptions {
  minSimilarity: number;
  reportingSimilarity: number;
  minShared: number;
}

/**
 * The facts of each story as a table: rows are facts, columns articles. Facts found in one
 * article only are kept (a fact only one article has is itself worth seeing).
 */
export function buildCoverage(result: CheckResult): StoryCoverage[] {
  const facts = result.facts ?? new MemoFactStore();
  // Facts are grouped the way the rules that ran compare them; a kind no rule ran gives no rows.
  const options = <T>(kind: string) => result.rules.find((rule) => rule.kind === kind) as unknown as T | undefined;
  const quoteOptions = options<QuoteOptions>('quote');
  const figureOptions = options<FigureOptions>('figure');
  const dateOptions = options<DateOptions>('date');
  return result.stories.map((story) => {
    const findings = result.findings.filter((finding) => finding.story === story.id);
    const rows: CoverageRow[] = [];

    const quotes = quoteOptions ? story.articles.flatMap((article) => facts.get(article, extractQuotes)).filter((quote) => !quote.nested && quote.tokens.length >= 2) : [];
    const quoteGroups = quoteOptions ? cluster(quotes, alignedPairs(quotes, quoteOptions).map((pair) => [pair.a, pair.b])) : [];
    for (const group of quoteGroups) {
      const speaker = group.find((quote) => quote.speaker)?.speaker?.name;
      const words = group[0]!.tokens.slice(0, 6).map((token) => token.surface).join(' ');
      rows.push(row('quote', `${speaker ? `${speaker}: ` : ''}“${words}${group[0]!.tokens.length > 6 ? ' …' : ''}”`, group.map((q) => spanOf(q.article, q.start, q.end)), findings));
    }

    const figures = figureOptions ? story.articles.flatMap((article) => facts.get(article, extractFigureClaims)) : [];
    const figurePairs: Array<[typeof figures[number], typeof figures[number]]> = [];
    figures.forEach((f, i) => figures.slice(i + 1).forEach((g) => f.article !== g.article && comparable(f, g, figureOptions!.minContext) && figurePairs.push([f, g])));
    for (const group of cluster(figures, figurePairs)) {
      const first = group[0]!;
      const label = [first.measure.replace(/^(noun|unit):/, ''), first.scope ? `in ${first.scope}` : undefined].filter(Boolean).join(' ');
      rows.push(row('figure', label, group.map((f) => spanOf(f.article, f.start, f.end)), findings));
    }

    const dates = dateOptions ? story.articles.flatMap((article) => facts.get(article, extractDates)) : [];
    const datePairs: Array<[typeof dates[number], typeof dates[number]]> = [];
    dates.forEach((a, i) => dates.slice(i + 1).forEach((b) => a.article !== b.article && sameEvent(a, b, dateOptions!) && datePairs.push([a, b])));
    for (const group of cluster(dates, datePairs)) {
      const shared = [...group[0]!.event].filter((word) => group.every((mention) => mention.event.has(word))).slice(0, 5);
      const label = [group[0]!.predicate, ...shared.filter((word) => word !== group[0]!.predicate)].filter(Boolean).slice(0, 5).join(' ');
      rows.push(row('date', label || 'date', group.map((d) => spanOf(d.article, d.start, d.end)), findings));
    }

    // Findings about things no fact row holds (names, house style, durations) get a row of their own.
    for (const finding of findings) {
      if (rows.some((existing) => existing.findings.includes(finding))) continue;
      const label = typeof finding.data.variants === 'object' ? (finding.data.variants as string[]).join(' / ') : finding.ruleId;
      rows.push(row(finding.kind, label, [finding.location, ...finding.related], [finding]));
    }

    // Conflicts first, then facts more articles share.
    rows.sort((a, b) => (b.conflict ? SEVERITY_RANK[b.conflict] : 0) - (a.conflict ? SEVERITY_RANK[a.conflict] : 0) || b.cells.size - a.cells.size);
    return { story, rows };
  });
}

function row(kind: FactKind, label: string, spans: Span[], findings: readonly Finding[]): CoverageRow {
  const cells = new Map<string, Span[]>();
  for (const span of spans) cells.set(span.path, [...(cells.get(span.path) ?? []), span]);
  const touching = findings.filter((finding) => [finding.location, ...finding.related].some((side) => spans.some((span) => overlaps(span, side))));
  const conflict = touching.reduce<Severity | undefined>((worst, finding) => (!worst || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst] ? finding.severity : worst), undefined);
  return { kind, label, cells, findings: touching, ...(conflict ? { conflict } : {}) };
}

function overlaps(a: Span, b: Span): boolean {
  return a.path === b.path && a.start < b.end && b.start < a.end;
}

/** Connected groups of items under a pairing (union-find), in first-seen order. */
function cluster<T>(items: readonly T[], pairs: ReadonlyArray<readonly [T, T]>): T[][] {
  const parent = new Map<T, T>(items.map((item) => [item, item]));
  const find = (item: T): T => {
    let root = item;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(item, root);
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a) || !parent.has(b)) continue;
    parent.set(find(a), find(b));
  }
  const groups = new Map<T, T[]>();
  for (const item of items) {
    const root = find(item);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  }
  return [...groups.values()];
}
