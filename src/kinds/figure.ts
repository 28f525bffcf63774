import { posix } from 'node:path';
import { z } from 'zod';
import { spanOf, type Span } from '../corpus/article.js';
import { extractFigures, type Figure } from '../extract/figures.js';
import { cluster, defineKind, type Detection, type FactGroup } from './kind.js';

/**
 * Figures that count the same thing in two articles of a story (same unit or noun, event and
 * place, shared context) and cannot both be true. Compatible statements ("about 600,000" and
 * "hundreds of thousands") and conversions ("$45 million, or 41 million euros") are not findings.
 */
export const figure = defineKind({
  name: 'figure',
  summary:
    'Reports figures of a story that count the same thing (same unit or counted noun, event and place) but whose intervals cannot both hold, or that miss an expected value.',
  options: {
    noun: z.string().min(1).optional().describe('Only figures counting this noun or measured in this unit (singular: "household", "percent").'),
    tolerance: z.number().min(0).default(0).describe('Relative slack allowed between two figures (0.05 = 5%).'),
    expected: z.number().optional().describe('With `noun`: report every figure of that noun whose interval excludes this value.'),
    minContext: z.number().int().min(0).default(2).describe('Content words two figures\' clauses must share, besides the noun, to be compared.'),
    requireNoun: z
      .boolean()
      .default(true)
      .describe('Compare only figures that name what they count ("600,000 households", "$45 million in aid"), not bare amounts ("$5 billion", "36 percent") whose subject a clause cannot pin down.'),
    minSimilarity: z.number().min(0).max(1).default(0.3).describe('Share of their clauses\' content words (Jaccard) two figures must have in common to be compared.'),
  },
  messages: {
    expected: '"{value}" ({what}): expected {expected}',
    conflict: 'Figures disagree on {what}: "{value}" here, "{otherValue}" in {otherFiles}',
  },
  variables: {
    expected: ['what', 'value', 'expected'],
    conflict: ['what', 'value', 'otherValue', 'otherFiles'],
  },
  create(rule) {
    const counted = (f: Figure) => (!rule.noun || f.noun === rule.noun || f.unit === rule.noun) && (!rule.requireNoun || f.noun !== undefined || f.event !== undefined);
    return (story, facts) => {
      const figures = story.articles.flatMap((article) => facts.get(article, extractFigures)).filter(counted);
      // Every pair of comparable figures, conflicting or not: they make the groups a report shows.
      const pairs: Array<[Figure, Figure]> = [];
      const conflicts = new Map<string, { sides: [Set<Figure>, Set<Figure>] }>();
      for (const f of figures) {
        for (const article of story.articles) {
          if (article === f.article) continue;
          const candidates = figures.filter((g) => g.article === article && comparable(f, g, rule.minContext, rule.minSimilarity));
          for (const g of candidates) pairs.push([f, g]);
          if (candidates.length === 0 || candidates.some((g) => overlaps(f, g, rule.tolerance))) continue;
          const g = candidates.sort((x, y) => sharedContext(f, y) - sharedContext(f, x))[0]!;
          // A sentence stating both values of one count tells them apart: a result ("185 to 156"), a part and its total.
          if (figures.some((h) => h.article === f.article && h.sentence === f.sentence && h !== f && keyOf(h) === keyOf(f) && overlaps(h, g, rule.tolerance))) continue;
          const [first, second] = intervalKey(f) < intervalKey(g) ? [f, g] : [g, f];
          const id = `${keyOf(f)}|${intervalKey(first)}|${intervalKey(second)}`;
          const entry = conflicts.get(id) ?? { sides: [new Set<Figure>(), new Set<Figure>()] };
          entry.sides[0].add(first);
          entry.sides[1].add(second);
          conflicts.set(id, entry);
        }
      }
      const clusters = cluster(figures, pairs);
      const groupOf = new Map(clusters.flatMap((members, index) => members.map((f) => [f, index] as const)));
      const groups: FactGroup[] = clusters.map((members) => ({ kind: 'figure', label: what(members[0]!), spans: members.map(spanOfFigure) }));
      const detections: Array<Detection<'expected' | 'conflict'>> = [];
      if (rule.expected !== undefined) {
        for (const f of figures) {
          if (f.low <= rule.expected * (1 + rule.tolerance) && rule.expected * (1 - rule.tolerance) <= f.high) continue;
          detections.push({
            type: 'expected',
            primary: spanOfFigure(f),
            related: [],
            vars: { what: what(f), value: excerpt(f), expected: rule.expected },
            data: { type: 'expected', interval: [f.low, f.high], expected: rule.expected },
            group: groupOf.get(f)!,
          });
        }
      }
      for (const { sides } of conflicts.values()) {
        const [primarySide, otherSide] = articleCount(sides[0]) <= articleCount(sides[1]) ? sides : [sides[1], sides[0]];
        const [primary, ...restPrimary] = [...primarySide];
        const others = [...otherSide];
        const otherFiles = [...new Set(others.map((o) => posix.basename(o.article.path)))].join(', ');
        detections.push({
          type: 'conflict',
          primary: spanOfFigure(primary!),
          related: [...restPrimary, ...others].map(spanOfFigure),
          vars: { what: what(primary!), value: excerpt(primary!), otherValue: excerpt(others[0]!), otherFiles },
          data: { type: 'conflict', interval: [primary!.low, primary!.high], otherInterval: [others[0]!.low, others[0]!.high], what: what(primary!) },
          group: groupOf.get(primary!)!,
        });
      }
      return { detections, groups };
    };
  },
});

function spanOfFigure(f: Figure): Span {
  return spanOf(f.article, f.start, f.end);
}

function keyOf(f: Figure): string {
  return `${f.unit ?? ''}|${f.noun ?? ''}|${f.event ?? ''}`;
}

/** Two figures count the same thing: same unit, noun and event, no different places, shared context. */
export function comparable(f: Figure, g: Figure, minContext: number, minSimilarity: number): boolean {
  if (keyOf(f) !== keyOf(g)) return false;
  // "lost nearly 60 seats" and "picked up six seats" count different things.
  if (f.predicate && g.predicate && f.predicate !== g.predicate) return false;
  if (f.place && g.place && f.place !== g.place) return false;
  // "state taxes" and "federal taxes" count different things.
  if (f.modifiers.size > 0 && g.modifiers.size > 0 && ![...f.modifiers].some((word) => g.modifiers.has(word))) return false;
  const shared = sharedContext(f, g);
  const union = new Set([...f.context, ...g.context]).size;
  return shared >= minContext && (union === 0 ? 0 : shared / union) >= minSimilarity;
}

function sharedContext(f: Figure, g: Figure): number {
  let shared = 0;
  for (const word of f.context) if (g.context.has(word) && word !== f.noun) shared++;
  return shared;
}

function overlaps(f: Figure, g: Figure, tolerance: number): boolean {
  // Unbounded sides ("more than 300") take no slack: Infinity × 0 would be NaN.
  const slack = (value: number) => (Number.isFinite(value) ? Math.abs(value) * tolerance : 0);
  return f.low - slack(f.low) <= g.high + slack(g.high) && g.low - slack(g.low) <= f.high + slack(f.high);
}

function intervalKey(f: Figure): string {
  return `${f.low}:${f.high}`;
}

function articleCount(side: Set<Figure>): number {
  return new Set([...side].map((f) => f.article.path)).size;
}

function what(f: Figure): string {
  return [f.noun ?? f.unit, f.event, f.place ? `in ${f.place}` : undefined].filter(Boolean).join(' ');
}

function excerpt(f: Figure): string {
  return f.article.body.slice(f.start, f.end);
}
