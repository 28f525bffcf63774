import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../src/kinds/index.js';
import { loadRules } from '../src/rules/load.js';

const KIND_NAMES = [...KINDS.keys()].join(' | ');
const RULE_IDS = loadRules('rules').map((rule) => rule.id).join(', ');

/** Runs the CLI as a user would, through tsx, and returns what they would see. */
function crosscheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

// Each case starts the CLI through tsx, seconds each on a loaded machine.
describe('crosscheck CLI', { timeout: 120_000 }, () => {
  it('checks the seeds and prints the U.S./US finding with positions on both sides', () => {
    const { status, stdout, stderr } = crosscheck('seeds', '--rules', 'rules', '--rule', 'house-style');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('    seeds/000_c6436b982e71f45e.txt:33:22   European leaders and U.S. envoys announced earlie…\n');
    expect(stdout).toContain('    seeds/001_49f1c94f6adf56ce.txt:19:22   European leaders and US envoys announced earlie…\n');
    expect(stdout).toContain('1 finding (0 errors, 0 warnings, 1 notice) in 1 of 1 story; 5 articles read, 0 files skipped\n');
  });

  it('exits 1 when a finding is at or above --fail-on, 0 when none is', () => {
    expect(crosscheck('seeds', '--rule', 'house-style', '--fail-on', 'notice').status).toBe(1);
    expect(crosscheck('seeds', '--rule', 'house-style', '--fail-on', 'warning').status).toBe(0);
    expect(crosscheck('seeds', '--rule', 'house-style', '--fail-on', 'never').status).toBe(0);
  });

  it('writes json and sarif to --output', () => {
    const dir = tempDir({});
    const out = join(dir, 'out.sarif');
    expect(crosscheck('seeds', '--format', 'sarif', '--output', out).stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].artifacts).toHaveLength(5);
    const json = JSON.parse(crosscheck('seeds', '--format', 'json', '--rule', 'house-style').stdout);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['house-style']);
  });

  it.each([
    ['bad YAML', 'id: a\nkind: [consistency\n', 'x.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]: fix the YAML syntax'],
    ['unknown key', 'id: a\nkind: consistency\nseverity: error\ndescription: d\neither: {a: b}\ncolour: red\n', 'x.yaml:6:1: colour: unknown key: allowed keys are id, severity, description, message, examples, kind, either, ignorecase'],
    ['unknown kind', 'id: a\nkind: nope\n', `x.yaml:2:7: kind: unknown kind "nope": use one of ${KIND_NAMES}`],
    ['wrong type', 'id: a\nkind: consistency\nseverity: error\ndescription: d\neither: [a, b]\n', 'x.yaml:5:9: either: expected record, got a list: write a record'],
  ])('a malformed rule (%s) prints file:line:col and exits 2 without a stack trace', (_name, source, message) => {
    const dir = tempDir({ 'x.yaml': source });
    const { status, stdout, stderr } = crosscheck('seeds', '--rules', dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${dir}/${message}\n`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['no/such/folder'], 'no/such/folder: no such file or folder: give the path of an article or of a folder of articles\n'],
    [['seeds', '--rules', 'no/rules'], 'no/rules: no such rules folder: give a folder of *.yaml rules (`crosscheck init` writes a starter set)\n'],
    [['seeds', '--rule', 'nope'], `--rule nope: no such rule: rules in rules: ${RULE_IDS}\n`],
    [['seeds', '--format', 'xml'], '--format xml: not allowed: use one of pretty, json, sarif, github, html\n'],
    [['seeds', '--workers', '10000000'], `--workers 10000000: not allowed: expected a whole number from 0 to ${availableParallelism()} (the CPUs this machine has)\n`],
    [['seeds', '--workers', '1000000000'], `--workers 1000000000: not allowed: expected a whole number from 0 to ${availableParallelism()} (the CPUs this machine has)\n`],
    [['seeds', '--output', 'seeds/000_c6436b982e71f45e.txt'], '--output seeds/000_c6436b982e71f45e.txt: is the input seeds/000_c6436b982e71f45e.txt; writing the report there would overwrite it: write the report to another file\n'],
    [['seeds', '--output', './seeds/../seeds/000_c6436b982e71f45e.txt'], '--output ./seeds/../seeds/000_c6436b982e71f45e.txt: is the input seeds/000_c6436b982e71f45e.txt; writing the report there would overwrite it: write the report to another file\n'],
  ])('usage and input errors exit 2: %j', (args, message) => {
    const { status, stderr } = crosscheck(...args);
    expect(status).toBe(2);
    expect(stderr).toBe(message);
  });

  it('leaves the article untouched when --output names it', () => {
    const before = readFileSync('seeds/000_c6436b982e71f45e.txt', 'utf8');
    expect(crosscheck('seeds', '--format', 'json', '--output', 'seeds/000_c6436b982e71f45e.txt').status).toBe(2);
    expect(readFileSync('seeds/000_c6436b982e71f45e.txt', 'utf8')).toBe(before);
  });

  it('shows control characters in file names as escapes, in the report and in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
    const story = join(dir, 'story');
    mkdirSync(story);
    const evil = 'a\u001b[2J\u001b]0;pwned\u0007\u202e.txt';
    writeFileSync(join(story, evil), 'European leaders and U.S. envoys met.');
    writeFileSync(join(story, 'b.txt'), 'European leaders and US envoys met.');
    const { stdout } = crosscheck(story, '--rule', 'house-style', '--fail-on', 'never');
    expect(stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(stdout).toContain(`    ${story}/a\\u001b[2J\\u001b]0;pwned\\u0007\\u202e.txt:1:22  European leaders and U.S. envoys met.\n`);
    const missing = crosscheck(join(dir, 'no\u001b[31mpe'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`${dir}/no\\u001b[31mpe: no such file or folder: give the path of an article or of a folder of articles\n`);
    const github = crosscheck(story, '--rule', 'house-style', '--format', 'github').stdout;
    expect(github).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(github).toContain(`(${story}/a\\u001b[2J\\u001b]0;pwned\\u0007\\u202e.txt:1: "U.S.")\n`);
  }, 60_000);
});
