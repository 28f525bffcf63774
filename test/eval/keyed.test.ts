import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { loadAnswerKey } from '../../src/eval/answer-key.js';
import { compareWithBaseline, readBaseline } from '../../src/eval/baseline.js';
import { evaluate, findTargets } from '../../src/eval/run.js';
import { scoreSarif } from '../../src/eval/score.js';
import { readArticles } from '../../src/corpus/read.js';
import { checkStories } from '../../src/engine.js';
import { formatSarif } from '../../src/report/sarif.js';
import { loadRules } from '../../src/rules/load.js';
import { SHARED_DIR, sharedAvailable } from '../support/shared.js';

const RULES = loadRules('rules');
const KEYED = join(SHARED_DIR, 'corpora/keyed');
const SEEDS = `seeds=${join(SHARED_DIR, 'seeds-answers.yaml')}`;

describe.runIf(sharedAvailable('the eval of the keyed stories and the seeds'))('crosscheck eval on ../shared', () => {
  it.each([
    ['seeds', 'seeds', join(SHARED_DIR, 'seeds-answers.yaml')],
    ['the Isak transfer story', join(KEYED, 'isak-liverpool-transfer-2025-09-01'), join(KEYED, 'isak-liverpool-transfer-2025-09-01/answers.yaml')],
    ['the hurricane Melissa story', join(KEYED, 'hurricane-melissa-jamaica-toll-2025-10-28'), join(KEYED, 'hurricane-melissa-jamaica-toll-2025-10-28/answers.yaml')],
  ])('gives the same figures as ../shared/tools/score.py on %s', (_name, dir, answers) => {
    const key = loadAnswerKey(answers);
    const { articles, skipped } = readArticles(key.files!.map((file) => join(dir, file)));
    const story = { id: 'story', articles };
    const sarif = formatSarif({ stories: [story], rules: RULES, skipped, ...checkStories([story], RULES) });
    const sarifPath = join(mkdtempSync(join(tmpdir(), 'crosscheck-eval-')), 'out.sarif');
    writeFileSync(sarifPath, sarif);
    const python = spawnSync('python3', [join(SHARED_DIR, 'tools/score.py'), '--answers', answers, '--sarif', sarifPath, '--dir', dir], { encoding: 'utf8' });
    expect(python.stderr).toBe('');
    const score = scoreSarif(JSON.parse(sarif) as Sarif.Log, key, dir, answers);
    const ours = [
      ...Object.entries(score.byKind).map(([kind, { found, total }]) => `  ${kind.padEnd(12)} ${found}/${total}`),
      `found ${score.found}/${score.total} recall ${score.recall.toFixed(2)} precision ${score.precision.toFixed(2)} ` +
        `(tp ${score.truePositives} fp ${score.falsePositives} unjudged ${score.unjudged} single-location ${score.singleLocation})`,
    ];
    expect(ours).toEqual(python.stdout.trimEnd().split('\n'));
  });

  it('loses no item and adds no false positive against test/eval/baseline.json', () => {
    const evaluation = evaluate(findTargets([KEYED, SEEDS]), RULES);
    const { regressions } = compareWithBaseline(evaluation, readBaseline('test/eval/baseline.json'));
    // Each line names the story and the item lost or the fact newly covered; after a real
    // improvement, `npm run eval -- --update-baseline` records it.
    expect(regressions).toEqual([]);
  }, 60_000);
});
