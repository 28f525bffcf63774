import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../src/check.js';
import { SHARED_DIR, sharedAvailable } from './support/shared.js';

/** Speed lives in `npm run bench`; here only that the fast paths change nothing. */
describe('cache and worker threads', () => {
  const corpora = [['seeds'], ...(sharedAvailable('the cache and thread check on BASIL') ? [[`${SHARED_DIR}/corpora/basil`]] : [])];
  it.each(corpora)('give the same findings on %s as one thread without a cache', async (corpus) => {
    const plain = await checkPaths({ paths: [corpus], rulesDir: 'rules', workers: 0 });
    const threaded = await checkPaths({ paths: [corpus], rulesDir: 'rules', workers: 2 });
    expect(threaded.findings).toEqual(plain.findings);
    // The groups each finding points into come back from the threads, and from the cache, intact.
    expect(threaded.groups).toEqual(plain.groups);
    const cacheDir = mkdtempSync(join(tmpdir(), 'crosscheck-cache-'));
    const cold = await checkPaths({ paths: [corpus], rulesDir: 'rules', workers: 0, cacheDir });
    expect(cold.findings).toEqual(plain.findings);
    expect(readdirSync(cacheDir).length).toBe(plain.stories.length);
    const warm = await checkPaths({ paths: [corpus], rulesDir: 'rules', workers: 0, cacheDir });
    expect(warm.findings).toEqual(plain.findings);
    expect(warm.groups).toEqual(plain.groups);
    // The warm run read the cache: emptied entries give no findings and no groups.
    for (const entry of readdirSync(cacheDir)) writeFileSync(join(cacheDir, entry), JSON.stringify({ findings: [], groups: [] }));
    const emptied = await checkPaths({ paths: [corpus], rulesDir: 'rules', workers: 0, cacheDir });
    expect(emptied.findings).toEqual([]);
    expect(Object.values(emptied.groups).flat()).toEqual([]);
    // An entry of an older shape is checked again rather than trusted.
    for (const entry of readdirSync(cacheDir)) writeFileSync(join(cacheDir, entry), '[]');
    expect((await checkPaths({ paths: [corpus], rulesDir: 'rules', workers: 0, cacheDir })).findings).toEqual(plain.findings);
  }, 120_000);
});
