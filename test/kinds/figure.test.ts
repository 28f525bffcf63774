import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine.js';
import type { Rule } from '../../src/rules/load.js';
import { describeSpan, expectSpanMatchesText, storyOf } from '../support/helpers.js';

const rule: Rule = { id: 'figures', kind: 'figure', severity: 'error', description: 'Figures agree.', minContext: 1 };

function check(files: Record<string, string>, options: Partial<Rule> = {}) {
  return runRules([storyOf(files)], [{ ...rule, ...options } as Rule]).map((finding) => {
    for (const span of [finding.location, ...finding.related]) expectSpanMatchesText(span, files[span.path]!);
    return { severity: finding.severity, message: finding.message, spans: [finding.location, ...finding.related].map(describeSpan) };
  });
}

describe('figure kind', () => {
  it('reports exact counts of one measure and place that differ, undated, as a warning', () => {
    expect(
      check({
        'a.txt': 'Officials said 9 people were killed in Lviv overnight by the missile strike.',
        'b.txt': 'Officials said 11 people were killed in Lviv overnight by the missile strike.',
      }),
    ).toEqual([
      {
        severity: 'warning',
        message: 'Figures disagree on deaths in Lviv: "9" (a.txt), "11" (b.txt) (exact values differ; not every article dates its figure, so the count may have moved between reports)',
        spans: ['a.txt:1:16-1:17 9', 'b.txt:1:16-1:18 11'],
      },
    ]);
  });

  it('lists every article of a (measure, scope) group in one finding', () => {
    const findings = check({
      'a.txt': ' date 2025-10-30 \nFour people have died in Jamaica, officials said.',
      'b.txt': ' date 2025-10-30 \nAround 8 deaths have been reported in Jamaica.',
      'c.txt': ' date 2025-10-30 \nNearly a dozen deaths have been linked to the storm in Jamaica.',
    });
    expect(findings).toEqual([
      {
        severity: 'warning',
        message: 'Figures disagree on deaths in Jamaica: "Four" (a.txt), "Around 8" (b.txt), "Nearly a dozen" (c.txt) (their ranges do not overlap)',
        spans: ['a.txt:2:1-2:5 Four', 'b.txt:2:1-2:9 Around 8', 'c.txt:2:1-2:15 Nearly a dozen'],
      },
    ]);
  });

  it('reports differently stated bounds of a tally of the same day as a warning', () => {
    expect(
      check({
        'a.txt': ' date 2025-11-27 \nAt least 44 people have lost their lives in the blaze.',
        'b.txt': ' date 2025-11-27 \nThe blaze claimed at least 55 lives.',
      }).map((finding) => [finding.severity, finding.message]),
    ).toEqual([['warning', 'Figures disagree on deaths: "At least 44" (a.txt), "at least 55" (b.txt) (differently stated tallies)']]);
  });

  it.each([
    ['about 600,000 vs hundreds of thousands', 'About 600,000 households in the region remained cut off from power.', 'Hundreds of thousands of households in the region remained cut off from power.'],
    ['more than 300 vs over 300', 'More than 300 people were injured in the quake in Izmir.', 'Over 300 people were injured in the quake in Izmir.'],
    ['different places', '9 people were killed in Lviv by the strike overnight.', '11 people were killed in Odesa by the strike overnight.'],
    ['different measures', '9 people were killed in the strike on Lviv.', '11 people were injured in the strike on Lviv.'],
    ['a rounded amount', 'The couple paid $44 million in federal taxes last year.', 'The couple paid $43,885,310 in federal taxes last year.'],
    ['a hedge and the value it rounds', 'Nearly 280 people are still missing in Tai Po.', 'Officials said 279 people are missing in Tai Po.'],
    ['tolls of different days', ' date 2025-11-27 \nThe fire has killed at least 55 people in Tai Po.', ' date 2025-11-28 \nThe fire has killed at least 65 people in Tai Po.'],
    ['a dated and an undated toll', ' date 2025-11-27 \nThe fire has killed 55 people in Tai Po.', 'The fire has killed 65 people in Tai Po.'],
    ['an update against an undated count', 'The death toll has risen to at least 45 in Jamaica.', 'The death toll stands at 32 in Jamaica.'],
    ['a part and a total', 'Around 8 deaths were reported in Jamaica, with 2 deaths in St Elizabeth.', 'Officials said 4 people died in St Elizabeth.'],
    ['a count of an earlier season', 'He scored 27 goals in all competitions last season.', 'He scored 62 goals in all competitions for Newcastle.'],
    ['counts of different people', 'Police arrested two directors of the company.', 'Police said three individuals were arrested.'],
    ['amounts about different people', 'Liverpool signed Alexander Isak for £125m from Newcastle.', 'Liverpool signed Florian Wirtz for £100m from Leverkusen.'],
    ['amounts whose subject is unclear', 'Obama has cut $716 billion from Medicare, the ad says.', 'The plan would cut Medicare by $800 billion, the ad says.'],
    ['counted nouns without shared context', 'Wolvaardt struck 101 off 98 balls.', 'Verma made 87 off 78 balls.'],
    ['two values of one article', 'Takaichi won 185 votes. Koizumi won 156 votes.', 'The vote was held on Saturday.'],
  ])('no finding: %s', (_name, a, b) => {
    expect(check({ 'a.txt': a, 'b.txt': b })).toEqual([]);
  });

  it('reports amounts stated for one person', () => {
    expect(
      check({
        'a.txt': 'Newcastle signed Yoane Wissa from Brentford for £50m.',
        'b.txt': 'Brentford confirmed the sale of Yoane Wissa from Brentford for £55million.',
      }).map((finding) => [finding.severity, finding.message]),
    ).toEqual([['error', 'Figures disagree on money in Yoane Wissa: "£50m" (a.txt), "£55million" (b.txt) (exact values differ)']]);
  });

  it('compares ages in apposition by person', () => {
    expect(
      check({ 'a.txt': 'Al-Sharif, 29, was a correspondent.', 'b.txt': 'Al Sharif, 28, was based in Gaza.' }).map((finding) => finding.spans),
    ).toEqual([['a.txt:1:12-1:14 29', 'b.txt:1:12-1:14 28']]);
  });

  it('extends the measure vocabulary from the rule', () => {
    const files = { 'a.txt': 'The party won 12 mandates in Prague, officials said.', 'b.txt': 'Officials said the party won 15 mandates in Prague.' };
    expect(check(files, { measures: { seats: { words: ['mandates'] } } } as Partial<Rule>).map((finding) => finding.message)).toEqual([
      'Figures disagree on seats: "12" (a.txt), "15" (b.txt) (exact values differ)',
    ]);
  });

  it('expected: reports claims of a measure that miss the expected value', () => {
    const findings = check({ 'a.txt': 'Officials said 9 people were killed in Lviv.', 'b.txt': 'Officials said 7 people were killed in Lviv.' }, { measure: 'deaths', expected: 9 } as Partial<Rule>);
    expect(findings.map((finding) => [finding.message, finding.spans])).toEqual([
      ['Figures disagree on deaths in Lviv: "9" (a.txt), "7" (b.txt) (exact values differ; not every article dates its figure, so the count may have moved between reports)', ['a.txt:1:16-1:17 9', 'b.txt:1:16-1:17 7']],
      ['deaths in Lviv: "7", expected 9', ['b.txt:1:16-1:17 7']],
    ]);
  });
});
