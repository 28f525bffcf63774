import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../../src/corpus/article.js';
import { CHRONO_MAX_SPAN, extractDates } from '../../src/extract/dates.js';

/** What chrono-node was handed: its time is the costly part of reading dates, and grows with the square of a long piece. */
const handed = vi.hoisted(() => ({ calls: 0, characters: 0, longest: 0 }));
vi.mock('chrono-node', async (importOriginal) => {
  const chrono = await importOriginal<typeof import('chrono-node')>();
  return {
    ...chrono,
    parse: (text: string, ...rest: Parameters<typeof chrono.parse> extends [string, ...infer R] ? R : never) => {
      handed.calls++;
      handed.characters += text.length;
      handed.longest = Math.max(handed.longest, text.length);
      return chrono.parse(text, ...rest);
    },
  };
});

const MB = 1024 * 1024;

function work(text: string): { mentions: number; calls: number; characters: number; longest: number } {
  handed.calls = handed.characters = handed.longest = 0;
  const mentions = extractDates(parseArticle('a.txt', text)).length;
  return { mentions, ...handed };
}

describe('dates: work grows linearly with the article', () => {
  beforeEach(() => {
    handed.calls = handed.characters = handed.longest = 0;
  });

  it('reads 1, 2 and 4 MB of dense dates in pieces of bounded length, every date found', () => {
    const unit = 'On January 6, 2026 talks began. ';
    const sizes = [1, 2, 4].map((mb) => work(`date 2026-01-08 ${unit.repeat((mb * MB) / unit.length)}`));
    expect(sizes.map((size) => size.mentions)).toEqual([32768, 65536, 131072]);
    for (const size of sizes) expect(size.longest).toBeLessThanOrEqual(CHRONO_MAX_SPAN);
    // Twice the text, twice the pieces and characters (to within one piece).
    expect(Math.abs(sizes[1]!.calls - 2 * sizes[0]!.calls)).toBeLessThanOrEqual(1);
    expect(Math.abs(sizes[2]!.calls - 2 * sizes[1]!.calls)).toBeLessThanOrEqual(1);
    expect(Math.abs(sizes[2]!.characters - 2 * sizes[1]!.characters)).toBeLessThanOrEqual(CHRONO_MAX_SPAN);
  }, 120_000);

  it('never hands chrono a run of whitespace: "January", 1 to 4 MB of spaces, "2026"', () => {
    const sizes = [1, 2, 4].map((mb) => work(`date 2026-01-08 The talks of January${' '.repeat(mb * MB)}2026 ended.`));
    // The two sides of the run are read apart.
    const pieces = ['The talks of January', '2026 ended.'];
    for (const size of sizes) expect(size).toEqual({ mentions: 1, calls: 2, characters: pieces.join('').length, longest: pieces[0]!.length });
  }, 60_000);

  it('reads a 1 to 4 MB line without spaces in pieces of at most CHRONO_MAX_SPAN', () => {
    const unit = `January${','.repeat(1017)}`;
    const sizes = [1, 2, 4].map((mb) => work(`date 2026-01-08 ${unit.repeat((mb * MB) / unit.length)}`));
    for (const [index, size] of sizes.entries()) {
      expect(size.mentions).toBe(2 ** index * 1024);
      expect(size.longest).toBe(CHRONO_MAX_SPAN);
      // Every piece but those with no month name in them.
      expect(size.characters).toBeLessThanOrEqual(2 ** index * MB);
      expect(size.characters).toBeGreaterThan(2 ** index * MB - 2 ** index * CHRONO_MAX_SPAN);
    }
  }, 120_000);

  it('still finds a date cut nowhere near a piece boundary and keeps its position', () => {
    const filler = 'word '.repeat(1000);
    const text = `date 2026-01-08 ${filler}They met on January 6, 2026 in Paris. ${filler}`;
    const article = parseArticle('a.txt', text);
    const [mention] = extractDates(article);
    expect(text.slice(mention!.start, mention!.end)).toBe('January 6, 2026');
    expect([mention!.first, mention!.last]).toEqual(['2026-01-06', '2026-01-06']);
  });
});
