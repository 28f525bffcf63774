import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/article.js';
import { UserError } from '../../src/errors.js';

describe('article metadata', () => {
  it('reads YAML front matter first and blanks it out of the body', () => {
    const text = [
      '---',
      'title: "Steele Criticized"',
      'date: 2010-07-02',
      'source: "nyt"',
      'url: "http://www.nytimes.com/2010/07/03/us/politics/03steele.html"',
      'event: "Steele"',
      '---',
      '',
      'Steele Criticized',
      '',
      'WASHINGTON — Michael Steele said on Friday.',
    ].join('\n');
    const article = parseArticle('nyt.md', text);
    expect(article.metadata).toEqual({
      title: 'Steele Criticized',
      date: '2010-07-02',
      dateSource: 'front-matter',
      source: 'nyt',
      url: 'http://www.nytimes.com/2010/07/03/us/politics/03steele.html',
    });
    expect(article.body.length).toBe(article.normalized.text.length);
    expect(article.body).not.toContain('nytimes');
    expect(article.body).toContain('WASHINGTON - Michael Steele said on Friday.');
  });

  it('treats an empty front matter key as absent, not as the text "null"', () => {
    expect(parseArticle('a.md', '---\ntitle:\nstory:\ndate: 2020-01-02\n---\nThe headline\n').metadata).toEqual({
      title: 'The headline',
      date: '2020-01-02',
      dateSource: 'front-matter',
    });
  });

  it('takes `story:` from front matter', () => {
    expect(parseArticle('a.md', '---\nstory: quake-2019\n---\nText').metadata.story).toBe('quake-2019');
  });

  it('reads a leading `date YYYY-MM-DD` line and keeps the rest of the line as text', () => {
    const article = parseArticle('001.txt', ' date 2026-01-08 MOSCOW: Russia on Thursday slammed a plan.\n\nMore.');
    expect(article.metadata).toEqual({ date: '2026-01-08', dateSource: 'date-line', title: 'MOSCOW: Russia on Thursday slammed a plan.' });
    expect(article.body.startsWith('                 MOSCOW')).toBe(true);
  });

  it('reads a dateline near the top, an `Original url:` line, and the outlet from the url host', () => {
    const text = '\n\nRussia Slams Plan\n\nBy [AFP](#)\n\nJanuary 08, 2026\n\nRussia on Thursday slammed a plan.\n\nOriginal url:\n\n<https://www.themoscowtimes.com/2026/01/08/a91629>';
    const article = parseArticle('000.txt', text);
    expect(article.metadata).toEqual({
      title: 'Russia Slams Plan',
      date: '2026-01-08',
      dateSource: 'dateline',
      url: 'https://www.themoscowtimes.com/2026/01/08/a91629',
      source: 'themoscowtimes.com',
    });
    expect(article.body).not.toContain('January 08, 2026');
    expect(article.body).not.toContain('themoscowtimes');
  });

  it('prefers front matter over a date line over a dateline', () => {
    const article = parseArticle('a.md', '---\ndate: 2020-01-02\n---\n date 2021-03-04 Text\n\nMay 5, 2022\n');
    expect(article.metadata.date).toBe('2020-01-02');
    expect(parseArticle('b.txt', 'date 2021-03-04 Text\n\nMay 5, 2022\n').metadata.date).toBe('2021-03-04');
  });

  it('does not take a date inside a sentence for a dateline', () => {
    const article = parseArticle('a.txt', 'Title\n\nOn January 8, 2026 Russia slammed a plan.\n');
    expect(article.metadata.date).toBeUndefined();
  });

  it('leaves the date unset when the article has none', () => {
    expect(parseArticle('a.txt', 'Support us!\n\nText.').metadata).toEqual({ title: 'Support us!' });
  });

  it('keeps the title as written (curly quotes), not normalised', () => {
    expect(parseArticle('a.txt', '\u201CAxis of war\u201D, says Moscow\n').metadata.title).toBe('\u201CAxis of war\u201D, says Moscow');
  });

  it.each([
    ['---\ntitle: [unclosed\n---\nText', 'a.md:3:1: front matter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])'],
    ['---\ndate: 2026-02-30\n---\nText', 'a.md:2:7: publication date "2026-02-30" is not a calendar date: write it as YYYY-MM-DD'],
    ['---\ntitle: a\ntitle: b\n---\nText', 'a.md:3:1: front matter is not valid YAML (Map keys must be unique)'],
    ['---\ntitle: The talks\nThey met on Monday.\n', 'a.md:1:1: front matter is opened with `---` but never closed: end it with a `---` line, or remove the first line if the article has no front matter'],
    ['---\ntitle: {a: 1}\n---\nText', 'a.md:2:8: front matter title: expected text, not a list or mapping: front matter must be a mapping of title, date, source, url and story'],
    ['---\r\nstory: [x]\r\n---\r\nText', 'a.md:2:8: front matter story: expected text, not a list or mapping: front matter must be a mapping of title, date, source, url and story'],
  ])('rejects bad front matter with its position: %j', (text, message) => {
    let error: unknown;
    try {
      parseArticle('a.md', text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message.startsWith(message)).toBe(true);
  });
});

describe('front matter size', () => {
  it('stops at 16,384 characters with a positioned error, before the YAML library sees 40,000 keys', () => {
    const text = `---\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nText`;
    expect(() => parseArticle('a.md', text)).toThrow(new UserError('a.md:1:1', 'front matter is longer than 16384 characters', 'keep front matter to title, date, source, url and story'));
  });
});

describe('front matter with lone-CR line ends', () => {
  it('is read as front matter, its errors placed on the lines a lone CR ends', () => {
    expect(parseArticle('a.md', '---\rtitle: Talks\rdate: 2026-01-02\r---\rThey met.\r').metadata).toEqual({ title: 'Talks', date: '2026-01-02', dateSource: 'front-matter' });
    expect(() => parseArticle('a.md', '---\rtitle: Talks\rdate: 2026-02-30\r---\rThey met.')).toThrow('a.md:3:7: publication date "2026-02-30" is not a calendar date: write it as YYYY-MM-DD');
  });

  it('keeps a number as text: `title: 2026`', () => {
    expect(parseArticle('a.md', '---\ntitle: 2026\n---\nText').metadata.title).toBe('2026');
  });
});

describe('front matter with curly quotes', () => {
  it('is parsed from the original text, where a curly quote inside a quoted scalar is plain text', () => {
    const article = parseArticle('fox.md', '---\ntitle: "Obama\u2019s \u201CWar on Religion"\ndate: 2011-12-07\n---\nText');
    expect(article.metadata.title).toBe('Obama\u2019s \u201CWar on Religion');
  });
});
