import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Span } from '../corpus/article.js';
import type { Severity } from '../findings.js';
import { jsonChunks } from './json-stream.js';
import { findingFingerprint } from '../fingerprint.js';
import { TOOL_NAME, TOOL_VERSION, type CheckResult } from '../result.js';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', notice: 'note' };

/** SARIF 2.1.0: the contract code scanning and other tools read findings by. */
export function formatSarif(result: CheckResult): string {
  return [...jsonChunks(sarifLog(result))].join('');
}

/** The SARIF log as pieces, for writing out one at a time. */
export function streamSarif(result: CheckResult): Iterable<string> {
  return jsonChunks(sarifLog(result));
}

function sarifLog(result: CheckResult): Sarif.Log {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const articles = result.stories.flatMap((story) => story.articles);
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            rules: result.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { kind: rule.kind },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: articles.map((article) => ({ location: { uri: uri(article.path) }, mimeType: 'text/plain' })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.skipped.map((skipped): Sarif.Notification => ({
                level: 'warning',
                message: { text: `skipped: ${skipped.reason}` },
                locations: [{ physicalLocation: { artifactLocation: { uri: uri(skipped.path) } } }],
              })),
              ...(result.unusedSuppressions ?? []).map((unused): Sarif.Notification => ({
                level: 'warning',
                message: { text: `unused suppression of ${unused.target}: ${unused.reason}` },
                locations: [{ physicalLocation: { artifactLocation: { uri: uri(unused.path) }, region: { startLine: unused.line, startColumn: unused.column } } }],
              })),
            ],
          },
        ],
        // Suppressed findings stay in the log, marked as suppressed in the source, as SARIF intends.
        results: [...result.findings.map((finding) => ({ finding, suppressed: false })), ...(result.suppressed ?? []).map((finding) => ({ finding, suppressed: true }))].map(({ finding, suppressed }): Sarif.Result => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId)! } : {}),
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [physical(finding.location)],
          relatedLocations: finding.related.map((span, index) => ({ id: index + 1, ...physical(span) })),
          partialFingerprints: {
            'crosscheck/v1': findingFingerprint(finding),
          },
          ...(suppressed ? { suppressions: [{ kind: 'inSource' as const }] } : {}),
          properties: { kind: finding.kind, story: finding.story, data: finding.data },
        })),
      },
    ],
  };
  return log;
}

function physical(span: Span): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(span.path) },
      region: {
        startLine: span.startLine,
        startColumn: span.startColumn,
        endLine: span.endLine,
        endColumn: span.endColumn,
        snippet: { text: span.excerpt },
      },
    },
  };
}

/** Relative paths stay relative references (to the working directory); absolute ones become file: URIs. */
function uri(path: string): string {
  if (path.startsWith('/')) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}
