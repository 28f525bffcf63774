import { readArticles } from '../../src/corpus/read.js';
import { groupStories } from '../../src/corpus/stories.js';
import { checkStories } from '../../src/engine.js';
import type { CheckResult } from '../../src/result.js';
import { loadRules } from '../../src/rules/load.js';

/** The seeds checked with the bundled rules, as the CLI would (paths relative to the repository). */
export function seedsResult(): CheckResult {
  const rules = loadRules('rules');
  const { articles, skipped } = readArticles(['seeds']);
  const stories = groupStories(articles);
  return { stories, rules, skipped, ...checkStories(stories, rules) };
}
