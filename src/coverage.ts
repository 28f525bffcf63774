import type { Span } from './corpus/article.js';
import type { Story } from './corpus/stories.js';
import { SEVERITY_RANK, type Finding, type Severity } from './findings.js';
import type { FactGroup } from './kinds/kind.js';
import type { CheckResult } from './result.js';

/** A row's kind: the kind that compared the fact (quote, figure, date, name, duration, consistency). */
export type FactKind = string;

/** One fact of a story (a remark, a counted quantity, a dated event) and what each article says of it. */
export interface CoverageRow {
  readonly kind: FactKind;
  readonly label: string;
  /** By article path: each version that article gives. */
  readonly cells: ReadonlyMap<string, readonly Span[]>;
  /** The most severe of this fact's findings, if any. */
  readonly conflict?: Severity;
  /** The findings about this fact: each finding is in exactly one row. */
  readonly findings: readonly Finding[];
}

export interface StoryCoverage {
  readonly story: Story;
  readonly rows: readonly CoverageRow[];
}

/**
 * The facts of each story as a table: rows are the groups the checks compared, columns articles.
 * Nothing is extracted or compared again here: a row is a group a kind returned, and its findings
 * are those the kind tied to it. Facts found in one article only are kept (worth seeing too).
 */
export function buildCoverage(result: CheckResult): StoryCoverage[] {
  return result.stories.map((story) => {
    const groups = result.groups[story.id] ?? [];
    // Two rules of one kind may compare the same fact: one row, holding both rules' findings.
    const rowOf = new Map<string, number>();
    const rows: Array<{ group: FactGroup; findings: Finding[] }> = [];
    const indexOf = groups.map((group) => {
      const key = `${group.kind}\u0000${group.spans.map((span) => `${span.path}:${span.start}:${span.end}`).sort().join('\u0000')}`;
      if (!rowOf.has(key)) {
        rowOf.set(key, rows.length);
        rows.push({ group, findings: [] });
      }
      return rowOf.get(key)!;
    });
    for (const finding of result.findings) {
      if (finding.story === story.id) rows[indexOf[finding.group]!]!.findings.push(finding);
    }
    const coverage = rows.map(({ group, findings }) => row(group, findings));
    // Conflicts first, then facts more articles share.
    coverage.sort((a, b) => (b.conflict ? SEVERITY_RANK[b.conflict] : 0) - (a.conflict ? SEVERITY_RANK[a.conflict] : 0) || b.cells.size - a.cells.size);
    return { story, rows: coverage };
  });
}

function row(group: FactGroup, findings: readonly Finding[]): CoverageRow {
  const cells = new Map<string, Span[]>();
  for (const span of group.spans) cells.set(span.path, [...(cells.get(span.path) ?? []), span]);
  const conflict = findings.reduce<Severity | undefined>((worst, finding) => (!worst || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst] ? finding.severity : worst), undefined);
  return { kind: group.kind, label: group.label, cells, findings, ...(conflict ? { conflict } : {}) };
}
