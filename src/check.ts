import { readArticles, type ReadOptions } from './corpus/read.js';
import { groupStories } from './corpus/stories.js';
import { MemoFactStore, runRules } from './engine.js';
import { UserError } from './errors.js';
import type { CheckResult } from './result.js';
import { loadRules } from './rules/load.js';

export interface CheckOptions extends ReadOptions {
  paths: string[];
  rulesDir: string;
  /** Run only these rule ids (all when empty). */
  only?: string[];
}

/** Reads articles and rules from disk and runs the engine: everything the CLI and action share. */
export function checkPaths(options: CheckOptions): CheckResult {
  let rules = loadRules(options.rulesDir, options.cwd);
  if (options.only && options.only.length > 0) {
    const known = new Set(rules.map((rule) => rule.id));
    const unknown = options.only.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UserError(`--rule ${unknown[0]}`, 'no such rule', `rules in ${options.rulesDir}: ${[...known].join(', ')}`);
    }
    rules = rules.filter((rule) => options.only!.includes(rule.id));
  }
  const { articles, skipped } = readArticles(options.paths, options);
  const stories = groupStories(articles);
  const facts = new MemoFactStore();
  return { stories, rules, findings: runRules(stories, rules, facts), skipped, facts };
}
