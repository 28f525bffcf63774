import { describe, expect, it } from 'vitest';
import { spanOf } from '../../src/corpus/article.js';
import { extractQuotes, type Quote } from '../../src/extract/quotes.js';
import { articleOf, expectSpanMatchesText } from '../support/helpers.js';

/** `line:col excerpt | speaker [role] (how)` for each quote of a text. */
function quotesOf(text: string): string[] {
  const article = articleOf('a.txt', text);
  return extractQuotes(article).map((quote: Quote) => {
    const span = spanOf(article, quote.start, quote.end);
    expectSpanMatchesText(span, text);
    const speaker = quote.speaker
      ? `${quote.speaker.name}${quote.speaker.role ? ` [${quote.speaker.role}]` : ''}${quote.speaker.resolvedBy ? ` (${quote.speaker.resolvedBy})` : ''}`
      : '?';
    return `${span.startLine}:${span.startColumn} ${span.excerpt}${quote.nested ? ' (nested)' : ''}${quote.unclosed ? ' (unclosed)' : ''} | ${speaker}`;
  });
}

describe('extractQuotes', () => {
  it('finds straight and curly double quotes and the speaker after them, with title and role', () => {
    expect(
      quotesOf(
        '"All such units will be targets," Russia\'s Foreign Ministry spokeswoman Maria Zakharova said in a statement.\n\n\u201CIt is war,\u201D Zakharova said Thursday.',
      ),
    ).toEqual([
      '1:1 "All such units will be targets," | Maria Zakharova [Russia\'s Foreign Ministry spokeswoman]',
      '3:1 \u201CIt is war,\u201D | Maria Zakharova [Russia\'s Foreign Ministry spokeswoman] (surname)',
    ]);
  });

  it('resolves a pronoun to the nearest preceding named person and never invents a speaker', () => {
    expect(
      quotesOf('"This is an emergency," Borys Filatov, mayor of Dnipro, said.\n\nHe announced power was "gradually returning".\n\nThe word "dangerous" was used.'),
    ).toEqual([
      '1:1 "This is an emergency," | Borys Filatov',
      '3:24 "gradually returning" | Borys Filatov (pronoun)',
      '5:10 "dangerous" | ?',
    ]);
  });

  it('finds the speaker before the quote, through time words', () => {
    expect(quotesOf('Zelensky also said Thursday that a deal was "essentially ready".')).toEqual(['1:45 "essentially ready" | Zelensky']);
    expect(quotesOf('Ukrainian President Volodymyr Zelensky has said a peace agreement is \u201C90% done.\u201D')).toEqual([
      '1:70 \u201C90% done.\u201D | Volodymyr Zelensky [Ukrainian President]',
    ]);
  });

  it('finds nested single quotes, and takes no apostrophe for a quote mark', () => {
    expect(quotesOf(`"Kyiv's allies form a genuine 'axis of war'," she said. Don't 'panic', it's Moscow's plan.`)).toEqual([
      `1:1 "Kyiv's allies form a genuine 'axis of war'," | ?`,
      `1:31 'axis of war' (nested) | ?`,
      `1:63 'panic' | ?`,
    ]);
  });

  it('joins a quote continued across paragraphs into one', () => {
    const text = '"We will rebuild the grid.\n\n"And we will not stop," the minister said.';
    const article = articleOf('a.txt', text);
    const [quote, ...rest] = extractQuotes(article);
    expect(rest).toEqual([]);
    expect(quote!.parts).toHaveLength(2);
    expect(quote!.tokens.map((token) => token.word)).toEqual(['we', 'will', 'rebuild', 'the', 'grid', 'and', 'we', 'will', 'not', 'stop']);
    expect(spanOf(article, quote!.start, quote!.end).excerpt).toBe(text.slice(0, text.indexOf(' the minister')));
  });

  it('keeps a never-closed quote to the end of its paragraph, marked unclosed', () => {
    expect(quotesOf('He said "this never ends\n\nNext paragraph.')).toEqual(['1:9 "this never ends (unclosed) | ?']);
  });

  it('takes one-word scare quotes and guillemets', () => {
    expect(quotesOf('Moscow called it \u00ABdangerous\u00BB and "destructive."')).toEqual([
      '1:18 \u00ABdangerous\u00BB | Moscow',
      '1:34 "destructive." | Moscow',
    ]);
  });

  it('leaves editorial insertions in brackets out of the quoted words', () => {
    const [quote] = extractQuotes(articleOf('a.txt', '"If they [Democrats] don\'t pass (this) bill," he said.'));
    expect(quote!.tokens.map((token) => token.word)).toEqual(['if', 'they', "don't", 'pass', 'bill']);
    expect(quote!.words.map((token) => token.word)).toEqual(['if', 'they', 'do', 'not', 'pass', 'bill']);
  });

  it('finds nothing in text without quotes, and ignores quote marks in metadata', () => {
    expect(quotesOf('---\ntitle: "A title"\n---\nPlain text, Kyiv\'s plan.')).toEqual([]);
  });
});
