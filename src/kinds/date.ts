import { posix } from 'node:path';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import { extractAges, type AgeMention } from '../extract/ages.js';
import { extractDates, type DateMention } from '../extract/dates.js';
import { sameParticipants } from '../extract/events.js';
import { clockOf, extractTimes, timesDisagree, type TimeMention } from '../extract/times.js';
import { VOCABULARY } from '../extract/vocabulary/index.js';
import type { DateData, Severity } from '../findings.js';
import { findingTypesOption, severityFor } from './finding-types.js';
import { cluster, defineKind, type Detection, type FactGroup } from './kind.js';

const FINDING_TYPES = ['conflict', 'time', 'age', 'weekday', 'future', 'undated'] as const;
type FindingType = (typeof FINDING_TYPES)[number];
const REPORTING = new Set(VOCABULARY.reportingVerbs);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Event words in more dates of a story than this are too common to pair dates by. */
const MAX_POSTINGS = 200;

/**
 * Dates resolved against each article's publication date: one event dated differently by two
 * articles, a weekday that contradicts the date written with it, an event dated after
 * publication, and (as a notice) an article with no publication date to resolve against.
 */
export const date = defineKind({
  name: 'date',
  summary:
    'Reports one event (a launch, a death, a landfall: by the event vocabulary or shared words) dated or clock-timed differently by two articles, one person given two ages, a weekday that contradicts its date, a past event dated after publication, and articles without a publication date.',
  options: {
    minSimilarity: z.number().min(0).max(1).default(0.35).describe('Share of their clauses\' content words (Jaccard) two dates need to be taken as dating one event.'),
    reportingSimilarity: z
      .number()
      .min(0)
      .max(1)
      .default(0.6)
      .describe('The same, when the event is a statement ("said on Friday"): people speak on several days, so more must match.'),
    minShared: z.number().int().min(1).default(2).describe('Content words two dates\' clauses must share to be compared.'),
    findings: findingTypesOption(FINDING_TYPES),
  },
  messages: {
    conflict: '"{excerpt}" dates this to {date}, but {otherFiles} dates it to {otherDate} ("{otherExcerpt}")',
    time: '"{excerpt}" times the {event} at {date}, but {otherFiles} at {otherDate} ("{otherExcerpt}")',
    age: '"{excerpt}" makes {name} {age}, but {otherFiles} makes {otherName} {otherAge} ("{otherExcerpt}")',
    weekday: '{written} does not match {day}, a {actual}',
    future: "An event told in the past tense is dated {day}, after the article's publication on {published}",
    undated: 'No publication date found (front matter `date:`, a `date YYYY-MM-DD` line or a dateline): its relative dates ("on Tuesday", "this week") are not checked',
  },
  variables: {
    conflict: ['excerpt', 'date', 'otherExcerpt', 'otherDate', 'otherFiles'],
    time: ['excerpt', 'event', 'date', 'otherExcerpt', 'otherDate', 'otherFiles'],
    age: ['excerpt', 'name', 'age', 'otherExcerpt', 'otherName', 'otherAge', 'otherFiles'],
    weekday: ['excerpt', 'date', 'day', 'written', 'actual'],
    future: ['excerpt', 'date', 'day', 'published'],
    undated: [],
  },
  create(rule) {
    const severityOf = (type: FindingType): Severity | undefined => severityFor(rule, type);
    const [conflict, time, age, weekday, future, undated] = FINDING_TYPES.map(severityOf);
    return (story, facts) => {
      // An undated article's day-and-month dates take the year of the story's latest publication date.
      const storyDate = story.articles.map((article) => article.metadata.date).filter((d): d is string => !!d).sort().at(-1);
      const withStoryYear = (article: Article, source: typeof facts) => extractDates(article, source, storyDate);
      const mentions = story.articles.flatMap((article) => (article.metadata.date ? facts.get(article, extractDates) : facts.get(article, withStoryYear)));
      const pairs = eventPairs(mentions, rule);
      const groups: FactGroup[] = cluster(mentions, pairs).map((members) => ({ kind: 'date', label: eventLabel(members), spans: members.map(mentionSpan) }));
      const groupOf = new Map(groups.flatMap((group, index) => group.spans.map((span) => [`${span.path}:${span.start}`, index] as const)));
      const group = (mention: DateMention) => groupOf.get(`${mention.article.path}:${mention.start}`)!;
      const detections: Array<Detection<FindingType>> = [];
      if (undated) {
        for (const article of story.articles.filter((a) => !a.metadata.date)) {
          const detection = undatedFinding(article, undated, groups.length);
          groups.push({ kind: 'date', label: 'publication date', spans: [detection.primary] });
          detections.push(detection);
        }
      }
      for (const mention of mentions) {
        const actual = new Date(`${mention.first}T00:00:00Z`).getUTCDay();
        if (weekday && mention.writtenWeekday !== undefined && mention.writtenWeekday !== actual) {
          const [written, real] = [WEEKDAYS[mention.writtenWeekday]!, WEEKDAYS[actual]!];
          detections.push(single(mention, 'weekday', weekday, { written, day: mention.first, actual: real }, { type: 'weekday', written, actual: real }, group(mention)));
        }
        const published = mention.article.metadata.date;
        const opensSpan = /\b(until|till|starting|beginning|by|through|from|before|after|effective)\s+(on\s+)?$/i.test(mention.article.body.slice(Math.max(0, mention.start - 20), mention.start));
        if (future && published && mention.complete && mention.past && !opensSpan && mention.first > published) {
          detections.push(single(mention, 'future', future, { day: mention.first, published }, { type: 'future', date: mention.first, published }, group(mention)));
        }
      }
      if (conflict) detections.push(...conflicts(pairs, conflict, group));
      if (time) detections.push(...timeConflicts(story.articles.flatMap((article) => facts.get(article, extractTimes)), time, groups));
      if (age) detections.push(...ageConflicts(story.articles.flatMap((article) => facts.get(article, extractAges)), age, groups));
      return { detections, groups };
    };
  },
});

/** Pairs of dates, in different articles, that date one event (by the words their clauses share). */
function eventPairs(mentions: DateMention[], rule: { minSimilarity: number; reportingSimilarity: number; minShared: number }): Array<[DateMention, DateMention]> {
  const postings = new Map<string, number[]>();
  mentions.forEach((mention, index) => {
    // The event's name is one more key: "struck" and "hurricane" share no word.
    const keys = mention.happening ? [...mention.event, `event:${mention.happening}`] : mention.event;
    for (const word of keys) postings.set(word, [...(postings.get(word) ?? []), index]);
  });
  const pairs: Array<[DateMention, DateMention]> = [];
  mentions.forEach((a, i) => {
    const candidates = new Set<number>();
    for (const word of a.happening ? [...a.event, `event:${a.happening}`] : a.event) {
      const list = postings.get(word)!;
      if (list.length <= MAX_POSTINGS) for (const j of list) if (j > i) candidates.add(j);
    }
    for (const j of candidates) {
      const b = mentions[j]!;
      if (a.article !== b.article && sameEvent(a, b, rule) && bothAfterTheFact(a, b)) pairs.push([a, b]);
    }
  });
  return pairs;
}

function conflicts(pairs: Array<[DateMention, DateMention]>, severity: Severity, group: (mention: DateMention) => number): Array<Detection<'conflict'>> {
  const detections: Array<Detection<'conflict'>> = [];
  const seen = new Set<string>();
  for (const [a, b] of pairs) {
    if (a.first <= b.last && b.first <= a.last) continue;
    const key = `${a.article.path}:${a.start}|${b.article.path}:${b.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    detections.push({
      type: 'conflict',
      primary: mentionSpan(b),
      related: [mentionSpan(a)],
      severity,
      vars: { excerpt: excerpt(b), date: range(b), otherExcerpt: excerpt(a), otherDate: range(a), otherFiles: posix.basename(a.article.path) },
      data: { type: 'conflict', dates: [[b.first, b.last], [a.first, a.last]], event: [...b.event].filter((word) => a.event.has(word)) },
      group: group(b),
    });
  }
  return detections;
}

/** A dated event's row heading: its verb and the words every version's clause shares. */
function eventLabel(mentions: DateMention[]): string {
  const shared = [...mentions[0]!.event].filter((word) => mentions.every((mention) => mention.event.has(word))).slice(0, 5);
  return [mentions[0]!.predicate, ...shared.filter((word) => word !== mentions[0]!.predicate)].filter(Boolean).slice(0, 5).join(' ') || 'date';
}

function mentionSpan(mention: DateMention): Span {
  return spanOf(mention.article, mention.start, mention.end);
}

/**
 * Two dates date one event: the same event of the vocabulary (launch, death) when both clauses
 * name one; otherwise the same verb (when both have one) and clauses that share enough words.
 * A plan that changed ("postponed from June 10") dates no event.
 */
export function sameEvent(a: DateMention, b: DateMention, rule: { minSimilarity: number; reportingSimilarity: number; minShared: number }): boolean {
  if (a.superseded || b.superseded || dateline(a) || dateline(b)) return false;
  // A year or a month is a period, not the moment of an event another article dates to the day.
  if (a.happening || b.happening) return a.happening === b.happening && a.first === a.last && b.first === b.last && sameParticipants(a, b);
  if (a.predicate && b.predicate && a.predicate !== b.predicate) return false;
  let shared = 0;
  for (const word of a.event) if (b.event.has(word)) shared++;
  if (shared < rule.minShared) return false;
  const similarity = shared / new Set([...a.event, ...b.event]).size;
  const statement = (a.predicate && REPORTING.has(a.predicate)) || (b.predicate && REPORTING.has(b.predicate));
  return similarity >= (statement ? rule.reportingSimilarity : rule.minSimilarity);
}

/** "Kingston, Oct 30 (UNI) Four people died": the date of the report, not of what it reports. */
function dateline(mention: DateMention): boolean {
  const body = mention.article.body;
  const lineStart = body.lastIndexOf('\n', mention.start - 1) + 1;
  return /^\s*(?:[\p{Lu}][\p{L} .'-]*,\s*)?$/u.test(body.slice(lineStart, mention.start)) && /^\s*(?:\([\p{Lu}]|[—–-])/u.test(body.slice(mention.end, mention.end + 4));
}

/**
 * Each article was written after the other's date: one published before the other's date wrote
 * of an earlier event or a forecast (the postponed launch), not of the same event.
 */
function bothAfterTheFact(a: DateMention, b: DateMention): boolean {
  const aPublished = a.article.metadata.date;
  const bPublished = b.article.metadata.date;
  return !(aPublished && b.first > aPublished) && !(bPublished && a.first > bPublished);
}

/** Clock times of one event (by the event vocabulary) that cannot both hold, across articles. */
function timeConflicts(times: TimeMention[], severity: Severity, groups: FactGroup[]): Array<Detection<'time'>> {
  const detections: Array<Detection<'time'>> = [];
  const timed = times.filter((time) => time.happening && !time.superseded);
  timed.forEach((a, i) => {
    for (const b of timed.slice(i + 1)) {
      if (a.article === b.article || a.happening !== b.happening || !sameParticipants(a, b) || !timesDisagree(a, b)) continue;
      const [aText, bText] = [a.article.body.slice(a.start, a.end), b.article.body.slice(b.start, b.end)];
      const event = `${a.happening!.replace(':', ' (')}${a.happening!.includes(':') ? ')' : ''}`;
      groups.push({ kind: 'date', label: `time of the ${event}`, spans: [timeSpan(b), timeSpan(a)] });
      detections.push({
        type: 'time',
        primary: timeSpan(b),
        related: [timeSpan(a)],
        severity,
        vars: { excerpt: bText, event, date: clockRange(b), otherExcerpt: aText, otherDate: clockRange(a), otherFiles: posix.basename(a.article.path) },
        data: { type: 'time', event: a.happening!, minutes: [[b.low, b.high], [a.low, a.high]], zones: [b.zone ?? null, a.zone ?? null] },
        group: groups.length - 1,
      });
    }
  });
  return detections;
}

/**
 * One person given two ages: more apart than the years between the two articles' publication
 * dates allow (a birthday may fall between them); undated, they must agree.
 */
function ageConflicts(ages: AgeMention[], severity: Severity, groups: FactGroup[]): Array<Detection<'age'>> {
  const detections: Array<Detection<'age'>> = [];
  ages.forEach((a, i) => {
    for (const b of ages.slice(i + 1)) {
      if (a.article === b.article || a.person !== b.person) continue;
      const [aDate, bDate] = [a.article.metadata.date, b.article.metadata.date];
      const allowed = aDate && bDate ? Math.ceil(Math.abs(Date.parse(aDate) - Date.parse(bDate)) / (365.2425 * 86_400_000)) : 0;
      if (Math.abs(a.age - b.age) <= allowed) continue;
      const [aText, bText] = [a.article.body.slice(a.start, a.end), b.article.body.slice(b.start, b.end)];
      groups.push({ kind: 'date', label: `age of ${b.name}`, spans: [timeSpan(b), timeSpan(a)] });
      detections.push({
        type: 'age',
        primary: timeSpan(b),
        related: [timeSpan(a)],
        severity,
        vars: { excerpt: bText, name: b.name, age: b.age, otherExcerpt: aText, otherName: a.name, otherAge: a.age, otherFiles: posix.basename(a.article.path) },
        data: { type: 'age', person: b.person, ages: [b.age, a.age] },
        group: groups.length - 1,
      });
    }
  });
  return detections;
}

function timeSpan(mention: { article: Article; start: number; end: number }): Span {
  return spanOf(mention.article, mention.start, mention.end);
}

function clockRange(time: TimeMention): string {
  const zone = time.zone ? ` ${time.zone}` : '';
  return time.low === time.high ? `${clockOf(time.low)}${zone}` : `${clockOf(time.low)} to ${clockOf(time.high)}${zone}`;
}

function undatedFinding(article: Article, severity: Severity, group: number): Detection<'undated'> {
  const start = article.body.search(/\S/);
  const lineEnd = article.body.indexOf('\n', Math.max(start, 0));
  const at = Math.max(start, 0);
  return { type: 'undated', primary: spanOf(article, at, lineEnd < 0 ? article.body.length : lineEnd), related: [], severity, vars: {}, data: { type: 'undated' }, group };
}

function single<Type extends 'weekday' | 'future'>(
  mention: DateMention,
  type: Type,
  severity: Severity,
  vars: Record<string, string>,
  data: DateData,
  group: number,
): Detection<Type> {
  return { type, primary: mentionSpan(mention), related: [], severity, vars: { excerpt: excerpt(mention), date: range(mention), ...vars }, data, group };
}

function range(mention: DateMention): string {
  return mention.first === mention.last ? mention.first : `${mention.first} to ${mention.last}`;
}

function excerpt(mention: DateMention): string {
  return mention.article.body.slice(mention.start, mention.end);
}
