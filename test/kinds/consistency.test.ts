import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine.js';
import type { Rule } from '../../src/rules/load.js';
import { describeSpan, expectSpanMatchesText, storyOf } from '../support/helpers.js';

const rule: Rule = {
  id: 'house-style',
  kind: 'consistency',
  severity: 'notice',
  description: 'One form.',
  either: { 'U.S.': 'US' },
  ignorecase: false,
};

describe('consistency', () => {
  it.each([
    ['one form everywhere', { 'a.txt': 'The U.S. envoy.', 'b.txt': 'A U.S.-led force.' }],
    ['both forms in one article only', { 'a.txt': 'The U.S. envoy and US troops.', 'b.txt': 'No abbreviation.' }],
    ['a variant inside a longer word', { 'a.txt': 'The U.S. envoy.', 'b.txt': 'The USA and USB and BUS and us.' }],
    ['a variant in front matter only', { 'a.md': '---\ntitle: US plan\n---\nThe U.S. envoy.', 'b.md': 'The U.S. plan.' }],
  ])('valid: %s', (_name, files) => {
    expect(runRules([storyOf(files)], [rule])).toEqual([]);
  });

  it('invalid: articles using different forms give one finding locating every use', () => {
    const files = {
      'a.txt': 'The U.S. envoy\r\nmet a U.S.-led team.',
      'b.txt': '\u201CUS troops\u201D, he said.',
    };
    const findings = runRules([storyOf(files)], [rule]);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      ruleId: 'house-style',
      kind: 'consistency',
      severity: 'notice',
      story: 'story',
      message: '"U.S." (2 in a.txt ×2) and "US" (1 in b.txt) are both used: pick one',
      data: { pair: ['U.S.', 'US'], counts: { 'U.S.': 2, US: 1 } },
    });
    expect([finding!.location, ...finding!.related].map(describeSpan)).toEqual([
      'b.txt:1:2-1:4 US',
      'a.txt:1:5-1:9 U.S.',
      'a.txt:2:7-2:11 U.S.',
    ]);
    for (const span of [finding!.location, ...finding!.related]) {
      expectSpanMatchesText(span, files[span.path as keyof typeof files]);
    }
  });

  it('ignorecase matches any case; a custom message template is filled', () => {
    const custom: Rule = { ...rule, either: { 'e-mail': 'email' }, ignorecase: true, message: 'Use {first} or {second}, not both' };
    const findings = runRules([storyOf({ 'a.txt': 'Send an E-mail.', 'b.txt': 'Send an email.' })], [custom]);
    expect(findings.map((finding) => [finding.message, describeSpan(finding.location)])).toEqual([
      ['Use e-mail or email, not both', 'b.txt:1:9-1:14 email'],
    ]);
  });

  it('compares articles only within their story', () => {
    const first = storyOf({ 'a/1.txt': 'The U.S. envoy.', 'a/2.txt': 'The U.S. plan.' }, 'a');
    const second = storyOf({ 'b/1.txt': 'The US envoy.', 'b/2.txt': 'The US plan.' }, 'b');
    expect(runRules([first, second], [rule])).toEqual([]);
  });
});
