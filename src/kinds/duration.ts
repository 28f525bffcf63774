import { posix } from 'node:path';
import { RE2JS } from 're2js';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import { analyze, analyzeText, type QuantityToken } from '../analysis/index.js';
import { isNumberWord, numberAt, qualifierMeaning } from '../extract/quantities.js';
import { defineKind, type Detection, type FactStore } from './kind.js';

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
  message: '{summary}',
  variables: ['summary', 'claim', 'otherClaims', 'otherFiles', 'elapsed'],
  check(story, rule, facts) {
    const compiled = compile(rule.patterns);
    const scope = compile(rule.scope);
    const claims = story.articles.flatMap((article) => claimsOf(article, compiled, scope, rule.since, facts));
    const since = rule.since;
    const elapsedOf = (claim: Claim): number | undefined =>
      since && claim.article.metadata.date ? elapsed(since, claim.article.metadata.date, rule.unit) : undefined;
    const wrong = (claim: Claim): boolean => {
      const value = elapsedOf(claim);
      return value !== undefined && !(claim.low - rule.tolerance <= value && value < claim.high + rule.tolerance);
    };
    // Claims allowing the same interval are one position; positions that cannot both hold conflict.
    const positions = new Map<string, Claim[]>();
    for (const claim of claims) {
      const key = `${claim.low}:${claim.high}`;
      positions.set(key, [...(positions.get(key) ?? []), claim]);
    }
    const groups = [...positions.values()];
    const detections: Detection[] = [];
    const reported = new Set<Claim[]>();
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const [a, b] = [groups[i]!, groups[j]!];
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
          primary: primary[0]!.span,
          related: [...primary.slice(1), ...other].map((claim) => claim.span),
          vars: {
            summary: `${describe(primary, rule.unit)} contradicts ${describe(other, rule.unit)}${calendar}`,
            claim: quoteList(primary),
            otherClaims: quoteList(other),
            otherFiles: files(other),
            elapsed: value === undefined ? '' : value.toFixed(1),
          },
          data: { type: 'conflict', interval: [primary[0]!.low, primary[0]!.high], otherInterval: [other[0]!.low, other[0]!.high], elapsed: value ?? null, unit: rule.unit },
        });
      }
    }
    // A position wrong against the calendar that no conflict already reports.
    for (const group of groups) {
      if (reported.has(group)) continue;
      for (const claim of group.filter(wrong)) {
        const value = elapsedOf(claim)!;
        detections.push({
          primary: claim.span,
          related: [],
          vars: {
            summary: `"${claim.span.excerpt}" (${range(claim, rule.unit)}) contradicts the calendar: from ${since} to ${claim.article.metadata.date} is ${value.toFixed(1)} ${rule.unit}s`,
            claim: `"${claim.span.excerpt}"`,
            otherClaims: '',
            otherFiles: '',
            elapsed: value.toFixed(1),
          },
          data: { type: 'calendar', interval: [claim.low, claim.high], elapsed: value, unit: rule.unit },
        });
      }
    }
    return detections;
  },
});

interface Claim {
  article: Article;
  span: Span;
  /** [low, high): the elapsed time, in units, the claim allows. */
  low: number;
  high: number;
}

const compiledPatterns = new Map<string, RE2JS>();

function compile(sources: readonly string[]): RE2JS[] {
  return sources.map((source) => {
    let re = compiledPatterns.get(source);
    if (!re) {
      re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
      compiledPatterns.set(source, re);
    }
    return re;
  });
}

/**
 * Claims are read line by line, on the lines the analysis found a numeral or number word in: a
 * claim's `value` or `ordinal` is a number, and user patterns (re2js) cost time per character read.
 */
function claimsOf(article: Article, patterns: RE2JS[], scope: RE2JS[], since: string | undefined, facts: FactStore): Claim[] {
  if (!scope.every((re) => re.matcher(article.body).find())) return [];
  // An article written before the span began is about something else.
  if (since && article.metadata.date && article.metadata.date < since) return [];
  const claims: Claim[] = [];
  const seen = new Set<string>();
  const lines = numberLines(article.body, facts.get(article, analyze).quantities).map(([from, to]) => ({ from, line: article.body.slice(from, to) }));
  for (const re of patterns) {
    for (const { from, line } of lines) {
      const matcher = re.matcher(line);
      while (matcher.find()) {
        const interval = intervalOf(group(matcher, 'qualifier'), group(matcher, 'value'), group(matcher, 'ordinal'));
        if (!interval) continue;
        const start = from + matcher.start();
        const end = from + matcher.end();
        const id = `${start}:${end}`;
        if (seen.has(id)) continue;
        seen.add(id);
        claims.push({ article, span: spanOf(article, start, end), low: interval[0], high: interval[1] });
      }
    }
  }
  return claims;
}

/** The lines, as [start, end), holding a numeral or number word. */
function numberLines(text: string, quantities: readonly QuantityToken[]): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  for (const token of quantities) {
    if (token.kind !== 'numeral' && !isNumberWord(token.lower)) continue;
    if (lines.length > 0 && token.start < lines.at(-1)![1]) continue;
    const start = text.lastIndexOf('\n', token.start - 1) + 1;
    const end = text.indexOf('\n', token.end);
    lines.push([start, end < 0 ? text.length : end]);
  }
  return lines;
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

function describe(claims: Claim[], unit: DurationUnit): string {
  return `${quoteList(claims)} (${files(claims)}: ${range(claims[0]!, unit)})`;
}

