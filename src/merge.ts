import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Span } from './corpus/article.js';
import { decode, type SkippedFile } from './corpus/read.js';
import { parseArticle } from './corpus/article.js';
import { resolve } from 'node:path';
import { groupStories } from './corpus/stories.js';
import type { FactGroup } from './kinds/kind.js';
import { reportedFindingSchema } from './cache.js';
import { UserError } from './errors.js';
import { compareFindings, SEVERITIES, type Finding } from './findings.js';
import type { CheckResult } from './result.js';
import type { Rule } from './rules/load.js';
import type { UnusedSuppression } from './suppressions.js';

/** What merge needs of a `--format json` report. */
const reportSchema = z.object({
  version: z.literal(1),
  summary: z.object({ baselined: z.number().optional() }),
  shard: z.object({ index: z.number(), count: z.number() }).optional(),
  rules: z.array(z.object({ id: z.string(), kind: z.string(), severity: z.enum(SEVERITIES), description: z.string() })),
  files: z.object({ read: z.array(z.string()), skipped: z.array(z.object({ path: z.string(), reason: z.string() })) }),
  findings: z.array(reportedFindingSchema),
  suppressed: z.array(reportedFindingSchema).optional(),
  unusedSuppressions: z.array(z.custom<UnusedSuppression>()).optional(),
});
type Report = z.infer<typeof reportSchema>;

function readReport(path: string): Report {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(path, code ? `cannot read (${code})` : `not JSON (${(error as Error).message})`, 'give the JSON reports the shards wrote with --format json');
  }
  const checked = reportSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UserError(path, `not a crosscheck JSON report of this version (${issue.path.join('.') || 'report'}: ${issue.message})`, 'write the shard reports with --format json of this crosscheck');
  }
  return checked.data;
}

/** Folder-walk order: compared folder by folder, as the reader visits them. */
function compareWalkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * Combines the JSON reports of `--shard 1/n` … `--shard n/n` into the result one run over the
 * whole corpus gives. Articles are read again (merge runs where the shards ran) so that every
 * report format can show them; every shard must be given once.
 */
export function mergeReports(paths: readonly string[], cwd: string): CheckResult {
  if (paths.length === 0) throw new UserError('merge', 'no report given', 'name the JSON reports of every shard: crosscheck merge a.json b.json');
  const reports = paths.map((path) => ({ path, report: readReport(path) }));
  const counts = new Set(reports.map(({ report }) => report.shard?.count ?? 1));
  if (counts.size > 1) throw new UserError('merge', `the reports come from different shard counts (${[...counts].join(', ')})`, 'merge the reports of one --shard i/n run');
  const count = [...counts][0]!;
  const seen = new Map<number, string>();
  for (const { path, report } of reports) {
    const index = report.shard?.index ?? 1;
    if (seen.has(index)) throw new UserError(path, `shard ${index}/${count} is also in ${seen.get(index)}`, 'give each shard once');
    seen.set(index, path);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new UserError('merge', `shard ${missing.map((index) => `${index}/${count}`).join(', ')} missing`, 'give the JSON report of every shard');

  const read = [...new Set(reports.flatMap(({ report }) => report.files.read))].sort(compareWalkOrder);
  // Each article keeps the path its shard reported, read again from where that path points.
  const articles = read.map((path) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(cwd, path));
    } catch (error) {
      throw new UserError(path, `cannot read the article a shard checked (${(error as NodeJS.ErrnoException).code})`, 'merge in the checkout the shards ran on, from the same folder');
    }
    const decoded = decode(bytes);
    if ('reason' in decoded) throw new UserError(path, decoded.reason, 'merge in the checkout the shards ran on');
    return parseArticle(path, decoded.text);
  });
  const stories = groupStories(articles);
  const texts = new Map(articles.map((article) => [article.path, article.text]));
  const toFinding = (finding: Report['findings'][number]): Finding => {
    for (const span of [finding.location, ...finding.related]) {
      if (texts.get(span.path)?.slice(span.start, span.end) !== span.excerpt) {
        throw new UserError(`${span.path}:${span.startLine}:${span.startColumn}`, 'the article changed since the shard checked it', 'merge in the checkout the shards ran on');
      }
    }
    // A shard's JSON keeps no fact groups: each merged finding is its own row.
    const data = finding.data as unknown as Finding['data'];
    return { ...finding, location: finding.location as Span, related: finding.related as Span[], data, type: 'type' in data ? data.type : 'mixed', group: 0 };
  };
  const rules = new Map<string, Rule>();
  const skipped = new Map<string, SkippedFile>();
  for (const { report } of reports) {
    for (const rule of report.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
    for (const file of report.files.skipped) if (!skipped.has(file.path)) skipped.set(file.path, file);
  }
  const groups: Record<string, FactGroup[]> = {};
  const findings = reports
    .flatMap(({ report }) => report.findings.map(toFinding))
    .sort(compareFindings)
    .map((finding): Finding => {
      const list = (groups[finding.story] ??= []);
      list.push({ kind: finding.kind, label: finding.message, spans: [finding.location, ...finding.related] });
      return { ...finding, group: list.length - 1 };
    });
  const suppressed = reports.flatMap(({ report }) => (report.suppressed ?? []).map(toFinding)).sort(compareFindings);
  const unused = reports.flatMap(({ report }) => report.unusedSuppressions ?? []);
  const baselined = reports.map(({ report }) => report.summary.baselined);
  return {
    stories,
    rules: [...rules.values()],
    findings,
    groups,
    skipped: [...skipped.values()],
    ...(suppressed.length ? { suppressed } : {}),
    ...(unused.length ? { unusedSuppressions: unused } : {}),
    ...(baselined.some((n) => n !== undefined) ? { baselined: baselined.reduce<number>((sum, n) => sum + (n ?? 0), 0) } : {}),
  };
}
