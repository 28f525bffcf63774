import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { clockOf, extractTimes, timesDisagree } from '../../src/extract/times.js';

function article(body: string): Article {
  return { path: 'a.txt', body, metadata: {} } as unknown as Article;
}

function times(body: string) {
  return extractTimes(article(body)).map((time) => [body.slice(time.start, time.end), clockOf(time.low), clockOf(time.high), time.zone ?? null, time.happening ?? null]);
}

describe('clock times', () => {
  it('reads every notation, with its zone and the event it times', () => {
    expect(times('He was pronounced dead at 4:45 PM. It docked at 4.30 pm IST, and the crew lifted off at 19:05 or 1905 GMT.')).toEqual([
      ['4:45 PM', '16:45', '16:45', null, 'death'],
      ['4.30 pm IST', '16:30', '16:30', 'IST', 'arrival'],
      ['19:05', '19:05', '19:05', null, 'launch'],
      ['1905 GMT', '19:05', '19:05', 'GMT', 'launch'],
    ]);
  });

  it('widens a time by its rounding word or qualifier', () => {
    expect(times('She passed away about 7pm. The rocket lifted off at noon IST, and it docked shortly after 7 p.m.')).toEqual([
      ['about 7pm', '18:45', '19:15', null, 'death'],
      ['noon IST', '11:45', '12:15', 'IST', 'launch'],
      ['shortly after 7 p.m.', '19:00', '19:30', null, 'arrival'],
    ]);
  });

  it('reads no score, race time or year as a clock time, and names a phase between event and time', () => {
    expect(times('The final ended 3:1, he ran 1:05:10 and 2:08.31 in 2024. The docking sequence was completed at 4:15 pm IST.')).toEqual([
      ['4:15 pm IST', '16:15', '16:15', 'IST', 'arrival:complete'],
    ]);
  });

  it('compares times across zones and within their slack only', () => {
    const [ist, gmt, bare, about] = extractTimes(article('Docked at 4:01 PM IST, at 10:31 GMT, at 4:01 p.m. and at about 4.10 pm IST.'));
    expect(timesDisagree(ist!, gmt!)).toBe(false);
    expect(timesDisagree(ist!, bare!)).toBe(false);
    expect(timesDisagree(ist!, about!)).toBe(false);
    const [early, late] = extractTimes(article('He died at 4:41 p.m. and at 4:45 PM.'));
    expect(timesDisagree(early!, late!)).toBe(true);
  });
});
