import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/check.js';
import { progressReporter, useColor, userCwd } from '../../src/cli-paths.js';
import { findConfig, loadConfig, parseConfig } from '../../src/config/config.js';
import { ignorePredicate } from '../../src/config/ignore.js';
import { readArticles } from '../../src/corpus/read.js';
import { formatSarif } from '../../src/report/sarif.js';
import { parseByteSize } from '../../src/size.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('config file', () => {
  it('reads every key, sizes as 10MB', () => {
    expect(parseConfig('c.yaml', 'paths: [articles]\nrules: [rules, more-rules]\nfailOn: warning\nminSeverity: warning\nmaxFileSize: 10MB\nseverity:\n  names: error\n  dates: off\nignore: ["drafts/"]\n')).toEqual({
      paths: ['articles'],
      rules: ['rules', 'more-rules'],
      failOn: 'warning',
      minSeverity: 'warning',
      maxFileSize: 10 * 1024 * 1024,
      severity: { names: 'error', dates: 'off' },
      ignore: ['drafts/'],
    });
    expect(parseConfig('c.yaml', '# nothing yet\n')).toEqual({});
  });

  it.each([
    ['paths: [a]\ncolour: red\n', 'c.yaml:2:1: colour: unknown key: allowed keys are paths, rules, failOn, minSeverity, maxFileSize, severity, ignore'],
    ['severity:\n  names: loud\n', 'c.yaml:2:10: severity.names: not allowed: expected one of error | warning | notice | off'],
    ['failOn: nope\n', 'c.yaml:1:9: failOn: not allowed: expected one of error | warning | notice | never'],
    ['maxFileSize: 10 lots\n', 'c.yaml:1:14: maxFileSize: expected a size such as 10MB, 512kb or a number of bytes: see docs/config.schema.json'],
    ['paths: [a\n', 'c.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]: fix the YAML syntax'],
    ['- a\n', 'c.yaml:1:1: a config file must be a YAML mapping: use the keys paths, rules, failOn, minSeverity, maxFileSize, severity, ignore'],
  ])('%j is an error at file:line:col', (source, message) => {
    expect(() => parseConfig('c.yaml', source)).toThrow(message);
  });

  it('is found in the working folder or above it; paths in it are relative to it', () => {
    const root = tree({ '.crosscheck.yaml': 'failOn: notice\n', 'a/b/x.txt': 'x' });
    expect(findConfig(join(root, 'a', 'b'))).toBe(join(root, '.crosscheck.yaml'));
    const config = loadConfig(join(root, 'a', 'b'));
    expect([config.path, config.dir, config.values]).toEqual([join(root, '.crosscheck.yaml'), root, { failOn: 'notice' }]);
    const other = tree({ 'crosscheck.config.yaml': 'minSeverity: error\n' });
    expect(loadConfig(other).values).toEqual({ minSeverity: 'error' });
    expect(() => loadConfig(other, 'missing.yaml')).toThrow('missing.yaml: cannot read the config file (ENOENT): give the path of a .crosscheck.yaml');
  });
});

describe('per-rule severity', () => {
  const files = { 's/a.txt': 'The U.S. envoy spoke.\n', 's/b.txt': 'The US envoy spoke.\n' };

  it('the config file sets the severity of every finding of a rule, over its `findings:`, and SARIF advertises it', async () => {
    const root = tree(files);
    const plain = await checkPaths({ paths: [join(root, 's')], rulesDir: 'rules', only: ['house-style', 'names'], cwd: root, workers: 0 });
    expect(plain.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['house-style:notice']);
    const raised = await checkPaths({ paths: [join(root, 's')], rulesDir: 'rules', only: ['house-style', 'names'], cwd: root, workers: 0, severity: { 'house-style': 'error', names: 'off' } });
    expect(raised.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['house-style:error']);
    expect(raised.rules.map((rule) => rule.id)).toEqual(['house-style']);
    const sarif = JSON.parse(formatSarif(raised));
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string; defaultConfiguration: { level: string } }) => `${r.id}:${r.defaultConfiguration.level}`)).toEqual(['house-style:error']);
    expect(sarif.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error']);
  });

  it('minSeverity hides lower findings; an unknown rule id in `severity` is an error', async () => {
    const root = tree(files);
    const options = { paths: [join(root, 's')], rulesDir: 'rules', only: ['house-style'], cwd: root, workers: 0 };
    expect((await checkPaths({ ...options, minSeverity: 'warning' })).findings).toEqual([]);
    await expect(checkPaths({ ...options, severity: { nope: 'error' }, severitySource: '.crosscheck.yaml' })).rejects.toThrow(
      '.crosscheck.yaml: severity.nope: no such rule: rules are dates, figures, house-style, names, quotes, war-length',
    );
  });

  it('no article read is an error naming why', async () => {
    const root = tree({ 'empty/notes.pdf': '%PDF' });
    await expect(checkPaths({ paths: [join(root, 'empty')], rulesDir: 'rules', cwd: root })).rejects.toThrow(
      `${join(root, 'empty')}: no article read (1 file skipped: not an article (only .txt and .md files are read)): give a folder holding .txt or .md articles (check \`paths:\`, .crosscheckignore and --max-file-size)`,
    );
  });
});

describe('.crosscheckignore', () => {
  it('leaves out what its gitignore-syntax patterns match, relative to its folder', () => {
    const root = tree({ 'news/s/a.txt': 'A.', 'news/s/draft.txt': 'D.', 'news/drafts/x.txt': 'X.', 'news/t/b.md': 'B.' });
    const ignored = ignorePredicate([{ dir: join(root, 'news'), patterns: ['# drafts', 'drafts/', 'draft.*', '!keep.txt'] }]);
    expect(readArticles([join(root, 'news')], { cwd: root, ignored: ignored! }).articles.map((a) => a.path)).toEqual(['news/s/a.txt', 'news/t/b.md']);
    expect(ignorePredicate([{ dir: root, patterns: ['# only a comment', ''] }])).toBeUndefined();
  });
});

describe('command-line helpers', () => {
  it('sizes: 10MB, 512kb, bytes; anything else is not a size', () => {
    expect([parseByteSize('10MB'), parseByteSize('512kb'), parseByteSize('1.5 MB'), parseByteSize('2048'), parseByteSize('10 MiB'), parseByteSize('-1'), parseByteSize('0')]).toEqual([
      10485760, 524288, 1572864, 2048, undefined, undefined, undefined,
    ]);
  });

  it('INIT_CWD is the user folder only when npm runs us in the package root', () => {
    expect(userCwd({ INIT_CWD: '/repo/seeds', npm_package_json: '/repo/package.json' }, '/repo')).toBe('/repo/seeds');
    expect(userCwd({ INIT_CWD: '/repo/seeds', npm_package_json: '/repo/package.json' }, '/elsewhere')).toBe('/elsewhere');
    expect(userCwd({}, '/repo')).toBe('/repo');
  });

  it('progress: stories done / total and rate, at most every 200 ms, cleared at the end', () => {
    const written: string[] = [];
    let clock = 1000;
    const progress = progressReporter((text) => written.push(text), () => clock);
    clock = 1100;
    progress.update(1, 4);
    clock = 1200;
    progress.update(2, 4);
    clock = 2000;
    progress.update(3, 4);
    progress.update(4, 4);
    progress.done();
    expect(written).toEqual([
      '\r\u001b[Kchecked 1/4 stories (10.0/s)',
      '\r\u001b[Kchecked 3/4 stories (3.0/s)',
      '\r\u001b[Kchecked 4/4 stories (4.0/s)',
      '\r\u001b[K',
    ]);
  });

  it('colour: flags over FORCE_COLOR over NO_COLOR and the terminal', () => {
    expect([useColor(true, false, {}), useColor(false, true, {}), useColor(undefined, false, { FORCE_COLOR: '1' }), useColor(undefined, true, { FORCE_COLOR: '0' })]).toEqual([true, false, true, false]);
    expect([useColor(undefined, true, {}), useColor(undefined, true, { NO_COLOR: '1' }), useColor(undefined, true, { TERM: 'dumb' }), useColor(undefined, false, {})]).toEqual([true, false, false, false]);
  });
});
