import * as chrono from 'chrono-node';
import { analysisOf, type Analysis, type AnalysisSource, type QuantityToken } from '../analysis/index.js';
import type { Article } from '../corpus/article.js';
import { extractFigures, type Figure } from './figures.js';
import { numberAt, qualifierBefore, type QualifierMeaning } from './quantities.js';
import vocabulary from './vocabulary/measures.json' with { type: 'json' };

/**
 * A figure as an editor reads it: a value interval, what it measures, of which place, body or
 * person, as of when, and whether it is a part of a total. Two claims are compared only when
 * measure and scope agree and their times can overlap (src/kinds/figure.ts).
 */
export interface FigureClaim {
  readonly article: Article;
  /** Offsets of the stated figure (with its qualifier and unit) in the normalised text. */
  readonly start: number;
  readonly end: number;
  /** The number as written, in the measure's canonical unit ("£125m" is 125,000,000). */
  readonly stated: number;
  /** The interval the wording allows, both ends inclusive. */
  readonly low: number;
  readonly high: number;
  readonly qualifier?: QualifierMeaning;
  /** Neither qualified nor vague: "31", not "about 30" or "dozens". */
  readonly exact: boolean;
  /** A declared measure class ("deaths", "money") or the counted noun's lemma ("noun:goal"). */
  readonly measure: string;
  /** A counted noun outside the declared classes: pairs only when its context agrees. */
  readonly generic: boolean;
  /** A running official count: differently stated bounds are different tallies. */
  readonly tally: boolean;
  /** The place, body or person the figure is restricted to, as written, and its comparison key. */
  readonly scope?: string;
  readonly scopeKey?: string;
  /** The day the figure is stated for (`YYYY-MM-DD`), from the text or the publication date. */
  readonly asOf?: string;
  /** The text dates the figure ("on Thursday", "last week"), rather than the publication date. */
  readonly statedTime: boolean;
  /** Its clause says the count moved ("has risen to", "now reaches"): an update, dated or not compared. */
  readonly moving: boolean;
  /** About another year, season or earlier event: not this story's claim. */
  readonly historical: boolean;
  /** Part of a total stated with it ("including 2 in A", "three of which"). */
  readonly part: boolean;
  /** The counted noun's lemma when it is not a word for people in general ("director", not "people"). */
  readonly counted?: string;
  /** Words qualifying the counted noun ("league" goals), lowercase. */
  readonly modifiers: ReadonlySet<string>;
  /** Content words of its clause, and the other numbers and names of its sentence. */
  readonly context: ReadonlySet<string>;
  readonly predicate?: string;
  readonly names: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  /** The years its sentence names ("2007 to 2014"): figures of different periods are not compared. */
  readonly period: string;
  readonly sentence: number;
}

export interface MeasureClass {
  readonly words?: readonly string[];
  readonly units?: readonly string[];
  readonly tally?: boolean;
}
export type MeasureVocabulary = Readonly<Record<string, MeasureClass>>;

export const MEASURES: MeasureVocabulary = vocabulary.measures;
const CONVERSIONS = new Map(Object.entries(vocabulary.conversions as unknown as Record<string, [string, number]>));
const MULTIPLIERS = new Map(Object.entries(vocabulary.multipliers));
const PART_CUES = vocabulary.partCues.map((cue) => cue.split(' '));
const TOLL_LINKS = new Set(vocabulary.tollLinks);
const SCOPE_SUFFIXES = new Set(vocabulary.scopeSuffixes);
const NAME_PARTICLES = new Set(vocabulary.nameParticles);
const PEOPLE = new Set(vocabulary.peopleNouns);
/** Words that put a figure in another period than the story's. */
const BREAKDOWN = /\b(with|including|included|includes)\b|:/i;
/** A past perfect ("had reported", "had died") tells of an earlier count. */
const PAST_PERFECT = /\bhad\s+(?:been\s+)?\w+(?:ed|en|ied)\b|\bhad\s+(?:died|said|told|put|set)\b/i;
/** Number words that state no exact value ("dozens", "hundreds of thousands"). */
const VAGUE = /\b(?:dozens|hundreds|thousands|millions|billions|scores|tens|several|few|many)\b/i;
const UPDATE = new RegExp(`\\b(?:${vocabulary.updateCues.join('|')})\\b`, 'i');
const EARLIER = /\b(?:years?|decades?) (?:after|ago|since|before)\b|\b(last|previous|past) (season|year|campaign|election|month|week)\b|\bin (19|20)\d\d\b|\b(19|20)\d\d (election|season|census|floods?|earthquake|mission|flight)\b/i;
/** Tokens back from a bare number within which a toll cue ("the death toll ... stood at 40") is read. */
const TOLL_REACH = 10;

/** Measure classes with a rule's own added: a class it names again gets the rule's words and units too. */
export function mergeMeasures(base: MeasureVocabulary, extra: MeasureVocabulary | undefined): MeasureVocabulary {
  if (!extra) return base;
  const merged: Record<string, MeasureClass> = { ...base };
  for (const [name, added] of Object.entries(extra)) {
    const known = merged[name];
    merged[name] = {
      words: [...(known?.words ?? []), ...(added.words ?? [])],
      units: [...(known?.units ?? []), ...(added.units ?? [])],
      tally: added.tally ?? known?.tally ?? false,
    };
  }
  return merged;
}

/** Every figure claim of an article, measured through `measures`. */
export function extractFigureClaims(article: Article, facts?: AnalysisSource, measures: MeasureVocabulary = MEASURES): FigureClaim[] {
  const analysis = analysisOf(article, facts);
  const figures = facts ? facts.get(article, extractFigures) : extractFigures(article);
  const published = article.metadata.date;
  const claims: FigureClaim[] = [];
  const ages = ageAppositions(analysis);
  for (const figure of figures) {
    if (ages.some((age) => age.start <= figure.start && figure.start < age.end)) continue;
    // "9/11", "2/36": a number in a slashed pair is a name or a score, not a count.
    if (/\/$/.test(analysis.text.slice(figure.start - 1, figure.start)) || /^\/\d/.test(analysis.text.slice(figure.end, figure.end + 2))) continue;
    const claim = claimOf(analysis, article, figure, measures, published);
    if (claim) claims.push(claim);
  }
  for (const age of ages) claims.push(ageClaim(analysis, article, age, published));
  claims.push(...tollClaims(analysis, article, figures, measures, published));
  claims.sort((a, b) => a.start - b.start);
  return claims.map((claim, k) => (!claim.part && isBreakdown(analysis.text, claims, k) ? { ...claim, part: true } : claim));
}

/**
 * "around 8 deaths in Jamaica, with 2 in St Elizabeth, 2 in Black River": a scoped figure after one
 * of the same measure in its sentence, joined by "with", "including" or a colon, or continuing such a
 * list, is a part of that total.
 */
function isBreakdown(text: string, claims: readonly FigureClaim[], index: number): boolean {
  const claim = claims[index]!;
  if (!claim.scope) return false;
  for (let k = index - 1; k >= 0; k--) {
    const before = claims[k]!;
    if (before.sentence !== claim.sentence) return false;
    if (before.measure !== claim.measure) continue;
    const between = text.slice(before.end, claim.start);
    if (BREAKDOWN.test(between)) return true;
    // A list goes on: ", 2 in Black River", "and 1 in Hanover".
    if (before.scope && /^[^.;]*$/.test(between) && /(,|\band)\s*$/.test(between)) return isBreakdown(text, claims, k) || claims[k]!.part;
    return false;
  }
  return false;
}

function classOf(measures: MeasureVocabulary, test: (cls: MeasureClass) => boolean): [string, MeasureClass] | undefined {
  return Object.entries(measures).find(([, cls]) => test(cls));
}

function claimOf(analysis: Analysis, article: Article, figure: Figure, measures: MeasureVocabulary, published: string | undefined): FigureClaim | undefined {
  const body = analysis.text;
  let stated = statedValue(figure);
  let { low, high } = figure;
  let end = figure.end;
  let unit = figure.unit ?? (figure.noun && (CONVERSIONS.has(figure.noun) || classOf(measures, (cls) => cls.units?.includes(figure.noun!) ?? false)) ? figure.noun : undefined);
  const noun = unit === figure.noun ? undefined : figure.noun;
  // "£125m": a multiplier glued to an amount.
  const glued = /^(k|m|mn|bn)\b/i.exec(body.slice(end));
  let nounAfterMultiplier = noun;
  if (glued && unit && classOf(measures, (cls) => cls.units?.includes(unit!) ?? false)?.[0] === 'money') {
    const factor = MULTIPLIERS.get(glued[1]!.toLowerCase())!;
    stated *= factor;
    low *= factor;
    high *= factor;
    end += glued[0].length;
    if (noun === glued[1]!.toLowerCase()) nounAfterMultiplier = undefined;
  }
  const conversion = unit ? CONVERSIONS.get(unit) : undefined;
  if (conversion) {
    unit = conversion[0];
    stated *= conversion[1];
    low *= conversion[1];
    high *= conversion[1];
  }
  const interval = intervalOf(body.slice(figure.start, figure.end), stated, low, high, figure.qualifier);
  let measure: string | undefined;
  let cls: MeasureClass | undefined;
  const byUnit = unit ? classOf(measures, (c) => c.units?.includes(unit!) ?? false) : undefined;
  const byEvent = figure.event ? classOf(measures, (c) => c.words?.includes(figure.event!) ?? false) : undefined;
  const byNoun = nounAfterMultiplier ? classOf(measures, (c) => c.words?.some((word) => word === nounAfterMultiplier || word === `${nounAfterMultiplier}s`) ?? false) : undefined;
  // The event word just after the figure is its own ("50 people dead and scores of others injured").
  const wordsAfter = (/^(?:\s+[\p{L}'’-]+){1,3}/u.exec(body.slice(end, end + 40))?.[0] ?? '').toLowerCase().trim().split(/\s+/);
  const byEventAfter = unit ? undefined : wordsAfter.map((word) => classOf(measures, (c) => (c.tally ?? false) && (c.words?.includes(word) ?? false))).find((found) => found !== undefined);
  const found = byUnit ?? byEventAfter ?? byEvent ?? byNoun;
  if (found) [measure, cls] = found;
  else if (unit) measure = `unit:${unit}`;
  else if (nounAfterMultiplier) measure = `noun:${nounAfterMultiplier}`;
  if (!measure) return undefined;
  const sentence = analysis.sentences[figure.sentence]!;
  const tokens = analysis.quantities;
  const index = tokens.findIndex((token) => token.start >= figure.start);
  const firstOfNumber = tokens.findIndex((token) => token.start >= figure.start && token.kind !== 'symbol' && (token.kind === 'numeral' || /\d|^[a-z]/i.test(token.text)));
  // A tally is restricted to a place; anything else to the person or body it is about.
  const scope = cls?.tally ? scopeOf(analysis, figure.start, end) : subjectOf(analysis, figure.start);
  const time = timeOf(analysis, figure.start, published);
  return {
    article,
    start: figure.start,
    end,
    stated,
    low: interval[0],
    high: interval[1],
    ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
    exact: !figure.qualifier && !VAGUE.test(body.slice(figure.start, figure.end)) && !/\d\s*(?:-|to)\s*\d/.test(body.slice(figure.start, figure.end)),
    measure,
    generic: !found,
    tally: cls?.tally ?? false,
    ...(scope ? { scope, scopeKey: scopeKeyOf(cls?.tally ? scope : scope.split(/\s+/).at(-1)!) } : {}),
    ...time,
    part: isPart(tokens, firstOfNumber >= 0 ? firstOfNumber : index, end),
    ...(nounAfterMultiplier && !PEOPLE.has(nounAfterMultiplier) && found ? { counted: nounAfterMultiplier } : {}),
    modifiers: figure.modifiers,
    context: figure.context,
    ...(figure.predicate ? { predicate: figure.predicate } : {}),
    names: namesIn(analysis, sentence.start, sentence.end),
    numbers: numbersIn(tokens, sentence.start, sentence.end, figure.start, end),
    period: periodIn(analysis.text.slice(sentence.start, sentence.end)),
    sentence: figure.sentence,
  };
}

/** The number as written, before a qualifier widened it. */
function statedValue(figure: Figure): number {
  switch (figure.qualifier) {
    case 'atLeast':
      return figure.low;
    case 'atMost':
      return figure.high;
    default:
      return figure.low === figure.high || !Number.isFinite(figure.high) ? figure.low : numberIn(figure);
  }
}

function numberIn(figure: Figure): number {
  // Widened both ways ("about") or downwards ("nearly"): the stated value is what was widened from.
  if (figure.qualifier === 'approximately') return Math.round(((figure.low + figure.high) / 2) * 1e6) / 1e6;
  if (figure.qualifier === 'below') return figure.high;
  return (figure.low + figure.high) / 2;
}

/**
 * A hedge allows the slack of its stated precision only: "about 4,800" is 4,750 to 4,850, "around
 * 40" is 35 to 45, "nearly 280" is 270 to 280; vague amounts and bounds keep their own intervals.
 */
export function intervalOf(written: string, stated: number, low: number, high: number, qualifier: QualifierMeaning | undefined): [number, number] {
  if (low !== high && !qualifier) return [low, high];
  const step = precisionOf(written, stated);
  switch (qualifier) {
    case 'approximately':
      return [stated - step / 2, stated + step / 2];
    case 'below':
      return [stated - step, stated];
    case 'atLeast':
      return [stated, Number.POSITIVE_INFINITY];
    case 'atMost':
      return [0, stated];
    default:
      return [low, high];
  }
}

/** The unit of the last significant digit as written: 4,800 → 100, 7.8 → 0.1, "125 million" → 1,000,000, "a dozen" → 1. */
function precisionOf(written: string, stated: number): number {
  const digits = /\d[\d,]*(\.\d+)?/.exec(written);
  if (!digits) return 1;
  const text = digits[0].replace(/,/g, '');
  const scale = Number(text) > 0 ? stated / Number(text) : 1;
  if (text.includes('.')) return 10 ** -text.split('.')[1]!.length * scale;
  const zeros = /0*$/.exec(text)![0].length;
  return 10 ** Math.min(zeros, Math.max(text.length - 1, 0)) * scale;
}

/**
 * Where a figure is: "in X" after it in its clause ("in the Caribbean"), else a fronted "In X," or
 * "X:" opening its sentence, else "in X" before it in the clause. "X City", "X Parish" are X.
 */
function scopeOf(analysis: Analysis, start: number, end: number): string | undefined {
  const sentence = analysis.sentences.find((s) => s.start <= start && start < s.end)!;
  const clauseEnd = (() => {
    const rest = analysis.text.slice(end, sentence.end);
    const stop = /[;:()]|,\s+(?:while|but|and|with)\b|\s\d/.exec(rest);
    return stop ? end + stop.index : sentence.end;
  })();
  const after = placeAfterPreposition(analysis, end, clauseEnd);
  if (after) return after;
  const fronted = /^\s*(?:In|At)\s+((?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)\s*,|^\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*):\s/u.exec(analysis.text.slice(sentence.start, start));
  if (fronted) return (fronted[1] ?? fronted[2])!.replace(/^the\s+/, '');
  // A place reporting its own count: "Jamaica has reported around 8 deaths".
  const subject = SUBJECT.exec(analysis.text.slice(sentence.start, start));
  if (subject) return subject[1];
  const clauseStart = Math.max(sentence.start, analysis.text.lastIndexOf(',', start) + 1, ...[';', ':'].map((mark) => analysis.text.lastIndexOf(mark, start) + 1));
  return placeAfterPreposition(analysis, clauseStart, start);
}

const SUBJECT = /^\s*(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s+(?:has|have)\s+(?:reported|confirmed|recorded|registered)\b/u;
/** Words before a name that make it no subject: a preposition or an article ("from Newcastle", "the Category 5 storm"). */
const NOT_SUBJECT = /\b(?:from|to|at|in|by|for|with|on|into|around|over|near|across|after|before|than|as|the|a|an)\s+$/i;

/** The person or body a figure is about: the nearest name before it in its clause that is no preposition's object. */
function subjectOf(analysis: Analysis, start: number): string | undefined {
  const sentence = analysis.sentences.find((s) => s.start <= start && start < s.end)!;
  const before = analysis.text.slice(sentence.start, start);
  const clauseStart = sentence.start + Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), -1) + 1;
  const runs = analysis.names.filter((name) => name.start >= clauseStart && name.end <= start);
  for (let k = runs.length - 1; k >= 0; k--) {
    const run = runs[k]!;
    if (NOT_SUBJECT.test(analysis.text.slice(Math.max(clauseStart, run.start - 8), run.start))) continue;
    return analysis.text.slice(run.start, run.end).replace(/['’]s$/, '');
  }
  return undefined;
}

const PLACE_AFTER = /\b(?:in|at)\s+(?:the\s+)?(\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’-]*)*)/u;

function placeAfterPreposition(analysis: Analysis, from: number, to: number): string | undefined {
  const found = PLACE_AFTER.exec(analysis.text.slice(from, to));
  return found?.[1]!.replace(/\.$/, '');
}

/** The key two scopes are compared by: letters only, lowercase, without "City", "Parish", "al-". */
export function scopeKeyOf(scope: string): string {
  const words = scope
    .toLowerCase()
    .split(/[\s-]+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 0);
  while (words.length > 1 && SCOPE_SUFFIXES.has(words.at(-1)!)) words.pop();
  while (words.length > 1 && NAME_PARTICLES.has(words[0]!)) words.shift();
  if (words[0] === 'saint') words[0] = 'st';
  return words.join(' ');
}

/** "including 2 in A", "three of which", "with 25 of these": a part of a total stated with it. */
function isPart(tokens: readonly QuantityToken[], index: number, end: number): boolean {
  for (const cue of PART_CUES) {
    // Before the figure, its qualifier skipped: "including up to £16m".
    const qualifier = qualifierBefore(tokens, index);
    const at = (qualifier ? qualifier.first : index) - cue.length;
    if (at >= 0 && cue.every((word, k) => tokens[at + k]!.lower === word)) return true;
  }
  const next = tokens.findIndex((token) => token.start >= end);
  if (next < 0) return false;
  return PART_CUES.some((cue) => cue.length === 2 && cue.every((word, k) => tokens[next + k]?.lower === word));
}

/**
 * The day a figure is stated for: a date chrono-node reads in its sentence before or just after it,
 * resolved against the publication date; a figure about an earlier period is historical.
 */
function timeOf(analysis: Analysis, start: number, published: string | undefined): { asOf?: string; statedTime: boolean; historical: boolean; moving: boolean } {
  const sentence = analysis.sentences.find((s) => s.start <= start && start < s.end)!;
  // A time dates the figure only in its own clause: "62 goals ..., including 23 last season".
  const before = analysis.text.slice(sentence.start, start);
  const clauseStart = sentence.start + Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), -1) + 1;
  const after = analysis.text.slice(start, sentence.end);
  const clauseEnd = start + (/[,;]/.exec(after)?.index ?? after.length);
  const clause = analysis.text.slice(clauseStart, clauseEnd);
  const historical = (EARLIER.test(clause) && !(published && new RegExp(`\\b${published.slice(0, 4)}\\b`).test(clause))) || PAST_PERFECT.test(analysis.text.slice(Math.max(clauseStart, start - 60), clauseEnd));
  const reference = published ? new Date(`${published}T12:00:00Z`) : new Date(0);
  let stated: string | undefined;
  for (const result of chrono.parse(clause, { instant: reference, timezone: 0 }, { forwardDate: false })) {
    const day = result.start.isCertain('day') || result.start.isCertain('weekday') || /\b(yesterday|today|last week|last month)\b/i.test(result.text);
    // Without a publication date only a written month and day date a figure ("Oct 30"); the year stays open.
    if (published ? !day : !(result.start.isCertain('month') && result.start.isCertain('day') && /\d/.test(result.text))) continue;
    const iso = result.start.date().toISOString().slice(0, 10);
    stated = published || result.start.isCertain('year') ? iso : `????${iso.slice(4)}`;
    break;
  }
  // "overnight", "last night": the night before publication.
  if (!stated && published && /\b(?:overnight|last night)\b/i.test(clause)) stated = new Date(Date.parse(`${published}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const asOf = stated ?? published;
  return { ...(asOf ? { asOf } : {}), statedTime: stated !== undefined, historical, moving: UPDATE.test(clause) };
}

function namesIn(analysis: Analysis, from: number, to: number): Set<string> {
  return new Set(analysis.names.filter((name) => name.start >= from && name.end <= to).map((name) => scopeKeyOf(analysis.text.slice(name.start, name.end))));
}

function periodIn(text: string): string {
  return [...new Set(text.match(/\b(?:19|20)\d\d\b/g) ?? [])].sort().join('-');
}

function numbersIn(tokens: readonly QuantityToken[], from: number, to: number, ownStart: number, ownEnd: number): Set<string> {
  return new Set(tokens.filter((token) => token.kind === 'numeral' && !/^(?:19|20)\d\d$/.test(token.text) && token.start >= from && token.end <= to && (token.end <= ownStart || token.start >= ownEnd)).map((token) => token.text));
}

interface AgeApposition {
  readonly start: number;
  readonly end: number;
  readonly person: string;
  readonly age: number;
}

/** "Al-Sharif, 29," and "Ho Wai Ho, 37,": a name, then an age between commas. */
function ageAppositions(analysis: Analysis): AgeApposition[] {
  const ages: AgeApposition[] = [];
  for (const name of analysis.names) {
    const found = /^,\s+(\d{1,3}),/.exec(analysis.text.slice(name.end, name.end + 8));
    if (!found) continue;
    const start = name.end + found[0].indexOf(found[1]!);
    ages.push({ start, end: start + found[1]!.length, person: analysis.text.slice(name.start, name.end), age: Number(found[1]) });
  }
  return ages;
}

function ageClaim(analysis: Analysis, article: Article, age: AgeApposition, published: string | undefined): FigureClaim {
  const sentence = analysis.sentences.findIndex((s) => s.start <= age.start && age.start < s.end);
  const last = age.person.split(/\s+/).at(-1)!;
  return {
    article,
    start: age.start,
    end: age.end,
    stated: age.age,
    low: age.age,
    high: age.age,
    exact: true,
    measure: 'age',
    generic: false,
    tally: false,
    scope: age.person,
    scopeKey: scopeKeyOf(last),
    ...timeOf(analysis, age.start, published),
    historical: false,
    part: false,
    modifiers: new Set(),
    context: new Set(),
    names: new Set([scopeKeyOf(last)]),
    numbers: new Set(),
    period: '',
    sentence,
  };
}

/** "The death toll ... stood at 40", "rose to at least 45": a bare number a measure word before it counts. */
function tollClaims(analysis: Analysis, article: Article, figures: readonly Figure[], measures: MeasureVocabulary, published: string | undefined): FigureClaim[] {
  const tokens = analysis.quantities;
  const claims: FigureClaim[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'numeral' || figures.some((figure) => figure.start <= token.start && token.start < figure.end)) continue;
    const number = numberAt(tokens, i);
    if (!number || number.ordinal || number.fraction) continue;
    const qualifier = qualifierBefore(tokens, i);
    const link = (qualifier ? qualifier.first : i) - 1;
    if (link < 1 || !TOLL_LINKS.has(tokens[link]!.lower)) continue;
    let cue: [string, MeasureClass] | undefined;
    for (let k = link - 1; k >= 0 && link - k <= TOLL_REACH && tokens[k]!.sentence === token.sentence; k--) {
      // "toll" names what is counted only through the class that declares it ("deaths").
      if (tokens[k]!.lower !== 'toll') continue;
      cue = classOf(measures, (cls) => cls.words?.includes('toll') ?? false);
      break;
    }
    if (!cue) continue;
    const start = qualifier ? tokens[qualifier.first]!.start : token.start;
    const end = tokens[number.end - 1]!.end;
    const interval = intervalOf(analysis.text.slice(token.start, end), number.low, number.low, number.high, qualifier?.meaning);
    const sentence = analysis.sentences[token.sentence]!;
    const scope = scopeOf(analysis, start, end);
    claims.push({
      article,
      start,
      end,
      stated: number.low,
      low: interval[0],
      high: interval[1],
      ...(qualifier ? { qualifier: qualifier.meaning } : {}),
      exact: !qualifier && !number.vague,
      measure: cue[0],
      generic: false,
      tally: true,
      ...(scope ? { scope, scopeKey: scopeKeyOf(scope) } : {}),
      ...timeOf(analysis, start, published),
      part: false,
      modifiers: new Set(),
      context: new Set(),
      names: namesIn(analysis, sentence.start, sentence.end),
      numbers: numbersIn(tokens, sentence.start, sentence.end, start, end),
      period: periodIn(analysis.text.slice(sentence.start, sentence.end)),
      sentence: token.sentence,
    });
  }
  return claims;
}
