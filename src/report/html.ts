import { posix, relative, resolve, sep } from 'node:path';
import type { Span } from '../corpus/article.js';
import { buildCoverage, type CoverageRow, type StoryCoverage } from '../coverage.js';
import { SEVERITIES, type Finding, type Severity } from '../findings.js';
import { countBySeverity, TOOL_NAME, TOOL_VERSION, type CheckResult } from '../result.js';
import { shorten, where } from './excerpt.js';
import { escapeHtml } from './html-escape.js';

const CELL_CHARS = 140;

/**
 * One self-contained page (no network, no external assets) showing each story's coverage: articles
 * as columns, facts as rows, conflicts marked and expandable to their excerpts and word diff. It
 * works with JavaScript off (details/summary); with it on, a filter narrows by severity and kind.
 */
export function formatHtml(result: CheckResult, outputDir: string = process.cwd()): string {
  // Links to the articles are relative to where the page is written.
  const link = (span: Span) => sourceLink(span, outputDir);
  const coverage = buildCoverage(result).sort((a, b) => conflicts(b) - conflicts(a) || a.story.id.localeCompare(b.story.id));
  const counts = countBySeverity(result.findings);
  const kinds = [...new Set(coverage.flatMap((story) => story.rows.map((row) => row.kind)))].sort();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${TOOL_NAME} ${TOOL_VERSION}">
<title>crosscheck report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>crosscheck report</h1>
<p>${result.findings.length} findings (${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices) in ${result.stories.length} ${result.stories.length === 1 ? 'story' : 'stories'} of ${result.stories.reduce((n, s) => n + s.articles.length, 0)} articles.${result.skipped.length ? ` ${result.skipped.length} files skipped.` : ''}</p>
<form id="filters" hidden aria-label="Filter rows">
<fieldset><legend>Severity</legend>${[...SEVERITIES, 'none'].map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s === 'none' ? 'agreeing facts' : s}</label>`).join(' ')}</fieldset>
<fieldset><legend>Kind</legend>${kinds.map((k) => `<label><input type="checkbox" name="kind" value="${escapeHtml(k)}" checked> ${escapeHtml(k)}</label>`).join(' ')}</fieldset>
</form>
</header>
<nav aria-label="Stories"><h2>Stories</h2><ol>
${coverage.map((story, index) => `<li><a href="#story-${index}">${escapeHtml(story.story.id)}</a> <span class="count">${conflictLabel(story)}</span></li>`).join('\n')}
</ol></nav>
<main>
${coverage.map((story, index) => storySection(story, index, result, link)).join('\n')}
${skippedSection(result)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

type Link = (span: Span) => string;

function storySection(coverage: StoryCoverage, index: number, result: CheckResult, link: Link): string {
  const articles = coverage.story.articles;
  const header = articles
    .map((article) => `<th scope="col">${escapeHtml(article.metadata.source ?? posix.basename(article.path))}<br><small>${escapeHtml(posix.basename(article.path))}${article.metadata.date ? ` · ${escapeHtml(article.metadata.date)}` : ''}</small></th>`)
    .join('');
  const paths = articles.map((a) => a.path);
  // Facts several articles give, and every conflict, first; facts one article alone gives, folded.
  const shared = coverage.rows.filter((row) => row.conflict || row.cells.size > 1);
  const single = coverage.rows.filter((row) => !row.conflict && row.cells.size === 1);
  const findings = result.findings.filter((finding) => finding.story === coverage.story.id).length;
  const table = (rows: readonly CoverageRow[]) => `<table>
<thead><tr><th scope="col">fact</th>${header}</tr></thead>
<tbody>
${rows.map((row) => factRow(row, paths, link)).join('\n')}
</tbody>
</table>`;
  return `<section id="story-${index}" class="story">
<h2>${escapeHtml(coverage.story.id)}</h2>
<p>${articles.length} articles, ${coverage.rows.length} facts (${shared.length} in several articles or in conflict, ${single.length} in one article only), ${findings} findings.</p>
${shared.length ? table(shared) : '<p>No fact found in more than one article.</p>'}
${single.length ? `<details class="single-facts"><summary>${single.length} facts only one article gives</summary>\n<ul>${single.map((row) => singleFact(row, link)).join('')}</ul>\n</details>` : ''}
</section>`;
}

function factRow(row: CoverageRow, paths: string[], link: Link): string {
  const severity = row.conflict ?? 'none';
  const single = row.cells.size === 1 ? ' <span class="single">one article only</span>' : '';
  const mark = row.conflict ? `<span class="mark ${row.conflict}">${row.conflict}</span> ` : '';
  const label = `${mark}<span class="kind">${escapeHtml(row.kind)}</span> ${escapeHtml(row.label)}${single}`;
  const first = row.findings.length
    ? `<details><summary>${label}</summary>${row.findings.map((finding) => findingDetail(finding, link)).join('')}</details>`
    : label;
  const cells = paths.map((path) => {
    const spans = row.cells.get(path) ?? [];
    return `<td>${spans.length ? spans.map((span) => `<a href="${escapeHtml(link(span))}" title="${escapeHtml(where(span))}">${escapeHtml(shorten(span.excerpt, CELL_CHARS))}</a>`).join('<br>') : '<span class="absent">—</span>'}</td>`;
  });
  return `<tr class="fact" data-severity="${severity}" data-kind="${escapeHtml(row.kind)}"><th scope="row">${first}</th>${cells.join('')}</tr>`;
}

/** A fact one article alone gives, compactly: its kind, label, article and excerpt. */
function singleFact(row: CoverageRow, link: Link): string {
  const [path, spans] = [...row.cells][0]!;
  const span = spans[0]!;
  return `<li data-kind="${escapeHtml(row.kind)}"><span class="kind">${escapeHtml(row.kind)}</span> ${escapeHtml(row.label)}: <a href="${escapeHtml(link(span))}">${escapeHtml(posix.basename(path))}:${span.startLine}</a> ${escapeHtml(shorten(span.excerpt, 80))}</li>`;
}

function findingDetail(finding: Finding, link: Link): string {
  const diff = 'diff' in finding.data && finding.data.diff ? `<p class="diff">${renderDiff(finding.data.diff)}</p>` : '';
  const sides = [finding.location, ...finding.related]
    .map((span) => `<li><a href="${escapeHtml(link(span))}">${escapeHtml(where(span))}</a> <span class="excerpt">${escapeHtml(shorten(span.excerpt, 400))}</span></li>`)
    .join('');
  return `<div class="finding ${finding.severity}"><p><span class="mark ${finding.severity}">${finding.severity}</span> <code>${escapeHtml(finding.ruleId)}</code> ${escapeHtml(finding.message)}</p>${diff}<ul>${sides}</ul></div>`;
}

/** `All [-such-]{+these+} units` with the removed words struck and the added ones marked. */
export function renderDiff(diff: string): string {
  return diff
    .split(/(\[-.*?-\]|\{\+.*?\+\})/)
    .map((part) => {
      if (part.startsWith('[-') && part.endsWith('-]')) return `<del>${escapeHtml(part.slice(2, -2))}</del>`;
      if (part.startsWith('{+') && part.endsWith('+}')) return `<ins>${escapeHtml(part.slice(2, -2))}</ins>`;
      return escapeHtml(part);
    })
    .join('');
}

function skippedSection(result: CheckResult): string {
  if (result.skipped.length === 0) return '';
  return `<section class="skipped"><h2>Files not read</h2><ul>${result.skipped.map((s) => `<li><code>${escapeHtml(s.path)}</code>: ${escapeHtml(s.reason)}</li>`).join('')}</ul></section>`;
}

function conflicts(story: StoryCoverage): number {
  return story.rows.filter((row) => row.conflict).length;
}

function conflictLabel(story: StoryCoverage): string {
  const bySeverity = new Map<Severity, number>();
  for (const row of story.rows) if (row.conflict) bySeverity.set(row.conflict, (bySeverity.get(row.conflict) ?? 0) + 1);
  if (bySeverity.size === 0) return 'no conflict';
  return SEVERITIES.filter((s) => bySeverity.has(s)).map((s) => `${bySeverity.get(s)} ${s}`).join(', ');
}

/** A link from the report's folder to the article (with `#L<line>`, which code hosts follow). */
function sourceLink(span: Span, outputDir: string): string {
  const target = relative(outputDir, resolve(span.path)).split(sep).join('/');
  return `${target.split('/').map(encodeURIComponent).join('/')}#L${span.startLine}`;
}


const STYLE = `
:root { --error: #b3261e; --warning: #9a5b00; --notice: #1d5fa8; --line: #d0d4da; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 110rem; padding: 1rem 2rem; line-height: 1.4; color: #1b1f24; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 2rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f2f4f7; position: sticky; top: 0; }
tbody th { font-weight: normal; min-width: 16rem; }
tr[data-severity="error"] th[scope=row] { border-left: 4px solid var(--error); }
tr[data-severity="warning"] th[scope=row] { border-left: 4px solid var(--warning); }
tr[data-severity="notice"] th[scope=row] { border-left: 4px solid var(--notice); }
.mark { display: inline-block; padding: 0 .35rem; border-radius: .25rem; color: #fff; font-size: .75rem; text-transform: uppercase; }
.mark.error { background: var(--error); } .mark.warning { background: var(--warning); } .mark.notice { background: var(--notice); }
.kind { color: #555; font-size: .8rem; margin-right: .25rem; }
.single, .absent { color: #777; font-size: .8rem; }
summary { cursor: pointer; }
summary:focus-visible, a:focus-visible { outline: 3px solid #1d5fa8; outline-offset: 2px; }
.finding { margin: .5rem 0 .5rem 1rem; }
.diff { font-family: ui-monospace, monospace; background: #f6f8fa; padding: .3rem .5rem; }
del { background: #ffd7d5; text-decoration: line-through; } ins { background: #d3f5d8; text-decoration: none; }
nav ol { columns: 2; } .count { color: #555; font-size: .85rem; }
form fieldset { display: inline-block; margin-right: 1rem; border: 1px solid var(--line); }
[hidden] { display: none !important; }
@media print { nav, form { display: none; } details { display: block; } details > * { display: block; } thead th { position: static; } a { color: inherit; text-decoration: none; } }
`;

/** Progressive enhancement: without it every row is shown. */
const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  form.hidden = false;
  const update = () => {
    const on = (name) => new Set([...form.querySelectorAll('input[name=' + name + ']:checked')].map((box) => box.value));
    const severities = on('severity');
    const kinds = on('kind');
    for (const row of document.querySelectorAll('tr.fact')) row.hidden = !(severities.has(row.dataset.severity) && kinds.has(row.dataset.kind));
  };
  form.addEventListener('change', update);
  window.addEventListener('beforeprint', () => document.querySelectorAll('details').forEach((d) => (d.open = true)));
})();
`;
