import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/engine.js';
import { generatedFiles } from '../src/generated.js';
import { init } from '../src/init/init.js';
import { loadRules, parseRule, type Rule } from '../src/rules/load.js';
import { storyOf } from './support/helpers.js';

function crosscheck(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('crosscheck test-rules', () => {
  it('passes on the bundled rules and prints the table', () => {
    const { status, stdout } = crosscheck('test-rules', 'rules');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^rule +example +result\n/);
    expect(stdout).toContain('house-style  invalid 1  pass\n');
    expect(stdout).toMatch(/\n\n\d+ passed, 0 failed\n$/);
  });

  it('fails on a broken example, naming the rule, the example and what differed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-rules-'));
    cpSync('rules/house-style.yaml', join(dir, 'house-style.yaml'));
    writeFileSync(join(dir, 'house-style.yaml'), readFileSync(join(dir, 'house-style.yaml'), 'utf8').replace('      findings: 1\n      message: are both used', '      findings: 2\n      message: are both used'));
    const { status, stdout } = crosscheck('test-rules', dir);
    expect(status).toBe(1);
    expect(stdout).toContain(
      'house-style  invalid 1  FAIL: expected 2 findings, got 1: "U.S." (1 in a.txt) and "US" (1 in b.txt) are both used: pick one\n',
    );
    expect(stdout).toContain('\n1 passed, 1 failed\n');
  });
});

describe('crosscheck explain', () => {
  it.each(loadRules('rules').map((rule) => [rule.id]))('explains %s: description, options with values and defaults, examples', (id) => {
    const { status, stdout } = crosscheck('explain', id);
    const rule = loadRules('rules').find((candidate) => candidate.id === id)!;
    expect(status).toBe(0);
    expect(stdout.startsWith(`${id} (${rule.kind}, ${rule.severity})\n${rule.description}\nDeclared in rules/${id}.yaml.\n`)).toBe(true);
    expect(stdout).toContain('\nOptions:\n');
    expect(stdout).toMatch(/\nExamples:\n  valid 1: no finding in\n/);
    expect(stdout).toContain('  invalid 1: ');
  });

  it('shows values and defaults', () => {
    expect(crosscheck('explain', 'house-style').stdout).toContain('  ignorecase  false (default false)\n');
  });
});

describe('generated files', () => {
  it.each(Object.entries(generatedFiles()))('%s is current (regenerate with `npm run generate`)', (path, text) => {
    expect(readFileSync(path, 'utf8') === text, `${path} is stale: run npm run generate`).toBe(true);
  });

  it('docs/rules.md documents every kind and option with its default', () => {
    const docs = readFileSync('docs/rules.md', 'utf8');
    for (const kind of ['consistency', 'quote', 'figure', 'duration', 'date', 'name']) expect(docs).toContain(`## \`${kind}\``);
    expect(docs).toContain('| `threshold` | number | `0.6` |');
    expect(readFileSync('README.md', 'utf8')).toContain('(docs/rules.md)');
  });
});

describe('crosscheck init', () => {
  it('writes starter rules and a workflow that load and pass their examples, never overwriting a file', () => {
    const repo = mkdtempSync(join(tmpdir(), 'crosscheck-init-'));
    writeFileSync(join(repo, 'keep.txt'), 'x');
    cpSync('rules/names.yaml', join(repo, 'names-copy.yaml'));
    const first = init(repo);
    expect(first.every((outcome) => outcome.written)).toBe(true);
    expect(readdirSync(join(repo, 'rules')).sort()).toEqual(['dates.yaml', 'figures.yaml', 'house-style.yaml', 'names.yaml', 'quotes.yaml', 'rule.schema.json', 'war-length.yaml']);
    expect(loadRules(join(repo, 'rules'), repo).map((rule) => `${rule.id}:${rule.kind}`)).toEqual(['dates:date', 'figures:figure', 'house-style:consistency', 'names:name', 'quotes:quote', 'war-length:duration']);
    // The duration rule is about one war: it says how to adapt it.
    expect(readFileSync(join(repo, 'rules', 'war-length.yaml'), 'utf8').split('\n').slice(0, 3)).toEqual([
      '# yaml-language-server: $schema=rule.schema.json',
      '# A duration rule: how long something has lasted, as each article says it, checked against',
      "# `since:` and the article's date. This one is about Russia's war against Ukraine: for your",
    ]);
    writeFileSync(join(repo, 'rules', 'names.yaml'), '# mine\n');
    const second = init(repo);
    expect(second.every((outcome) => !outcome.written)).toBe(true);
    expect(readFileSync(join(repo, 'rules', 'names.yaml'), 'utf8')).toBe('# mine\n');
    expect(readFileSync(join(repo, '.github', 'workflows', 'crosscheck.yml'), 'utf8')).toContain('uses: OWNER/crosscheck@v1');
  });
});

describe('user regular expressions', () => {
  it('reject syntax re2js lacks, saying what to write instead', () => {
    const result = parseRule('rules/x.yaml', 'id: x\nkind: duration\nseverity: error\ndescription: d\npatterns:\n  - (?P<value>\\w+) (\\w+) \\2 years\n');
    expect('errors' in result && result.errors[0]!.message).toBe(
      'rules/x.yaml:6:5: patterns.0: not a supported regular expression (invalid escape sequence: `\\2`); patterns run on re2js in linear time, which has no lookbehind, lookahead or backreferences: match the surrounding words instead: see docs/rule.schema.json',
    );
  });

  it('run (a+)+$ over a long adversarial line in linear time (a backtracking engine would not finish)', () => {
    const line = `${'a'.repeat(100_000)}b`;
    expect(RE2JS.compile('(a+)+$').matcher(line).find()).toBe(false);
    // Through a rule, too: the pattern scans the whole article and matches nothing.
    const rule = (parseRule('rules/x.yaml', 'id: x\nkind: duration\nseverity: error\ndescription: d\npatterns:\n  - (?P<value>(a+)+)$\n') as { rule: Rule }).rule;
    expect(runRules([storyOf({ 'a.txt': line, 'b.txt': line })], [rule])).toEqual([]);
  });
});
