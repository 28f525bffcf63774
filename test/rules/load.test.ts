import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserErrors } from '../../src/errors.js';
import { ruleJsonSchemaText } from '../../src/rules/json-schema.js';
import { loadRules, parseRule } from '../../src/rules/load.js';
import { KINDS } from '../../src/kinds/index.js';

const KIND_NAMES = [...KINDS.keys()].join(' | ');

const VALID = 'id: house-style\nkind: consistency\nseverity: notice\ndescription: One form.\neither:\n  U.S.: US\n';

function errorsOf(source: string): string[] {
  const result = parseRule('rules/x.yaml', source);
  return 'errors' in result ? result.errors.map((error) => error.message) : [];
}

describe('parseRule', () => {
  it('accepts a valid rule and fills defaults', () => {
    expect(parseRule('rules/x.yaml', VALID)).toEqual({
      rule: {
        id: 'house-style',
        kind: 'consistency',
        severity: 'notice',
        description: 'One form.',
        either: { 'U.S.': 'US' },
        ignorecase: false,
        source: 'rules/x.yaml',
      },
    });
  });

  it.each([
    ['bad YAML', 'id: a\nkind: [consistency\n', 'rules/x.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]: fix the YAML syntax'],
    ['not a mapping', '- a\n- b\n', 'rules/x.yaml:1:1: a rule must be a YAML mapping: write `id:`, `kind:`, `severity:` and `description:` keys'],
    ['missing kind', 'id: a\nseverity: error\n', `rules/x.yaml:1:1: kind: missing: add \`kind:\` with one of ${KIND_NAMES}`],
    ['unknown kind', 'id: a\nkind: spelling\n', `rules/x.yaml:2:7: kind: unknown kind "spelling": use one of ${KIND_NAMES}`],
    ['unknown key', VALID + 'colour: red\n', 'rules/x.yaml:7:1: colour: unknown key: allowed keys are id, severity, description, message, examples, kind, either, ignorecase'],
    ['wrong severity', VALID.replace('notice', 'fatal'), 'rules/x.yaml:3:11: severity: "fatal" is not allowed: expected one of error | warning | notice'],
    ['wrong type', VALID + 'ignorecase: sometimes\n', 'rules/x.yaml:7:13: ignorecase: expected boolean, got "sometimes": write a boolean'],
    ['missing key', 'id: a\nkind: consistency\nseverity: error\ndescription: d\n', 'rules/x.yaml:1:1: either: missing: add `either:` (record)'],
    ['bad id', VALID.replace('house-style', 'House Style'), 'rules/x.yaml:1:5: id: lowercase letters, digits and hyphens, starting with a letter or digit: see docs/rule.schema.json'],
    ['duplicate key', VALID + 'severity: error\n', 'rules/x.yaml:7:1: invalid YAML: Map keys must be unique: fix the YAML syntax'],
    ['unknown placeholder', VALID + 'message: "{frist} vs {second}"\n', 'rules/x.yaml:7:10: message: placeholder {frist} is not one a consistency rule fills: a consistency message may use {summary}, {first}, {second}, {firstCount}, {secondCount}, {firstFiles}, {secondFiles}'],
    [
      'placeholder filled for one finding type only',
      'id: q\nkind: quote\nseverity: warning\ndescription: d\nmessage: "Changed: {diff}"\n',
      'rules/x.yaml:5:10: message: placeholder {diff} is filled only for wording findings: a quote message may use {summary}, {speaker}',
    ],
    ['alias', 'id: &a house\nkind: consistency\nseverity: notice\ndescription: *a\neither: {a: b}\n', 'rules/x.yaml:4:14: invalid YAML: aliases are not allowed'],
    ['unknown tag', VALID + 'message: !!js/function "x"\n', 'rules/x.yaml:7:10: invalid YAML: Unresolved tag: tag:yaml.org,2002:js/function: fix the YAML syntax'],
    ['kind as a list', 'id: a\nkind: [x]\n', `rules/x.yaml:2:7: kind: expected a kind name, got a list: use one of ${KIND_NAMES}`],
    ['numeric key', VALID.replace('  U.S.: US\n', '  1: 2\n'), 'rules/x.yaml:6:6: either.1: expected string, got 2: write a string'],
    ['infinity', VALID.replace('kind: consistency', 'kind: figure').replace('either:\n  U.S.: US\n', 'expected: .inf\n'), 'rules/x.yaml:5:11: expected: expected a finite number, got .inf: write a number'],
  ])('%s: reports file:line:col, the key and what is allowed', (_name, source, message) => {
    const errors = errorsOf(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith(message)).toBe(true);
  });

  it('reports every problem of a rule, not only the first', () => {
    expect(errorsOf('id: a\nkind: consistency\nseverity: loud\ndescription: 3\n')).toEqual([
      'rules/x.yaml:3:11: severity: "loud" is not allowed: expected one of error | warning | notice',
      'rules/x.yaml:4:14: description: expected string, got 3: write a string',
      'rules/x.yaml:1:1: either: missing: add `either:` (record)',
    ]);
  });
});

describe('loadRules', () => {
  it('loads every rule of a folder and rejects duplicate ids across files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-rules-'));
    writeFileSync(join(dir, 'a.yaml'), VALID);
    writeFileSync(join(dir, 'b.yml'), VALID);
    writeFileSync(join(dir, 'notes.txt'), 'not a rule');
    let error: unknown;
    try {
      loadRules(dir, dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserErrors);
    expect((error as UserErrors).message).toBe('b.yml:1:1: id: "house-style" is already used by a.yaml: give each rule its own id');
  });

  it('reports a FIFO, a folder, a broken link and invalid UTF-8 among the rule files as errors naming each file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-rules-'));
    writeFileSync(join(dir, 'a.yaml'), VALID);
    execFileSync('mkfifo', [join(dir, 'b.yaml')]);
    mkdirSync(join(dir, 'folder'));
    symlinkSync('folder', join(dir, 'c.yaml'));
    symlinkSync('missing.yaml', join(dir, 'd.yaml'));
    writeFileSync(join(dir, 'e.yaml'), Buffer.concat([Buffer.from('id: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    let error: unknown;
    try {
      loadRules(dir, dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserErrors);
    expect((error as UserErrors).message.split('\n')).toEqual([
      'b.yaml:1:1: cannot read the rule file: not a regular file (FIFO): make it a readable YAML file, or remove it from the rules folder',
      'c.yaml:1:1: cannot read the rule file: a folder, not a file: make it a readable YAML file, or remove it from the rules folder',
      'd.yaml:1:1: cannot read the rule file: broken symbolic link: make it a readable YAML file, or remove it from the rules folder',
      'e.yaml:1:1: rule file is not valid UTF-8 text: save it as UTF-8',
    ]);
  });

  it('loads the bundled rules', () => {
    expect(loadRules('rules').map((rule) => rule.id)).toContain('house-style');
  });
});

describe('docs/rule.schema.json', () => {
  it('is current (regenerate with `npm run generate`)', () => {
    expect(readFileSync('docs/rule.schema.json', 'utf8')).toBe(ruleJsonSchemaText());
  });
});
