import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../src/corpus/read.js';
import { groupStories } from '../src/corpus/stories.js';
import { checkStories, runRules } from '../src/engine.js';
import { formatPretty } from '../src/report/pretty.js';
import { loadRules, parseRule } from '../src/rules/load.js';
import { expectSpanMatchesText, storyOf } from './support/helpers.js';

function crosscheck(cwd: string, ...args: string[]) {
  // From another folder, tsx must be named by its resolved location.
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function messyCorpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-messy-'));
  mkdirSync(join(root, 'story'));
  writeFileSync(join(root, 'story', 'a.txt'), 'European leaders and U.S. envoys met.');
  writeFileSync(join(root, 'story', 'b.txt'), 'European leaders and US envoys met.');
  writeFileSync(join(root, 'story', 'binary.txt'), Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]));
  writeFileSync(join(root, 'story', 'empty.md'), '  \n\n ');
  writeFileSync(join(root, 'story', 'latin1.txt'), Buffer.from([0x4b, 0x69, 0x65, 0x76, 0xe9, 0x20]));
  return root;
}

const SKIPPED = [
  ['story/binary.txt', 'binary file (contains NUL bytes)'],
  ['story/empty.md', 'empty file (no text)'],
  ['story/latin1.txt', 'not valid UTF-8 text (save it as UTF-8)'],
];

// Spawns the CLI four times: seconds each on a loaded machine.
describe('a corpus with a binary, an empty and an undecodable file', { timeout: 120_000 }, () => {
  const root = messyCorpus();
  const rules = join(process.cwd(), 'rules');

  it('runs to completion, checks the rest and lists the three as skipped in every format', () => {
    const pretty = crosscheck(root, 'story', '--rules', rules, '--rule', 'house-style', '--fail-on', 'never');
    expect(pretty.status).toBe(0);
    expect(pretty.stdout).toContain('  notice  house-style  "U.S." (1 in a.txt) and "US" (1 in b.txt) are both used: pick one\n');
    for (const [path, reason] of SKIPPED) expect(pretty.stdout).toContain(`skipped ${path}: ${reason}\n`);

    const json = JSON.parse(crosscheck(root, 'story', '--rules', rules, '--format', 'json').stdout);
    expect(json.files).toEqual({ read: ['story/a.txt', 'story/b.txt'], skipped: SKIPPED.map(([path, reason]) => ({ path, reason })) });

    const sarif = JSON.parse(crosscheck(root, 'story', '--rules', rules, '--format', 'sarif').stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual(SKIPPED.map(([, reason]) => `skipped: ${reason}`));

    const github = crosscheck(root, 'story', '--rules', rules, '--format', 'github').stdout;
    for (const [path, reason] of SKIPPED) expect(github).toContain(`::warning title=crosscheck,file=${path}::skipped: ${reason}\n`);
  });

  it('skips a 50 MB file over the default size limit, with its reason', () => {
    writeFileSync(join(root, 'story', 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    const { skipped } = readArticles([join(root, 'story')], { cwd: root });
    expect(skipped).toContainEqual({ path: 'story/huge.txt', reason: 'larger than --max-file-size (52428800 > 10485760 bytes)' });
  });
});

describe('awkward articles', () => {
  const rules = loadRules('rules');

  it.each([
    ['unpaired and never-closed quote marks', '"Quote one, she said. \u201CAnother never closes\n\n\u2019stray\u2019 and "end'],
    ['mixed CRLF and LF', 'Line one said "U.S. troops," he said.\r\nLine two\nthe "US" envoy.\r\n\r\nMore.'],
    ['right-to-left text and emoji', '\u{1F600} \u05E9\u05DC\u05D5\u05DD "\u0645\u0631\u062D\u0628\u0627" said the U.S. envoy \u{1F1FA}\u{1F1F8} on Tuesday.'],
    ['one giant line', `${'word '.repeat(60_000)}"a quote here" said the US envoy.`],
  ])('%s: checked, every location exact', (_name, text) => {
    const other = 'The U.S. envoy said "a quote there" and "Another never closes".';
    const findings = runRules([storyOf({ 'a.txt': text, 'b.txt': other })], rules);
    for (const finding of findings) for (const span of [finding.location, ...finding.related]) expectSpanMatchesText(span, span.path === 'a.txt' ? text : other);
  });

  it('neutralises control and ANSI sequences from articles in terminal output', () => {
    const root = mkdtempSync(join(tmpdir(), 'crosscheck-ansi-'));
    writeFileSync(join(root, 'a.txt'), 'The \u001b[31mU.S.\u001b[0m envoy\u001b]0;title\u0007 spoke.');
    writeFileSync(join(root, 'b.txt'), 'The US envoy spoke.');
    const result = { ...(() => { const { articles, skipped } = readArticles([root], { cwd: root }); const stories = groupStories(articles); return { stories, skipped, rules: loadRules('rules'), ...checkStories(stories, loadRules('rules')) }; })() };
    const text = formatPretty(result, { color: false });
    expect(text).toContain('\\u001b[31mU.S.\\u001b[0m envoy\\u001b]0;title\\u0007 spoke.');
    expect(text).not.toContain('\u001b');
  });
});

describe('user mistakes are user errors, not internal ones', () => {
  it.each([
    ['a cache path that is a file', ['seeds', '--cache', 'package.json'], /^package\.json: cannot use as the cache folder \(EEXIST\): give --cache a folder, or a path where one can be made\n$/],
    ['init into a file', ['init', 'package.json'], /^package\.json\/rules\/\S+: cannot write \(ENOTDIR\): give init the root folder of a repository\n$/],
  ])('%s', (_name, args, message) => {
    const { status, stderr } = crosscheck(process.cwd(), ...args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('says which stories were not compared because they have one article', () => {
    const root = mkdtempSync(join(tmpdir(), 'crosscheck-alone-'));
    mkdirSync(join(root, 'q'));
    mkdirSync(join(root, 'r'));
    writeFileSync(join(root, 'q', 'a.txt'), 'One article.');
    writeFileSync(join(root, 'r', 'b.txt'), 'Another.');
    const { status, stdout } = crosscheck(root, 'q', 'r', '--rules', join(process.cwd(), 'rules'));
    expect(status).toBe(0);
    expect(stdout).toBe('0 findings (0 errors, 0 warnings, 0 notices) in 0 of 2 stories; 2 articles read, 0 files skipped\nnot compared (one article, nothing to compare it with): q, r\n');
  });
});

describe('hostile rule files', () => {
  const errors = (source: string) => {
    const result = parseRule('rules/x.yaml', source);
    return 'errors' in result ? result.errors.map((error) => error.message) : [];
  };

  it.each([
    ['an alias bomb', 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n', 'rules/x.yaml:2:8: invalid YAML: aliases are not allowed (write the value out): fix the YAML syntax'],
    ['deep nesting', `id: x\neither: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'rules/x.yaml:2:41: invalid YAML: nested deeper than 32 levels: fix the YAML syntax'],
    ['a collection as a key', '? [a, b]\n: c\n', 'rules/x.yaml:1:3: invalid YAML: a key must be plain text, not a list or mapping: fix the YAML syntax'],
    ['a huge file', `id: x\ndescription: ${'x'.repeat(300_000)}\n`, 'rules/x.yaml:1:1: rule file is larger than 262144 bytes: a rule is a short YAML file: split or shorten it'],
  ])('%s: a positioned rule error', (_name, source, message) => {
    expect(errors(source)).toEqual([message]);
  });

  it('exits 2 with the position, never a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-hostile-'));
    writeFileSync(join(dir, 'bomb.yaml'), 'a: &a [x, x]\nb: [*a, *a]\n');
    const { status, stderr } = crosscheck(process.cwd(), 'seeds', '--rules', dir);
    expect(status).toBe(2);
    expect(stderr).toBe(`${dir}/bomb.yaml:2:5: invalid YAML: aliases are not allowed (write the value out): fix the YAML syntax\n`);
    expect(readFileSync(join(dir, 'bomb.yaml'), 'utf8')).toContain('&a');
  });
});
