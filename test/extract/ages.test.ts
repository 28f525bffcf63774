import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { extractAges } from '../../src/extract/ages.js';

function ages(body: string) {
  const article = { path: 'a.txt', body, metadata: {} } as unknown as Article;
  return extractAges(article).map((age) => [body.slice(age.start, age.end), age.start, age.age, age.person]);
}

describe('ages', () => {
  it('reads an age in apposition, after "aged" and as "N-year-old" next to the name', () => {
    expect(ages('Firefighter Ho Wai-ho, 37, died. The 29-year-old striker Alexander Isak joined. Maria Lopez, aged 28, scored. Raul Labrador, a 46-year-old farmer, spoke.')).toEqual([
      ['37', 23, 37, 'wai-ho'],
      ['29-year-old', 37, 29, 'isak'],
      ['28', 98, 28, 'lopez'],
      ['46-year-old', 127, 46, 'labrador'],
    ]);
  });

  it('names the person before "of" and without a suffix', () => {
    expect(ages('Senator Chuck Schumer of New York, 66, spoke, and Cesar Sayoc Jr., 56, of Aventura was held.')).toEqual([
      ['66', 35, 66, 'schumer'],
      ['56', 67, 56, 'sayoc'],
    ]);
  });

  it('takes no score, count or lone number for an age', () => {
    expect(ages('Smriti Mandhana, 45 runs, fell. Maria Lopez scored 45. The 2-1 win came as Maria Lopez, who is 30 percent ahead, won 3-0.')).toEqual([]);
  });
});
