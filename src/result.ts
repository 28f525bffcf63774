import packageJson from '../package.json' with { type: 'json' };
import type { SkippedFile } from './corpus/read.js';
import type { Story } from './corpus/stories.js';
import { SEVERITIES, type Finding, type Severity } from './findings.js';
import type { StoryGroups } from './engine.js';
import type { Rule } from './rules/rule.js';
import type { Shard } from './shard.js';
import type { UnusedSuppression } from './suppressions.js';

/** Everything a report needs: what was read, what was skipped and why, and what was found. */
export interface CheckResult {
  readonly stories: readonly Story[];
  readonly rules: readonly Rule[];
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedFile[];
  /** The facts each story's checks compared, by story id; a finding's `group` indexes its story's list. */
  readonly groups: Readonly<StoryGroups>;
  /** Findings an in-article suppression covers: counted in the summary, not reported. */
  readonly suppressed?: readonly Finding[];
  /** Suppressions that matched no finding or name no rule, so stale ones get removed. */
  readonly unusedSuppressions?: readonly UnusedSuppression[];
  /** How many findings `--baseline` accepted (not reported). */
  readonly baselined?: number;
  /** The share of stories this run checked (`--shard`); every article was read. */
  readonly shard?: Shard;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export const TOOL_NAME = 'crosscheck';
export const TOOL_VERSION: string = packageJson.version;
