import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/corpus/article.js';
import { LineIndex, normalize, toOriginal } from '../../src/corpus/text.js';
import { articleOf, expectSpanMatchesText } from '../support/helpers.js';

describe('normalize', () => {
  it.each([
    ['\u201CHi\u201D \u2018there\u2019', `"Hi" 'there'`],
    ['\u00ABBonjour\u00BB', '"Bonjour"'],
    ['war\u2014attacks \u2013 and -- more', 'war-attacks - and -- more'],
    ['a\u00A0b\u202Fc', 'a b c'],
    ['one\r\ntwo\rthree\n', 'one\ntwo\nthree\n'],
    ['wait\u2026', 'wait...'],
    ['\uFEFFsoft\u00ADhyphen\u200B', 'softhyphen'],
  ])('folds %j to %j', (original, expected) => {
    expect(normalize(original).text).toBe(expected);
  });

  it('maps every normalised range back to the original text', () => {
    const original = 'A\r\n\u201CQuote\u2026\u201D \u2014 she said\r\n';
    const norm = normalize(original);
    expect(norm.text).toBe('A\n"Quote..." - she said\n');
    const quoteStart = norm.text.indexOf('"');
    const quoteEnd = norm.text.indexOf('"', quoteStart + 1) + 1;
    const [start, end] = toOriginal(norm, quoteStart, quoteEnd);
    expect(original.slice(start, end)).toBe('\u201CQuote\u2026\u201D');
    // The middle of an expansion maps to the whole original character.
    const dot = norm.text.indexOf('..') + 1;
    expect(original.slice(...toOriginal(norm, dot, dot + 1))).toBe('\u2026');
    // An empty range maps to a point.
    expect(toOriginal(norm, 2, 2)).toEqual([3, 3]);
  });
});

describe('LineIndex', () => {
  it('gives 1-based lines and columns for LF, CRLF and CR line ends', () => {
    const index = new LineIndex('ab\r\ncd\nef\rgh');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.position(8)).toEqual({ line: 3, column: 2 });
    expect(index.position(10)).toEqual({ line: 4, column: 1 });
    expect(index.line(1)).toBe('ab');
    expect(index.line(4)).toBe('gh');
    expect(index.lineCount).toBe(4);
  });
});

describe('spans', () => {
  it('point at the exact original text after CRLF and curly-quote normalisation', () => {
    const text = 'Title\r\n\r\n\u201CAll such units\u201D, she said \u2014 in\u00A0Moscow.\r\n';
    const article = articleOf('a.txt', text);
    const at = article.body.indexOf('"All such units"');
    const span = spanOf(article, at, at + '"All such units"'.length);
    expect(span).toMatchObject({ startLine: 3, startColumn: 1, endLine: 3, endColumn: 17, excerpt: '\u201CAll such units\u201D' });
    expectSpanMatchesText(span, text);
    const moscow = article.body.indexOf('Moscow');
    const moscowSpan = spanOf(article, moscow - 3, moscow + 6);
    expect(moscowSpan.excerpt).toBe('in\u00A0Moscow');
    expectSpanMatchesText(moscowSpan, text);
  });
});
