import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function crosscheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A keyed story of our own: the house-style rule finds U.S./US; no rule here finds the toll. */
function keyedStory(answers: string): string {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-eval-cli-'));
  const dir = join(root, 'envoy');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), 'The U.S. envoy met the mayor.\nThe town counted 31 dead on Monday.\n');
  writeFileSync(join(dir, 'b.txt'), 'The US envoy met the mayor.\nThe town counted 16 dead on Monday.\n');
  writeFileSync(join(dir, 'answers.yaml'), answers);
  return root;
}

const ANSWERS = `files: [a.txt, b.txt]
inconsistencies:
- kind: spelling
  what: U.S. vs US
  a: {file: a.txt, text: U.S. envoy}
  b: {file: b.txt, text: US envoy}
- kind: figure
  what: 'Toll: 31 vs 16'
  a: {file: a.txt, text: counted 31 dead}
  b: {file: b.txt, text: counted 16 dead}
`;

describe('crosscheck eval', () => {
  it('prints JSON with per-kind counts, every item and every judged finding', () => {
    const root = keyedStory(ANSWERS);
    const { status, stdout, stderr } = crosscheck('eval', root, '--rule', 'house-style', '--format', 'json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.total).toMatchObject({ found: 1, total: 2, recall: 0.5, truePositives: 1, falsePositives: 0, unjudged: 0, singleLocation: 0 });
    expect(report.total.byKind).toEqual({ figure: { found: 0, total: 1 }, spelling: { found: 1, total: 1 } });
    expect(report.total.byRuleKind).toEqual({ consistency: { true: 1, false: 0, unjudged: 0, 'single-location': 0 } });
    expect(report.stories[0].items).toEqual([
      { kind: 'spelling', what: 'U.S. vs US', found: true, a: 'a.txt:1', b: 'b.txt:1' },
      { kind: 'figure', what: 'Toll: 31 vs 16', found: false, a: 'a.txt:2', b: 'b.txt:2' },
    ]);
    expect(report.stories[0].findings).toHaveLength(1);
    expect(report.stories[0].findings[0]).toMatchObject({ ruleId: 'house-style', ruleKind: 'consistency', verdict: 'true' });
    expect(report.stories[0].findings[0].location).toBe(join(root, 'envoy/b.txt:1:5'));
  });

  it('lists missed items with --verbose, and a lost item fails against the baseline, naming it', () => {
    const root = keyedStory(ANSWERS);
    const baseline = join(root, 'baseline.json');
    expect(crosscheck('eval', root, '--rule', 'house-style', '--baseline', baseline, '--update-baseline').status).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).stories).toEqual({ envoy: { found: ['[spelling] U.S. vs US'], falsePositives: {} } });
    const pretty = crosscheck('eval', root, '--rule', 'house-style', '--verbose', '--baseline', baseline);
    expect(pretty.status).toBe(0);
    expect(pretty.stdout).toContain('  MISSED   [figure] Toll: 31 vs 16 (a.txt:2, b.txt:2)\n');
    expect(pretty.stdout).toContain('baseline: no item lost, no new false positive\n');
    // The war-length rule alone finds nothing here, so the baseline's item is lost.
    const lost = crosscheck('eval', root, '--rule', 'war-length', '--baseline', baseline);
    expect(lost.status).toBe(1);
    expect(lost.stdout).toContain('baseline: 1 regression\n  envoy: lost [spelling] U.S. vs US\n');
  }, 60_000);

  it('rejects a malformed answer key with file:line:col and exit code 2', () => {
    const root = keyedStory('inconsistencies:\n- kind: typo\n  what: x\n');
    const { status, stderr, stdout } = crosscheck('eval', root);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${join(root, 'envoy', 'answers.yaml')}:2:9: inconsistencies.0.kind: Invalid option: expected one of "quote"|"figure"|"date"|"duration"|"spelling"|"attribution"|"other"`);
    expect(crosscheck('eval', join(root, 'nowhere')).stderr).toBe(`${join(root, 'nowhere')}: no such file or folder: give story folders holding answers.yaml, or DIR=KEY.yaml\n`);
  });
});
