import { posix } from 'node:path';
import { buildCoverage } from '../coverage.js';
import { countBySeverity, type CheckResult } from '../result.js';
import { shorten, where } from './excerpt.js';
import { escapeHtml as escapeHtmlText } from './html-escape.js';
import { plural } from './pretty.js';

/**
 * The summary is Markdown holding HTML blocks, and a blank line ends an HTML block: what follows
 * would be read as Markdown (images, links). Line breaks in untrusted text become character references.
 */
function escapeHtml(text: string): string {
  return escapeHtmlText(text).replace(/\r\n|\r|\n/g, '&#10;');
}

/** GitHub rejects a job summary over 1 MiB (in bytes of UTF-8); stay well under it. */
export const SUMMARY_LIMIT = 900 * 1024;
/** Skipped files listed by name; the rest are counted. */
export const SKIPPED_LISTED = 500;
const MARK = { error: '🔴', warning: '🟠', notice: '🔵' } as const;
const CELL_CHARS = 60;

export interface SummaryOptions {
  /** Findings left out because no side is in a changed file. */
  hidden?: number;
}

/**
 * The job summary, as HTML GitHub renders: per story a coverage table (facts × articles, conflicts
 * marked), then the findings. All article text is escaped: core.summary does not escape.
 */
export function formatSummary(result: CheckResult, options: SummaryOptions = {}): string {
  const counts = countBySeverity(result.findings);
  const parts: string[] = [
    '<h2>crosscheck</h2>',
    `<p>${plural(result.findings.length, 'finding')}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}, in ${plural(result.stories.length, 'story', 'stories')} of ${plural(result.stories.reduce((n, s) => n + s.articles.length, 0), 'article')}.` +
      `${options.hidden ? ` ${plural(options.hidden, 'finding')} in unchanged files not shown.` : ''}${result.skipped.length ? ` ${plural(result.skipped.length, 'file')} skipped.` : ''}` +
      `${result.suppressed?.length ? ` ${result.suppressed.length} suppressed in articles.` : ''}${result.baselined ? ` ${result.baselined} in the baseline.` : ''}</p>`,
  ];
  if (result.skipped.length > 0) {
    const listed = result.skipped.slice(0, SKIPPED_LISTED);
    const more = result.skipped.length - listed.length;
    parts.push(
      '<details><summary>Files not read</summary><ul>',
      ...listed.map((s) => `<li><code>${escapeHtml(s.path)}</code>: ${escapeHtml(s.reason)}</li>`),
      ...(more > 0 ? [`<li>and ${more} more (every one is in the SARIF report)</li>`] : []),
      '</ul></details>',
    );
  }
  let bytes = Buffer.byteLength(parts.join('\n'));
  const storiesWithFindings = new Set(result.findings.map((finding) => finding.story));
  for (const coverage of buildCoverage(result)) {
    if (!storiesWithFindings.has(coverage.story.id)) continue;
    const articles = coverage.story.articles;
    const rows = coverage.rows.filter((row) => row.cells.size > 1 || row.conflict);
    const section: string[] = [`<h3>${escapeHtml(coverage.story.id)}</h3>`];
    if (rows.length > 0) {
      section.push(
        '<table><thead><tr><th>fact</th>' + articles.map((article) => `<th>${escapeHtml(posix.basename(article.path))}</th>`).join('') + '</tr></thead><tbody>',
        ...rows.map(
          (row) =>
            `<tr><td>${row.conflict ? `${MARK[row.conflict]} ` : ''}${row.kind}: ${escapeHtml(row.label)}</td>` +
            articles.map((article) => `<td>${(row.cells.get(article.path) ?? []).map((span) => escapeHtml(shorten(span.excerpt, CELL_CHARS))).join('<br>') || '—'}</td>`).join('') +
            '</tr>',
        ),
        '</tbody></table>',
      );
    }
    const findings = result.findings.filter((finding) => finding.story === coverage.story.id);
    section.push(
      '<ul>',
      ...findings.map(
        (finding) =>
          `<li>${MARK[finding.severity]} <b>${escapeHtml(finding.ruleId)}</b> ${escapeHtml(finding.message)}<br>` +
          [finding.location, ...finding.related].map((span) => `<code>${escapeHtml(where(span))}</code> ${escapeHtml(shorten(span.excerpt, CELL_CHARS))}`).join('<br>') +
          '</li>',
      ),
      '</ul>',
    );
    const text = section.join('\n');
    const size = Buffer.byteLength(text) + 1;
    if (bytes + size > SUMMARY_LIMIT) {
      parts.push(`<p>The summary stops here to stay under GitHub's 1 MiB limit; the SARIF report has every finding.</p>`);
      break;
    }
    parts.push(text);
    bytes += size;
  }
  return parts.join('\n') + '\n';
}

