import type { Article } from './corpus/article.js';
import type { Story } from './corpus/stories.js';
import { compareFindings, type Finding } from './findings.js';
import { KINDS } from './kinds/index.js';
import type { FactStore } from './kinds/kind.js';
import type { Rule } from './rules/rule.js';

/**
 * Runs every rule over every story. Takes articles and rules as values and touches no disk, so
 * tests, the CLI and the action share it. Facts are extracted once per article, whatever the
 * number of rules that use them.
 */
export function runRules(stories: readonly Story[], rules: readonly Rule[], options: { facts?: FactStore; release?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  for (const story of stories) {
    if (story.articles.length < 2) continue;
    // With `release`, each story's facts and normalised copies are dropped once it is checked,
    // so memory holds one story at a time, not the corpus.
    const facts = options.facts ?? new MemoFactStore();
    for (const rule of rules) {
      const kind = KINDS.get(rule.kind);
      if (!kind) throw new Error(`rule ${rule.id} has kind ${rule.kind}, which no check implements`);
      for (const detection of kind.check(story, rule as never, facts)) {
        findings.push({
          ruleId: rule.id,
          kind: rule.kind,
          severity: detection.severity ?? rule.severity,
          message: renderMessage(rule.message ?? kind.message, detection.vars),
          story: story.id,
          location: detection.primary,
          related: detection.related,
          data: detection.data ?? {},
        });
      }
    }
    if (options.release) for (const article of story.articles) article.release();
  }
  return findings.sort(compareFindings);
}

/** Fills `{name}` placeholders; the rule loader has already rejected unknown ones. */
export function renderMessage(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export class MemoFactStore implements FactStore {
  private readonly cache = new WeakMap<Article, Map<unknown, unknown>>();

  get<T>(article: Article, extractor: (article: Article) => T): T {
    let perArticle = this.cache.get(article);
    if (!perArticle) {
      perArticle = new Map();
      this.cache.set(article, perArticle);
    }
    if (!perArticle.has(extractor)) perArticle.set(extractor, extractor(article));
    return perArticle.get(extractor) as T;
  }
}
