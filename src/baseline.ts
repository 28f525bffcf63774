import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from './errors.js';
import { findingFingerprint } from './fingerprint.js';
import type { Finding } from './findings.js';
import { where } from './report/excerpt.js';
import { TOOL_NAME, TOOL_VERSION } from './result.js';

/** Bumped when the file's shape or the fingerprint changes meaning. */
export const BASELINE_VERSION = 1;

const baselineFileSchema = z.object({
  version: z.literal(BASELINE_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }).optional(),
  findings: z.array(
    z.object({ fingerprint: z.string().regex(/^[0-9a-f]{32}$/), ruleId: z.string(), where: z.string(), message: z.string() }).strict(),
  ),
});

/**
 * Findings already accepted, by fingerprint, with how many of each: two identical findings in
 * the baseline accept two, and a third is new.
 */
export type AcceptedFindings = ReadonlyMap<string, number>;

/** `--write-baseline`: every current finding, by its stable fingerprint, with where it was for people reading the file. */
export function formatBaseline(findings: readonly Finding[]): string {
  const file = {
    version: BASELINE_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    findings: findings.map((finding) => ({ fingerprint: findingFingerprint(finding), ruleId: finding.ruleId, where: where(finding.location), message: finding.message })),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export function writeBaselineFile(path: string, findings: readonly Finding[]): void {
  try {
    writeFileSync(path, formatBaseline(findings));
  } catch (error) {
    throw new UserError(path, `cannot write the baseline (${(error as NodeJS.ErrnoException).code})`, 'check the folder exists and is writable');
  }
}

export function readBaselineFile(path: string): AcceptedFindings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(path, `cannot read the baseline (${(error as NodeJS.ErrnoException).code})`, 'write one first with --write-baseline FILE');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(path, `not JSON (${(error as Error).message})`, 'write it again with --write-baseline FILE');
  }
  const checked = baselineFileSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UserError(path, `not a crosscheck baseline (${issue.path.join('.') || 'file'}: ${issue.message})`, 'write it again with --write-baseline FILE');
  }
  const accepted = new Map<string, number>();
  for (const entry of checked.data.findings) accepted.set(entry.fingerprint, (accepted.get(entry.fingerprint) ?? 0) + 1);
  return accepted;
}

/** Splits findings into those the baseline does not accept (reported) and those it does. */
export function applyBaseline(findings: readonly Finding[], accepted: AcceptedFindings): { fresh: Finding[]; known: Finding[] } {
  const left = new Map(accepted);
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const finding of findings) {
    const fingerprint = findingFingerprint(finding);
    const count = left.get(fingerprint) ?? 0;
    if (count > 0) {
      left.set(fingerprint, count - 1);
      known.push(finding);
    } else {
      fresh.push(finding);
    }
  }
  return { fresh, known };
}
