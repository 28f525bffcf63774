import { describe, expect, it } from 'vitest';
import { runExamples } from '../../src/rules/examples.js';
import { loadRules, parseRule, type Rule } from '../../src/rules/load.js';

const bundled = loadRules('rules');

describe('bundled rules', () => {
  it.each(bundled.map((rule) => [rule.id, rule] as const))('%s has valid and invalid examples, and they pass', (_id, rule) => {
    expect(rule.examples?.valid.length).toBeGreaterThan(0);
    expect(rule.examples?.invalid.length).toBeGreaterThan(0);
    expect(runExamples(rule).filter((outcome) => !outcome.passed)).toEqual([]);
  });
});

describe('runExamples', () => {
  const rule = (examples: string) =>
    (parseRule('rules/x.yaml', `id: x\nkind: consistency\nseverity: notice\ndescription: d\neither: {U.S.: US}\nexamples:\n${examples}`) as { rule: Rule }).rule;

  it('fails a valid example that finds something, saying what it found', () => {
    expect(runExamples(rule('  valid:\n    - articles: {a.txt: The U.S. envoy., b.txt: The US envoy.}\n'))).toEqual([
      {
        rule: 'x',
        example: 'valid 1',
        passed: false,
        problem: 'expected no finding, got 1: "U.S." (1 in a.txt) and "US" (1 in b.txt) are both used: pick one',
      },
    ]);
  });

  it('fails an invalid example whose count, message or excerpts differ', () => {
    expect(
      runExamples(rule('  invalid:\n    - articles: {a.txt: The U.S. envoy., b.txt: The US envoy.}\n      findings: 2\n      message: nope\n      excerpts: [UK]\n')),
    ).toEqual([
      {
        rule: 'x',
        example: 'invalid 1',
        passed: false,
        problem:
          'expected 2 findings, got 1: "U.S." (1 in a.txt) and "US" (1 in b.txt) are both used: pick one; expected messages containing "nope", got ""U.S." (1 in a.txt) and "US" (1 in b.txt) are both used: pick one"; expected a finding locating "UK"',
      },
    ]);
  });

  it('rejects a malformed example with its position', () => {
    const result = parseRule('rules/x.yaml', 'id: x\nkind: consistency\nseverity: notice\ndescription: d\neither: {a: b}\nexamples:\n  invalid:\n    - articles: {a.txt: one}\n');
    expect('errors' in result && result.errors.map((error) => error.message)).toEqual([
      'rules/x.yaml:8:17: examples.invalid.0.articles: at least two articles: crosscheck compares articles: see docs/rule.schema.json',
    ]);
  });
});
