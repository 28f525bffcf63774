import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/corpus/article.js';
import { extractDates } from '../../src/extract/dates.js';
import { articleOf, expectSpanMatchesText } from '../support/helpers.js';

/** Dates of a text published on Thursday 8 January 2026 (never the real clock). */
function datesOf(body: string, published: string | null = '2026-01-08') {
  const text = published ? `date ${published} ${body}` : body;
  const article = articleOf('a.txt', text);
  return extractDates(article).map((mention) => {
    const span = spanOf(article, mention.start, mention.end);
    expectSpanMatchesText(span, text);
    return `${span.excerpt} = ${mention.first === mention.last ? mention.first : `${mention.first}..${mention.last}`}${mention.writtenWeekday !== undefined ? ` (weekday ${mention.writtenWeekday})` : ''}`;
  });
}

describe('extractDates', () => {
  it.each([
    ['Russia on Thursday slammed a plan.', ['on Thursday = 2026-01-08']],
    ['The Kremlin on Tuesday said no.', ['on Tuesday = 2026-01-06']],
    ['He spoke on Friday.', ['on Friday = 2026-01-02']],
    ['At a meeting in Paris on January 6, Britain signed.', ['January 6 = 2026-01-06']],
    ['Allies met earlier this week in Paris.', ['earlier this week = 2026-01-05..2026-01-08']],
    ["After this week's Paris summit.", ['this week = 2026-01-05..2026-01-11']],
    ['Talks collapsed last week.', ['last week = 2025-12-29..2026-01-04']],
    ['The invasion in February 2022 began it.', ['February 2022 = 2022-02-01..2022-02-28']],
    ['Moscow annexed Crimea in 2014 and has fought since 1945.', ['2014 = 2014-01-01..2014-12-31', '1945 = 1945-01-01..1945-12-31']],
    ['Trump fired him in May.', ['May = 2025-05-01..2025-05-31']],
    ['It happened on Tuesday, January 7, 2026.', ['on Tuesday, January 7, 2026 = 2026-01-07 (weekday 2)']],
  ])('%s', (text, expected) => {
    expect(datesOf(text)).toEqual(expected);
  });

  it.each([
    ['now and today', 'Not ready to support today? Now is the time.'],
    ['a date inside a URL', 'See https://example.com/2026/01/08/story for more.'],
    ['march as a verb and may as a verb', 'They march on Washington and may win.'],
    ['24/7', 'The hotline is open 24/7.'],
    ['spans of time', 'He served for 85 years, three years after the war, in a week, the next day.'],
  ])('drops false hits: %s', (_name, text) => {
    expect(datesOf(text)).toEqual([]);
  });

  it('leaves relative dates unresolved without a publication date, but keeps dates with a year', () => {
    expect(datesOf('Zakharova said on Thursday, earlier this week, that the February 2022 invasion was right.', null)).toEqual([
      'February 2022 = 2022-02-01..2022-02-28',
    ]);
  });
});
