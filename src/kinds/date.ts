import { posix } from 'node:path';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import { extractDates, type DateMention } from '../extract/dates.js';
import { VOCABULARY } from '../extract/vocabulary/index.js';
import type { DateData, Severity } from '../findings.js';
import { findingTypesOption, severityFor } from './finding-types.js';
import { cluster, defineKind, type Detection, type FactGroup } from './kind.js';

const FINDING_TYPES = ['conflict', 'weekday', 'future', 'undated'] as const;
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
    'Reports one event dated differently by two articles, a weekday that contradicts its date, a past event dated after publication, and articles without a publication date.',
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
    weekday: '{written} does not match {day}, a {actual}',
    future: "An event told in the past tense is dated {day}, after the article's publication on {published}",
    undated: 'No publication date found (front matter `date:`, a `date YYYY-MM-DD` line or a dateline): its relative dates ("on Tuesday", "this week") are not checked',
  },
  variables: {
    conflict: ['excerpt', 'date', 'otherExcerpt', 'otherDate', 'otherFiles'],
    weekday: ['excerpt', 'date', 'day', 'written', 'actual'],
    future: ['excerpt', 'date', 'day', 'published'],
    undated: [],
  },
  create(rule) {
    const severityOf = (type: FindingType): Severity | undefined => severityFor(rule, type);
    const [conflict, weekday, future, undated] = [severityOf('conflict'), severityOf('weekday'), severityOf('future'), severityOf('undated')];
    return (story, facts) => {
      const mentions = story.articles.flatMap((article) => facts.get(article, extractDates));
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
      return { detections, groups };
    };
  },
});

/** Pairs of dates, in different articles, that date one event (by the words their clauses share). */
function eventPairs(mentions: DateMention[], rule: { minSimilarity: number; reportingSimilarity: number; minShared: number }): Array<[DateMention, DateMention]> {
  const postings = new Map<string, number[]>();
  mentions.forEach((mention, index) => {
    for (const word of mention.event) postings.set(word, [...(postings.get(word) ?? []), index]);
  });
  const pairs: Array<[DateMention, DateMention]> = [];
  mentions.forEach((a, i) => {
    const candidates = new Set<number>();
    for (const word of a.event) {
      const list = postings.get(word)!;
      if (list.length <= MAX_POSTINGS) for (const j of list) if (j > i) candidates.add(j);
    }
    for (const j of candidates) {
      const b = mentions[j]!;
      if (a.article !== b.article && sameEvent(a, b, rule)) pairs.push([a, b]);
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

/** Two dates date one event: same verb (when both have one) and clauses that share enough words. */
export function sameEvent(a: DateMention, b: DateMention, rule: { minSimilarity: number; reportingSimilarity: number; minShared: number }): boolean {
  if (a.predicate && b.predicate && a.predicate !== b.predicate) return false;
  let shared = 0;
  for (const word of a.event) if (b.event.has(word)) shared++;
  if (shared < rule.minShared) return false;
  const similarity = shared / new Set([...a.event, ...b.event]).size;
  const statement = (a.predicate && REPORTING.has(a.predicate)) || (b.predicate && REPORTING.has(b.predicate));
  return similarity >= (statement ? rule.reportingSimilarity : rule.minSimilarity);
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
