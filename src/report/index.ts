import type { CheckResult } from '../result.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson, streamJson } from './json.js';
import { formatPretty } from './pretty.js';
import { formatSarif, streamSarif } from './sarif.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  color: boolean;
  /** Where the report is written: links in an HTML report are relative to it. */
  outputDir?: string;
}

export function formatReport(format: Format, result: CheckResult, options: ReportOptions): string {
  switch (format) {
    case 'pretty':
      return formatPretty(result, options);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result);
    case 'github':
      return formatGithub(result);
    case 'html':
      return formatHtml(result, options.outputDir);
  }
}

/** The report as pieces to write one after another: JSON and SARIF are never built as one string. */
export function streamReport(format: Format, result: CheckResult, options: ReportOptions): Iterable<string> {
  if (format === 'json') return streamJson(result);
  if (format === 'sarif') return streamSarif(result);
  return [formatReport(format, result, options)];
}
