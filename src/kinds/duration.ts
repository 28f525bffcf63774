import { posix } from 'node:path';
import { RE2JS } from 're2js';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import { analyzeText } from '../analysis/index.js';
import { numberAt, qualifierMeaning } from '../extract/quantities.js';
import { defineKind, type Detection, type FactGroup } from './kind.js';

const UNIT_DAYS = { year: 365.2425, month: 30.436875, week: 7, day: 1 } as const;
type DurationUnit = keyof typeof UNIT_DAYS;

/** A user pattern, compiled by re2js so it runs in linear time whatever it says. */
const pattern = z.string().min(1).superRefine((source, context) => {
  try {
    RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: `not a supported regular expression (${(error as Error).message.replace(/^error parsing regexp: /, '')}); patterns run on re2js in linear time, which has no lookbehind, lookahead or backreferences: match the surrounding words instead`,
    });
  }
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'a real calendar date');

/**
 * A measured quantity declared in YAML ("how long the war has lasted"): patterns capture claims
 * with named groups `qualifier`, `value` and `ordinal`; claims that cannot both hold are reported
 * across a story's articles, and, with `since`, against each article's publication date.
 */
export const duration = defineKind({
  name: 'duration',
  summary:
    'Compares claims about one duration ("almost four-year war", "nearly three years after the invasion", "its fourth year") across a story\'s articles and against the calendar.',
  options: {
    since: isoDate.optional().describe('When the measured span began (YYYY-MM-DD); claims are then also checked against each article\'s publication date.'),
    unit: z.enum(['year', 'month', 'week', 'day']).default('year').describe('Unit the claims count in.'),
    patterns: z
      .array(
        pattern.refine((source) => /\(\?P?<(value|ordinal)>/.test(source), 'a pattern needs a named group `value` or `ordinal` (for example `(?P<value>\\w+) years`): without one it captures no claim'),
      )
      .min(1)
      .describe('Regular expressions (re2js syntax, case-insensitive) with named groups: `value` (a number: "four", "3") or `ordinal` ("fourth"), and optionally `qualifier` ("almost", "approaches").'),
    scope: z
      .array(pattern)
      .default([])
      .describe('Patterns that must all occur in an article for its claims to count: they tie the rule to its subject.'),
    tolerance: z.number().min(0).default(0).describe('Slack, in units, allowed when comparing claims with each other and with the calendar.'),
  },
  messages: {
    conflict: '{claim} ({files}: {range}) contradicts {otherClaims} ({otherFiles}: {otherRange}){calendar}',
    calendar: '{claim} ({range}) contradicts the calendar: from {since} to {published} is {elapsed} {unit}s',
  },
  variables: {
    conflict: ['claim', 'files', 'range', 'otherClaims', 'otherFiles', 'otherRange', 'calendar', 'elapsed'],
    calendar: ['claim', 'range', 'since', 'published', 'elapsed', 'unit'],
  },
  create(rule) {
    // re2js compiles each pattern once per rule, not per story.
    const compiled = rule.patterns.map(compile);
    const scope = rule.scope.map(compile);
    const since = rule.since;
    const elapsedOf = (claim: Claim): number | undefined =>
      since && claim.article.metadata.date ? elapsed(since, claim.article.metadata.date, rule.unit) : undefined;
    const wrong = (claim: Claim): boolean => {
      const value = elapsedOf(claim);
      return value !== undefined && !(claim.low - rule.tolerance <= value && value < claim.high + rule.tolerance);
    };
    return (story) => {
      const claims = story.articles.flatMap((article) => claimsOf(article, compiled, scope, since));
      // Every claim measures the one span the rule declares: one fact, one group.
      // The rule id names what is measured ("war-length"); its description is a sentence, too long for a row.
      const groups: FactGroup[] = claims.length ? [{ kind: 'duration', label: rule.id, spans: claims.map((claim) => claim.span) }] : [];
      // Claims allowing the same interval are one position; positions that cannot both hold conflict.
      const positions = new Map<string, Claim[]>();
      for (const claim of claims) {
        const key = `${claim.low}:${claim.high}`;
        positions.set(key, [...(positions.get(key) ?? []), claim]);
      }
      const byPosition = [...positions.values()];
      const detections: Array<Detection<'conflict' | 'calendar'>> = [];
      const reported = new Set<Claim[]>();
      for (let i = 0; i < byPosition.length; i++) {
        for (let j = i + 1; j < byPosition.length; j++) {
          const [a, b] = [byPosition[i]!, byPosition[j]!];
          if (a[0]!.low - rule.tolerance < b[0]!.high && b[0]!.low - rule.tolerance < a[0]!.high) continue;
          if (!a.some((x) => b.some((y) => x.article !== y.article))) continue;
          // Anchor on the position the calendar contradicts, else on the one fewer articles take.
          const aWrong = a.some(wrong);
          const bWrong = b.some(wrong);
          const [primary, other] = aWrong !== bWrong ? (aWrong ? [a, b] : [b, a]) : articles(a) <= articles(b) ? [a, b] : [b, a];
          reported.add(primary);
          const value = elapsedOf(primary[0]!) ?? elapsedOf(other[0]!);
          const calendar = value !== undefined ? `; from ${since} to ${(primary[0]!.article.metadata.date ?? other[0]!.article.metadata.date)} is ${value.toFixed(1)} ${rule.unit}s` : '';
          detections.push({
            type: 'conflict',
            primary: primary[0]!.span,
            related: [...primary.slice(1), ...other].map((claim) => claim.span),
            vars: {
              claim: quoteList(primary),
              files: files(primary),
              range: range(primary[0]!, rule.unit),
              otherClaims: quoteList(other),
              otherFiles: files(other),
              otherRange: range(other[0]!, rule.unit),
              calendar,
              elapsed: value === undefined ? '' : value.toFixed(1),
            },
            data: { type: 'conflict', interval: [primary[0]!.low, primary[0]!.high], otherInterval: [other[0]!.low, other[0]!.high], elapsed: value ?? null, unit: rule.unit },
            group: 0,
          });
        }
      }
      // A position wrong against the calendar that no conflict already reports.
      for (const position of byPosition) {
        if (reported.has(position)) continue;
        for (const claim of position.filter(wrong)) {
          const value = elapsedOf(claim)!;
          detections.push({
            type: 'calendar',
            primary: claim.span,
            related: [],
            vars: {
              claim: `"${claim.span.excerpt}"`,
              range: range(claim, rule.unit),
              since: since!,
              published: claim.article.metadata.date!,
              elapsed: value.toFixed(1),
              unit: rule.unit,
            },
            data: { type: 'calendar', interval: [claim.low, claim.high], elapsed: value, unit: rule.unit },
            group: 0,
          });
        }
      }
      return { detections, groups };
    };
  },
});

interface Claim {
  article: Article;
  span: Span;
  /** [low, high): the elapsed time, in units, the claim allows. */
  low: number;
  high: number;
}

function compile(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

function claimsOf(article: Article, patterns: RE2JS[], scope: RE2JS[], since: string | undefined): Claim[] {
  if (!scope.every((re) => re.matcher(article.body).find())) return [];
  // An article written before the span began is about something else.
  if (since && article.metadata.date && article.metadata.date < since) return [];
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const re of patterns) {
    const matcher = re.matcher(article.body);
    while (matcher.find()) {
      const interval = intervalOf(group(matcher, 'qualifier'), group(matcher, 'value'), group(matcher, 'ordinal'));
      if (!interval) continue;
      const id = `${matcher.start()}:${matcher.end()}`;
      if (seen.has(id)) continue;
      seen.add(id);
      claims.push({ article, span: spanOf(article, matcher.start(), matcher.end()), low: interval[0], high: interval[1] });
    }
  }
  return claims;
}

function group(matcher: ReturnType<RE2JS['matcher']>, name: string): string | undefined {
  try {
    return matcher.group(name) ?? undefined;
  } catch {
    // The pattern has no group of that name.
    return undefined;
  }
}

/**
 * The elapsed time a claim allows, in units: "almost four" = [3.5, 4); "nearly three" = [2.5, 3);
 * "its fourth" = [3, 4); "approaches its fourth" = [2.5, 3); "four" = [3.5, 4.5).
 */
export function intervalOf(qualifier: string | undefined, value: string | undefined, ordinal: string | undefined): [number, number] | undefined {
  const meaning = qualifier ? qualifierMeaning(qualifier) : undefined;
  if (ordinal !== undefined) {
    const n = parseNumber(ordinal, true);
    if (n === undefined) return undefined;
    if (meaning === 'approaching') return [n - 1.5, n - 1];
    if (meaning === 'entering') return [n - 1, n - 0.75];
    return [n - 1, n];
  }
  if (value === undefined) return undefined;
  const v = parseNumber(value, false);
  if (v === undefined) return undefined;
  switch (meaning) {
    case 'below':
    case 'approaching':
      return [v - 0.5, v];
    case 'atLeast':
      return [v, Number.POSITIVE_INFINITY];
    case 'atMost':
      return [0, v];
    default:
      return [v - 0.5, v + 0.5];
  }
}

function parseNumber(text: string, ordinal: boolean): number | undefined {
  // A captured group is a few words: read as a text of its own.
  const tokens = analyzeText(text.trim()).quantities;
  const phrase = numberAt(tokens, 0);
  if (!phrase || phrase.vague || phrase.ordinal !== ordinal) return undefined;
  return phrase.low;
}

export function elapsed(since: string, date: string, unit: DurationUnit): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000 / UNIT_DAYS[unit];
}

function articles(claims: Claim[]): number {
  return new Set(claims.map((claim) => claim.article.path)).size;
}

function quoteList(claims: Claim[]): string {
  return [...new Set(claims.map((claim) => `"${claim.span.excerpt}"`))].join(', ');
}

function files(claims: Claim[]): string {
  return [...new Set(claims.map((claim) => posix.basename(claim.article.path)))].join(', ');
}

function range(claim: Claim, unit: DurationUnit): string {
  return Number.isFinite(claim.high) ? `${claim.low}–${claim.high} ${unit}s` : `at least ${claim.low} ${unit}s`;
}
