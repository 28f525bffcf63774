import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { KeyedKind } from './answer-key.js';
import type { KindCount } from './score.js';
import type { Evaluation } from './run.js';

/**
 * What the checker achieved on the keyed stories when the baseline was recorded: the items it
 * found, by story, and how many findings fell on each `consistent` fact or `non_issue`. A change
 * that loses an item or adds a false positive is a regression; recording a better baseline is one
 * command and a commit, so progress shows in history.
 */
const baselineSchema = z.object({
  stories: z.record(
    z.string(),
    z.object({
      found: z.array(z.string()),
      falsePositives: z.record(z.string(), z.number().int().nonnegative()),
    }),
  ),
  byKind: z.record(z.string(), z.object({ found: z.number(), total: z.number() })),
  falsePositives: z.number().int().nonnegative(),
});
export type Baseline = z.infer<typeof baselineSchema>;

/** An item as the baseline names it: `[kind] what`. */
export function itemLabel(item: { kind: KeyedKind; what: string }): string {
  return `[${item.kind}] ${item.what}`;
}

export function baselineOf(evaluation: Evaluation): Baseline {
  const stories: Baseline['stories'] = {};
  for (const story of evaluation.stories) {
    const falsePositives: Record<string, number> = {};
    for (const finding of story.score.findings) {
      if (finding.verdict === 'false') falsePositives[finding.decoy!] = (falsePositives[finding.decoy!] ?? 0) + 1;
    }
    stories[story.name] = { found: story.score.items.filter((item) => item.found).map(itemLabel), falsePositives };
  }
  return { stories, byKind: evaluation.total.byKind as Record<string, KindCount>, falsePositives: evaluation.total.falsePositives };
}

export function readBaseline(path: string): Baseline {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(path, `cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'record one with --update-baseline');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    throw new UserError(path, 'the baseline is not JSON', 'record it again with --update-baseline');
  }
  const result = baselineSchema.safeParse(parsed);
  if (!result.success) throw new UserError(path, `not a baseline: ${result.error.issues[0]!.path.join('.')}: ${result.error.issues[0]!.message}`, 'record it again with --update-baseline');
  return result.data;
}

export function writeBaseline(path: string, evaluation: Evaluation): void {
  writeFileSync(path, JSON.stringify(baselineOf(evaluation), null, 2) + '\n');
}

export interface BaselineComparison {
  /** Regressions, one line each, naming the story and the item or fact. */
  readonly regressions: string[];
  /** Items found now that the baseline does not have. */
  readonly gains: string[];
}

/** Compares the stories evaluated now with the baseline; stories it does not know are all gains. */
export function compareWithBaseline(evaluation: Evaluation, baseline: Baseline): BaselineComparison {
  const regressions: string[] = [];
  const gains: string[] = [];
  const now = baselineOf(evaluation);
  for (const [name, story] of Object.entries(now.stories)) {
    const before = baseline.stories[name] ?? { found: [], falsePositives: {} };
    const foundNow = new Set(story.found);
    for (const label of before.found) if (!foundNow.has(label)) regressions.push(`${name}: lost ${label}`);
    const foundBefore = new Set(before.found);
    for (const label of story.found) if (!foundBefore.has(label)) gains.push(`${name}: found ${label}`);
    for (const [decoy, count] of Object.entries(story.falsePositives)) {
      const was = before.falsePositives[decoy] ?? 0;
      if (count > was) regressions.push(`${name}: ${count - was} new false positive${count - was === 1 ? '' : 's'} on ${decoy}`);
    }
  }
  return { regressions, gains };
}
