import { analysisOf, type AnalysisSource, type Token } from '../analysis/index.js';
import type { Article } from '../corpus/article.js';
import { VOCABULARY } from './vocabulary/index.js';

/** A capitalised name an article uses. Offsets are in the normalised text. */
export interface NameMention {
  readonly article: Article;
  readonly start: number;
  readonly end: number;
  /** As written, words joined by single spaces: "Coalition of the Willing". */
  readonly text: string;
  readonly words: readonly string[];
  /** Lowercase words around it (within the sentence), for telling two names apart. */
  readonly context: ReadonlySet<string>;
}

const STOPWORDS = new Set(VOCABULARY.stopwords);
const TITLES = new Set(VOCABULARY.speakerWords.titles);
/** Lowercase words that may sit inside a name: "Coalition of the Willing", "Bank of England". */
const CONNECTORS = new Set(VOCABULARY.nameConnectors);
const CONTEXT_WINDOW = 5;

/**
 * Runs of capitalised words (with connectors) outside title-case lines such as headlines; a run's
 * first word is dropped when it only starts the sentence ("The", "But").
 */
export function extractNames(article: Article, facts?: AnalysisSource): NameMention[] {
  const text = article.body;
  const tokens = analysisOf(article, facts).words;
  const titleCase = titleCaseWords(text, tokens);
  const names: NameMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i]!) || titleCase[i]) continue;
    let end = i + 1;
    while (end < tokens.length && sameLine(text, tokens[end - 1]!, tokens[end]!)) {
      const token = tokens[end]!;
      if (isCapitalised(token)) {
        end++;
        continue;
      }
      // Up to two connectors between capitalised words: "Bank of England", "Coalition of the Willing".
      let k = end;
      while (k < end + 2 && tokens[k] && CONNECTORS.has(tokens[k]!.word) && tokens[k + 1] && sameLine(text, tokens[k]!, tokens[k + 1]!)) k++;
      if (k > end && tokens[k] && isCapitalised(tokens[k]!)) end = k + 1;
      else break;
    }
    let start = i;
    // A sentence's first word is capitalised for the sentence, not for the name.
    if (sentenceStart(text, tokens, start) && (STOPWORDS.has(tokens[start]!.word) || TITLES.has(tokens[start]!.word))) start++;
    const run = tokens.slice(start, end);
    i = end - 1;
    if (run.length === 0 || run.every((token) => STOPWORDS.has(token.word))) continue;
    const words = run.map((token) => token.surface);
    names.push({ article, start: run[0]!.start, end: run.at(-1)!.end, text: words.join(' '), words, context: contextOf(tokens, start, end) });
  }
  return names;
}

/** An article's words indexed for finding phrases in any case (built once per article). */
export interface PhraseIndex {
  readonly article: Article;
  readonly tokens: readonly Token[];
  /** Token indexes by lowercase word. */
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  /** Tokens whose case says nothing about a name: they open a sentence or sit in a title-case line. */
  readonly caseless: ReadonlySet<number>;
}

export function indexPhrases(article: Article, facts?: AnalysisSource): PhraseIndex {
  const text = article.body;
  const tokens = analysisOf(article, facts).words;
  const titleCase = titleCaseWords(text, tokens);
  const byWord = new Map<string, number[]>();
  const caseless = new Set<number>();
  tokens.forEach((token, index) => {
    const list = byWord.get(token.word);
    if (list) list.push(index);
    else byWord.set(token.word, [index]);
    if (titleCase[index] || sentenceStart(text, tokens, index)) caseless.add(index);
  });
  return { article, tokens, byWord, caseless };
}

/**
 * Every occurrence, in any case, of a multiword phrase: "foreign ministry" as well as "Foreign
 * Ministry", for comparing capitalisation. Occurrences opening a sentence or in title-case lines
 * are left out: their capitals say nothing about the name.
 */
export function findPhrase(index: PhraseIndex, phrase: string): Array<{ start: number; end: number; text: string }> {
  const text = index.article.body;
  const { tokens } = index;
  const wanted = phrase.toLowerCase().split(' ');
  const found: Array<{ start: number; end: number; text: string }> = [];
  for (const i of index.byWord.get(wanted[0]!) ?? []) {
    if (i + wanted.length > tokens.length) continue;
    if (!wanted.every((word, k) => tokens[i + k]!.word === word && (k === 0 || sameLine(text, tokens[i + k - 1]!, tokens[i + k]!)))) continue;
    if (index.caseless.has(i)) continue;
    const first = tokens[i]!;
    const last = tokens[i + wanted.length - 1]!;
    found.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end) });
  }
  return found;
}

function isCapitalised(token: Token): boolean {
  // ASCII first: most words are, and this runs for every word of every article.
  const code = token.surface.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(token.surface);
}

function sameLine(text: string, previous: Token, next: Token): boolean {
  return /^[ \t]+$/.test(text.slice(previous.end, next.start));
}

/** A word opening a sentence, or opening a quotation, a list item or a clause after a colon. */
function sentenceStart(text: string, tokens: readonly Token[], index: number): boolean {
  if (index === 0 || tokens[index - 1]!.sentence !== tokens[index]!.sentence) return true;
  const gap = text.slice(tokens[index - 1]!.end, tokens[index]!.start);
  return /:["')\]]?\s|\n|^\s*["'(]\s*$|^\s*-\s*$/.test(gap);
}

/**
 * Which words stand in a line whose words are mostly capitalised (headlines, section titles):
 * their capitals are style. One pass over the words, which are in text order.
 */
function titleCaseWords(text: string, tokens: readonly Token[]): boolean[] {
  const inTitle: boolean[] = new Array(tokens.length).fill(false);
  let first = 0;
  while (first < tokens.length) {
    const lineEnd = text.indexOf('\n', tokens[first]!.start);
    let last = first;
    let capitalised = 0;
    let total = 0;
    for (; last < tokens.length && (lineEnd < 0 || tokens[last]!.start < lineEnd); last++) {
      const token = tokens[last]!;
      const upper = isCapitalised(token);
      if (STOPWORDS.has(token.word) && !upper) continue;
      total++;
      if (upper) capitalised++;
    }
    if (total >= 3 && capitalised / total >= 0.7) inTitle.fill(true, first, last);
    first = last;
  }
  return inTitle;
}

function contextOf(tokens: readonly Token[], start: number, end: number): Set<string> {
  const around = [...tokens.slice(Math.max(0, start - CONTEXT_WINDOW), start), ...tokens.slice(end, end + CONTEXT_WINDOW)];
  return new Set(around.filter((token) => !isCapitalised(token) && !STOPWORDS.has(token.word) && token.word.length > 2).map((token) => token.word));
}
