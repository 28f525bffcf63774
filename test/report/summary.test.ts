import { describe, expect, it } from 'vitest';
import { parseArticle, spanOfOriginal } from '../../src/corpus/article.js';
import type { Finding } from '../../src/findings.js';
import { formatSummary, SKIPPED_LISTED } from '../../src/report/summary.js';

const MIB = 1024 * 1024;

describe('job summary size', () => {
  it('lists at most SKIPPED_LISTED skipped files and counts the rest: 30,000 CJK names stay under 1 MiB', () => {
    const skipped = Array.from({ length: 30_000 }, (_, index) => ({ path: `記事/報道記事ファイル名前の長い${index}.txt`, reason: 'binary file (contains NUL bytes)' }));
    const summary = formatSummary({ stories: [], rules: [], findings: [], skipped, groups: {} });
    expect(Buffer.byteLength(summary)).toBeLessThan(MIB);
    expect(summary.match(/<li><code>/g)).toHaveLength(SKIPPED_LISTED);
    expect(summary).toContain(`<li>and ${30_000 - SKIPPED_LISTED} more (every one is in the SARIF report)</li>`);
  });

  it('counts bytes, not UTF-16 units, when it stops adding stories', () => {
    const text = `${'東京の会談で合意した内容について各国の首脳が述べた。'.repeat(20)}`;
    const stories = Array.from({ length: 400 }, (_, index) => ({ id: `物語${index}`, articles: [parseArticle(`s${index}/a.txt`, text), parseArticle(`s${index}/b.txt`, text)] }));
    const findings: Finding[] = stories.flatMap((story) =>
      Array.from({ length: 10 }, (_, n) => ({
        ruleId: 'figures',
        kind: 'figure',
        severity: 'warning' as const,
        message: `${'数字が一致しない'.repeat(20)}${n}`,
        story: story.id,
        location: spanOfOriginal(story.articles[0]!, n, n + 60),
        related: [spanOfOriginal(story.articles[1]!, n, n + 60)],
        type: 'conflict',
        data: { type: 'conflict' as const, what: 'count', values: [{ file: 'a.txt', text: String(n), interval: [n, n] as [number, number | null], asOf: null }] },
        group: 0,
      })),
    );
    const groups = Object.fromEntries(stories.map((story) => [story.id, [{ kind: 'figure', label: 'count', spans: findings.filter((finding) => finding.story === story.id).map((finding) => finding.location) }]]));
    const summary = formatSummary({ stories, rules: [], findings, skipped: [], groups });
    expect(Buffer.byteLength(summary)).toBeLessThan(MIB);
    expect(summary).toContain("<p>The summary stops here to stay under GitHub's 1 MiB limit; the SARIF report has every finding.</p>");
  });
});
