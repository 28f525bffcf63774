import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve('src/cli.ts');
const TSX = resolve('node_modules/tsx/dist/loader.mjs');

/** The CLI as a user runs it, from `cwd`, with only the environment given (no inherited npm variables). */
function crosscheck(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const result = spawnSync(process.execPath, ['--import', `file://${TSX}`, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-workflow-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const RULES = readFileSync('rules/house-style.yaml', 'utf8');
const STORY = { 'articles/s/a.md': 'The U.S. envoy met officials.\n', 'articles/s/b.md': 'The US envoy met officials.\n', 'rules/house-style.yaml': RULES };

// Each case starts the CLI a few times through tsx: seconds each on a busy machine.
describe('crosscheck as people use it', { timeout: 120_000 }, () => {
  it('finds .crosscheck.yaml above the working folder and applies it; an unknown key is an error with its position', () => {
    const root = repo({ ...STORY, '.crosscheck.yaml': 'paths: [articles]\nrules: rules\nseverity:\n  house-style: error\n' });
    const fromSub = crosscheck(join(root, 'articles', 's'), ['-q']);
    expect(fromSub.stdout).toContain('  error   house-style  "U.S." (1 in a.md) and "US" (1 in b.md) are both used: pick one\n');
    expect(fromSub.stdout).toContain('    b.md:1:5  The US envoy met officials.\n');
    expect(fromSub.stdout).not.toContain('articles/s');
    expect(fromSub.stdout).toContain('1 finding (1 error, 0 warnings, 0 notices) in 1 of 1 story; 2 articles read, 0 files skipped\n');
    expect(fromSub.status).toBe(1);
    writeFileSync(join(root, '.crosscheck.yaml'), 'paths: [articles]\nfail-on: never\n');
    const bad = crosscheck(root, []);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', '.crosscheck.yaml:2:1: fail-on: unknown key: allowed keys are paths, rules, failOn, minSeverity, maxFileSize, severity, ignore\n']);
  });

  it('under npm run, user paths are resolved from INIT_CWD', () => {
    const root = repo({ ...STORY, 'package.json': '{}' });
    const run = crosscheck(root, ['s', '-r', '../rules', '-q'], { env: { INIT_CWD: join(root, 'articles'), npm_package_json: join(root, 'package.json') } });
    expect(run.stdout).toContain('    s/a.md:1:5');
    expect(run.status).toBe(0);
    const init = crosscheck(root, ['init', 'newsroom'], { env: { INIT_CWD: join(root, 'articles'), npm_package_json: join(root, 'package.json') } });
    expect(init.stdout.split('\n').slice(0, 2)).toEqual([`writing into ${join(root, 'articles', 'newsroom')}`, 'wrote rules/house-style.yaml']);
    expect(readFileSync(join(root, 'articles', 'newsroom', 'rules', 'war-length.yaml'), 'utf8')).toContain('# A duration rule:');
  });

  it('exits 2 when no article is read, saying why', () => {
    const root = repo({ 'rules/house-style.yaml': RULES, 'empty/notes.pdf': '%PDF' });
    const run = crosscheck(root, ['empty']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe('empty: no article read (1 file skipped: not an article (only .txt and .md files are read)): give a folder holding .txt or .md articles (check `paths:`, .crosscheckignore and --max-file-size)\n');
  });

  it('--write-baseline accepts the findings of today; --baseline then reports only new ones', () => {
    const root = repo(STORY);
    const write = crosscheck(root, ['articles', '--baseline', 'known.json', '--write-baseline', '--fail-on', 'notice']);
    expect([write.status, write.stderr]).toEqual([0, 'wrote 1 finding to the baseline known.json\n']);
    const again = crosscheck(root, ['articles', '--baseline', 'known.json', '--fail-on', 'notice']);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('0 findings (0 errors, 0 warnings, 0 notices) in 0 of 1 story; 2 articles read, 0 files skipped; 1 in the baseline\n');
    writeFileSync(join(root, 'articles/s/c.md'), 'Officials of the US and the U.S. met.\n');
    expect(crosscheck(root, ['articles', '--baseline', 'known.json', '--fail-on', 'notice']).status).toBe(1);
  });

  it('reads an article from standard input under --stdin-filename, in place of the file', () => {
    const root = repo(STORY);
    const run = crosscheck(root, ['-', 'articles', '--stdin-filename', 'articles/s/b.md', '-f', 'json'], { input: 'The U.S. envoy met officials.\n' });
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    const missing = crosscheck(root, ['-'], { input: 'x' });
    expect([missing.status, missing.stderr]).toEqual([2, "-: standard input has no file name: add --stdin-filename PATH (the article's path, for its story and positions)\n"]);
  });

  it('shards and merge: --shard i/n writes JSON, merge combines it into any format', () => {
    const root = repo({ ...STORY, 'articles/t/a.md': 'The U.S. side.\n', 'articles/t/b.md': 'The US side.\n' });
    for (const index of [1, 2]) expect(crosscheck(root, ['articles', '--shard', `${index}/2`, '-f', 'json', '-o', `shard-${index}.json`, '--fail-on', 'never']).status).toBe(0);
    const merged = crosscheck(root, ['merge', 'shard-1.json', 'shard-2.json', '-f', 'pretty', '--fail-on', 'notice']);
    expect(merged.status).toBe(1);
    expect(merged.stdout.endsWith('2 findings (0 errors, 0 warnings, 2 notices) in 2 of 2 stories; 4 articles read, 0 files skipped\n')).toBe(true);
  });

  it('usage errors read where: what: what to do; --help shows examples and exit codes; explain takes kinds', () => {
    const root = repo(STORY);
    expect(crosscheck(root, ['articles', '--colour']).stderr).toBe("--colour: unknown option: did you mean --color? see crosscheck --help\n");
    expect(crosscheck(root, ['articles', '--max-file-size', 'huge']).stderr).toBe('--max-file-size huge: not allowed: expected a size such as 10MB, 512kb or a number of bytes\n');
    const sized = crosscheck(root, ['articles', '--max-file-size', '29b', '-q']);
    expect(sized.stdout).toContain('skipped articles/s/a.md: larger than --max-file-size (30 > 29 bytes)\n');
    const help = crosscheck(root, ['check', '--help']);
    expect(help.stdout).toContain('Examples:\n  crosscheck articles ');
    expect(help.stdout).toContain('Exit codes:\n  0  no finding at or above --fail-on\n  1  a finding at or above --fail-on\n');
    expect(crosscheck(root, ['merge', '--help']).stdout).toContain('  crosscheck merge shard-*.json -f sarif -o crosscheck.sarif\n');
    const explain = crosscheck(root, ['explain', 'duration']);
    expect(explain.stdout.split('\n')[0]).toBe('kind duration');
    expect(explain.stdout).toContain('  since ');
  });

  it('colour: --color forces it, --no-color and NO_COLOR turn it off, FORCE_COLOR turns it on', () => {
    const root = repo(STORY);
    expect(crosscheck(root, ['articles', '--color']).stdout).toContain('\u001b[');
    expect(crosscheck(root, ['articles', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(crosscheck(root, ['articles'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(crosscheck(root, ['articles']).stdout).not.toContain('\u001b[');
  });
});
