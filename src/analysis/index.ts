import winkNLP, { type ItsFunction, type PartOfSpeech, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article } from '../corpus/article.js';
import { VOCABULARY } from '../extract/vocabulary/index.js';

/**
 * One linguistic reading of an article, made once and shared by every extractor: paragraphs,
 * sentences, tokens with their part of speech and lemma, words (the tokens compared across
 * articles), and entity spans. Every offset is into the text analysed (an article's `body`, the
 * normalised text with metadata blanked), so `text.slice(start, end)` is always the thing itself.
 */
export interface Analysis {
  readonly text: string;
  readonly paragraphs: readonly Range[];
  readonly sentences: readonly Sentence[];
  /** wink-nlp's tokens, spaces and line breaks left out. */
  readonly tokens: readonly AnalysisToken[];
  /** Letters-and-digits words, as quotes and names compare them. */
  readonly words: readonly Token[];
  /** Numerals, words and currency or percent signs, as number phrases are read from them. */
  readonly quantities: readonly QuantityToken[];
  readonly entities: readonly Entity[];
  /** Runs of proper nouns ("New York City", "Bank of England"): candidate names. */
  readonly names: readonly Range[];
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Sentence extends Range {
  /** Index of its first token and one past its last, into `tokens`. */
  readonly firstToken: number;
  readonly endToken: number;
}

export interface AnalysisToken extends Range {
  readonly text: string;
  readonly lower: string;
  readonly pos: PartOfSpeech;
  readonly lemma: string;
  /** Index of its sentence in `sentences`. */
  readonly sentence: number;
}

/** A word of the text with its offsets there. */
export interface Token extends Range {
  /** Lowercased, apostrophes kept inside the word (don't, Kyiv's). */
  readonly word: string;
  /** The word as written (normalised quotes and dashes). */
  readonly surface: string;
  /** Part of speech of the token it comes from (for "don't", of "do"). */
  readonly pos?: PartOfSpeech;
  readonly lemma?: string;
  /** Index of its sentence in `sentences`. */
  readonly sentence: number;
}

/** A numeral, word or sign, with what separates it from the one before, for reading number phrases. */
export interface QuantityToken extends Range {
  /** As written (normalised text). */
  readonly text: string;
  readonly lower: string;
  readonly kind: 'numeral' | 'word' | 'symbol';
  /** Characters between the previous token and this one. */
  readonly gapBefore: string;
  readonly pos?: PartOfSpeech;
  readonly lemma?: string;
  /** Index of its sentence in `sentences`. */
  readonly sentence: number;
}

export type EntityType = 'number' | 'ordinal' | 'money' | 'percent' | 'date' | 'time' | 'duration';

export interface Entity extends Range {
  readonly type: EntityType;
  readonly text: string;
}

const ENTITY_TYPES: Record<string, EntityType> = {
  CARDINAL: 'number',
  ORDINAL: 'ordinal',
  MONEY: 'money',
  PERCENT: 'percent',
  DATE: 'date',
  TIME: 'time',
  DURATION: 'duration',
};

let engine: WinkMethods | undefined;
let entityEngine: WinkMethods | undefined;

/** The model takes a tenth of a second to load: once per process, when first needed. */
function nlp(): WinkMethods {
  return (engine ??= winkNLP(model, ['sbd', 'pos']));
}

/**
 * Entity recognition costs a third of the reading and no check reads entities yet: a second
 * reader with it runs only for the analyses whose entities are asked for.
 */
function entityNlp(): WinkMethods {
  return (entityEngine ??= winkNLP(model, ['ner']));
}

/** The analysis of an article's body; use it through the fact store so it is made once. */
export function analyze(article: Article): Analysis {
  return analyzeText(article.body);
}

/** Extractors take the fact store when a kind runs them, so the analysis is shared; alone, they make their own. */
export interface AnalysisSource {
  get<T>(article: Article, extractor: (article: Article, facts: AnalysisSource) => T): T;
}

export function analysisOf(article: Article, facts?: AnalysisSource): Analysis {
  return facts ? facts.get(article, analyze) : analyze(article);
}

/** Each token's start: its preceding spaces, then its value, added up. */
function offsets(text: string, values: readonly string[], spaces: readonly string[]): number[] {
  const starts: number[] = new Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    if (text.startsWith(values[i]!, at)) starts[i] = at;
    else {
      // Not expected once rare spaces are folded; resynchronise rather than misplace every later token.
      const found = text.indexOf(values[i]!, at);
      at = found < 0 ? at : found;
      starts[i] = at;
    }
    at += values[i]!.length;
  }
  return starts;
}

/**
 * wink-nlp drops whitespace it does not know (vertical tab, form feed, the Unicode spaces and
 * line separators) from its tokens' preceding spaces; folded to a plain space of the same
 * length first, the spaces and values of the tokens add up to the text exactly.
 */
const RARE_SPACE = /[^\S \n]/g;

/**
 * wink-nlp takes time quadratic in a token's length (40,000 letters without a space: 9 s): runs
 * longer than any word (a pasted blob, a long URL) are blanked before it reads the text, and
 * added back as tokens of their own, tagged X.
 */
const LONG_RUN = /\S{100,}/g;

export function analyzeText(text: string): Analysis {
  const longRuns = [...text.matchAll(LONG_RUN)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const folded = text.replace(RARE_SPACE, ' ').replace(LONG_RUN, (run) => ' '.repeat(run.length));
  const doc = nlp().readDoc(folded);
  const its = nlp().its;
  const values = doc.tokens().out();
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as PartOfSpeech[];
  // wink-nlp's typings declare `its.lemma` with the model's addons where `out` passes its cache.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];

  const starts = offsets(text, values, spaces);

  const paragraphs = paragraphsOf(text);
  const tokens: AnalysisToken[] = [];
  const sentences: Sentence[] = [];
  // Sentences never cross a line break: a headline, a dateline or a list item ends where its line does.
  const closeSentence = () => {
    const first = sentences.length === 0 ? 0 : sentences.at(-1)!.endToken;
    if (tokens.length > first) sentences.push({ start: tokens[first]!.start, end: tokens.at(-1)!.end, firstToken: first, endToken: tokens.length });
  };
  const sentenceSpans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  let sentenceIndex = 0;
  let nextRun = 0;
  const pushLongRuns = (before: number) => {
    for (; nextRun < longRuns.length && longRuns[nextRun]!.start < before; nextRun++) {
      const { start, end } = longRuns[nextRun]!;
      const value = text.slice(start, end);
      tokens.push({ text: value, lower: value.toLowerCase(), start, end, pos: 'X', lemma: value.toLowerCase(), sentence: sentences.length });
    }
  };
  for (let i = 0; i < values.length; i++) {
    pushLongRuns(starts[i]!);
    while (sentenceIndex < sentenceSpans.length && sentenceSpans[sentenceIndex]![1] < i) sentenceIndex++;
    const value = values[i]!;
    // wink-nlp cuts inside numerals it split ("magnitude-7" "." "1"): a sentence starts after a space only.
    const startsSentence = sentenceIndex < sentenceSpans.length && sentenceSpans[sentenceIndex]![0] === i && (i === 0 || spaces[i] !== '' || /\s$/.test(values[i - 1]!));
    if (startsSentence || spaces[i]!.includes('\n')) closeSentence();
    if (value.charCodeAt(0) <= 32 && value.trim() === '') {
      closeSentence();
      continue;
    }
    // wink-nlp splits words at some Latin letters ("Babi" "š", "Dvo" "ř" "ák"): letters that touch are one word.
    const previous = tokens.at(-1);
    if (previous && previous.end === starts[i] && !startsSentence && LETTERS_ONLY.test(previous.text) && LETTERS_ONLY.test(value)) {
      const text = previous.text + value;
      tokens[tokens.length - 1] = { ...previous, text, lower: text.toLowerCase(), end: starts[i]! + value.length, lemma: previous.pos === 'PROPN' ? text.toLowerCase() : previous.lemma + lemmas[i]!, pos: previous.pos === 'X' ? pos[i]! : previous.pos };
      continue;
    }
    tokens.push({ text: value, lower: value.toLowerCase(), start: starts[i]!, end: starts[i]! + value.length, pos: pos[i]!, lemma: lemmas[i]!, sentence: sentences.length });
  }
  pushLongRuns(Number.POSITIVE_INFINITY);
  closeSentence();

  const words = wordsOf(text, tokens);
  const quantities = quantitiesOf(text, tokens);
  const names = properNounRuns(text, tokens);
  let entities: Entity[] | undefined;
  return {
    text,
    paragraphs,
    sentences,
    tokens,
    words,
    quantities,
    get entities() {
      return (entities ??= entitiesOf(text, folded));
    },
    names,
  };
}

function entitiesOf(text: string, folded: string): Entity[] {
  const doc = entityNlp().readDoc(folded);
  const its = entityNlp().its;
  const values = doc.tokens().out();
  const starts = offsets(text, values, doc.tokens().out(its.precedingSpaces) as string[]);
  const entities: Entity[] = [];
  const detail = doc.entities().out(its.detail) as unknown as Array<{ type: string }>;
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  spans.forEach(([first, last], k) => {
    const type = ENTITY_TYPES[detail[k]!.type];
    if (!type) return;
    const start = starts[first]!;
    const end = starts[last]! + values[last]!.length;
    entities.push({ type, start, end, text: text.slice(start, end) });
  });
  return entities;
}

/** Paragraphs: runs of text between blank lines, as [start, end) offsets. */
export function paragraphsOf(text: string): Range[] {
  const result: Range[] = [];
  const blank = /\n[ \t]*\n/g;
  let start = 0;
  for (let match = blank.exec(text); match; match = blank.exec(text)) {
    if (match.index > start) result.push({ start, end: match.index });
    start = match.index + match[0].length;
    blank.lastIndex = start - 1;
  }
  if (start < text.length) result.push({ start, end: text.length });
  return result;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTERS_ONLY = /^[\p{L}\p{M}]+$/u;
/** Clitics wink-nlp splits off that belong to the word before: n't, 's, 're, 'll, 've, 'd, 'm. */
const CLITIC = /^(?:n't|'(?:s|re|ll|ve|d|m|t))$/i;
const ABBREVIATIONS = new Set(VOCABULARY.abbreviations.map((word) => word.toLowerCase()));

/**
 * Words: tokens holding a letter or digit, with clitics joined back ("don't", "Kyiv's"), censored
 * words joined ("f***ing"), hyphenated tokens split ("magnitude-7" is two words, as "four-year"
 * is), and a sentence's full stop that wink-nlp left on a word ("15pm.") cut off.
 */
function wordsOf(text: string, tokens: readonly AnalysisToken[]): Token[] {
  const words: Token[] = [];
  let head: AnalysisToken | undefined;
  let start = 0;
  let end = 0;
  const push = (from: number, to: number) => {
    // Quote marks and apostrophes wink-nlp leaves on a word's edges ('axis, war') are not part of it.
    while (from < to && isQuoteMark(text.charCodeAt(from))) from++;
    while (to > from && isQuoteMark(text.charCodeAt(to - 1))) to--;
    if (!hasWordChar(text, from, to)) return;
    const surface = text.slice(from, to);
    words.push({ word: surface.toLowerCase(), surface, start: from, end: to, pos: head!.pos, lemma: head!.lemma, sentence: head!.sentence });
  };
  const flush = () => {
    if (!head) return;
    let from = start;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 45 || code === 47) {
        // "-" and "/" split words, as they split "four-year".
        if (i > from) push(from, i);
        from = i + 1;
      }
    }
    if (end > from) push(from, end);
    head = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (head !== undefined && end === token.start && (CLITIC.test(token.text) || /^\*+$/.test(token.text) || (text.charCodeAt(end - 1) === 42 && hasWordChar(token.text, 0, 1)))) {
      end = token.end;
      continue;
    }
    // A decimal wink-nlp split ("magnitude-7" "." "1"): one numeral again.
    const next = tokens[i + 1];
    if (head !== undefined && end === token.start && token.text === '.' && isDigit(text.charCodeAt(end - 1)) && next && next.start === token.end && isDigit(text.charCodeAt(next.start))) {
      end = next.end;
      if (next.text.endsWith('.') && !isAbbreviation(next.text)) end--;
      i++;
      continue;
    }
    flush();
    if (!hasWordChar(token.text, 0, token.text.length)) continue;
    head = token;
    start = token.start;
    end = token.end;
    // wink-nlp keeps a period on abbreviations and initials (U.S., Mr., A., Mo.); on a numeral it
    // is the sentence's full stop ("15pm.", "EUR45m.") unless the word is a known short form (No.).
    if (token.text.length > 1 && token.text.endsWith('.') && /\d/.test(token.text) && !isAbbreviation(token.text)) end--;
  }
  flush();
  return words;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isQuoteMark(code: number): boolean {
  return code === 34 || code === 39;
}

/** Whether text[from, to) holds a letter or digit; ASCII first, as most words are. */
function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
    if (code >= 128 && LETTER_OR_DIGIT.test(text[i]!)) return true;
  }
  return false;
}

function isAbbreviation(word: string): boolean {
  // U.S., p.m.: an inner period; Mr., Gen., Jr.: a known short form.
  return word.slice(0, -1).includes('.') || ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

/** Currency and percent signs a number phrase reads. */
const SIGN = /^[$€£%]$/;
const ASCII_LETTERS = /^[A-Za-z]+$/;
const NUMBER_WORDS = new Set(
  [VOCABULARY.numbers.cardinals, VOCABULARY.numbers.scales, VOCABULARY.numbers.ordinals, VOCABULARY.numbers.fractions, VOCABULARY.numbers.vague].flatMap((words) => Object.keys(words).flatMap((phrase) => phrase.split(' '))),
);
const NUMERAL = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const LETTERS = /\p{L}+(?:'\p{L}+)*/uy;

/**
 * Numerals, words and signs. wink-nlp splits some numerals ("10.15pm" is 10 . 15pm., "magnitude-7.1"
 * is magnitude-7 . 1) and joins others to letters ("EUR45m"), so inside each run of tokens that
 * touch, numerals are read again from the text; words keep their token's part of speech.
 */
function quantitiesOf(text: string, tokens: readonly AnalysisToken[]): QuantityToken[] {
  const out: QuantityToken[] = [];
  let previousEnd = 0;
  let current: AnalysisToken | undefined;
  const push = (start: number, end: number, kind: QuantityToken['kind'], token: AnalysisToken | undefined) => {
    const value = text.slice(start, end);
    const tagged = kind === 'word' ? token : undefined;
    out.push({ text: value, lower: value.toLowerCase(), start, end, kind, gapBefore: text.slice(previousEnd, start), pos: tagged?.pos, lemma: tagged?.lemma, sentence: (token ?? current)!.sentence });
    previousEnd = end;
  };
  let i = 0;
  let countsUntil = -1;
  while (i < tokens.length) {
    if (i >= countsUntil) {
      // Only lines holding a numeral or a number word state a quantity (a number phrase and the
      // clause read around it end at a line break): skip the others whole.
      const lineEnd = text.indexOf('\n', tokens[i]!.start);
      let last = i;
      while (last < tokens.length && (lineEnd < 0 || tokens[last]!.end <= lineEnd)) last++;
      if (!tokens.slice(i, last).some((token) => /\d/.test(token.text) || NUMBER_WORDS.has(token.lower))) {
        i = Math.max(last, i + 1);
        continue;
      }
      countsUntil = last;
    }
    // A run of tokens with nothing between them: "10.15pm.", "EUR45m", "magnitude-7.1".
    let runEnd = i + 1;
    while (runEnd < tokens.length && tokens[runEnd]!.start === tokens[runEnd - 1]!.end) runEnd++;
    const from = tokens[i]!.start;
    const to = tokens[runEnd - 1]!.end;
    const single = runEnd === i + 1 ? tokens[i] : undefined;
    if (single && ASCII_LETTERS.test(single.text)) {
      // Most tokens are a plain word standing alone.
      current = single;
      push(from, to, 'word', single);
      i = runEnd;
      continue;
    }
    let k = from;
    let t = i;
    while (k < to) {
      while (t < runEnd - 1 && tokens[t]!.end <= k) t++;
      current = tokens[t];
      const ch = text[k]!;
      const code = ch.charCodeAt(0);
      if (code >= 48 && code <= 57) {
        NUMERAL.lastIndex = k;
        const end = Math.min(NUMERAL.exec(text)![0].length + k, to);
        push(k, end, 'numeral', undefined);
        k = end;
      } else if (hasWordChar(ch, 0, 1)) {
        LETTERS.lastIndex = k;
        const match = LETTERS.exec(text);
        const end = match ? Math.min(k + match[0].length, to) : k + 1;
        // The part of speech applies only when the letters are the whole token.
        const token = single ?? (tokens[t]!.start === k && tokens[t]!.end === end ? tokens[t] : undefined);
        push(k, end, 'word', token ?? tokens[t]);
        k = end;
      } else {
        if (SIGN.test(ch)) push(k, k + 1, 'symbol', undefined);
        k++;
      }
    }
    i = runEnd;
  }
  return out;
}

const CONNECTORS = new Set(VOCABULARY.nameConnectors);
const TITLES = new Set(VOCABULARY.speakerWords.titles);
/** Months and weekdays are capitalised and tagged proper nouns, but date a thing rather than name it. */
const CALENDAR = new Set([...VOCABULARY.numbers.months, ...VOCABULARY.numbers.weekdays]);

/**
 * Proper-noun runs: a capitalised proper noun, then capitalised nouns, proper nouns and adjectives
 * on the same line ("New York City", "Foreign Ministry"), joined through a connector ("Bank of
 * England") when a proper noun follows it; titles ("President"), words with digits, months and
 * weekdays are left out.
 */
function properNounRuns(text: string, tokens: readonly AnalysisToken[]): Range[] {
  const nameWord = (token: AnalysisToken) => /^\p{Lu}/u.test(token.text) && !/\d/.test(token.text) && !TITLES.has(token.lower) && !CALENDAR.has(token.lower);
  const runs: Range[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.pos !== 'PROPN' || !nameWord(tokens[i]!)) {
      i++;
      continue;
    }
    let last = i;
    let k = i + 1;
    while (k < tokens.length && sameLine(text, tokens[k - 1]!, tokens[k]!) && tokens[k]!.sentence === tokens[i]!.sentence) {
      const token = tokens[k]!;
      const hyphenated = token.text === '-' && token.start === tokens[k - 1]!.end && tokens[k + 1]?.start === token.end && LETTERS_ONLY.test(tokens[k + 1]!.text);
      if (NAME_POS.has(token.pos) && nameWord(token)) last = k;
      else if (hyphenated) {
        // "Ho Wai-ho", "al-Sharif": one name across the hyphen.
        last = ++k;
      } else if (!(CONNECTORS.has(token.lower) && tokens[k + 1]?.pos === 'PROPN' && nameWord(tokens[k + 1]!))) break;
      k++;
    }
    runs.push({ start: tokens[i]!.start, end: tokens[last]!.end });
    i = last + 1;
  }
  return runs;
}

const NAME_POS = new Set<PartOfSpeech>(['PROPN', 'NOUN', 'ADJ']);

function sameLine(text: string, previous: Range, next: Range): boolean {
  return /^[ \t]*$/.test(text.slice(previous.end, next.start));
}

/** Index of the first item whose end is after `offset` (items sorted by offset). */
export function firstEndingAfter(items: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items lying wholly inside [from, to). */
export function within<T extends Range>(items: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstEndingAfter(items, from); i < items.length && items[i]!.start < to; i++) {
    if (items[i]!.start >= from && items[i]!.end <= to) out.push(items[i]!);
  }
  return out;
}

/** The sentence holding an offset (the nearest one before it when the offset falls between sentences). */
export function sentenceAt(analysis: Analysis, offset: number): Sentence | undefined {
  const index = firstEndingAfter(analysis.sentences, offset);
  const sentence = analysis.sentences[index];
  if (sentence && sentence.start <= offset) return sentence;
  return analysis.sentences[index - 1];
}
