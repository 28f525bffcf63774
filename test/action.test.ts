import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundle } from '../scripts/build.js';

/** The bundle, copied where no node_modules can be found: it must run on node alone. */
const ACTION = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bundle-'));
  for (const name of readdirSync('dist')) cpSync(join('dist', name), join(dir, name));
  return join(dir, 'action.js');
})();

interface Run {
  status: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  sarif: { runs: Array<{ results: unknown[] }> } | undefined;
}

/** A repository with a base commit and a pull-request commit, and the bundled action run on it as GitHub does. */
function runAction(
  base: Record<string, string>,
  pull: Record<string, string>,
  inputs: Record<string, string>,
  rules = 'rules',
  options: { env?: Record<string, string | undefined>; baseSha?: (home: string) => string; setUp?: (repo: string) => void } = {},
): Run & { home: string } {
  const repo = mkdtempSync(join(tmpdir(), 'crosscheck-action-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).trim();
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
  };
  git('init', '-q', '-b', 'main');
  cpSync(rules, join(repo, 'rules'), { recursive: true });
  write(base);
  git('add', '-A');
  git('commit', '-qm', 'base');
  const realBase = git('rev-parse', 'HEAD');
  write(pull);
  git('add', '-A');
  git('commit', '-qm', 'pull request');
  const home = mkdtempSync(join(tmpdir(), 'crosscheck-runner-'));
  const baseSha = options.baseSha?.(home) ?? realBase;
  options.setUp?.(repo);
  writeFileSync(join(home, 'event.json'), JSON.stringify({ pull_request: { base: { sha: baseSha } } }));
  writeFileSync(join(home, 'summary.md'), '');
  writeFileSync(join(home, 'output.txt'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(home, 'event.json'),
    GITHUB_STEP_SUMMARY: join(home, 'summary.md'),
    GITHUB_OUTPUT: join(home, 'output.txt'),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const result = spawnSync(process.execPath, [ACTION], { cwd: repo, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    [...readFileSync(join(home, 'output.txt'), 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((match) => [match[1]!, match[3]!]),
  );
  const sarifPath = join(repo, outputs['sarif-file'] ?? 'crosscheck.sarif');
  let sarif;
  try {
    sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
  } catch {
    sarif = undefined;
  }
  return { status: result.status, stdout: result.stdout, summary: readFileSync(join(home, 'summary.md'), 'utf8'), outputs, sarif, home };
}

const seed = (name: string) => readFileSync(join('seeds', name), 'utf8');

describe('GitHub Action (dist/action.js)', () => {
  it('is current: dist/ is what `npm run build` makes of src/', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'crosscheck-dist-'));
    await bundle(fresh);
    for (const name of readdirSync(fresh)) {
      expect(readFileSync(join('dist', name), 'utf8') === readFileSync(join(fresh, name), 'utf8'), `dist/${name} is stale: run npm run build`).toBe(true);
    }
  });

  it('annotates the changed article, hides findings in unchanged files, writes the summary, SARIF and outputs', () => {
    const run = runAction(
      { 'news/000.txt': seed('000_c6436b982e71f45e.txt'), 'news/001.txt': seed('001_49f1c94f6adf56ce.txt') },
      { 'news/003.txt': seed('003_d495e447f9bcaa2a.txt') },
      { paths: 'news', rules: 'rules', 'fail-on': 'error' },
    );
    const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line));
    // Every annotation sits in the changed file; the U.S./US finding between 000 and 001 is hidden.
    expect(annotations.map((line) => /^::(\w+) title=([\w-]+),file=([^,]+),line=(\d+),endLine=\d+,col=(\d+)/.exec(line)!.slice(1).join(' '))).toEqual([
      'error war-length news/003.txt 46 63',
      'warning quotes news/003.txt 32 1',
      'warning quotes news/003.txt 38 103',
      'warning names news/003.txt 50 129',
      'notice house-style news/003.txt 60 1',
      'notice dates news/003.txt 1 1',
      'notice names news/003.txt 38 39',
    ]);
    expect(annotations[0]).toBe(
      '::error title=war-length,file=news/003.txt,line=46,endLine=46,col=63,endColumn=116::"nearly three years after Russia’s full-scale invasion" (003.txt: 2.5–3 years) contradicts "almost four-year-war" (000.txt, 001.txt: 3.5–4 years); from 2022-02-24 to 2026-01-08 is 3.9 years (news/000.txt:13: "almost four-year-war" and 1 more)',
    );
    expect(run.outputs).toEqual({ errors: '1', warnings: '3', notices: '3', findings: '7', hidden: '1', 'sarif-file': 'crosscheck.sarif', 'json-file': '' });
    expect(run.sarif!.runs[0]!.results).toHaveLength(7);
    expect(run.summary).toContain('<h3>news</h3>');
    expect(run.summary).toMatch(/<table><thead><tr><th>fact<\/th><th>000.txt<\/th><th>001.txt<\/th><th>003.txt<\/th><\/tr><\/thead>/);
    expect(run.summary).toContain('<tr><td>🟠 quote: Maria Zakharova: “Legitimate military targets”</td><td>&#39;Legitimate military targets&#39;<br>');
    expect(run.summary).toContain('1 finding in unchanged files not shown.');
    // fail-on error: the war-length error fails the step.
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::1 finding at or above error');
  });

  it('matches changed files with non-ASCII names, and shows everything when the rules change', () => {
    const base = { 'news/000.txt': seed('000_c6436b982e71f45e.txt'), 'news/001.txt': seed('001_49f1c94f6adf56ce.txt') };
    const accented = runAction(base, { 'news/café 003.txt': seed('003_d495e447f9bcaa2a.txt') }, { paths: 'news', rules: 'rules', 'fail-on': 'never' });
    expect(accented.outputs).toMatchObject({ findings: '7', hidden: '1' });
    expect(accented.stdout).toContain('::error title=war-length,file=news/café 003.txt,line=46,');
    const rules = runAction(
      { ...base, 'news/003.txt': seed('003_d495e447f9bcaa2a.txt') },
      { 'rules/quotes.yaml': readFileSync('rules/quotes.yaml', 'utf8').replace('severity: warning', 'severity: error') },
      { paths: 'news', rules: 'rules', 'fail-on': 'never' },
    );
    expect(rules.outputs).toMatchObject({ findings: '8', hidden: '0' });
    expect(rules.stdout).toContain('The rules changed: showing findings in every file.');
  });

  it('caps annotations at 10 per severity and says how many were not shown', () => {
    const pairs = Array.from({ length: 12 }, (_, i) => `  Alpha${i}x: Beta${i}x`).join('\n');
    const rules = mkdtempSync(join(tmpdir(), 'crosscheck-rules-'));
    writeFileSync(join(rules, 'many.yaml'), `id: many\nkind: consistency\nseverity: notice\ndescription: d\neither:\n${pairs}\n`);
    const words = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${i}x`).join(' ');
    const run = runAction({ 'news/a.txt': words('Alpha') }, { 'news/b.txt': words('Beta') }, { paths: 'news', rules: 'rules' }, rules);
    const notices = run.stdout.split('\n').filter((line) => line.startsWith('::notice '));
    expect(notices).toHaveLength(11);
    expect(notices[10]).toBe(
      '::notice title=crosscheck::2 more findings not annotated (GitHub shows 10 per severity): 0 errors, 0 warnings, 2 notices. See the job summary or the SARIF report.',
    );
    expect(run.outputs.notices).toBe('12');
    expect(run.status).toBe(0);
  });

  it('cannot be made to issue workflow commands by article text, and escapes HTML in the summary', () => {
    const evil = 'The U.S. said %0A::error::injected and \n::set-output name=x::y and <script>alert(1)</script>.';
    const run = runAction({ 'news/a.txt': 'The US said so.' }, { 'news/b.txt': evil }, { paths: 'news', rules: 'rules', 'fail-on': 'never' });
    const lines = run.stdout.split('\n');
    expect(lines.some((line) => line.startsWith('::error::injected'))).toBe(false);
    expect(lines.some((line) => line.startsWith('::set-output'))).toBe(false);
    expect(lines.filter((line) => line.startsWith('::notice title=house-style'))).toHaveLength(1);
    expect(run.summary).not.toContain('<script>');
    expect(run.status).toBe(0);
  });

  it('reports a broken rule symbolic link as a positioned error, without a stack trace', () => {
    const run = runAction({ 'news/a.txt': 'The US said so.' }, { 'news/b.txt': 'The U.S. said so.' }, { paths: 'news', rules: 'rules' }, 'rules', {
      setUp: (repo) => symlinkSync('missing.yaml', join(repo, 'rules', 'zz.yaml')),
    });
    expect(run.stdout).toContain('::error::rules/zz.yaml:1:1: cannot read the rule file: broken symbolic link: make it a readable YAML file, or remove it from the rules folder\n');
    expect(run.stdout).not.toMatch(/\s+at .*\.js:\d+/);
    expect(run.status).toBe(1);
  });

  it('goes on without a job summary when GITHUB_STEP_SUMMARY is unset, with a warning and no stack trace', () => {
    const run = runAction({ 'news/a.txt': 'The US said so.' }, { 'news/b.txt': 'The U.S. said so.' }, { paths: 'news', rules: 'rules', 'fail-on': 'never' }, 'rules', {
      env: { GITHUB_STEP_SUMMARY: undefined },
    });
    expect(run.stdout).toContain('::warning::no job summary written: Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.\n');
    expect(run.stdout).not.toMatch(/\s+at .*\.js:\d+/);
    expect(run.outputs.findings).toBe('2');
    expect(run.sarif?.runs[0]!.results).toHaveLength(2);
    expect(run.status).toBe(0);
  });

  it('passes the event base commit to git after --end-of-options, so it cannot be an option', () => {
    const run = runAction({ 'news/a.txt': 'The US said so.' }, { 'news/b.txt': 'The U.S. said so.' }, { paths: 'news', rules: 'rules', 'fail-on': 'never' }, 'rules', {
      baseSha: (home) => `--output=${join(home, 'pwned')}`,
    });
    expect(readdirSync(run.home).filter((name) => name.startsWith('pwned'))).toEqual([]);
    expect(run.stdout).toMatch(/::warning::only-changed: git could not list the changed files \(.*\); check out with fetch-depth: 0\. Showing findings in every file\.\n/);
  });

  it('keeps a blank line in a story or file name inside the HTML of the job summary: no Markdown image or link renders', () => {
    const story = 'talks\n\n![t](https://evil.example/t.png) [c](https://evil.example/c)\n\n<img src=x>';
    const front = `---\nstory: ${JSON.stringify(story)}\n---\n`;
    const run = runAction({ 'news/a.txt': `${front}The US said so.` }, { 'news/b.txt': `${front}The U.S. said so.` }, { paths: 'news', rules: 'rules', 'fail-on': 'never', 'only-changed': 'false' });
    expect(run.summary).toContain('<h3>talks&#10;&#10;![t](https://evil.example/t.png) [c](https://evil.example/c)&#10;&#10;&#60;img src=x&#62;</h3>');
    const html = new MarkdownIt({ html: true }).render(run.summary);
    expect(html).not.toMatch(/<img|<a /);
    expect(html).toContain('![t](https://evil.example/t.png)');
  });

  it('is declared for node24 with its inputs and outputs, and the workflow grants least privilege', () => {
    const action = parse(readFileSync('action.yml', 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(Object.keys(action.inputs)).toEqual(['paths', 'rules', 'fail-on', 'only-changed', 'sarif-file', 'cache', 'shard']);
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'notices', 'findings', 'hidden', 'sarif-file', 'json-file']);
    const workflow = parse(readFileSync('.github/workflows/crosscheck.yml', 'utf8'));
    expect(workflow.on.pull_request.paths).toEqual(['seeds/**', 'rules/**']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.check.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(workflow.jobs.check.steps.map((step: { uses?: string }) => step.uses)).toEqual(['actions/checkout@v5', 'actions/cache@v4', './', 'github/codeql-action/upload-sarif@v4']);
  });
});
