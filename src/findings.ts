import type { Span } from './corpus/article.js';

export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

/** One disagreement between articles of a story. */
export interface Finding {
  readonly ruleId: string;
  readonly kind: string;
  readonly severity: Severity;
  readonly message: string;
  /** The story (folder or `story:` value) the compared articles belong to. */
  readonly story: string;
  /** Where the finding is anchored. */
  readonly location: Span;
  /** The other side or sides, usually in other articles. */
  readonly related: readonly Span[];
  /** The finding type within its kind ("wording", "conflict", ...): picks the message template. */
  readonly type: string;
  /** The values compared, for machine readers. */
  readonly data: FindingData;
  /** Index, in its story's fact groups (`CheckResult.groups`), of the fact this finding is about. */
  readonly group: number;
}

/** Two numbers: the low and high ends of what a claim allows. */
export type Interval<T = number> = [T, T];

/** The values each kind compared, by finding type: what JSON and SARIF carry as `data`. */
export type FindingData =
  | ConsistencyData
  | FigureData
  | DateData
  | DurationData
  | QuoteData
  | NameData;

export interface ConsistencyData {
  /** The two variants, as the rule gives them. */
  pair: [string, string];
  /** Uses of each variant in the story. */
  counts: Record<string, number>;
}

/** An open upper bound ("at least 40") is null. */
export type FigureData =
  | { type: 'expected'; interval: [number, number | null]; expected: number }
  | { type: 'conflict'; what: string; values: Array<{ file: string; text: string; interval: [number, number | null]; asOf: string | null }> };

export type DateData =
  | { type: 'conflict'; dates: [Interval<string>, Interval<string>]; event: string[] }
  | { type: 'weekday'; written: string; actual: string }
  | { type: 'future'; date: string; published: string }
  | { type: 'undated' }
  /** Clock times in minutes of the day (a range for a rounded time), and their zone labels. */
  | { type: 'time'; event: string; minutes: [Interval, Interval]; zones: [string | null, string | null] }
  | { type: 'age'; person: string; ages: [number, number] };

export type DurationData =
  | { type: 'conflict'; interval: Interval; otherInterval: Interval; elapsed: number | null; unit: string }
  | { type: 'calendar'; interval: Interval; elapsed: number; unit: string };

export type QuoteData =
  /** `diff` marks words `[-removed-]{+added+}` from the other version to this one. */
  | { type: 'wording'; diff: string; variant: string; other: string }
  | { type: 'padding'; extra: string; other: string }
  | { type: 'attribution'; speakers: [string, string]; role?: string }
  | { type: 'speakerName'; speakers: [string, string] }
  /** `likeness`: Dice of the two versions' content lemmas. */
  | { type: 'rendering'; variant: string; other: string; likeness: number }
  | { type: 'singleSource' };

export interface NameData {
  type: 'spelling' | 'form' | 'givenName' | 'capitalisation';
  /** How the forms differ (name-variants' classification); not for capitalisation. */
  variant?: string;
  /** This side's form, then the other side's. */
  variants: [string, string];
}

/** Findings in a stable order: story, file, position, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.story, b.story) ||
    compareText(a.location.path, b.location.path) ||
    a.location.start - b.location.start ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
