import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeText, type Analysis } from '../../src/analysis/index.js';
import { readArticles } from '../../src/corpus/read.js';
import { MemoFactStore } from '../../src/engine.js';
import { extractFigures } from '../../src/extract/figures.js';
import { articleOf } from '../support/helpers.js';
import { articleText } from '../support/properties.js';
import { SHARED_DIR, sharedAvailable } from '../support/shared.js';

/** Every piece of the analysis is the text at its offsets; the first mismatch, or undefined. */
function misplaced(analysis: Analysis): string | undefined {
  const { text } = analysis;
  for (const token of analysis.tokens) if (text.slice(token.start, token.end) !== token.text) return `token ${JSON.stringify(token.text)} at ${token.start}`;
  for (const word of analysis.words) if (text.slice(word.start, word.end) !== word.surface) return `word ${JSON.stringify(word.surface)} at ${word.start}`;
  for (const token of analysis.quantities) if (text.slice(token.start, token.end) !== token.text) return `quantity ${JSON.stringify(token.text)} at ${token.start}`;
  for (const entity of analysis.entities) if (text.slice(entity.start, entity.end) !== entity.text) return `entity ${JSON.stringify(entity.text)} at ${entity.start}`;
  let previous = 0;
  for (const sentence of analysis.sentences) {
    if (sentence.start < previous || sentence.end < sentence.start) return `sentence at ${sentence.start} out of order`;
    if (analysis.tokens[sentence.firstToken]!.start !== sentence.start || analysis.tokens[sentence.endToken - 1]!.end !== sentence.end) return `sentence at ${sentence.start} not on its tokens`;
    previous = sentence.end;
  }
  return undefined;
}

/** The whitespace wink-nlp drops unless folded first, and the spaces the normaliser folds itself. */
const RARE_SPACES = ['\v', '\f', '\u1680', '\u2000', '\u2001', '\u2005', '\u200A', '\u2028', '\u2029', '\u00A0', '\uFEFF', '\u202F', '\u205F', '\u3000', '\t', '\u0085'];

describe('analysis offsets', () => {
  it('for any text, every token, word, quantity, entity and sentence is the text at its offsets', () => {
    const text = fc
      .array(fc.oneof(articleText, fc.constantFrom(...RARE_SPACES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (written) => {
        expect(misplaced(analyzeText(written))).toBeUndefined();
      }),
      { numRuns: 300, seed: 20261208 },
    );
  });

  it('rare whitespace does not shift the tokens after it', () => {
    const text = `One\vtwo\f three\u2028four\u2029five\u1680six\u2000seven\u205Feight\u3000nine.`;
    const analysis = analyzeText(text);
    expect(analysis.tokens.map((token) => [token.text, token.start])).toEqual([
      ['One', 0], ['two', 4], ['three', 9], ['four', 15], ['five', 20], ['six', 25], ['seven', 29], ['eight', 35], ['nine', 41], ['.', 45],
    ]);
  });

  it('reads a 100,000-letter run without a space as one token, fast (wink-nlp alone is quadratic in it)', () => {
    const text = `Before it. ${'a'.repeat(100_000)}b and after.`;
    const started = performance.now();
    const analysis = analyzeText(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(analysis.tokens.map((token) => [token.text.length, token.start, token.pos])).toEqual([
      [6, 0, 'ADP'], [2, 7, 'PRON'], [1, 9, 'PUNCT'], [100_001, 11, 'X'], [3, 100_013, 'CCONJ'], [5, 100_017, 'ADP'], [1, 100_022, 'PUNCT'],
    ]);
    expect(misplaced(analysis)).toBeUndefined();
  });

  describe.runIf(sharedAvailable('the offset check over every keyed and BASIL article'))('on ../shared', () => {
    it.each(['corpora/keyed', 'corpora/basil'])('every article of %s: every piece of its analysis is its body at those offsets', (corpus) => {
      const root = join(SHARED_DIR, corpus);
      const paths = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(txt|md)$/.test(path)).map((path) => join(root, path));
      const { articles } = readArticles(paths);
      expect(articles.length).toBeGreaterThan(40);
      const wrong = articles.map((article) => [article.path, misplaced(analyze(article))]).filter(([, problem]) => problem !== undefined);
      expect(wrong).toEqual([]);
    });
  });
});

describe('analysis of short sentences', () => {
  const text = 'Police said 12 people were killed in New York City on Tuesday, June 24, 2025. "We are devastated," Mayor Eric Adams said.';
  const analysis = analyzeText(text);

  it('splits sentences at their full stop, with exact offsets', () => {
    expect(analysis.sentences.map((sentence) => text.slice(sentence.start, sentence.end))).toEqual([
      'Police said 12 people were killed in New York City on Tuesday, June 24, 2025.',
      '"We are devastated," Mayor Eric Adams said.',
    ]);
    expect(analysis.sentences.map((sentence) => [sentence.start, sentence.end])).toEqual([[0, 77], [78, 121]]);
  });

  it('tags parts of speech and lemmas', () => {
    const tagged = analysis.tokens.slice(0, 10).map((token) => [token.text, token.start, token.pos, token.lemma]);
    expect(tagged).toEqual([
      ['Police', 0, 'PROPN', 'police'],
      ['said', 7, 'VERB', 'say'],
      ['12', 12, 'NUM', '12'],
      ['people', 15, 'NOUN', 'people'],
      ['were', 22, 'AUX', 'be'],
      ['killed', 27, 'VERB', 'kill'],
      ['in', 34, 'ADP', 'in'],
      ['New', 37, 'PROPN', 'new'],
      ['York', 41, 'PROPN', 'York'],
      ['City', 46, 'NOUN', 'city'],
    ]);
  });

  it('finds numbers, dates, money and percentages as entities', () => {
    expect(analysis.entities.map((entity) => [entity.type, entity.text, entity.start, entity.end])).toEqual([
      ['number', '12', 12, 14],
      ['date', 'Tuesday', 54, 61],
      ['date', 'June 24, 2025', 63, 76],
    ]);
    const money = analyzeText('The U.S. paid $1.2bn, about 90% of it.');
    expect(money.entities.map((entity) => [entity.type, entity.text, entity.start])).toEqual([
      ['money', '$1.2', 14],
      ['percent', 'about 90%', 22],
    ]);
  });

  it('keeps a proper-noun run whole, without its title and without dates', () => {
    expect(analysis.names.map((name) => [text.slice(name.start, name.end), name.start])).toEqual([
      ['Police', 0],
      ['New York City', 37],
      ['Eric Adams', 105],
    ]);
    const names = analyzeText('Andrej Babiš met Ho Wai-ho at the Bank of England on Monday.');
    expect(names.names.map((name) => names.text.slice(name.start, name.end))).toEqual(['Andrej Babiš', 'Ho Wai-ho', 'Bank of England']);
  });

  it('reads numerals wink-nlp splits again from the text', () => {
    const split = analyzeText('A magnitude-7.1 quake hit at 10.15pm. It cost EUR45m.');
    expect(split.quantities.map((token) => [token.text, token.kind, token.start])).toEqual([
      ['A', 'word', 0], ['magnitude', 'word', 2], ['7.1', 'numeral', 12], ['quake', 'word', 16], ['hit', 'word', 22], ['at', 'word', 26],
      ['10.15', 'numeral', 29], ['pm', 'word', 34], ['It', 'word', 38], ['cost', 'word', 41], ['EUR', 'word', 46], ['45', 'numeral', 49], ['m', 'word', 51],
    ]);
    expect(split.words.map((word) => word.surface)).toEqual(['A', 'magnitude', '7.1', 'quake', 'hit', 'at', '10.15pm', 'It', 'cost', 'EUR45m']);
    // The full stop after "10.15pm" ends the sentence: the decimal point in "7.1" does not.
    expect(split.sentences.map((sentence) => split.text.slice(sentence.start, sentence.end))).toEqual(['A magnitude-7.1 quake hit at 10.15pm.', 'It cost EUR45m.']);
  });

  it('joins clitics, keeps abbreviations and initials, and drops quote marks from words', () => {
    const words = analyzeText(`"I don't know," said John A. Boehner of the U.S. 'axis of war' in Kyiv's Dvořák Street.`).words;
    expect(words.map((word) => [word.surface, word.start])).toEqual([
      ['I', 1], ["don't", 3], ['know', 9], ['said', 16], ['John', 21], ['A.', 26], ['Boehner', 29], ['of', 37], ['the', 40], ['U.S.', 44],
      ['axis', 50], ['of', 55], ['war', 58], ['in', 63], ["Kyiv's", 66], ['Dvořák', 73], ['Street', 80],
    ]);
  });

  it('puts no sentence break inside a line and none across one', () => {
    const lines = analyzeText('Headline Without A Stop\nBody text starts here. It goes on.');
    expect(lines.sentences.map((sentence) => lines.text.slice(sentence.start, sentence.end))).toEqual(['Headline Without A Stop', 'Body text starts here.', 'It goes on.']);
  });
});

describe('analysis through the fact store', () => {
  it('is made once per article and shared by the extractors', () => {
    const article = articleOf('a.txt', 'About 600,000 households lost power.');
    const facts = new MemoFactStore();
    const asked: string[] = [];
    const get = facts.get.bind(facts);
    facts.get = (of, extractor) => {
      asked.push(extractor.name);
      return get(of, extractor);
    };
    const first = facts.get(article, analyze);
    expect(facts.get(article, extractFigures).map((figure) => [figure.noun, figure.low, figure.high])).toEqual([['household', 540_000, 660_000]]);
    // The figure extractor asked the store for the analysis, and got the one already made.
    expect(asked).toEqual(['analyze', 'extractFigures', 'analyze']);
    expect(facts.get(article, analyze)).toBe(first);
  });
});
