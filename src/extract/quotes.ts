import { analysisOf, within, type Analysis, type AnalysisSource, type Token } from '../analysis/index.js';
import { comparisonTokens } from '../compare/words.js';
import type { Article } from '../corpus/article.js';
import { findSpeaker, PersonRegister, type Speaker } from './speakers.js';

/** One quoted passage of an article. Offsets are in the article's normalised text. */
export interface Quote {
  readonly article: Article;
  /** Including the quote marks. */
  readonly start: number;
  readonly end: number;
  /** Ranges of quoted words: one, or several for a quote continued across paragraphs. */
  readonly parts: ReadonlyArray<readonly [number, number]>;
  readonly tokens: readonly Token[];
  /** The words compared across articles: `tokens` with contractions expanded. */
  readonly words: readonly Token[];
  /** Inside another quote ('axis of war' inside "..."). */
  readonly nested: boolean;
  /** The enclosing quote, for a nested one. */
  readonly parent?: Quote;
  /** The closing mark was never found before the paragraph ended. */
  readonly unclosed: boolean;
  readonly speaker?: Speaker;
}

type MarkRole = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  role: MarkRole;
}

/** A quoted stretch before its words and speaker are read. */
interface RawQuote {
  start: number;
  end: number;
  parts: Array<[number, number]>;
  unclosed: boolean;
  nested: boolean;
  parent?: RawQuote;
}

/** Letters and digits: an apostrophe between two of them is part of a word. */
const WORDY = /[\p{L}\p{N}]/u;
/** Longest single-quoted span taken as a quote, in words: past that it is an apostrophe mismatch. */
const MAX_SINGLE_QUOTE_WORDS = 14;

/**
 * Every quoted span of an article: double quotes (straight, curly, guillemets), single quotes used
 * as quote marks (never apostrophes), quotes nested in quotes, and a quote continued across
 * paragraphs (a paragraph that leaves a quote open, the next reopening it).
 */
export function extractQuotes(article: Article, facts?: AnalysisSource): Quote[] {
  const analysis = analysisOf(article, facts);
  const text = article.body;
  const original = article.text;
  const origin = article.normalized.originStart;
  const roleOf = (at: number): MarkRole => {
    const ch = original[origin[at]!];
    if (ch === '\u201C' || ch === '\u201E' || ch === '\u00AB') return 'open';
    if (ch === '\u201D' || ch === '\u00BB') return 'close';
    return contextRole(text, at);
  };

  const raw: RawQuote[] = [];
  let carried: { start: number; parts: Array<[number, number]> } | undefined;
  for (const { start: from, end: to } of analysis.paragraphs) {
    const marks: Mark[] = [];
    for (let i = from; i < to; i++) if (text[i] === '"') marks.push({ at: i, role: roleOf(i) });
    let index = 0;
    // A quote left open by the previous paragraph continues when this one opens with a quote mark.
    if (carried) {
      const first = marks[0];
      const opensParagraph = first && first.role !== 'close' && text.slice(from, first.at).trim() === '';
      if (opensParagraph) {
        const close = marks.findIndex((mark, i) => i > 0 && mark.role !== 'open');
        const closeAt = close > 0 ? marks[close]!.at : trimEnd(text, to);
        carried.parts.push([first.at + 1, closeAt]);
        if (close > 0) {
          raw.push({ start: carried.start, end: closeAt + 1, parts: carried.parts, unclosed: false, nested: false });
          carried = undefined;
          index = close + 1;
        } else {
          continue;
        }
      } else {
        const last = carried.parts.at(-1)!;
        raw.push({ start: carried.start, end: last[1], parts: carried.parts, unclosed: true, nested: false });
        carried = undefined;
      }
    }
    while (index < marks.length) {
      const open = marks[index]!;
      if (open.role === 'close') {
        index++;
        continue;
      }
      let close = index + 1;
      while (close < marks.length && marks[close]!.role === 'open' && original[origin[marks[close]!.at]!] === '"') close++;
      if (close < marks.length && marks[close]!.role !== 'open') {
        raw.push({ start: open.at, end: marks[close]!.at + 1, parts: [[open.at + 1, marks[close]!.at]], unclosed: false, nested: false });
        index = close + 1;
      } else if (close < marks.length) {
        // A second opening curly mark before any close: the first quote was never closed.
        raw.push({ start: open.at, end: marks[close]!.at, parts: [[open.at + 1, trimEnd(text, marks[close]!.at)]], unclosed: true, nested: false });
        index = close;
      } else {
        carried = { start: open.at, parts: [[open.at + 1, trimEnd(text, to)]] };
        break;
      }
    }
  }
  if (carried) raw.push({ start: carried.start, end: carried.parts.at(-1)![1], parts: carried.parts, unclosed: true, nested: false });

  const register = new PersonRegister(analysis);
  const quotes: Quote[] = [];
  const all = [...raw, ...singleQuotes(analysis, original, origin, raw)].sort((a, b) => a.start - b.start);
  const built = new Map<RawQuote, Quote>();
  for (const span of all) {
    const tokens = span.parts.flatMap(([start, end]) => within(analysis.words, start, end)).filter((token) => !insideBrackets(text, span.parts, token.start));
    if (tokens.length === 0) continue;
    const parent = span.parent ? built.get(span.parent) : undefined;
    const quote: Quote = {
      article,
      start: span.start,
      end: span.end,
      parts: span.parts,
      tokens,
      words: comparisonTokens(tokens),
      nested: span.nested,
      ...(parent ? { parent } : {}),
      unclosed: span.unclosed,
      ...(span.nested ? {} : speakerOf(analysis, span.start, span.end, register)),
    };
    built.set(span, quote);
    quotes.push(quote);
  }
  return quotes;
}

/** Editorial insertions inside a quote, "(local)" or "[Democrats]", are not the speaker's words. */
function insideBrackets(text: string, parts: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  const part = parts.find(([start, end]) => start <= at && at < end);
  if (!part) return false;
  let depth = 0;
  for (let i = part[0]; i < at; i++) {
    if (text[i] === '(' || text[i] === '[') depth++;
    else if ((text[i] === ')' || text[i] === ']') && depth > 0) depth--;
  }
  return depth > 0;
}

function speakerOf(analysis: Analysis, start: number, end: number, register: PersonRegister): { speaker?: Speaker } {
  const speaker = findSpeaker(analysis, start, end, register);
  return speaker ? { speaker } : {};
}

/** Decides whether a straight mark opens or closes from the characters around it. */
function contextRole(text: string, at: number): MarkRole {
  const before = text[at - 1] ?? ' ';
  const after = text[at + 1] ?? ' ';
  const spaceBefore = /[\s([{\-/]/.test(before) || at === 0;
  const spaceAfter = /[\s)\]}.,;:!?\-]/.test(after) || at + 1 >= text.length;
  if (spaceBefore && !spaceAfter) return 'open';
  if (spaceAfter && !spaceBefore) return 'close';
  return 'either';
}

/** Single-quoted spans: an opening mark not inside a word, closed before the paragraph ends. */
function singleQuotes(analysis: Analysis, original: string, origin: Uint32Array, doubles: RawQuote[]): RawQuote[] {
  const text = analysis.text;
  const found: RawQuote[] = [];
  for (const { start: from, end: to } of analysis.paragraphs) {
    let open: number | undefined;
    for (let i = from; i < to; i++) {
      if (text[i] !== "'") continue;
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      const inWord = WORDY.test(before) && WORDY.test(after);
      if (inWord) continue;
      const canOpen = !WORDY.test(before) && WORDY.test(after) && original[origin[i]!] !== '\u2019';
      const canClose = /[\p{L}\p{N}.,!?]/u.test(before) && !WORDY.test(after);
      if (open !== undefined && canClose) {
        const container = doubles.find((quote) => quote.start < open! && i < quote.end);
        const crossesContainer = doubles.some((quote) => (quote.start > open! && quote.start < i) || (quote.end > open! && quote.end <= i));
        const words = within(analysis.words, open + 1, i).length;
        if (!crossesContainer && words > 0 && words <= MAX_SINGLE_QUOTE_WORDS) {
          found.push({ start: open, end: i + 1, parts: [[open + 1, i]], unclosed: false, nested: container !== undefined, ...(container ? { parent: container } : {}) });
          open = undefined;
          continue;
        }
        open = undefined;
      }
      if (canOpen) open = i;
    }
  }
  return found;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}
