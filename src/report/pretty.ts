import { styleText } from 'node:util';
import type { Span } from '../corpus/article.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../findings.js';
import { countBySeverity, type CheckResult } from '../result.js';
import { describeUnused } from '../suppressions.js';
import { where } from './excerpt.js';
import { terminalSafe } from './terminal-text.js';

type Style = Parameters<typeof styleText>[0];

export interface PrettyOptions {
  color: boolean;
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: ['bold', 'red'], warning: ['bold', 'yellow'], notice: ['bold', 'cyan'] };
/** Characters of line shown around an excerpt, and the most of the excerpt itself. */
const CONTEXT = 24;
const MAX_EXCERPT = 90;

/** Findings grouped by story; each shows every side with `file:line:col` and its excerpt in context. */
export function formatPretty(result: CheckResult, options: PrettyOptions): string {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text) : text);
  const out: string[] = [];
  const byStory = new Map<string, Finding[]>();
  // Most severe first within a story; the engine's order (by position) within a severity.
  const ordered = [...result.findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  for (const finding of ordered) {
    const list = byStory.get(finding.story) ?? [];
    list.push(finding);
    byStory.set(finding.story, list);
  }
  for (const story of result.stories) {
    const findings = byStory.get(story.id);
    if (!findings) continue;
    out.push(paint(['bold', 'underline'], `${terminalSafe(story.id)}`) + paint('dim', ` (${plural(story.articles.length, 'article')})`), '');
    for (const finding of findings) {
      out.push(
        `  ${paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7))} ${paint('dim', finding.ruleId)}  ${terminalSafe(finding.message)}`,
      );
      const spans = [finding.location, ...finding.related];
      // File names are as untrusted as article text.
      const width = Math.max(...spans.map((span) => terminalSafe(where(span)).length));
      for (const span of spans) {
        out.push(`    ${paint('blue', terminalSafe(where(span)).padEnd(width))}  ${excerptInContext(span, result, paint)}`);
      }
      out.push('');
    }
  }
  out.push(summaryLine(result));
  const alone = result.stories.filter((story) => story.articles.length < 2);
  if (alone.length > 0) {
    out.push(paint('dim', `not compared (one article, nothing to compare it with): ${alone.map((story) => terminalSafe(story.id)).join(', ')}`));
  }
  for (const skipped of result.skipped) {
    out.push(paint('dim', `skipped ${terminalSafe(skipped.path)}: ${terminalSafe(skipped.reason)}`));
  }
  for (const unused of result.unusedSuppressions ?? []) out.push(`unused suppression ${terminalSafe(describeUnused(unused))}`);
  return out.join('\n') + '\n';
}

function excerptInContext(span: Span, result: CheckResult, paint: (style: Style, text: string) => string): string {
  const article = result.stories.flatMap((story) => story.articles).find((candidate) => candidate.path === span.path);
  const text = article?.text ?? '';
  // Lines end at LF, CRLF or a lone CR, as positions count them.
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 1), text.lastIndexOf('\r', span.start - 1)) + 1;
  const ends = [text.indexOf('\n', span.end), text.indexOf('\r', span.end)].filter((at) => at >= 0);
  const lineEnd = ends.length ? Math.min(...ends) : text.length;
  const beforeStart = Math.max(lineStart, span.start - CONTEXT);
  const afterEnd = Math.min(lineEnd, span.end + CONTEXT);
  let excerpt = span.excerpt;
  if (excerpt.length > MAX_EXCERPT) excerpt = `${excerpt.slice(0, MAX_EXCERPT / 2)}…${excerpt.slice(-MAX_EXCERPT / 2)}`;
  const before = (beforeStart > lineStart ? '…' : '') + text.slice(beforeStart, span.start);
  const after = text.slice(span.end, afterEnd) + (afterEnd < lineEnd ? '…' : '');
  return `${paint('dim', terminalSafe(before).trimStart())}${paint(['bold', 'underline'], terminalSafe(excerpt))}${paint('dim', terminalSafe(after).replace(/\s+$/, ''))}`;
}

export function summaryLine(result: CheckResult): string {
  const counts = countBySeverity(result.findings);
  const articles = result.stories.reduce((sum, story) => sum + story.articles.length, 0);
  const storiesWithFindings = new Set(result.findings.map((finding) => finding.story)).size;
  return (
    `${plural(result.findings.length, 'finding')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')})` +
    ` in ${storiesWithFindings} of ${plural(result.stories.length, 'story', 'stories')};` +
    ` ${plural(articles, 'article')} read, ${plural(result.skipped.length, 'file')} skipped` +
    (result.suppressed?.length ? `; ${result.suppressed.length} suppressed in articles` : '') +
    (result.unusedSuppressions?.length ? `; ${plural(result.unusedSuppressions.length, 'unused suppression')}` : '') +
    (result.baselined !== undefined ? `; ${result.baselined} in the baseline` : '') +
    (result.shard ? `; shard ${result.shard.index}/${result.shard.count}` : '')
  );
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
