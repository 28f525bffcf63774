import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Story } from './corpus/stories.js';
import { checkStories, type EngineResult } from './engine.js';
import { compareFindings } from './findings.js';
import type { Rule } from './rules/rule.js';
import type { WorkerInput } from './worker.js';

/** Below this many articles, starting threads costs more than it saves (measured: bench/RESULTS.md). */
export const PARALLEL_FROM_ARTICLES = 2000;
const WORKER_HEAP_MB = 256;

export function defaultWorkers(articles: number): number {
  return articles >= PARALLEL_FROM_ARTICLES ? Math.min(availableParallelism(), 4) : 0;
}

/**
 * Checks stories on this thread and worker threads, a share each, balanced by text length. Runs from the bundle
 * (dist/worker.js beside dist/cli.js) and from source under tsx (src/worker.ts).
 */
export async function runRulesInWorkers(stories: readonly Story[], rules: readonly Rule[], threads: number): Promise<EngineResult> {
  // This thread takes a share too: `threads` counts it, so N threads start N - 1 workers.
  const shares: Story[][] = Array.from({ length: threads }, () => []);
  const loads = new Array<number>(threads).fill(0);
  for (const story of [...stories].sort((a, b) => size(b) - size(a))) {
    const lightest = loads.indexOf(Math.min(...loads));
    shares[lightest]!.push(story);
    loads[lightest]! += size(story);
  }
  const [own, ...others] = shares;
  const entry = workerEntry();
  const pending = others
    .filter((share) => share.length > 0)
    .map(
      (share) =>
        new Promise<EngineResult>((resolve, reject) => {
          const workerData = {
            stories: share.map((story) => ({ id: story.id, articles: story.articles.map((article) => ({ path: article.path, text: article.text })) })),
            rules: [...rules],
          } satisfies WorkerInput;
          // A bounded heap makes each thread collect garbage as it goes rather than grow.
          const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
          const worker = entry.bootstrap ? new Worker(entry.bootstrap, { eval: true, ...options }) : new Worker(entry.file, options);
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`a checking thread stopped with code ${code}`)));
        }),
    );
  const mine = checkStories(own ?? [], rules, { release: true });
  const results = [mine, ...(await Promise.all(pending))];
  // Shares hold different stories, so their groups merge without clashing.
  return { findings: results.flatMap((result) => result.findings).sort(compareFindings), groups: Object.assign({}, ...results.map((result) => result.groups)) };
}

function size(story: Story): number {
  return story.articles.reduce((sum, article) => sum + article.text.length, 0);
}

function workerEntry(): { file: URL; bootstrap?: string } {
  const here = new URL(import.meta.url);
  const bundled = new URL('./worker.js', here);
  if (here.pathname.endsWith('.js') && existsSync(fileURLToPath(bundled))) return { file: bundled };
  // From source the worker is TypeScript: register tsx in the thread, then load it.
  const worker = new URL('./worker.ts', here);
  const api = import.meta.resolve('tsx/esm/api');
  return { file: worker, bootstrap: `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(worker.href)}); });` };
}
