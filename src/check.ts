import { readArticles, type ReadOptions } from './corpus/read.js';
import { groupStories } from './corpus/stories.js';
import { FindingsCache, type CachedStory } from './cache.js';
import type { Story } from './corpus/stories.js';
import { checkStories, type StoryGroups } from './engine.js';
import { compareFindings, type Finding } from './findings.js';
import { defaultWorkers, runRulesInWorkers } from './parallel.js';
import { UserError } from './errors.js';
import type { CheckResult } from './result.js';
import { loadRules } from './rules/load.js';
import type { Rule } from './rules/rule.js';

export interface CheckOptions extends ReadOptions {
  /** Threads to check stories on, this one included; 0 or 1 checks in this thread only. Default: by corpus size. */
  workers?: number;
  /** Folder of cached findings by content hash; unchanged stories are not checked again. */
  cacheDir?: string;
  paths: string[];
  rulesDir: string;
  /** Run only these rule ids (all when empty). */
  only?: string[];
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
  const rules = selectRules(loadRules(options.rulesDir, options.cwd), options.only, options.rulesDir);
  const { articles, skipped } = readArticles(options.paths, options);
  const stories = groupStories(articles);
  const cache = options.cacheDir ? new FindingsCache(options.cacheDir, rules) : undefined;
  const cached = new Map<Story, CachedStory>();
  if (cache) for (const story of stories) {
    const hit = cache.get(story);
    if (hit) cached.set(story, hit);
  }
  const toCheck = stories.filter((story) => !cached.has(story));
  const checkedArticles = toCheck.reduce((sum, story) => sum + story.articles.length, 0);
  const workers = options.workers ?? defaultWorkers(checkedArticles);
  const fresh = workers > 1 ? await runRulesInWorkers(toCheck, rules, workers) : checkStories(toCheck, rules, { release: true });
  if (cache) {
    const byStory = new Map<string, Finding[]>();
    for (const finding of fresh.findings) byStory.set(finding.story, [...(byStory.get(finding.story) ?? []), finding]);
    for (const story of toCheck) cache.set(story, { findings: byStory.get(story.id) ?? [], groups: fresh.groups[story.id] ?? [] });
  }
  const findings = [...fresh.findings, ...[...cached.values()].flatMap((entry) => entry.findings)].sort(compareFindings);
  const groups: StoryGroups = { ...fresh.groups };
  for (const [story, entry] of cached) groups[story.id] = entry.groups;
  return { stories, rules, findings, skipped, groups };
}
