import { analysisOf, firstEndingAfter, sentenceAt, type Analysis, type AnalysisSource, type QuantityToken, type Range } from '../analysis/index.js';
import type { Article } from '../corpus/article.js';
import { isNumberWord, MONTHS, numberAt, qualifierBefore, type QualifierMeaning } from './quantities.js';
import { VOCABULARY } from './vocabulary/index.js';

/** A quantity an article states, with what it counts. Offsets are in the normalised text. */
export interface Figure {
  readonly article: Article;
  readonly start: number;
  readonly end: number;
  /** The interval the statement allows: [low, high], both inclusive. */
  readonly low: number;
  readonly high: number;
  readonly qualifier?: QualifierMeaning;
  /** Unit measured in ("percent", "dollar", "kilometre", "point", "year"), if any. */
  readonly unit?: string;
  /** The counted noun ("households", "people", "brigades"), if any. */
  readonly noun?: string;
  /** What happened to what is counted ("killed", "injured"), if the clause says. */
  readonly event?: string;
  /** Where, from "in Lviv". */
  readonly place?: string;
  /** Words qualifying the noun ("federal" in "$43 million in federal taxes"), lowercase. */
  readonly modifiers: ReadonlySet<string>;
  /** The verb just before the figure ("lost", "picked", "paid"), if the clause has one. */
  readonly predicate?: string;
  /** Content words of the clause around the figure, lowercase. */
  readonly context: ReadonlySet<string>;
  /** Index of the figure's sentence in the article's analysis. */
  readonly sentence: number;
}

const UNITS = new Map(Object.entries(VOCABULARY.units.units));
const EVENTS = new Map(Object.entries(VOCABULARY.units.events));
const STOPWORDS = new Set(VOCABULARY.stopwords);
/** "Approximately" allows ±10%; a vague amount keeps its own range. */
const APPROXIMATE_SHARE = 0.1;
/** Tokens either side of a figure read for its event and context. */
const CONTEXT_WINDOW = 6;
const MAX_NOUN_WORDS = 3;
/** Words joining a figure to the one before whose noun it leaves out ("and three in Odesa"). */
const COORDINATORS = new Set(['and', 'or', 'but', 'while', 'with', 'versus', 'vs', 'to', 'against']);
/** Tokens back to the previous figure within which an elided noun is read from it. */
const ELISION_REACH = 12;
const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute']);
const REPORTING = new Set(VOCABULARY.reportingVerbs);
const PREDICATES = new Set(VOCABULARY.predicates);
const QUALIFIER_WORDS = new Set(Object.values(VOCABULARY.qualifiers).flatMap((phrases) => (phrases as readonly string[]).flatMap((phrase) => phrase.split(' '))));
/** Parts of speech a counted noun's phrase is made of ("three Russian brigades"); anything else ends it. */
const NOUN_PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** Words that say what a figure is about: not function words, reporting verbs, numbers or units. */
function isContextWord(token: QuantityToken): boolean {
  return token.kind === 'word' && token.lower.length > 2 && !STOPWORDS.has(token.lower) && !REPORTING.has(token.lower) && !UNITS.has(token.lower) && !QUALIFIER_WORDS.has(token.lower) && !isNumberWord(token.lower);
}

/**
 * Every figure of an article that says what it counts: a unit or a counted noun. Years, dates,
 * times and numbers inside names ("G7", "Covid-19") are not figures.
 */
export function extractFigures(article: Article, facts?: AnalysisSource): Figure[] {
  const analysis = analysisOf(article, facts);
  const tokens = analysis.quantities;
  const figures: Figure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Only numerals and number words can start a number phrase ("a" in "a third", "a dozen").
    const lower = tokens[i]!.lower;
    if (tokens[i]!.kind !== 'numeral' && !isNumberWord(lower) && lower !== 'a' && lower !== 'one') continue;
    const number = numberAt(tokens, i);
    if (!number || number.ordinal) continue;
    const first = tokens[i]!;
    if (isPartOfName(tokens, i) || isDateOrTime(tokens, i, number.end)) {
      i = number.end - 1;
      continue;
    }
    let low = number.low;
    let high = number.high;
    let end = number.end;
    let start = first.start;
    // Ranges: "four to five", "10-12".
    if (tokens[end] && (tokens[end]!.lower === 'to' || tokens[end]!.gapBefore.trim() === '-') && !number.vague) {
      const rangeStart = tokens[end]!.lower === 'to' ? end + 1 : end;
      const upper = rangeStart < tokens.length && (rangeStart === end || /^\s+$/.test(tokens[rangeStart]!.gapBefore)) ? numberAt(tokens, rangeStart) : undefined;
      if (upper && !upper.ordinal && upper.low > low) {
        high = upper.high;
        end = upper.end;
      }
    }
    const symbolBefore = tokens[i - 1]?.kind === 'symbol' && first.gapBefore === '' ? 1 : 0;
    const qualifier = qualifierBefore(tokens, i - symbolBefore);
    if (qualifier) start = tokens[qualifier.first]!.start;
    // Units: "$45", "90%", "45 million dollars", "15 km", "magnitude 7.1", "28-point".
    let unit: string | undefined;
    const before = tokens[i - 1];
    if (before && before.kind === 'symbol' && first.gapBefore === '' && UNITS.has(before.text)) {
      unit = UNITS.get(before.text);
      start = Math.min(start, before.start);
    } else if (before && before.lower === 'magnitude') {
      unit = 'magnitude';
    }
    const next = tokens[end];
    if (!unit && next && next.gapBefore === '-' && next.kind === 'word') {
      // A hyphenated measure names the unit: "28-point plan", "four-year war".
      unit = UNITS.get(next.lower) ?? singular(next.lower);
      end += 1;
    } else if (!unit && next && /^\s*$/.test(next.gapBefore)) {
      const twoWords = tokens[end + 1] ? `${next.lower} ${tokens[end + 1]!.lower}` : '';
      if (UNITS.has(twoWords)) {
        unit = UNITS.get(twoWords);
        end += 2;
      } else if (UNITS.has(next.lower)) {
        unit = UNITS.get(next.lower);
        end += 1;
      }
    }
    // A rate counts its unit per something: "7.5 kilometres per second" is kilometres, per second.
    const rate = unit && tokens[end]?.lower === 'per' && tokens[end + 1]?.kind === 'word' && /^\s+$/.test(tokens[end + 1]!.gapBefore) ? singular(tokens[end + 1]!.lower) : undefined;
    // The counted noun: the content words after the number, up to a function word or an event.
    let noun: string | undefined;
    let event: string | undefined;
    const nounWords: string[] = [];
    let k = end;
    if (number.vague || number.fraction) while (tokens[k]?.lower === 'of' && /^\s+$/.test(tokens[k]!.gapBefore)) k++;
    // The noun is the head of the phrase that follows, by part of speech: "three Russian brigades",
    // not "three were" or "three wounded" read as nouns.
    let head = -1;
    if (rate) {
      nounWords.push('per', rate);
      head = 1;
      k += 2;
    }
    for (; !rate && k < tokens.length && nounWords.length < MAX_NOUN_WORDS; k++) {
      const token = tokens[k]!;
      if (!/^\s+$/.test(token.gapBefore) && k > end) break;
      if (token.kind !== 'word' || STOPWORDS.has(token.lower) || (MONTHS.has(token.lower) && k === end)) break;
      if (EVENTS.has(token.lower)) {
        event = EVENTS.get(token.lower);
        // "300 injured", "12 dead": the casualty word stands for the people it counts.
        if (nounWords.length === 0 && !unit) {
          nounWords.push('people');
          head = 0;
        }
        k++;
        break;
      }
      if (token.pos && !NOUN_PHRASE_POS.has(token.pos)) break;
      nounWords.push(token.lower);
      // The head is a common noun; a proper noun only qualifies one ("12 Hamas fighters").
      if (token.pos === 'NOUN' || token.pos === undefined) head = nounWords.length - 1;
      // A noun followed by a word that is not a noun ends the phrase: "45 people injured".
      if (token.pos === 'NOUN' && tokens[k + 1]?.pos !== 'NOUN' && tokens[k + 1]?.pos !== 'PROPN') {
        k++;
        break;
      }
    }
    if (head >= 0) nounWords.splice(head + 1);
    else nounWords.length = 0;
    // An amount's noun may follow a preposition: "$43 million in federal taxes", "$5 billion for the wall".
    if (nounWords.length === 0 && unit && k === end && ['in', 'for', 'of', 'on'].includes(tokens[k]?.lower ?? '')) {
      for (k = k + 1; k < tokens.length && nounWords.length < MAX_NOUN_WORDS; k++) {
        const token = tokens[k]!;
        if (!/^\s+$/.test(token.gapBefore) || token.kind !== 'word') break;
        if (token.lower === 'the' || token.lower === 'a') continue;
        if (STOPWORDS.has(token.lower)) break;
        nounWords.push(token.lower);
      }
    }
    if (nounWords.length > 0) noun = singular(nounWords.at(-1)!);
    const modifiers = new Set(nounWords.slice(0, -1).filter((word) => !isNumberWord(word)));
    const clause = clauseAround(tokens, i, k);
    event ??= clause.map((token) => EVENTS.get(token.lower)).find((found) => found !== undefined);
    const place = placeIn(analysis, tokens.slice(k, k + CONTEXT_WINDOW)) ?? placeIn(analysis, clause);
    // "9 people were killed in Lviv and three in Odesa": an elided noun is the previous figure's.
    const previous = figures.at(-1);
    // Not "a total of 185" (what it totals is another count: no coordinator) nor "Koizumi, 44," (an age in apposition).
    const lead = tokens[(qualifier ? qualifier.first : i - symbolBefore) - 1];
    const apposition = first.gapBefore === ', ' && lead !== undefined && /^\p{Lu}/u.test(lead.text) && /^,/.test(tokens[number.end]?.gapBefore ?? '');
    // Elided only in a coordination close by: "9 killed in Lviv and three in Odesa", "145 votes ..., and 11 from".
    const coordinated = lead !== undefined && (COORDINATORS.has(lead.lower) || first.gapBefore.includes(',')) && previous !== undefined && previous.end >= (tokens[i - ELISION_REACH]?.start ?? 0);
    if (!noun && !unit && previous && previous.article === article && coordinated && !apposition && sameSentence(analysis, previous.end, first.start)) {
      noun = previous.noun;
      unit = previous.unit;
      event ??= previous.event;
    }
    // Durations ("three weeks") are compared by duration rules that say what they measure.
    if ((!noun && !unit) || (unit && TIME_UNITS.has(unit))) {
      i = number.end - 1;
      continue;
    }
    const context = new Set(clause.filter(isContextWord).map((token) => token.lower));
    const predicate = predicateBefore(tokens, qualifier ? qualifier.first : i - symbolBefore);
    const rounding = qualifier || number.vague ? 0 : roundingOf(tokens, i, number.end);
    const interval = widen(low - rounding, high + rounding, number.vague, qualifier?.meaning);
    const last = tokens[Math.max(end, number.end) - 1]!;
    figures.push({
      article,
      start,
      end: last.end,
      low: interval[0],
      high: interval[1],
      ...(qualifier ? { qualifier: qualifier.meaning } : {}),
      ...(unit ? { unit } : {}),
      ...(noun ? { noun } : {}),
      ...(event ? { event } : {}),
      ...(place ? { place } : {}),
      modifiers,
      ...(predicate ? { predicate } : {}),
      context,
      sentence: tokens[i]!.sentence,
    });
    i = Math.max(end, number.end) - 1;
  }
  return figures;
}

/**
 * Half the last significant unit of a round number, which a writer rounded to: "$43 million" is
 * 42.5 to 43.5 million, "600,000" is 550,000 to 650,000. Small plain numbers ("9 killed") are exact.
 */
function roundingOf(tokens: readonly QuantityToken[], start: number, end: number): number {
  const numeral = tokens[start]!;
  if (numeral.kind !== 'numeral') return 0;
  const digits = numeral.text.replace(/,/g, '');
  const scale = end - start > 1 ? Number(numberAt(tokens, start)!.low) / Number(digits) : 1;
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  if (scale > 1) return 0.5 * 10 ** -decimals * scale;
  const zeros = decimals === 0 ? /0*$/.exec(digits)![0].length : 0;
  return zeros >= 3 ? 0.5 * 10 ** zeros : 0;
}

/** The interval a qualified value allows. */
export function widen(low: number, high: number, vague: boolean, qualifier: QualifierMeaning | undefined): [number, number] {
  if (vague) return [low, high];
  switch (qualifier) {
    case 'approximately':
      return [low * (1 - APPROXIMATE_SHARE), high * (1 + APPROXIMATE_SHARE)];
    case 'below':
      return [low * (1 - APPROXIMATE_SHARE), high];
    case 'atLeast':
      return [low, Number.POSITIVE_INFINITY];
    case 'atMost':
      return [0, high];
    default:
      return [low, high];
  }
}

function singular(word: string): string {
  if (word === 'people' || word === 'persons') return 'people';
  if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(word)) return word;
  if (/s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

function isPartOfName(tokens: readonly QuantityToken[], index: number): boolean {
  const token = tokens[index]!;
  const before = tokens[index - 1];
  // "G7", "Covid-19", "F-16", "No. 1", "Air Force One"
  if (token.kind === 'numeral' && before?.kind === 'word' && (token.gapBefore === '' || token.gapBefore === '-')) return true;
  if (before && before.lower === 'no' && token.gapBefore.startsWith('.')) return true;
  return token.kind === 'word' && /^\p{Lu}/u.test(token.text) && before !== undefined && /^\p{Lu}/u.test(before.text) && before.sentence === token.sentence;
}

function isDateOrTime(tokens: readonly QuantityToken[], start: number, end: number): boolean {
  const first = tokens[start]!;
  const after = tokens[end];
  const before = tokens[start - 1];
  if (before && MONTHS.has(before.lower)) return true;
  if (after && MONTHS.has(after.lower) && /^\s+$/.test(after.gapBefore)) return true;
  if (after && after.gapBefore === ':' ) return true;
  if (after && /^(a|p)$/.test(after.lower) && after.gapBefore === ' ') return true;
  // A year: four digits, no comma, not followed by a plural noun ("1500 troops" counts).
  if (first.kind === 'numeral' && /^(1[89]|20)\d\d$/.test(first.text) && end === start + 1) {
    return !(after && /^\s+$/.test(after.gapBefore) && after.kind === 'word' && /s$/.test(after.lower) && !STOPWORDS.has(after.lower));
  }
  return false;
}

/** The nearest verb before a figure in its clause: a known irregular past form or a word in -ed. */
function predicateBefore(tokens: readonly QuantityToken[], index: number): string | undefined {
  for (let k = index - 1; k >= 0 && index - k <= 4; k--) {
    const token = tokens[k]!;
    if (/[.;:!?()\n]/.test(tokens[k + 1]!.gapBefore)) return undefined;
    if (token.kind !== 'word') continue;
    if (PREDICATES.has(token.lower) || (/ed$/.test(token.lower) && token.lower.length > 4 && !REPORTING.has(token.lower))) return token.lower;
  }
  return undefined;
}

/** Tokens of the clause around [from, to): up to punctuation that ends a clause, within a window. */
function clauseAround(tokens: readonly QuantityToken[], from: number, to: number): QuantityToken[] {
  let start = from;
  while (start > 0 && from - start < CONTEXT_WINDOW && !/[.;:!?()\n]/.test(tokens[start]!.gapBefore)) start--;
  let end = to;
  while (end < tokens.length && end - to < CONTEXT_WINDOW && !/[.;:!?()\n]/.test(tokens[end]!.gapBefore)) end++;
  return [...tokens.slice(start, from), ...tokens.slice(to, end)];
}

/** Where a figure is, from "in Lviv", "near New York City": the whole proper-noun run after the preposition. */
function placeIn(analysis: Analysis, clause: readonly QuantityToken[]): string | undefined {
  for (let k = 0; k < clause.length - 1; k++) {
    if (!['in', 'at', 'near'].includes(clause[k]!.lower) || !/^\p{Lu}/u.test(clause[k + 1]!.text)) continue;
    const run: Range | undefined = analysis.names[firstEndingAfter(analysis.names, clause[k + 1]!.start)];
    if (run && run.start === clause[k + 1]!.start) return analysis.text.slice(run.start, run.end);
    return clause[k + 1]!.text;
  }
  return undefined;
}

function sameSentence(analysis: Analysis, from: number, to: number): boolean {
  return sentenceAt(analysis, Math.max(from - 1, 0)) === sentenceAt(analysis, to);
}
