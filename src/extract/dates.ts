import * as chrono from 'chrono-node';
import { analysisOf, firstEndingAfter, type Analysis, type AnalysisSource, type Token } from '../analysis/index.js';
import type { Article } from '../corpus/article.js';
import { eventAt } from './events.js';
import { MONTHS } from './quantities.js';
import { VOCABULARY } from './vocabulary/index.js';

/** A date an article gives, resolved against its publication date. Offsets are in the normalised text. */
export interface DateMention {
  readonly article: Article;
  readonly start: number;
  readonly end: number;
  /** First and last day the mention allows, YYYY-MM-DD, inclusive. */
  readonly first: string;
  readonly last: string;
  /** Day, month and year are all written: nothing was guessed. */
  readonly complete: boolean;
  /** A weekday written with an explicit date ("Tuesday, January 7, 2026"): 0 = Sunday. */
  readonly writtenWeekday?: number;
  /** Content words of the clause around the date: what happened. */
  readonly event: ReadonlySet<string>;
  /** The nearest verb before or after the date ("slammed", "said"). */
  readonly predicate?: string;
  /** The clause's verb is in the past tense: the event happened before publication. */
  readonly past: boolean;
  /** What happened, by the event vocabulary ("launch", "death"), when the clause names it. */
  readonly happening?: string;
  /** The clause calls the date a plan that changed ("postponed from June 10"). */
  readonly superseded: boolean;
  /** Words of the longer names in its sentence: who it happened to. */
  readonly participants: ReadonlySet<string>;
  /** The year was taken from the story's latest publication date: the article has none of its own. */
  readonly borrowedYear: boolean;
}

const STOPWORDS = new Set(VOCABULARY.stopwords);
const REPORTING = new Set(VOCABULARY.reportingVerbs);
const IGNORED = new Set(VOCABULARY.relativeDates.ignored);
const RELATIVE = VOCABULARY.relativeDates.phrases;
const FUTURE = new Set(VOCABULARY.relativeDates.futureWords);
/** A bare year after a preposition that makes it a date ("since 2014"). */
const YEAR_ONLY = new RegExp(`\\b(${VOCABULARY.relativeDates.yearOpeners.join('|')})\\s+((?:1[5-9]|20)\\d\\d)\\b(?![-/]\\d)`, 'gi');
/** Words making a chrono-node hit a span of time rather than a date ("three years after"). */
const SPAN_WORDS = new RegExp(`\\b(${VOCABULARY.relativeDates.spanWords.join('|')})\\b`, 'i');
const EVENT_WINDOW = 8;
/** A date names a weekday, a month, a year or a day next to today; anything else chrono finds is a span of time. */
const ANCHOR = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|yesterday|tomorrow|\d{4})\b/i;
const DAY = 86_400_000;

/**
 * Dates found by chrono-node, resolved against the publication date and biased to the past, as
 * news is written after the fact ("on Tuesday" in an article of Thursday 8 January is the 6th);
 * "this week", "earlier this week" become ranges, and bare years and months become whole ranges.
 * Without a publication date only dates with a written year are kept: relative ones stay unresolved.
 */
export function extractDates(article: Article, facts?: AnalysisSource, storyDate?: string): DateMention[] {
  const analysis = analysisOf(article, facts);
  const text = article.body;
  const published = article.metadata.date ? new Date(`${article.metadata.date}T12:00:00Z`) : undefined;
  // An undated article's "June 24" takes its year from the story's other articles; its weekdays stay unresolved.
  const borrowed = !published && storyDate ? new Date(`${storyDate}T12:00:00Z`) : undefined;
  const mentions: DateMention[] = [];
  // Ranges already read as dates, in text order and disjoint: a search finds an overlap, not a scan.
  const taken: Array<[number, number]> = [];
  const firstEndingAfter = (offset: number) => {
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (taken[middle]![1] > offset) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const free = (start: number, end: number) => {
    const next = taken[firstEndingAfter(start)];
    return !next || next[0] >= end;
  };
  const add = (start: number, end: number, first: Date, last: Date, writtenWeekday?: number, complete = false) => {
    taken.splice(firstEndingAfter(start), 0, [start, end]);
    const { event: happening, superseded, participants } = eventAt(analysis, start, end);
    mentions.push({
      article,
      start,
      end,
      first: iso(first),
      last: iso(last),
      complete,
      ...(writtenWeekday !== undefined ? { writtenWeekday } : {}),
      ...eventAround(analysis, start, end),
      ...(happening ? { happening } : {}),
      superseded,
      participants,
      borrowedYear: borrowed !== undefined,
    });
  };

  if (published) {
    const lower = text.toLowerCase();
    for (const phrase of RELATIVE) {
      for (let at = lower.indexOf(phrase.text); at >= 0; at = lower.indexOf(phrase.text, at + 1)) {
        const end = at + phrase.text.length;
        if (!wordBoundary(text, at, end) || !free(at, end)) continue;
        const [first, last] = relativeRange(published, phrase.unit as 'week' | 'month' | 'year', phrase.offset, phrase.untilPublication);
        add(at, end, first, last);
      }
    }
  }

  const reference = published ?? borrowed ?? new Date(0);
  for (const { result, index: start } of parseAnchored(analysis, reference)) {
    const end = start + result.text.length;
    if (!free(start, end) || falseHit(text, result, start)) continue;
    const known = result.start;
    // Without a publication date only a written year, or a day of a month with the story's year, anchors a date.
    const yearWritten = /\b\d{4}\b/.test(result.text);
    if (!published && !yearWritten && !(borrowed && known.isCertain('month') && known.isCertain('day'))) continue;
    let first = known.date();
    let last = result.end ? result.end.date() : first;
    const weekdayOnly = known.isCertain('weekday') && !known.isCertain('day');
    if (weekdayOnly && published && first.getTime() > published.getTime()) {
      // News is written after the fact: "on Friday" in a Thursday article is last Friday.
      first = new Date(first.getTime() - 7 * DAY);
      last = first;
    }
    const { past } = eventAround(analysis, start, end);
    if (published && past && !known.isCertain('year') && first.getTime() > published.getTime() && !weekdayOnly) {
      // "fired him in May" in a January article: last May.
      first = new Date(Date.UTC(first.getUTCFullYear() - 1, first.getUTCMonth(), first.getUTCDate()));
      last = new Date(Date.UTC(last.getUTCFullYear() - 1, last.getUTCMonth(), last.getUTCDate()));
    }
    if (!known.isCertain('day') && !weekdayOnly && known.isCertain('month')) {
      // "in February 2022": the whole month.
      first = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
      last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    }
    // A weekday is checked against a fully written date only: without a year, chrono guesses one.
    const writtenWeekday = known.isCertain('weekday') && known.isCertain('day') && /\d{4}/.test(result.text) ? known.get('weekday') ?? undefined : undefined;
    add(start, end, first, last, writtenWeekday, known.isCertain('day') && /\d{4}/.test(result.text));
  }

  for (const match of text.matchAll(YEAR_ONLY)) {
    const start = match.index + match[1]!.length + 1;
    const end = start + match[2]!.length;
    if (!free(start, end) || insideUrl(text, start)) continue;
    const year = Number(match[2]);
    add(start, end, new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31)));
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * chrono-node over the stretches of sentences around a weekday, month, year or next day only:
 * every date kept names one, the rest can hold none, and chrono is the costliest step of reading
 * an article (its cost grows with the length of text it reads).
 */
function parseAnchored(analysis: Analysis, reference: Date): Array<{ result: chrono.ParsedResult; index: number }> {
  const results: Array<{ result: chrono.ParsedResult; index: number }> = [];
  const text = analysis.text;
  for (const [from, to] of chronoSpans(text)) {
    const piece = text.slice(from, to);
    if (!ANCHOR.test(piece)) continue;
    for (const result of chrono.parse(piece, { instant: reference, timezone: 0 }, { forwardDate: false })) {
      results.push({ result, index: result.index + from });
    }
  }
  return results;
}

/** Where to end a piece starting at `from`: after the last sentence end in its second half, else at its last space. */
function cutPoint(text: string, from: number): number {
  let space = -1;
  for (let at = CHRONO_MAX_SPAN - 1; at > CHRONO_MAX_SPAN / 2; at--) {
    const ch = text[from + at];
    if (ch !== ' ') continue;
    if (/[.!?;]/.test(text[from + at - 1]!)) return at;
    if (space < 0) space = at;
  }
  return space > 0 ? space : CHRONO_MAX_SPAN;
}

/** chrono-node's time grows with the square of a run of whitespace or of a very long line: it sees neither. */
export const CHRONO_MAX_SPAN = 2000;
/** A run of this much whitespace (a line or more of it) separates two pieces: no date is written across it. */
const WHITESPACE_BREAK = /[ \t\n]{16,}|\n/g;

/**
 * The pieces of the text chrono reads: lines, split at long runs of whitespace, and cut into at most
 * CHRONO_MAX_SPAN characters, at a sentence end or else a space, so that a date is rarely cut.
 */
export function chronoSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const cut = (from: number, to: number) => {
    while (to - from > CHRONO_MAX_SPAN) {
      const at = cutPoint(text, from);
      spans.push([from, from + at]);
      from += at;
    }
    if (to > from && /\S/.test(text.slice(from, to))) spans.push([from, to]);
  };
  let at = 0;
  for (const gap of text.matchAll(WHITESPACE_BREAK)) {
    cut(at, gap.index);
    at = gap.index + gap[0].length;
  }
  cut(at, text.length);
  return spans;
}

/** chrono's hits that are not dates here: "now", "today", "march" the verb, "24/7", dates inside URLs. */
function falseHit(text: string, result: chrono.ParsedResult, start: number): boolean {
  const written = result.text.trim();
  const lower = written.toLowerCase();
  if (IGNORED.has(lower) || IGNORED.has(lower.replace(/^(on|at|in)\s+/, ''))) return true;
  if (/^\d{1,2}\/\d{1,2}$/.test(written)) return true;
  // Spans of time rather than dates: "three years after", "for 85 years", "in a week", "the next day".
  if (!ANCHOR.test(written)) return true;
  if (SPAN_WORDS.test(written) && !/\d{4}/.test(written)) return true;
  if (insideUrl(text, start)) return true;
  // A month name alone must be capitalised: "march on Washington", "may well".
  const firstWord = written.split(/\s+/)[0]!;
  if (MONTHS.has(firstWord.toLowerCase()) && firstWord === firstWord.toLowerCase()) return true;
  return false;
}

/** How far back from a date the start of its URL is looked for: a bound, so a line with no spaces stays linear. */
const URL_REACH = 300;

function insideUrl(text: string, at: number): boolean {
  let start = at;
  const limit = Math.max(0, at - URL_REACH);
  while (start > limit && !/\s/.test(text[start - 1]!)) start--;
  return /^(<?https?:\/\/|www\.)/i.test(text.slice(start, at + 1)) || /[\w-]+\.[a-z]{2,}\//i.test(text.slice(start, at));
}

function wordBoundary(text: string, start: number, end: number): boolean {
  return !/[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[end] ?? ' ');
}

function relativeRange(published: Date, unit: 'week' | 'month' | 'year', offset: number, untilPublication: boolean): [Date, Date] {
  const y = published.getUTCFullYear();
  const m = published.getUTCMonth();
  let first: Date;
  let last: Date;
  if (unit === 'week') {
    const monday = new Date(Date.UTC(y, m, published.getUTCDate() - ((published.getUTCDay() + 6) % 7) + 7 * offset));
    first = monday;
    last = new Date(monday.getTime() + 6 * DAY);
  } else if (unit === 'month') {
    first = new Date(Date.UTC(y, m + offset, 1));
    last = new Date(Date.UTC(y, m + offset + 1, 0));
  } else {
    first = new Date(Date.UTC(y + offset, 0, 1));
    last = new Date(Date.UTC(y + offset, 11, 31));
  }
  if (untilPublication && last.getTime() > published.getTime()) last = published;
  return [first, last];
}

/** What the date dates: the content words of its sentence up to a semicolon, and its nearest verb. */
function eventAround(analysis: Analysis, start: number, end: number): { event: Set<string>; predicate?: string; past: boolean } {
  const tokens = analysis.words;
  const text = analysis.text;
  const index = firstEndingAfter(tokens, start);
  let after = index;
  while (after < tokens.length && tokens[after]!.start < end) after++;
  const clauseStart = Math.max(0, index - EVENT_WINDOW);
  const clauseEnd = Math.min(tokens.length, after + EVENT_WINDOW);
  const sentence = tokens[Math.min(index, tokens.length - 1)]?.sentence;
  const inClause = (token: Token) => token.sentence === sentence && !/[;\n]/.test(text.slice(Math.min(token.end, start), Math.max(token.start, end)));
  const around = [...tokens.slice(clauseStart, index), ...tokens.slice(after, clauseEnd)].filter(inClause);
  const event = new Set(around.filter((token) => token.word.length > 2 && !STOPWORDS.has(token.word) && !/^\d+$/.test(token.word) && !MONTHS.has(token.word)).map((token) => token.word));
  const verbs = around.filter((token) => !/^\p{Lu}/u.test(token.surface) && (REPORTING.has(token.word) || (/ed$/.test(token.word) && token.word.length > 4)));
  const predicate = verbs.sort((a, b) => distance(a, start, end) - distance(b, start, end))[0]?.word;
  const future = around.some((token) => FUTURE.has(token.word));
  return { event, ...(predicate ? { predicate } : {}), past: predicate !== undefined && !future };
}

function distance(token: Token, start: number, end: number): number {
  return token.end <= start ? start - token.end : token.start - end;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
