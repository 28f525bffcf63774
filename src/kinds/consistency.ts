import { posix } from 'node:path';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import { defineKind, type Detection, type FactGroup } from './kind.js';

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
  messages: {
    mixed: '"{first}" ({firstCount} in {firstFiles}) and "{second}" ({secondCount} in {secondFiles}) are both used: pick one',
  },
  variables: { mixed: ['first', 'second', 'firstCount', 'secondCount', 'firstFiles', 'secondFiles'] },
  create(rule) {
    // Each variant's pattern is built once, here, not per article.
    const pairs = Object.entries(rule.either).map(([first, second]) => ({ first, second, firstPattern: literalPattern(first, rule.ignorecase), secondPattern: literalPattern(second, rule.ignorecase) }));
    return (story) => {
      const detections: Array<Detection<'mixed'>> = [];
      const groups: FactGroup[] = [];
      for (const { first, second, firstPattern, secondPattern } of pairs) {
        const firstUses = story.articles.flatMap((article) => findLiteral(article, firstPattern));
        const secondUses = story.articles.flatMap((article) => findLiteral(article, secondPattern));
        if (!usedInDifferentArticles(firstUses, secondUses)) continue;
        // Anchor on the less common form: it is the likelier one to change.
        const anchorUses = secondUses.length <= firstUses.length ? secondUses : firstUses;
        const [primary, ...rest] = anchorUses;
        const otherUses = anchorUses === secondUses ? firstUses : secondUses;
        const related = [...rest, ...otherUses].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
        groups.push({ kind: 'consistency', label: `${first} / ${second}`, spans: [primary!, ...related] });
        detections.push({
          type: 'mixed',
          primary: primary!,
          related,
          vars: {
            first,
            second,
            firstCount: firstUses.length,
            secondCount: secondUses.length,
            firstFiles: fileList(firstUses),
            secondFiles: fileList(secondUses),
          },
          data: { pair: [first, second], counts: { [first]: firstUses.length, [second]: secondUses.length } },
          group: groups.length - 1,
        });
      }
      return { detections, groups };
    };
  },
});

/** A literal matched at word boundaries: letters or digits on either side make it part of a longer word. */
function literalPattern(literal: string, ignoreCase: boolean): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(literal)}(?![\\p{L}\\p{N}])`, ignoreCase ? 'giu' : 'gu');
}

function findLiteral(article: Article, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const match of article.body.matchAll(pattern)) {
    spans.push(spanOf(article, match.index, match.index + match[0].length));
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
