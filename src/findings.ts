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
  /** The values compared, for machine readers. */
  readonly data: Readonly<Record<string, unknown>>;
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
