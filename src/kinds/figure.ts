import { posix } from 'node:path';
import { z } from 'zod';
import { spanOf } from '../corpus/article.js';
import { extractFigureClaims, mergeMeasures, MEASURES, type FigureClaim, type MeasureVocabulary } from '../extract/figure-claims.js';
import type { Severity } from '../findings.js';
import { defineKind, type Detection, type FactGroup } from './kind.js';

const measureClass = z
  .object({
    words: z.array(z.string().min(1)).optional().describe('Words saying what is counted: event words, counted nouns (plural as written), or "toll".'),
    units: z.array(z.string().min(1)).optional().describe('Canonical units the measure is stated in ("percent", "pound", "mph").'),
    tally: z.boolean().optional().describe('A running official count: differently stated bounds ("at least 40", "44") are different tallies, reported as a warning.'),
  })
  .strict();

/**
 * Figure claims of a story that measure the same thing of the same scope at overlapping times and
 * cannot both hold. One finding per (measure, scope) group lists every article's value.
 */
export const figure = defineKind({
  name: 'figure',
  summary: [
    'Reads every figure as a claim and reports, once per measure and scope, figures of the story that cannot all hold, or that miss an expected value.',
    'A claim has a value interval (qualifiers "at least", "about", "nearly", "up to"; vague amounts; a hedge allows the slack of its stated precision, so "about 4,800" is 4,750 to 4,850; money with symbols and multipliers, "£125m"; miles and feet converted),',
    'a measure (a declared class, below, or the counted noun\'s lemma), a scope (for a tally the place: "in X", a fronted "In X,", "X has reported"; list items after "with" or "including" are parts of their total; otherwise the person or body named before it; "X City" and "al-X" are X),',
    'a time (a day its clause names, read with chrono-node against the publication date; "overnight" is the night before; another year, season, "years after" or a past perfect make it historical) and whether it is a part of a total.',
    'Exact values that differ are an error; ranges that cannot overlap, or differently stated bounds of a tally ("at least 44", "at least 55"), a warning. Tallies of different days, updates ("has risen to") of undated reports, parts against totals and values of one article are not compared.',
    `Built-in measure classes (src/extract/vocabulary/measures.json): ${Object.entries(MEASURES)
      .map(([name, cls]) => `${name}${cls.tally ? ' (tally)' : ''}: ${[...(cls.words ?? []), ...(cls.units ?? [])].join(', ')}`)
      .join('; ')}.`,
  ].join(' '),
  options: {
    measure: z.string().min(1).optional().describe('Only claims of this measure class ("deaths", "money") or counted noun ("noun:household").'),
    expected: z.number().optional().describe('With `measure`: report every claim of it whose interval excludes this value.'),
    measures: z
      .record(z.string().regex(/^[a-z][a-z-]*$/), measureClass)
      .optional()
      .describe('Measure classes this rule adds to the built-in ones, by name: `words` (what is counted), `units` (canonical units), `tally` (a running count); a class named again gets the words and units added, e.g. `displaced: {words: [refugees]}` or `seats: {words: [seats, mandates]}`.'),
    minContext: z.number().int().min(0).default(1).describe('Content words, names or other numbers two claims of a counted noun outside the declared classes must share to be compared.'),
  },
  messages: {
    expected: '{what}: "{values}", expected {expected}',
    conflict: 'Figures disagree on {what}: {values} ({reasons})',
  },
  variables: {
    expected: ['what', 'values', 'expected'],
    conflict: ['what', 'values', 'reasons'],
  },
  create(rule) {
    // The rule's own classes extend the built-in ones once, here.
    const measures: MeasureVocabulary = mergeMeasures(MEASURES, rule.measures);
    return (story, facts) => {
      // Claims measured through a rule's own classes are made for that rule (the analysis and figures under them stay shared).
      const claims = story.articles
        .flatMap((article) => (rule.measures ? extractFigureClaims(article, facts, measures) : facts.get(article, extractFigureClaims)))
        .filter((claim) => !claim.historical && (!rule.measure || claim.measure === rule.measure));
      const byKey = new Map<string, FigureClaim[]>();
      for (const claim of claims) {
        const key = groupKey(claim);
        byKey.set(key, [...(byKey.get(key) ?? []), claim]);
      }
      // A row per (measure, scope) stated by two articles or more, and per claim an expected value rules out.
      const groups: FactGroup[] = [];
      const groupOf = new Map<FigureClaim, number>();
      for (const members of byKey.values()) {
        if (new Set(members.map((claim) => claim.article)).size < 2 && rule.expected === undefined) continue;
        groups.push({ kind: 'figure', label: describeGroup(members[0]!), spans: members.map((claim) => spanOf(claim.article, claim.start, claim.end)) });
        for (const claim of members) groupOf.set(claim, groups.length - 1);
      }
      const detections: Array<Detection<'expected' | 'conflict'>> = [];
      if (rule.expected !== undefined) {
        for (const claim of claims.filter((c) => c.low > rule.expected! || c.high < rule.expected!)) {
          detections.push({
            type: 'expected',
            primary: spanOf(claim.article, claim.start, claim.end),
            related: [],
            vars: { what: describeGroup(claim), values: excerpt(claim), expected: rule.expected },
            data: { type: 'expected', interval: [claim.low, finiteOrNull(claim.high)], expected: rule.expected },
            group: groupOf.get(claim)!,
          });
        }
      }
      for (const group of byKey.values()) {
        const involved = new Set<FigureClaim>();
        let severity: Severity | undefined;
        let undated = false;
        const reasons = new Set<string>();
        for (let x = 0; x < group.length; x++) {
          for (let y = x + 1; y < group.length; y++) {
            const verdict = compare(group[x]!, group[y]!, rule.minContext);
            if (!verdict) continue;
            involved.add(group[x]!).add(group[y]!);
            severity = severity === 'error' || verdict.severity === 'error' ? 'error' : 'warning';
            undated ||= verdict.undated;
            reasons.add(verdict.reason);
          }
        }
        if (involved.size === 0) continue;
        const sides = [...involved].sort((a, b) => a.article.path.localeCompare(b.article.path) || a.start - b.start);
        const values = valuesList(sides);
        const what = describeGroup(sides[0]!);
        const note = undated ? '; not every article dates its figure, so the count may have moved between reports' : '';
        detections.push({
          type: 'conflict',
          primary: spanOf(sides[0]!.article, sides[0]!.start, sides[0]!.end),
          related: sides.slice(1).map((claim) => spanOf(claim.article, claim.start, claim.end)),
          vars: { what, values, reasons: `${[...reasons].join('; ')}${note}` },
          data: { type: 'conflict', what, values: sides.map((claim) => ({ file: posix.basename(claim.article.path), text: excerpt(claim), interval: [claim.low, finiteOrNull(claim.high)], asOf: claim.asOf ?? null })) },
          severity: severity!,
          group: groupOf.get(sides[0]!)!,
        });
      }
      return { detections, groups };
    };
  },
});

/** Claims are compared within one group: same measure, same scope, both parts or both totals. */
export function groupKey(claim: FigureClaim): string {
  return `${claim.measure}|${claim.scopeKey ?? ''}|${claim.part ? 'part' : 'whole'}`;
}

/** Two claims of different articles state the same figure: same group, times that can overlap, agreeing context. */
export function comparable(a: FigureClaim, b: FigureClaim, minContext: number): boolean {
  if (groupKey(a) !== groupKey(b) || a.historical || b.historical) return false;
  if (a.asOf && b.asOf && a.asOf !== b.asOf) return false;
  // Agreeing facts need no other number: clauses sharing content words state the same figure.
  return agree(a, b, minContext) || (a.generic && a.period === b.period && shared(a.context, b.context) >= Math.max(minContext, 2));
}

interface Verdict {
  severity: Severity;
  reason: string;
  undated: boolean;
}

/**
 * Whether two claims of one (measure, scope) group conflict, and how badly: exact against exact is an
 * error; intervals that cannot both hold, or differently stated bounds of a tally, a warning.
 */
export function compare(a: FigureClaim, b: FigureClaim, minContext: number): Verdict | undefined {
  // Values of one article are told apart by what surrounds them (breakdowns, updates, other counts).
  if (a.article === b.article) return undefined;
  // Figures dated differently are updates, not a conflict; a day without its year is compared by month and day.
  // Publication dates separate only running tallies: a fee or a career total does not move between reports.
  const dated = a.tally || (a.statedTime && b.statedTime);
  if (dated && a.asOf && b.asOf && (a.asOf.startsWith('????') || b.asOf.startsWith('????') ? a.asOf.slice(4) !== b.asOf.slice(4) : a.asOf !== b.asOf)) return undefined;
  // An update is compared only with a count of its day.
  if ((a.moving || b.moving) && (!a.asOf || !b.asOf)) return undefined;
  // A running tally moves from day to day: a dated one is not compared with an undated one.
  if (a.tally && !a.asOf !== !b.asOf) return undefined;
  // A count the text dates to a day is not compared with one nobody dates.
  if ((a.statedTime && !b.asOf) || (b.statedTime && !a.asOf)) return undefined;
  if (!agree(a, b, minContext)) return undefined;
  // Only a running tally can have moved between undated reports.
  const undated = a.tally && (!a.asOf || !b.asOf);
  const disjoint = a.high < b.low || b.high < a.low;
  if (disjoint) {
    const exact = a.exact && b.exact;
    // An undated tally may have moved between reports: a warning, even for exact values.
    return { severity: exact && !undated ? 'error' : 'warning', reason: exact ? 'exact values differ' : 'their ranges do not overlap', undated };
  }
  if (a.tally && b.tally && a.article !== b.article && a.stated !== b.stated && (a.qualifier === 'atLeast' || b.qualifier === 'atLeast')) {
    return { severity: 'warning', reason: 'differently stated tallies', undated };
  }
  return undefined;
}

/** Claims of one group count the same thing: same qualifying words; a counted noun also shares context. */
function agree(a: FigureClaim, b: FigureClaim, minContext: number): boolean {
  if (a.modifiers.size + b.modifiers.size > 0 && !sameSet(a.modifiers, b.modifiers)) return false;
  if (a.predicate && b.predicate && a.predicate !== b.predicate) return false;
  // "two directors" and "three individuals" arrested count different groups.
  if (a.counted && b.counted && a.counted !== b.counted) return false;
  if ((a.counted === undefined) !== (b.counted === undefined) && a.tally) return false;
  // Tallies are told apart by scope and time, an age by its person; anything else by its context too.
  if (a.period !== b.period) return false;
  if (a.tally || a.measure === 'age') return true;
  // An amount is compared only for one person or body, in clauses sharing two content words.
  if (a.measure === 'money') return a.scopeKey !== undefined && shared(a.context, b.context) >= Math.max(minContext, 2);
  // A counted noun outside the classes pairs on another number of its sentence ("246 in 45.3 overs"), or on a shared name and context.
  const context = shared(a.context, b.context) >= Math.max(minContext, 1);
  // A declared class shares a content word of its clause ("winds of 180 mph"); a counted noun outside
  // the classes also another number of its sentence ("all out for 246 in 45.3 overs").
  return a.generic ? context && shared(a.numbers, b.numbers) > 0 : context;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((word) => b.has(word));
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const word of a) if (b.has(word)) count++;
  return count;
}

/** "31 (a.txt, b.txt), 16 (c.txt)": each value as written, with the files stating it. */
function valuesList(claims: readonly FigureClaim[]): string {
  const byValue = new Map<string, Set<string>>();
  for (const claim of claims) {
    const text = excerpt(claim).replace(/\s+/g, ' ');
    byValue.set(text, (byValue.get(text) ?? new Set()).add(posix.basename(claim.article.path)));
  }
  return [...byValue].map(([text, files]) => `"${text}" (${[...files].join(', ')})`).join(', ');
}

function describeGroup(claim: FigureClaim): string {
  const measure = claim.measure.replace(/^(noun|unit):/, '');
  return [claim.part ? `${measure} (part of a total)` : measure, claim.scope ? (claim.measure === 'age' ? `of ${claim.scope}` : `in ${claim.scope}`) : undefined].filter(Boolean).join(' ');
}

/** An open upper bound ("at least 40") as JSON keeps it: null, so cached and fresh findings are equal. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function excerpt(claim: FigureClaim): string {
  return claim.article.body.slice(claim.start, claim.end);
}
