import { posix } from 'node:path';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import { analyze, firstEndingAfter } from '../analysis/index.js';
import { defineKind, type Detection, type FactStore } from './kind.js';

/**
 * Vale's "either" rule, across articles: a story should use one form of each pair. Variants are
 * literal text, matched at word boundaries, so no user pattern can be slow or ambiguous.
 */
export const consistency = defineKind({
  name: 'consistency',
  summary:
    'Reports a story whose articles use different variants of a pair (house style: "U.S." vs "US"), locating every use of each.',
  options: {
    either: z
      .record(z.string().min(1), z.string().min(1))
      .refine((pairs) => Object.keys(pairs).length > 0, 'at least one pair')
      .describe('Pairs of variants, written as `first: second`; each pair is checked on its own.'),
    ignorecase: z.boolean().default(false).describe('Match the variants without regard to case.'),
  },
  message: '"{first}" ({firstCount} in {firstFiles}) and "{second}" ({secondCount} in {secondFiles}) are both used: pick one',
  variables: ['first', 'second', 'firstCount', 'secondCount', 'firstFiles', 'secondFiles'],
  check(story, rule, facts) {
    const detections: Detection[] = [];
    for (const [first, second] of Object.entries(rule.either)) {
      const firstUses = story.articles.flatMap((article) => findLiteral(article, first, rule.ignorecase, facts));
      const secondUses = story.articles.flatMap((article) => findLiteral(article, second, rule.ignorecase, facts));
      if (!usedInDifferentArticles(firstUses, secondUses)) continue;
      // Anchor on the less common form: it is the likelier one to change.
      const anchorUses = secondUses.length <= firstUses.length ? secondUses : firstUses;
      const [primary, ...rest] = anchorUses;
      const otherUses = anchorUses === secondUses ? firstUses : secondUses;
      detections.push({
        primary: primary!,
        related: [...rest, ...otherUses].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start)),
        vars: {
          first,
          second,
          firstCount: firstUses.length,
          secondCount: secondUses.length,
          firstFiles: fileList(firstUses),
          secondFiles: fileList(secondUses),
        },
        data: { pair: [first, second], counts: { [first]: firstUses.length, [second]: secondUses.length } },
      });
    }
    return detections;
  },
});

/**
 * Every use of a literal that starts and ends on token boundaries of the article's analysis
 * ("U.S." but not the "US" of "USA" or "campus").
 */
function findLiteral(article: Article, literal: string, ignoreCase: boolean, facts: FactStore): Span[] {
  const analysis = facts.get(article, analyze);
  const text = ignoreCase ? article.body.toLowerCase() : article.body;
  const wanted = ignoreCase ? literal.toLowerCase() : literal;
  const spans: Span[] = [];
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    const first = analysis.tokens[firstEndingAfter(analysis.tokens, at)];
    if (!first || first.start !== at) continue;
    const last = analysis.tokens[firstEndingAfter(analysis.tokens, end - 1)];
    if (last && last.end === end) spans.push(spanOf(article, at, end));
  }
  return spans;
}

/** True when one article uses the first form and a different article the second. */
function usedInDifferentArticles(first: Span[], second: Span[]): boolean {
  if (first.length === 0 || second.length === 0) return false;
  const firstPaths = new Set(first.map((span) => span.path));
  return firstPaths.size > 1 || second.some((span) => !firstPaths.has(span.path));
}

function fileList(spans: Span[]): string {
  const counts = new Map<string, number>();
  for (const span of spans) {
    const name = posix.basename(span.path);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
}
