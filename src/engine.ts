import type { Article } from './corpus/article.js';
import type { Story } from './corpus/stories.js';
import { compareFindings, type Finding } from './findings.js';
import { KINDS } from './kinds/index.js';
import { SUMMARY, type Check, type FactGroup, type FactStore, type Kind } from './kinds/kind.js';
import type { Rule } from './rules/rule.js';

/** The facts each story's checks compared, by story id; a finding's `group` indexes its story's list. */
export type StoryGroups = Record<string, FactGroup[]>;

export interface EngineResult {
  findings: Finding[];
  groups: StoryGroups;
}

/**
 * Runs every rule over every story. Takes articles and rules as values and touches no disk, so
 * tests, the CLI and the action share it. Each rule is compiled once; facts are extracted once
 * per article, whatever the number of rules that use them.
 */
export function checkStories(stories: readonly Story[], rules: readonly Rule[], options: { facts?: FactStore; release?: boolean } = {}): EngineResult {
  const compiled = rules.map((rule) => ({ rule, ...compileRule(rule) }));
  const findings: Finding[] = [];
  const groups: StoryGroups = {};
  for (const story of stories) {
    if (story.articles.length < 2) continue;
    // With `release`, each story's facts and normalised copies are dropped once it is checked,
    // so memory holds one story at a time, not the corpus.
    const facts = options.facts ?? new MemoFactStore();
    const storyGroups: FactGroup[] = [];
    for (const { rule, kind, check } of compiled) {
      const output = check(story, facts);
      const offset = storyGroups.length;
      storyGroups.push(...output.groups);
      for (const detection of output.detections) {
        const summary = renderMessage(templateOf(kind, detection.type), detection.vars);
        const vars = { ...detection.vars, [SUMMARY]: summary };
        findings.push({
          ruleId: rule.id,
          kind: rule.kind,
          severity: detection.severity ?? rule.severity,
          message: rule.message === undefined ? summary : renderMessage(rule.message, vars),
          story: story.id,
          location: detection.primary,
          related: detection.related,
          type: detection.type,
          data: detection.data,
          group: offset + detection.group,
        });
      }
    }
    groups[story.id] = storyGroups;
    if (options.release) for (const article of story.articles) article.release();
  }
  return { findings: findings.sort(compareFindings), groups };
}

/** The findings of every rule over every story (see `checkStories`). */
export function runRules(stories: readonly Story[], rules: readonly Rule[], options: { facts?: FactStore; release?: boolean } = {}): Finding[] {
  return checkStories(stories, rules, options).findings;
}

function compileRule(rule: Rule): { kind: Kind; check: Check } {
  const kind = KINDS.get(rule.kind);
  if (!kind) throw new Error(`rule ${rule.id} has kind ${rule.kind}, which no check implements`);
  return { kind, check: kind.create(rule as never) };
}

function templateOf(kind: Kind, type: string): string {
  const template = kind.messages[type];
  // A kind reporting a type it has no message for is a bug in the kind, not in a rule.
  if (template === undefined) throw new Error(`kind ${kind.name} reported a finding of type ${type}, which has no message`);
  return template;
}

/** Fills `{name}` placeholders; the rule loader has already rejected unknown ones. */
export function renderMessage(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export class MemoFactStore implements FactStore {
  private readonly cache = new WeakMap<Article, Map<unknown, unknown>>();

  get<T>(article: Article, extractor: (article: Article, facts: FactStore) => T): T {
    let perArticle = this.cache.get(article);
    if (!perArticle) {
      perArticle = new Map();
      this.cache.set(article, perArticle);
    }
    // The store passes itself on, so an extractor reads the article's analysis from it too.
    if (!perArticle.has(extractor)) perArticle.set(extractor, extractor(article, this));
    return perArticle.get(extractor) as T;
  }
}
