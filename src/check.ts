import { parseArticle } from './corpus/article.js';
import { readArticles, type ReadOptions } from './corpus/read.js';
import { applyBaseline, type AcceptedFindings } from './baseline.js';
import { groupStories } from './corpus/stories.js';
import { FindingsCache, type CachedStory } from './cache.js';
import type { Story } from './corpus/stories.js';
import { checkStories, type EngineResult, type StoryGroups } from './engine.js';
import { compareFindings, SEVERITY_RANK, type Finding, type Severity } from './findings.js';
import { defaultWorkers, runRulesInWorkers } from './parallel.js';
import { UserError, UserErrors } from './errors.js';
import type { CheckResult } from './result.js';
import { duplicateIds, loadRules } from './rules/load.js';
import type { Rule } from './rules/rule.js';
import { inShard, type Shard } from './shard.js';
import { applySuppressions } from './suppressions.js';

export interface CheckOptions extends ReadOptions {
  /** Threads to check stories on, this one included; 0 or 1 checks in this thread only. Default: by corpus size. */
  workers?: number;
  /** Folder of cached findings by content hash; unchanged stories are not checked again. */
  cacheDir?: string;
  paths: string[];
  /** Folder, or folders, of YAML rules. */
  rulesDir: string | readonly string[];
  /** Run only these rule ids (all when empty). */
  only?: string[];
  /** Where warnings go (a cache that cannot be written); standard error when not given. */
  warn?: (message: string) => void;
  /** Per rule id, the severity of all its findings, or `off` (the config file's `severity:`). */
  severity?: Readonly<Record<string, Severity | 'off'>>;
  /** Where `severity` was written, for messages about it. */
  severitySource?: string;
  /** Report only findings at or above this severity. */
  minSeverity?: Severity;
  /** Findings already accepted (`--baseline`): not reported, counted. */
  baseline?: AcceptedFindings;
  /** Check only this share of the stories (`--shard i/n`). */
  shard?: Shard;
  /** An article given on standard input (path `-`): it replaces the file of the same path, if read. */
  stdin?: { path: string; text: string };
  /** Called as stories are checked: how many are done, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** The rules of one or more folders; an id declared twice is an error. */
export function loadRuleFolders(dirs: string | readonly string[], cwd?: string): Rule[] {
  const folders = typeof dirs === 'string' ? [dirs] : dirs;
  const rules = folders.flatMap((dir) => loadRules(dir, cwd));
  const errors = duplicateIds(rules);
  if (errors.length > 0) throw new UserErrors(errors);
  return rules;
}

/**
 * Severity precedence, most specific last wins: the rule's `severity:`, then its `findings:` per
 * finding type (set by the kind), then the config file's `severity:` for the rule, over both.
 */
function overrideSeverity(rules: readonly Rule[], allRules: readonly Rule[], severity: CheckOptions['severity'], source: string): { rules: Rule[]; bySeverity: Map<string, Severity> } {
  const bySeverity = new Map<string, Severity>();
  if (!severity) return { rules: [...rules], bySeverity };
  const known = new Set(allRules.map((rule) => rule.id));
  for (const id of Object.keys(severity)) {
    if (!known.has(id)) throw new UserError(source, `severity.${id}: no such rule`, `rules are ${[...known].join(', ')}`);
  }
  const kept: Rule[] = [];
  for (const rule of rules) {
    const override = severity[rule.id];
    if (override === 'off') continue;
    if (override) bySeverity.set(rule.id, override);
    kept.push(override ? { ...rule, severity: override } : rule);
  }
  return { rules: kept, bySeverity };
}

/** The rules named by `--rule` (all when none is named); an unknown id is a user error. */
export function selectRules(rules: Rule[], only: readonly string[] | undefined, rulesDir: string): Rule[] {
  if (!only || only.length === 0) return rules;
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UserError(`--rule ${unknown[0]}`, 'no such rule', `rules in ${rulesDir}: ${[...known].join(', ')}`);
  return rules.filter((rule) => only.includes(rule.id));
}

/** Reads articles and rules from disk and runs the engine: everything the CLI and action share. */
export async function checkPaths(options: CheckOptions): Promise<CheckResult> {
  const allRules = loadRuleFolders(options.rulesDir, options.cwd);
  const selected = selectRules(allRules, options.only, [options.rulesDir].flat().join(', '));
  const { rules, bySeverity } = overrideSeverity(selected, allRules, options.severity, options.severitySource ?? 'severity');
  const onDisk = options.paths.filter((path) => path !== '-');
  const read = onDisk.length > 0 ? readArticles(onDisk, options) : { articles: [], skipped: [] };
  let articles = read.articles;
  if (options.stdin) {
    const fromStdin = parseArticle(options.stdin.path, options.stdin.text);
    articles = [...articles.filter((article) => article.path !== fromStdin.path), fromStdin];
  }
  const skipped = read.skipped;
  if (articles.length === 0) {
    const reasons = [...new Set(skipped.map((file) => file.reason))];
    throw new UserError(
      options.paths.join(' '),
      `no article read${skipped.length ? ` (${skipped.length} ${skipped.length === 1 ? 'file' : 'files'} skipped: ${reasons.slice(0, 3).join('; ')})` : ' (no .txt or .md file found)'}`,
      'give a folder holding .txt or .md articles (check `paths:`, .crosscheckignore and --max-file-size)',
    );
  }
  const allStories = groupStories(articles);
  const stories = options.shard ? allStories.filter((story) => inShard(story.id, options.shard!)) : allStories;
  const cache = options.cacheDir ? new FindingsCache(options.cacheDir, rules, options.warn) : undefined;
  const cached = new Map<Story, CachedStory>();
  if (cache) for (const story of stories) {
    const hit = cache.get(story);
    if (hit) cached.set(story, hit);
  }
  const toCheck = stories.filter((story) => !cached.has(story));
  const checkedArticles = toCheck.reduce((sum, story) => sum + story.articles.length, 0);
  const workers = options.workers ?? defaultWorkers(checkedArticles);
  let fresh: EngineResult;
  if (workers > 1) {
    fresh = await runRulesInWorkers(toCheck, rules, workers);
    options.onProgress?.(toCheck.length, toCheck.length);
  } else {
    // Story by story, so a long run can say how far it is.
    fresh = { findings: [], groups: {} };
    toCheck.forEach((story, index) => {
      const checked = checkStories([story], rules, { release: true });
      fresh.findings.push(...checked.findings);
      Object.assign(fresh.groups, checked.groups);
      options.onProgress?.(index + 1, toCheck.length);
    });
  }
  if (cache) {
    const byStory = new Map<string, Finding[]>();
    for (const finding of fresh.findings) byStory.set(finding.story, [...(byStory.get(finding.story) ?? []), finding]);
    for (const story of toCheck) cache.set(story, { findings: byStory.get(story.id) ?? [], groups: fresh.groups[story.id] ?? [] });
  }
  const groups: StoryGroups = { ...fresh.groups };
  for (const [story, entry] of cached) groups[story.id] = entry.groups;
  const found = [...fresh.findings, ...[...cached.values()].flatMap((entry) => entry.findings)]
    .map((finding) => (bySeverity.has(finding.ruleId) ? { ...finding, severity: bySeverity.get(finding.ruleId)! } : finding))
    .sort(compareFindings);
  const { kept, suppressed, unused } = applySuppressions(stories, found, { ran: new Set(rules.map((rule) => rule.id)), known: new Set(allRules.map((rule) => rule.id)) });
  const reportable = options.minSeverity ? kept.filter((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[options.minSeverity!]) : kept;
  const { fresh: findings, known } = options.baseline ? applyBaseline(reportable, options.baseline) : { fresh: reportable, known: [] };
  return {
    stories,
    rules,
    findings,
    skipped,
    groups,
    ...(suppressed.length ? { suppressed } : {}),
    ...(unused.length ? { unusedSuppressions: unused } : {}),
    ...(options.baseline ? { baselined: known.length } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  };
}
