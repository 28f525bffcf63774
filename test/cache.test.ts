import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FindingsCache } from '../src/cache.js';
import { parseArticle } from '../src/corpus/article.js';
import { checkStories } from '../src/engine.js';
import { loadRules } from '../src/rules/load.js';

const rules = loadRules('rules').filter((rule) => rule.id === 'house-style');
const story = { id: 's', articles: [parseArticle('s/a.txt', 'European leaders and U.S. envoys met.'), parseArticle('s/b.txt', 'European leaders and US envoys met.')] };
const checked = checkStories([story], rules);
const findings = checked.findings;
const entry = { findings, groups: checked.groups[story.id] ?? [] };

function fresh(): { dir: string; cache: FindingsCache; warnings: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cache-'));
  const warnings: string[] = [];
  return { dir, cache: new FindingsCache(dir, rules, (message) => warnings.push(message)), warnings };
}

describe('FindingsCache', () => {
  it('gives back what it was given', () => {
    const { cache } = fresh();
    expect(findings).toHaveLength(1);
    cache.set(story, entry);
    expect(cache.get(story)).toEqual(entry);
  });

  it.each([
    ['an empty list', '[]'],
    ['an empty mapping', '{}'],
    ['a string', '"str"'],
    ['not JSON', '{"format": 3,'],
    ['findings of the old format', JSON.stringify(findings)],
  ])('treats an entry of the wrong shape as a miss: %s', (_name, content) => {
    const { dir, cache } = fresh();
    writeFileSync(join(dir, `${cache.key(story)}.json`), content);
    expect(cache.get(story)).toBeUndefined();
  });

  it.each([
    ['moved to another place', (stored: Record<string, any>) => (stored.findings[0].location.start += 1)],
    ['another excerpt', (stored: Record<string, any>) => (stored.findings[0].location.excerpt = 'UK')],
    ['a file not in the story', (stored: Record<string, any>) => (stored.findings[0].related[0].path = 's/c.txt')],
    ['another story', (stored: Record<string, any>) => (stored.findings[0].story = 't')],
    ['another key', (stored: Record<string, any>) => (stored.key = '0'.repeat(64))],
    ['a group pointing past the groups', (stored: Record<string, any>) => (stored.findings[0].group = stored.groups.length)],
  ])('treats a forged entry as a miss: a finding %s', (_name, forge) => {
    const { dir, cache } = fresh();
    cache.set(story, entry);
    const file = join(dir, `${cache.key(story)}.json`);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    forge(stored);
    writeFileSync(file, JSON.stringify(stored));
    expect(cache.get(story)).toBeUndefined();
  });

  it('treats a folder in place of an entry as a miss, and cannot writing it as a warning', () => {
    const { dir, cache, warnings } = fresh();
    mkdirSync(join(dir, `${cache.key(story)}.json`, 'inside'), { recursive: true });
    expect(cache.get(story)).toBeUndefined();
    cache.set(story, entry);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^cannot write to the cache folder ${dir} \\((EISDIR|ENOTEMPTY)\\); findings are not cached this run$`));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('warns once and goes on when the cache folder cannot be written', () => {
    const { dir, cache, warnings } = fresh();
    // A file where the folder was: every write fails, as in a read-only folder (root ignores permissions).
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    cache.set(story, entry);
    cache.set({ ...story, id: 't' }, { findings: [], groups: [] });
    expect(warnings).toEqual([`cannot write to the cache folder ${dir} (ENOTDIR); findings are not cached this run`]);
    expect(cache.get(story)).toBeUndefined();
  });

  it('removes temporary files left by a killed run, and keeps those of a run under way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cache-'));
    writeFileSync(join(dir, 'old.json.1.x.tmp'), '{');
    const hoursAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    utimesSync(join(dir, 'old.json.1.x.tmp'), hoursAgo, hoursAgo);
    writeFileSync(join(dir, 'new.json.2.y.tmp'), '{');
    new FindingsCache(dir, rules);
    expect(existsSync(join(dir, 'old.json.1.x.tmp'))).toBe(false);
    expect(existsSync(join(dir, 'new.json.2.y.tmp'))).toBe(true);
  });

  it('lets four processes write and read the same entries at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cache-'));
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/cache-writer.ts', dir]);
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    );
    expect(await Promise.all(runs)).toEqual(Array.from({ length: 4 }, () => ({ code: 0, stderr: '' })));
    expect(readdirSync(dir)).toEqual([`${new FindingsCache(dir, []).key({ id: 's', articles: [parseArticle('s/a.txt', 'One.'), parseArticle('s/b.txt', 'Two.')] })}.json`]);
  }, 60_000);
});
