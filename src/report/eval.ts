import type { Evaluation } from '../eval/run.js';
import type { BaselineComparison } from '../eval/baseline.js';
import type { KindCount, Score } from '../eval/score.js';
import { terminalSafe } from './terminal-text.js';

export interface EvalReportOptions {
  /** List every missed item, false positive and unjudged finding with its file:line. */
  verbose?: boolean;
  baseline?: BaselineComparison;
}

const ratio = (value: number): string => value.toFixed(2);
const count = ({ found, total }: KindCount): string => `${found}/${total}`;

/** The eval as a table for people: per story, by keyed kind, and findings by the rule kind that made them. */
export function formatEvalPretty(evaluation: Evaluation, options: EvalReportOptions = {}): string {
  const nameWidth = Math.max(5, ...evaluation.stories.map((story) => story.name.length));
  const row = (name: string, score: Score): string =>
    `${name.padEnd(nameWidth)}  ${`${score.found}/${score.total}`.padEnd(7)}  ${ratio(score.recall).padEnd(6)}  ${ratio(score.precision).padEnd(9)}  ` +
    `${String(score.truePositives).padEnd(3)}  ${String(score.falsePositives).padEnd(3)}  ${String(score.unjudged).padEnd(8)}  ${score.singleLocation}`;
  const lines = [`${'story'.padEnd(nameWidth)}  found    recall  precision  tp   fp   unjudged  single-location`];
  for (const story of evaluation.stories) {
    lines.push(row(story.name, story.score));
    lines.push(`${' '.repeat(2)}${Object.entries(story.score.byKind).map(([kind, counts]) => `${kind} ${count(counts)}`).join(', ')}`);
    if (options.verbose) lines.push(...details(story.score));
  }
  lines.push(row('total', evaluation.total), '');

  lines.push('keyed kind    found    recall');
  for (const [kind, counts] of Object.entries(evaluation.total.byKind)) {
    lines.push(`${kind.padEnd(12)}  ${count(counts).padEnd(7)}  ${ratio(counts.total ? counts.found / counts.total : 0)}`);
  }
  lines.push('', 'rule kind     true  false  unjudged  single-location  precision');
  for (const [kind, verdicts] of byRuleKind(evaluation.total)) {
    const judged = verdicts.true + verdicts.false;
    lines.push(
      `${kind.padEnd(12)}  ${String(verdicts.true).padEnd(4)}  ${String(verdicts.false).padEnd(5)}  ${String(verdicts.unjudged).padEnd(8)}  ` +
        `${String(verdicts['single-location']).padEnd(15)}  ${judged ? ratio(verdicts.true / judged) : '-'}`,
    );
  }
  const { total } = evaluation;
  lines.push(
    '',
    `found ${total.found}/${total.total} recall ${ratio(total.recall)} precision ${ratio(total.precision)} ` +
      `(tp ${total.truePositives} fp ${total.falsePositives} unjudged ${total.unjudged} single-location ${total.singleLocation})`,
  );
  if (options.baseline) lines.push(...baselineLines(options.baseline));
  return lines.map(terminalSafe).join('\n') + '\n';
}

function details(score: Score): string[] {
  const lines: string[] = [];
  for (const item of score.items) if (!item.found) lines.push(`  MISSED   [${item.kind}] ${item.what} (${item.a}, ${item.b})`);
  for (const finding of score.findings) {
    if (finding.verdict === 'false') lines.push(`  FALSE+   ${finding.location} ${finding.ruleId}: ${finding.message} <- ${finding.decoy}`);
    if (finding.verdict === 'unjudged') lines.push(`  UNJUDGED ${finding.location} ${finding.ruleId}: ${finding.message}`);
  }
  return lines;
}

function byRuleKind(score: Score): Array<[string, Record<'true' | 'false' | 'unjudged' | 'single-location', number>]> {
  const kinds = new Map<string, Record<'true' | 'false' | 'unjudged' | 'single-location', number>>();
  for (const finding of score.findings) {
    const kind = finding.ruleKind || '(unknown)';
    let verdicts = kinds.get(kind);
    if (!verdicts) kinds.set(kind, (verdicts = { true: 0, false: 0, unjudged: 0, 'single-location': 0 }));
    verdicts[finding.verdict]++;
  }
  return [...kinds].sort(([a], [b]) => (a < b ? -1 : 1));
}

function baselineLines(comparison: BaselineComparison): string[] {
  const lines = [''];
  if (comparison.regressions.length === 0) lines.push('baseline: no item lost, no new false positive');
  else lines.push(`baseline: ${comparison.regressions.length} regression${comparison.regressions.length === 1 ? '' : 's'}`, ...comparison.regressions.map((line) => `  ${line}`));
  if (comparison.gains.length > 0) {
    lines.push(`baseline: ${comparison.gains.length} item${comparison.gains.length === 1 ? '' : 's'} found beyond it (record with --update-baseline)`, ...comparison.gains.map((line) => `  ${line}`));
  }
  return lines;
}

/** The eval for scripts and CI: every figure and every judged finding. */
export function formatEvalJson(evaluation: Evaluation, options: EvalReportOptions = {}): string {
  const story = (name: string, score: Score, extra: Record<string, string> = {}) => ({
    name,
    ...extra,
    found: score.found,
    total: score.total,
    recall: score.recall,
    precision: score.precision,
    truePositives: score.truePositives,
    falsePositives: score.falsePositives,
    unjudged: score.unjudged,
    singleLocation: score.singleLocation,
    byKind: score.byKind,
  });
  const json = {
    stories: evaluation.stories.map((s) => ({ ...story(s.name, s.score, { dir: s.dir, answers: s.answers }), items: s.score.items, findings: s.score.findings })),
    total: { ...story('total', evaluation.total), byRuleKind: Object.fromEntries(byRuleKind(evaluation.total)) },
    ...(options.baseline ? { baseline: options.baseline } : {}),
  };
  return JSON.stringify(json, null, 2) + '\n';
}
