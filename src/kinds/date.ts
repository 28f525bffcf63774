import { posix } from 'node:path';
import { z } from 'zod';
import { spanOf, type Article } from '../corpus/article.js';
import { extractAges, type AgeMention } from '../extract/ages.js';
import { extractDates, type DateMention } from '../extract/dates.js';
import { sameParticipants } from '../extract/events.js';
import { clockOf, extractTimes, timesDisagree, type TimeMention } from '../extract/times.js';
import reportingVerbs from '../extract/vocabulary/reporting-verbs.json' with { type: 'json' };
import type { Severity } from '../findings.js';
import { findingTypesOption, severityFor } from './finding-types.js';
import { defineKind, type Detection } from './kind.js';

const FINDING_TYPES = ['conflict', 'time', 'age', 'weekday', 'future', 'undated'] as const;
type FindingType = (typeof FINDING_TYPES)[number];
const REPORTING = new Set(reportingVerbs.verbs);
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
  message: '{summary}',
  variables: ['summary', 'date', 'otherDate', 'otherFiles'],
  check(story, rule, facts) {
    const severityOf = (type: FindingType): Severity | undefined => severityFor(rule, type);
    // An undated article's day-and-month dates take the year of the story's latest publication date.
    const storyDate = story.articles.map((article) => article.metadata.date).filter((d): d is string => !!d).sort().at(-1);
    const withStoryYear = (article: Article, source: typeof facts) => extractDates(article, source, storyDate);
    const mentions = story.articles.flatMap((article) => (article.metadata.date ? facts.get(article, extractDates) : facts.get(article, withStoryYear)));
    const detections: Detection[] = [];
    const undated = severityOf('undated');
    if (undated) {
      for (const article of story.articles.filter((a) => !a.metadata.date)) detections.push(undatedFinding(article, undated));
    }
    const weekday = severityOf('weekday');
    const future = severityOf('future');
    for (const mention of mentions) {
      const actual = new Date(`${mention.first}T00:00:00Z`).getUTCDay();
      if (weekday && mention.writtenWeekday !== undefined && mention.writtenWeekday !== actual) {
        detections.push(single(mention, weekday, `${WEEKDAYS[mention.writtenWeekday]} does not match ${mention.first}, a ${WEEKDAYS[actual]}`, { type: 'weekday', written: WEEKDAYS[mention.writtenWeekday], actual: WEEKDAYS[actual] }));
      }
      const published = mention.article.metadata.date;
      const opensSpan = /\b(until|till|starting|beginning|by|through|from|before|after|effective)\s+(on\s+)?$/i.test(mention.article.body.slice(Math.max(0, mention.start - 20), mention.start));
      if (future && published && mention.complete && mention.past && !opensSpan && mention.first > published) {
        detections.push(single(mention, future, `An event told in the past tense is dated ${mention.first}, after the article's publication on ${published}`, { type: 'future', date: mention.first, published }));
      }
    }
    const conflict = severityOf('conflict');
    if (conflict) detections.push(...conflicts(mentions, rule, conflict));
    const time = severityOf('time');
    if (time) detections.push(...timeConflicts(story.articles.flatMap((article) => facts.get(article, extractTimes)), time));
    const age = severityOf('age');
    if (age) detections.push(...ageConflicts(story.articles.flatMap((article) => facts.get(article, extractAges)), age));
    return detections;
  },
});

function conflicts(mentions: DateMention[], rule: { minSimilarity: number; reportingSimilarity: number; minShared: number }, severity: Severity): Detection[] {
  const postings = new Map<string, number[]>();
  mentions.forEach((mention, index) => {
    // The event's name is one more key: "struck" and "hurricane" share no word.
    const keys = mention.happening ? [...mention.event, `event:${mention.happening}`] : mention.event;
    for (const word of keys) postings.set(word, [...(postings.get(word) ?? []), index]);
  });
  const detections: Detection[] = [];
  const seen = new Set<string>();
  mentions.forEach((a, i) => {
    const candidates = new Set<number>();
    for (const word of a.happening ? [...a.event, `event:${a.happening}`] : a.event) {
      const list = postings.get(word)!;
      if (list.length <= MAX_POSTINGS) for (const j of list) if (j > i) candidates.add(j);
    }
    for (const j of candidates) {
      const b = mentions[j]!;
      if (a.article === b.article || !sameEvent(a, b, rule) || !bothAfterTheFact(a, b)) continue;
      if (a.first <= b.last && b.first <= a.last) continue;
      const key = `${a.article.path}:${a.start}|${b.article.path}:${b.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      detections.push({
        primary: spanOf(b.article, b.start, b.end),
        related: [spanOf(a.article, a.start, a.end)],
        severity,
        vars: {
          summary: `"${excerpt(b)}" dates this to ${range(b)}, but ${posix.basename(a.article.path)} dates it to ${range(a)} ("${excerpt(a)}")`,
          date: range(b),
          otherDate: range(a),
          otherFiles: posix.basename(a.article.path),
        },
        data: { type: 'conflict', dates: [[b.first, b.last], [a.first, a.last]], event: [...b.event].filter((word) => a.event.has(word)) },
      });
    }
  });
  return detections;
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
function timeConflicts(times: TimeMention[], severity: Severity): Detection[] {
  const detections: Detection[] = [];
  const timed = times.filter((time) => time.happening && !time.superseded);
  timed.forEach((a, i) => {
    for (const b of timed.slice(i + 1)) {
      if (a.article === b.article || a.happening !== b.happening || !sameParticipants(a, b) || !timesDisagree(a, b)) continue;
      const [aText, bText] = [a.article.body.slice(a.start, a.end), b.article.body.slice(b.start, b.end)];
      detections.push({
        primary: spanOf(b.article, b.start, b.end),
        related: [spanOf(a.article, a.start, a.end)],
        severity,
        vars: {
          summary: `"${bText}" times the ${a.happening!.replace(':', ' (')}${a.happening!.includes(':') ? ')' : ''} at ${clockRange(b)}, but ${posix.basename(a.article.path)} at ${clockRange(a)} ("${aText}")`,
          date: clockRange(b),
          otherDate: clockRange(a),
          otherFiles: posix.basename(a.article.path),
        },
        data: { type: 'time', event: a.happening, minutes: [[b.low, b.high], [a.low, a.high]], zones: [b.zone ?? null, a.zone ?? null] },
      });
    }
  });
  return detections;
}

/**
 * One person given two ages: more apart than the years between the two articles' publication
 * dates allow (a birthday may fall between them); undated, they must agree.
 */
function ageConflicts(ages: AgeMention[], severity: Severity): Detection[] {
  const detections: Detection[] = [];
  ages.forEach((a, i) => {
    for (const b of ages.slice(i + 1)) {
      if (a.article === b.article || a.person !== b.person) continue;
      const [aDate, bDate] = [a.article.metadata.date, b.article.metadata.date];
      const allowed = aDate && bDate ? Math.ceil(Math.abs(Date.parse(aDate) - Date.parse(bDate)) / (365.2425 * 86_400_000)) : 0;
      if (Math.abs(a.age - b.age) <= allowed) continue;
      const [aText, bText] = [a.article.body.slice(a.start, a.end), b.article.body.slice(b.start, b.end)];
      detections.push({
        primary: spanOf(b.article, b.start, b.end),
        related: [spanOf(a.article, a.start, a.end)],
        severity,
        vars: {
          summary: `"${bText}" makes ${b.name} ${b.age}, but ${posix.basename(a.article.path)} makes ${a.name} ${a.age} ("${aText}")`,
          date: String(b.age),
          otherDate: String(a.age),
          otherFiles: posix.basename(a.article.path),
        },
        data: { type: 'age', person: b.person, ages: [b.age, a.age] },
      });
    }
  });
  return detections;
}

function clockRange(time: TimeMention): string {
  const zone = time.zone ? ` ${time.zone}` : '';
  return time.low === time.high ? `${clockOf(time.low)}${zone}` : `${clockOf(time.low)} to ${clockOf(time.high)}${zone}`;
}

function undatedFinding(article: Article, severity: Severity): Detection {
  const start = article.body.search(/\S/);
  const lineEnd = article.body.indexOf('\n', Math.max(start, 0));
  const at = Math.max(start, 0);
  return {
    primary: spanOf(article, at, lineEnd < 0 ? article.body.length : lineEnd),
    related: [],
    severity,
    vars: {
      summary: 'No publication date found (front matter `date:`, a `date YYYY-MM-DD` line or a dateline): its relative dates ("on Tuesday", "this week") are not checked',
      date: '',
      otherDate: '',
      otherFiles: '',
    },
    data: { type: 'undated' },
  };
}

function single(mention: DateMention, severity: Severity, summary: string, data: Record<string, unknown>): Detection {
  return { primary: spanOf(mention.article, mention.start, mention.end), related: [], severity, vars: { summary, date: range(mention), otherDate: '', otherFiles: '' }, data };
}

function range(mention: DateMention): string {
  return mention.first === mention.last ? mention.first : `${mention.first} to ${mention.last}`;
}

function excerpt(mention: DateMention): string {
  return mention.article.body.slice(mention.start, mention.end);
}
