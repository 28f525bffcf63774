import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, formatBaseline, readBaselineFile, writeBaselineFile } from '../src/baseline.js';
import { checkPaths } from '../src/check.js';
import { findingFingerprint } from '../src/fingerprint.js';
import { mergeReports } from '../src/merge.js';
import { formatJson } from '../src/report/json.js';
import { formatSarif } from '../src/report/sarif.js';
import { inShard, parseShard } from '../src/shard.js';
import { seedsResult } from './support/fixtures.js';
import { SHARED_DIR, sharedAvailable } from './support/shared.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-shard-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('baseline', () => {
  const result = seedsResult();

  it('uses the fingerprint SARIF reports', () => {
    const sarif = JSON.parse(formatSarif(result));
    expect(sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['crosscheck/v1'])).toEqual(result.findings.map(findingFingerprint));
  });

  it('accepts what it records, as many times as recorded; new findings are reported', () => {
    const dir = tree({});
    const file = join(dir, 'baseline.json');
    const [first, ...rest] = result.findings;
    writeBaselineFile(file, rest);
    const accepted = readBaselineFile(file);
    const { fresh, known } = applyBaseline(result.findings, accepted);
    expect(fresh).toEqual([first]);
    expect(known).toEqual(rest);
    expect(applyBaseline([...result.findings, first!], readBaselineFile(file)).fresh).toEqual([first, first]);
    expect(JSON.parse(formatBaseline([first!])).findings).toEqual([
      { fingerprint: findingFingerprint(first!), ruleId: first!.ruleId, where: `${first!.location.path}:${first!.location.startLine}:${first!.location.startColumn}`, message: first!.message },
    ]);
  });

  it('a file that is not a baseline is an error saying what to do', () => {
    const dir = tree({ 'bad.json': '{"version": 1, "findings": [{"fingerprint": "xyz"}]}', 'text.json': 'no' });
    expect(() => readBaselineFile(join(dir, 'bad.json'))).toThrow(`${join(dir, 'bad.json')}: not a crosscheck baseline (findings.0.fingerprint: Invalid string: must match pattern /^[0-9a-f]{32}$/): write it again with --write-baseline FILE`);
    expect(() => readBaselineFile(join(dir, 'text.json'))).toThrow(/text\.json: not JSON \(Unexpected token/);
    expect(() => readBaselineFile(join(dir, 'none.json'))).toThrow(`${join(dir, 'none.json')}: cannot read the baseline (ENOENT): write one first with --write-baseline FILE`);
  });
});

describe('shards', () => {
  it('i/n is read strictly', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(`--shard ${bad}: not a shard: write i/n with 1 ≤ i ≤ n, for example --shard 2/4`);
  });

  it('put every story in exactly one shard', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `story-${i}`);
    for (const count of [1, 2, 3, 7]) {
      const owners = ids.map((id) => Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(id, { index, count })));
      expect(owners.every((list) => list.length === 1)).toBe(true);
    }
    // Stable: a story's shard does not depend on the others.
    expect([1, 2, 3].filter((index) => inShard('news/ukraine', { index, count: 3 }))).toEqual([1]);
  });

  async function shardsEqualOneRun(corpus: string, cwd: string, count: number): Promise<void> {
    const single = await checkPaths({ paths: [corpus], rulesDir: 'rules', cwd, workers: 0 });
    const dir = tree({});
    const reports: string[] = [];
    for (let index = 1; index <= count; index++) {
      const shard = await checkPaths({ paths: [corpus], rulesDir: 'rules', cwd, workers: 0, shard: { index, count } });
      expect(shard.stories.every((story) => inShard(story.id, { index, count }))).toBe(true);
      reports.push(join(dir, `shard-${index}.json`));
      writeFileSync(reports.at(-1)!, formatJson(shard));
    }
    const merged = mergeReports(reports, cwd);
    expect(formatJson(merged)).toBe(formatJson(single));
    expect(formatSarif(merged)).toBe(formatSarif(single));
  }

  it('merged, equal one run (a small corpus with suppressions and skipped files)', async () => {
    const files: Record<string, string> = { 'news/README.md': '# about', 'news/x.pdf': '%PDF' };
    for (const name of ['alpha', 'beta', 'gamma', 'delta', 'epsilon']) {
      files[`news/${name}/a.md`] = `The U.S. envoy met ${name} officials.\n`;
      files[`news/${name}/b.md`] = `${name === 'beta' ? '<!-- crosscheck-disable-next-line house-style -->\n' : ''}The US envoy met ${name} officials.\n`;
    }
    const root = tree(files);
    await shardsEqualOneRun(join(root, 'news'), root, 3);
  });

  it('merge refuses a missing or repeated shard', () => {
    const dir = tree({ 'a.json': JSON.stringify({ version: 1, summary: {}, shard: { index: 1, count: 2 }, rules: [], files: { read: [], skipped: [] }, findings: [] }) });
    expect(() => mergeReports([join(dir, 'a.json')], dir)).toThrow('merge: shard 2/2 missing: give the JSON report of every shard');
    expect(() => mergeReports([join(dir, 'a.json'), join(dir, 'a.json')], dir)).toThrow(`${join(dir, 'a.json')}: shard 1/2 is also in ${join(dir, 'a.json')}: give each shard once`);
  });

  it('merged, equal one run on BASIL', { timeout: 600_000 }, async (context) => {
    if (!sharedAvailable('shards merged against one run on BASIL')) return context.skip();
    await shardsEqualOneRun(join(SHARED_DIR, 'corpora', 'basil'), process.cwd(), 3);
  });
});
