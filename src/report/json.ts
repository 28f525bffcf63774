import type { Span } from '../corpus/article.js';
import { jsonChunks } from './json-stream.js';
import type { Finding } from '../findings.js';
import { countBySeverity, TOOL_NAME, TOOL_VERSION, type CheckResult } from '../result.js';

/** Bumped when a field is removed or changes meaning; adding a field keeps the version. */
export const JSON_FORMAT_VERSION = 1;

/** The documented JSON shape (see README, "JSON output"). */
export function formatJson(result: CheckResult): string {
  return [...jsonChunks(jsonReport(result))].join('');
}

/** The JSON report as pieces, for writing out one at a time. */
export function streamJson(result: CheckResult): Iterable<string> {
  return jsonChunks(jsonReport(result));
}

function jsonReport(result: CheckResult) {
  const counts = countBySeverity(result.findings);
  const articles = result.stories.flatMap((story) => story.articles);
  const report = {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: {
      findings: result.findings.length,
      ...counts,
      stories: result.stories.length,
      articles: articles.length,
      skipped: result.skipped.length,
      suppressed: result.suppressed?.length ?? 0,
      ...(result.baselined !== undefined ? { baselined: result.baselined } : {}),
    },
    ...(result.shard ? { shard: result.shard } : {}),
    rules: result.rules.map((rule) => ({ id: rule.id, kind: rule.kind, severity: rule.severity, description: rule.description })),
    files: {
      read: articles.map((article) => article.path),
      skipped: result.skipped.map(({ path, reason }) => ({ path, reason })),
    },
    stories: result.stories.map((story) => ({
      id: story.id,
      articles: story.articles.map((article) => ({ path: article.path, ...article.metadata })),
    })),
    findings: result.findings.map(findingJson),
    suppressed: (result.suppressed ?? []).map(findingJson),
    unusedSuppressions: (result.unusedSuppressions ?? []).map((unused) => ({ ...unused })),
  };
  return report;
}

function findingJson(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    kind: finding.kind,
    severity: finding.severity,
    message: finding.message,
    story: finding.story,
    location: location(finding.location),
    related: finding.related.map(location),
    data: finding.data,
  };
}

function location(span: Span) {
  return {
    path: span.path,
    startLine: span.startLine,
    startColumn: span.startColumn,
    endLine: span.endLine,
    endColumn: span.endColumn,
    excerpt: span.excerpt,
    start: span.start,
    end: span.end,
  };
}
