import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine.js';
import type { Rule } from '../../src/rules/load.js';
import { describeSpan, expectSpanMatchesText, storyOf } from '../support/helpers.js';

const rule: Rule = { id: 'figures', kind: 'figure', severity: 'error', description: 'Figures agree.', tolerance: 0, minContext: 2, minSimilarity: 0.3, requireNoun: true };

function check(files: Record<string, string>, options: Partial<Rule> = {}) {
  return runRules([storyOf(files)], [{ ...rule, ...options }]).map((finding) => {
    for (const span of [finding.location, ...finding.related]) expectSpanMatchesText(span, files[span.path]!);
    return { message: finding.message, spans: [finding.location, ...finding.related].map(describeSpan), data: finding.data };
  });
}

describe('figure kind', () => {
  it('reports counts of the same thing that cannot both hold', () => {
    expect(
      check({
        'a.txt': 'Officials said 9 people were killed in Lviv overnight by the missile strike.',
        'b.txt': 'Officials said 11 people were killed in Lviv overnight by the missile strike.',
      }),
    ).toEqual([
      {
        message: 'Figures disagree on people killed in Lviv: "11" here, "9" in a.txt',
        spans: ['b.txt:1:16-1:18 11', 'a.txt:1:16-1:17 9'],
        data: { type: 'conflict', interval: [11, 11], otherInterval: [9, 9], what: 'people killed in Lviv' },
      },
    ]);
  });

  it.each([
    ['about 600,000 vs hundreds of thousands', 'About 600,000 households in the region remained cut off from power.', 'Hundreds of thousands of households in the region remained cut off from power.'],
    ['more than 300 vs over 300', 'More than 300 people were injured in the quake in Izmir.', 'Over 300 people were injured in the quake in Izmir.'],
    ['a currency conversion', 'The fund gave 45 million dollars, or 41 million euros, in aid to farmers.', 'The fund gave 41 million euros in aid to farmers.'],
    ['different places', '9 people were killed in Lviv by the strike overnight.', '11 people were killed in Odesa by the strike overnight.'],
    ['different events', '9 people were killed in the strike on the city of Lviv.', '11 people were injured in the strike on the city of Lviv.'],
    ['the same figure', 'An initial 28-point plan was criticised by Kyiv and Europe.', 'An initial 28-point plan was criticised by Kyiv.'],
    ['a rounded amount', 'The couple paid $44 million in federal taxes last year.', 'The couple paid $43,885,310 in federal taxes last year.'],
    ['bare amounts whose subject is unclear', 'Obama has cut $716 billion from Medicare, the ad says.', 'The plan would cut Medicare by $800 billion, the ad says.'],
  ])('no finding: %s', (_name, a, b) => {
    expect(check({ 'a.txt': a, 'b.txt': b })).toEqual([]);
  });

  it('expected: reports figures of a noun that miss the expected value', () => {
    const findings = check({ 'a.txt': 'The plan has 28 points and 20 clauses.', 'b.txt': 'A 20-point plan.' }, { noun: 'point', expected: 28, requireNoun: false });
    expect(findings.map((finding) => [finding.message, finding.spans])).toEqual([
      ['"20-point" (plan): expected 28', ['b.txt:1:3-1:11 20-point']],
    ]);
  });
});
