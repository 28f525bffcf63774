import * as core from '@actions/core';
import type { Span } from '../corpus/article.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../findings.js';
import type { CheckResult } from '../result.js';
import { shorten } from './excerpt.js';
import { terminalSafe } from './terminal-text.js';

/** GitHub shows at most this many annotations of each severity per step and drops the rest silently. */
export const ANNOTATIONS_PER_SEVERITY = 10;

export interface Annotation {
  readonly severity: Severity;
  readonly message: string;
  readonly properties: core.AnnotationProperties;
}

export interface AnnotationPlan {
  readonly shown: readonly Annotation[];
  /** Annotations left out by GitHub's cap, by severity. */
  readonly notShown: Readonly<Record<Severity, number>>;
}

/**
 * One annotation per finding, on the side in a changed file when there is one (that is where the
 * pull request's author looks), naming the other side's file:line and excerpt. Sorted by
 * severity, changed files first, then capped per severity as GitHub would.
 */
export function planAnnotations(findings: readonly Finding[], changed?: ReadonlySet<string>): AnnotationPlan {
  const annotations = findings.map((finding) => {
    const sides = [finding.location, ...finding.related];
    const anchor = (changed && sides.find((span) => changed.has(span.path))) ?? finding.location;
    const others = sides.filter((span) => span !== anchor && span.path !== anchor.path);
    const other = others[0];
    const elsewhere = other ? ` (${other.path}:${other.startLine}: "${shorten(other.excerpt, 80)}"${others.length > 1 ? ` and ${others.length - 1} more` : ''})` : '';
    return {
      annotation: {
        severity: finding.severity,
        message: `${finding.message}${elsewhere}`,
        properties: properties(finding.ruleId, anchor),
      },
      changed: changed?.has(anchor.path) ?? false,
    };
  });
  annotations.sort((a, b) => SEVERITY_RANK[b.annotation.severity] - SEVERITY_RANK[a.annotation.severity] || Number(b.changed) - Number(a.changed));
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const notShown: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Annotation[] = [];
  for (const { annotation } of annotations) {
    if (counts[annotation.severity]++ < ANNOTATIONS_PER_SEVERITY) shown.push(annotation);
    else notShown[annotation.severity]++;
  }
  return { shown, notShown };
}

function properties(ruleId: string, span: Span): core.AnnotationProperties {
  return {
    title: ruleId,
    file: span.path,
    startLine: span.startLine,
    endLine: span.endLine,
    // GitHub takes columns only on a single line.
    ...(span.startLine === span.endLine ? { startColumn: span.startColumn, endColumn: span.endColumn } : {}),
  };
}

/** Issues the annotations as workflow commands through @actions/core, which escapes them. */
export function issueAnnotations(plan: AnnotationPlan): void {
  for (const { severity, message, properties: props } of plan.shown) {
    // @actions/core escapes line breaks and `%`, not escape sequences: a file name or excerpt could hold them.
    const safe = terminalSafe(message);
    const safeProps = { ...props, ...(props.file ? { file: terminalSafe(props.file) } : {}), ...(props.title ? { title: terminalSafe(props.title) } : {}) };
    if (severity === 'error') core.error(safe, safeProps);
    else if (severity === 'warning') core.warning(safe, safeProps);
    else core.notice(safe, safeProps);
  }
  const hidden = plan.notShown.error + plan.notShown.warning + plan.notShown.notice;
  if (hidden > 0) {
    core.notice(
      `${hidden} more findings not annotated (GitHub shows ${ANNOTATIONS_PER_SEVERITY} per severity): ${plan.notShown.error} errors, ${plan.notShown.warning} warnings, ${plan.notShown.notice} notices. See the job summary or the SARIF report.`,
      { title: 'crosscheck' },
    );
  }
}

/** `--format github`: the same workflow commands, for any CI that reads them. */
export function formatGithub(result: CheckResult): string {
  return captureStdout(() => {
    issueSkipped(result);
    issueAnnotations(planAnnotations(result.findings));
  });
}

/** Every file not read says so, with its reason: nothing is skipped silently. */
export function issueSkipped(result: CheckResult): void {
  for (const skipped of result.skipped) core.warning(`skipped: ${terminalSafe(skipped.reason)}`, { title: 'crosscheck', file: terminalSafe(skipped.path) });
}

/** @actions/core writes workflow commands to standard output; collect them as text instead. */
function captureStdout(run: () => void): string {
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    run();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}


