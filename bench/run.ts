// `npm run bench`: crosscheck against a baseline that only reads and tokenises the same files, on
// deterministic synthetic corpora of 100, 1,000 and 10,000 articles; results to bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundle, ENTRY_POINTS } from '../scripts/build.js';
import { sourceStories, writeSyntheticCorpus } from './corpus.js';

// The bundle measured is built apart from dist/ (tracked), and RESULTS.md (tracked) is only
// rewritten when asked: `npm run bench -- --write`.
const BUNDLE_DIR = 'bench/.dist';
const WRITE_RESULTS = process.argv.includes('--write');
await bundle(BUNDLE_DIR);
process.stdout.write(`built ${Object.keys(ENTRY_POINTS).map((name) => `${BUNDLE_DIR}/${name}.js`).join(', ')}\n`);

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const REPEATS = 3;

interface Measure {
  seconds: number;
  maxRssMb: number;
  output: string;
}

function run(args: string[]): Measure {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CROSSCHECK_CLI: `../${BUNDLE_DIR}/cli.js` } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const rss = /MAX_RSS_KB (\d+)/.exec(result.stderr)?.[1] ?? JSON.parse(result.stdout || '{}').maxRssKb;
  return { seconds, maxRssMb: Number(rss) / 1024, output: result.stdout };
}

/** The fastest of a few runs: the least disturbed by whatever else the machine does. */
function best(args: string[]): Measure {
  const runs = Array.from({ length: REPEATS }, () => run(args));
  return runs.sort((a, b) => a.seconds - b.seconds)[0]!;
}

const sources = sourceStories('../shared/corpora/basil', 'seeds');
const out = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
const rows: string[] = [];
const perArticle: Record<number, number> = {};
for (const size of SIZES) {
  const dir = join('bench/.corpus', String(size));
  writeSyntheticCorpus(dir, size, sources);
  const baseline = best(['bench/baseline.mjs', dir]);
  const { bytes } = JSON.parse(baseline.output) as { bytes: number };
  const report = join(out, `${size}.json`);
  const check = best(['bench/measure.mjs', dir, '--rules', 'rules', '--format', 'json', '--output', report, '--fail-on', 'never']);
  const findings = (JSON.parse(readFileSync(report, 'utf8')) as { findings: unknown[] }).findings.length;
  perArticle[size] = (check.seconds * 1000) / size;
  const mb = bytes / 1024 / 1024;
  rows.push(
    `| ${size.toLocaleString('en')} | ${mb.toFixed(1)} | ${baseline.seconds.toFixed(2)} | ${check.seconds.toFixed(2)} | ${(check.seconds / baseline.seconds).toFixed(1)}× | ${(size / check.seconds).toFixed(0)} | ${(mb / check.seconds).toFixed(2)} | ${perArticle[size]!.toFixed(2)} | ${check.maxRssMb.toFixed(0)} | ${findings.toLocaleString('en')} |`,
  );
  process.stdout.write(`${rows.at(-1)}\n`);
}
const seeds = best([`${BUNDLE_DIR}/cli.js`, 'seeds', '--rules', 'rules', '--format', 'json', '--output', join(out, 'seeds.json'), '--fail-on', 'never']);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const flat = perArticle[1000] && perArticle[10000] ? `${(((perArticle[10000] - perArticle[1000]) / perArticle[1000]) * 100).toFixed(0)}%` : 'not measured';
const results = `# Benchmark results

<!-- Written by \`npm run bench\`; figures are measured, the best of ${REPEATS} runs each. -->

Machine: ${machine}.

Corpora: deterministic synthetic stories of 3 to 6 articles built from \`../shared/corpora/basil\` and
\`seeds/\` (copies of real articles with perturbed quotes, figures, weekdays and name spellings), all
bundled rules, \`node dist/cli.js DIR --format json\`. Baseline: \`bench/baseline.mjs\` reads every file
and splits it into words in Node.

| articles | MB | baseline s | crosscheck s | ratio | articles/s | MB/s | ms/article | peak RSS MB | findings |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Time per article from 1,000 to 10,000 articles changes by ${flat}.
\`npm run check\` through the bundled CLI on the seeds: ${seeds.seconds.toFixed(2)} s wall.
`;
const previous = (() => {
  try {
    return readFileSync('bench/RESULTS.md', 'utf8');
  } catch {
    return '';
  }
})();
const notes = previous.includes('## Profile') ? previous.slice(previous.indexOf('## Profile')) : '';
const target = WRITE_RESULTS ? 'bench/RESULTS.md' : 'bench/.corpus/RESULTS.md';
writeFileSync(target, notes ? `${results}\n${notes}` : results);
process.stdout.write(`\nseeds: ${seeds.seconds.toFixed(2)} s\nwrote ${target}${WRITE_RESULTS ? '' : ' (npm run bench -- --write updates bench/RESULTS.md)'}\n`);
