import { describe, expect, it } from 'vitest';
import { extractFigureClaims, intervalOf, scopeKeyOf } from '../../src/extract/figure-claims.js';
import { articleOf } from '../support/helpers.js';

/** Each claim as `text [low, high] measure scope asOf flags`, the text read back at its offsets. */
function claims(text: string, path = 'a.txt') {
  const article = articleOf(path, text);
  return extractFigureClaims(article).map((claim) => ({
    text: article.body.slice(claim.start, claim.end),
    interval: [claim.low, claim.high],
    measure: claim.measure,
    scope: claim.scopeKey ?? null,
    asOf: claim.asOf ?? null,
    part: claim.part,
    historical: claim.historical,
  }));
}

describe('figure claim values', () => {
  it.each([
    ['an exact count', 'Officials said 31 people were killed in Kharkiv.', '31', [31, 31]],
    ['a lower bound', 'At least 44 people were killed in Tai Po.', 'At least 44', [44, Number.POSITIVE_INFINITY]],
    ['an upper bound', 'Up to 12 people were injured in Tai Po.', 'Up to 12', [0, 12]],
    ['a hedge at its stated precision', 'About 4,800 people were evacuated in Tai Po.', 'About 4,800', [4750, 4850]],
    ['a hedge on a round number', 'Around 40 people were killed in Haiti.', 'Around 40', [35, 45]],
    ['nearly, one step below', 'Nearly 280 people were missing in Tai Po.', 'Nearly 280', [270, 280]],
    ['a vague amount', 'Dozens of people were injured in Gaza.', 'Dozens', [24, 100]],
    ['a dozen', 'Nearly a dozen people were killed in Jamaica.', 'Nearly a dozen', [11, 12]],
  ])('%s', (_name, text, excerpt, interval) => {
    expect(claims(text).map((claim) => [claim.text, claim.interval])).toEqual([[excerpt, interval]]);
  });

  it('reads money with a symbol and a glued multiplier, through the measure class', () => {
    expect(claims('Liverpool signed Alexander Isak from Newcastle for £125m on Monday.', 'a.txt').map((c) => [c.text, c.interval, c.measure, c.scope])).toEqual([
      ['£125m', [125_000_000, 125_000_000], 'money', 'isak'],
    ]);
  });

  it('converts miles to kilometres for speeds and distances', () => {
    expect(claims('The storm moved 10 miles inland.').map((c) => [c.text, c.interval, c.measure])).toEqual([['10 miles', [16.09344, 16.09344], 'distance']]);
  });

  it('takes the slack of the precision as written', () => {
    expect(intervalOf('about 7.8', 7.8, 7.8, 7.8, 'approximately')).toEqual([7.75, 7.85]);
    expect(intervalOf('nearly 6.8', 6.8, 6.8, 6.8, 'below').map((n) => Math.round(n * 10) / 10)).toEqual([6.7, 6.8]);
    expect(intervalOf('31', 31, 31, 31, undefined)).toEqual([31, 31]);
  });
});

describe('figure claim measures', () => {
  it.each([
    ['deaths', 'Officials said 9 people were killed in Lviv.'],
    ['deaths', 'The blaze claimed at least 55 lives.'],
    ['injured', 'Officials said 13 people were wounded in Lviv.'],
    ['missing', 'Officials said 279 people were missing in Tai Po.'],
    ['arrested', 'Police said 12 people were arrested in Paris.'],
    ['goals', 'He scored 62 goals for the club.'],
    ['speed', 'The storm packed winds of 185 mph.'],
    ['age', 'Al-Sharif, 29, was a correspondent.'],
    ['noun:household', 'About 600,000 households lost power.'],
  ])('%s: %s', (measure, text) => {
    expect(claims(text).map((claim) => claim.measure)).toEqual([measure]);
  });

  it('reads a bare number after a toll cue as deaths', () => {
    expect(claims('The death toll in the Caribbean stood at 40 on Friday.', 'a.txt').map((c) => [c.text, c.measure, c.scope])).toEqual([['40', 'deaths', 'caribbean']]);
  });

  it('takes the event word right after a figure as its own', () => {
    expect(claims('The attack left 50 people dead and scores of others injured.').map((c) => [c.text, c.measure])).toEqual([
      ['50', 'deaths'],
      ['scores', 'injured'],
    ]);
  });

  it('does not read a number in a slashed pair as a count', () => {
    expect(claims('He sympathizes with 9/11 victims.')).toEqual([]);
  });
});

describe('figure claim scopes', () => {
  it('reads "in X" after a tally, list items as parts of their total', () => {
    expect(claims('Around 8 deaths were reported in Jamaica, with 2 deaths in St Elizabeth, 2 in Black River and 1 in Hanover.').map((c) => [c.text, c.scope, c.part])).toEqual([
      ['Around 8', 'jamaica', false],
      ['2', 'st elizabeth', true],
      ['2', 'black river', true],
      ['1', 'hanover', true],
    ]);
  });

  it('reads a fronted "In X," and a place reporting its own count', () => {
    expect(claims('In St Elizabeth, officials confirmed that four people died.').map((c) => [c.text, c.scope])).toEqual([['four', 'st elizabeth']]);
    expect(claims('Jamaica has reported around 8 deaths from the storm.').map((c) => [c.text, c.scope])).toEqual([['around 8', 'jamaica']]);
  });

  it('keys "X City", "Saint X" and "al-X" as X', () => {
    expect(scopeKeyOf('Gaza City')).toBe('gaza');
    expect(scopeKeyOf('St. Elizabeth Parish')).toBe('st elizabeth');
    expect(scopeKeyOf('Saint Elizabeth')).toBe('st elizabeth');
    expect(scopeKeyOf('al-Sharif')).toBe('sharif');
  });

  it('marks "of which" and "including" figures as parts', () => {
    expect(claims('Twelve people died in Jamaica, three of which died before the storm.').map((c) => [c.text, c.part])).toEqual([
      ['Twelve', false],
      ['three', true],
    ]);
  });
});

describe('figure claim times', () => {
  it('dates a figure by a day its clause names, against the publication date', () => {
    expect(claims(' date 2025-10-31 \nThe death toll stood at 40 on Thursday.').map((c) => [c.text, c.asOf])).toEqual([['40', '2025-10-30']]);
  });

  it('dates an undated figure by the publication date, "overnight" by the night before', () => {
    expect(claims(' date 2025-10-31 \nPolice made 47 arrests in Ferguson.').map((c) => c.asOf)).toEqual(['2025-10-31']);
    expect(claims(' date 2025-10-31 \nPolice made 47 arrests overnight in Ferguson.').map((c) => c.asOf)).toEqual(['2025-10-30']);
  });

  it('marks figures of an earlier year, season or report as historical', () => {
    expect(claims(' date 2025-09-01 \nHe scored 62 goals, including 23 goals last season.').map((c) => [c.text, c.historical])).toEqual([
      ['62', false],
      ['23', true],
    ]);
    expect(claims('Floods in 2011 killed more than 300 people in Thailand.').map((c) => [c.text, c.historical])).toEqual([['more than 300', true]]);
    expect(claims('The minister had reported that three people had died in Kingston.').map((c) => c.historical)).toEqual([true]);
  });
});
