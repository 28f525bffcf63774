import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine.js';
import { consistency } from '../../src/kinds/consistency.js';
import { ruleOf } from '../../src/rules/examples.js';
import { storyOf } from '../support/helpers.js';
import { checkKind, testKind } from '../support/kinds.js';

const shared = { id: 'house-style', severity: 'notice', description: 'One form.', either: { 'U.S.': 'US' } } as const;

testKind(consistency, shared, {
  valid: [
    ['one form everywhere', { 'a.txt': 'The U.S. envoy.', 'b.txt': 'A U.S.-led force.' }],
    ['both forms in one article only', { 'a.txt': 'The U.S. envoy and US troops.', 'b.txt': 'No abbreviation.' }],
    ['a variant inside a longer word', { 'a.txt': 'The U.S. envoy.', 'b.txt': 'The USA and USB and BUS and us.' }],
    ['a variant in front matter only', { 'a.md': '---\ntitle: US plan\n---\nThe U.S. envoy.', 'b.md': 'The U.S. plan.' }],
    // `ignorecase` defaults to false: the schema's default, applied as in a YAML rule.
    ['another case of a variant', { 'a.txt': 'Send an E-mail.', 'b.txt': 'Send an email.' }, { either: { 'e-mail': 'email' } }],
  ],
  invalid: [
    {
      name: 'articles using different forms give one finding locating every use',
      files: { 'a.txt': 'The U.S. envoy\r\nmet a U.S.-led team.', 'b.txt': '\u201CUS troops\u201D, he said.' },
      findings: [
        {
          type: 'mixed',
          severity: 'notice',
          message: '"U.S." (2 in a.txt ×2) and "US" (1 in b.txt) are both used: pick one',
          spans: ['b.txt:1:2-1:4 US', 'a.txt:1:5-1:9 U.S.', 'a.txt:2:7-2:11 U.S.'],
          data: { pair: ['U.S.', 'US'], counts: { 'U.S.': 2, US: 1 } },
        },
      ],
    },
    {
      name: 'ignorecase matches any case; a custom message template is filled',
      files: { 'a.txt': 'Send an E-mail.', 'b.txt': 'Send an email.' },
      options: { either: { 'e-mail': 'email' }, ignorecase: true, message: 'Use {first} or {second}, not both' },
      findings: [{ type: 'mixed', severity: 'notice', message: 'Use e-mail or email, not both', spans: ['b.txt:1:9-1:14 email', 'a.txt:1:9-1:15 E-mail'] }],
    },
  ],
});

describe('consistency', () => {
  it('reports under its rule id and kind', () => {
    expect(checkKind(consistency, { 'a.txt': 'The U.S. envoy.', 'b.txt': 'The US envoy.' }, shared).map((finding) => finding.type)).toEqual(['mixed']);
    const [finding] = runRules([storyOf({ 'a.txt': 'The U.S. envoy.', 'b.txt': 'The US envoy.' })], [ruleOf(consistency, shared)]);
    expect([finding!.ruleId, finding!.kind, finding!.story]).toEqual(['house-style', 'consistency', 'story']);
  });

  it('compares articles only within their story', () => {
    const first = storyOf({ 'a/1.txt': 'The U.S. envoy.', 'a/2.txt': 'The U.S. plan.' }, 'a');
    const second = storyOf({ 'b/1.txt': 'The US envoy.', 'b/2.txt': 'The US plan.' }, 'b');
    expect(runRules([first, second], [ruleOf(consistency, shared)])).toEqual([]);
  });

  it('rejects options the schema rejects, as a rule file would', () => {
    expect(() => ruleOf(consistency, { ...shared, either: {} })).toThrow('invalid consistency options: either: at least one pair');
  });
});
