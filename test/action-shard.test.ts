import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../scripts/build.js';

/** The action's `shard` input, on a bundle of the current source (dist/ is rebuilt only at release). */
describe('GitHub Action: shard input', { timeout: 120_000 }, () => {
  it('checks its share of the stories and writes the JSON report for merge beside the SARIF file', async () => {
    const built = mkdtempSync(join(tmpdir(), 'crosscheck-bundle-'));
    await bundle(built);
    const repo = mkdtempSync(join(tmpdir(), 'crosscheck-action-shard-'));
    cpSync('rules', join(repo, 'rules'), { recursive: true });
    for (const story of ['alpha', 'beta', 'gamma']) {
      mkdirSync(join(repo, 'articles', story), { recursive: true });
      writeFileSync(join(repo, 'articles', story, 'a.md'), `The U.S. envoy met ${story} officials.\n`);
      writeFileSync(join(repo, 'articles', story, 'b.md'), `The US envoy met ${story} officials.\n`);
    }
    const home = mkdtempSync(join(tmpdir(), 'crosscheck-runner-'));
    writeFileSync(join(home, 'summary.md'), '');
    writeFileSync(join(home, 'output.txt'), '');
    const run = (shard: string) =>
      spawnSync(process.execPath, [join(built, 'action.js')], {
        cwd: repo,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: repo,
          GITHUB_EVENT_NAME: 'push',
          GITHUB_STEP_SUMMARY: join(home, 'summary.md'),
          GITHUB_OUTPUT: join(home, 'output.txt'),
          INPUT_PATHS: 'articles',
          'INPUT_FAIL-ON': 'never',
          INPUT_SHARD: shard,
          'INPUT_SARIF-FILE': 'out/shard.sarif',
        },
      });
    const result = run('1/2');
    expect(result.status).toBe(0);
    expect(readFileSync(join(home, 'output.txt'), 'utf8')).toMatch(/^json-file<<(\S+)\nout\/shard\.json\n\1$/m);
    const report = JSON.parse(readFileSync(join(repo, 'out', 'shard.json'), 'utf8'));
    expect(report.shard).toEqual({ index: 1, count: 2 });
    expect(report.stories.map((story: { id: string }) => story.id)).toEqual(['articles/gamma']);
    const bad = run('3/2');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('::error::--shard 3/2: not a shard: write i/n with 1 ≤ i ≤ n, for example --shard 2/4');
  });
});
