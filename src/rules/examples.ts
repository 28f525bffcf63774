import type { z } from 'zod';
import { parseArticle } from '../corpus/article.js';
import type { Story } from '../corpus/stories.js';
import { runRules } from '../engine.js';
import type { Finding, Severity } from '../findings.js';
import { ruleSchema, type Kind } from '../kinds/kind.js';
import type { ExampleArticle, Rule } from './rule.js';

export interface ExampleOutcome {
  readonly rule: string;
  /** "valid 1", "invalid 2". */
  readonly example: string;
  readonly passed: boolean;
  /** What differed, when it failed. */
  readonly problem?: string;
}

/** Runs a rule's examples through the engine (no disk): valid ones must give nothing, invalid ones what they state. */
export function runExamples(rule: Rule): ExampleOutcome[] {
  const outcomes: ExampleOutcome[] = [];
  const examples = rule.examples ?? { valid: [], invalid: [] };
  examples.valid.forEach((example, index) => {
    const findings = run(rule, example.articles);
    outcomes.push({
      rule: rule.id,
      example: `valid ${index + 1}`,
      passed: findings.length === 0,
      ...(findings.length ? { problem: `expected no finding, got ${findings.length}: ${findings.map((f) => f.message).join(' | ')}` } : {}),
    });
  });
  examples.invalid.forEach((example, index) => {
    const findings = run(rule, example.articles);
    const problems: string[] = [];
    if (findings.length !== example.findings) {
      problems.push(`expected ${example.findings} findings, got ${findings.length}${findings.length ? `: ${findings.map((f) => f.message).join(' | ')}` : ''}`);
    }
    if (example.message !== undefined) {
      const missing = findings.filter((finding) => !finding.message.includes(example.message!));
      if (missing.length) problems.push(`expected messages containing "${example.message}", got "${missing[0]!.message}"`);
    }
    for (const excerpt of example.excerpts ?? []) {
      if (!findings.some((finding) => [finding.location, ...finding.related].some((span) => span.excerpt === excerpt))) {
        problems.push(`expected a finding locating "${excerpt}"`);
      }
    }
    outcomes.push({ rule: rule.id, example: `invalid ${index + 1}`, passed: problems.length === 0, ...(problems.length ? { problem: problems.join('; ') } : {}) });
  });
  return outcomes;
}

/** A rule's keys beside `kind`: id, severity and description (defaults given) and the kind's options. */
export type RuleOptions = Record<string, unknown> & { id?: string; severity?: Severity; description?: string };

/**
 * A rule built from a kind and its options the way a YAML rule is: through the kind's schema, so
 * defaults apply and bad options fail as they would in a rule file. Tests and tools use it.
 */
export function ruleOf<Options extends z.ZodRawShape, Type extends string>(kind: Kind<Options, Type>, options: RuleOptions): Rule {
  const parsed = ruleSchema(kind as unknown as Kind).safeParse({ id: kind.name, severity: 'warning', description: `A ${kind.name} rule.`, ...options, kind: kind.name });
  if (!parsed.success) throw new Error(`invalid ${kind.name} options: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(rule)'}: ${issue.message}`).join('; ')}`);
  return parsed.data as Rule;
}

/** The findings of one rule on one example story (files by name, each its text or `{ text, date, title }`). */
export function exampleFindings(rule: Rule, articles: Record<string, ExampleArticle>): Finding[] {
  return run(rule, articles);
}

function run(rule: Rule, articles: Record<string, ExampleArticle>): Finding[] {
  const story: Story = {
    id: `${rule.id} example`,
    articles: Object.entries(articles).map(([path, article]) => parseArticle(path, articleText(article))),
  };
  return runRules([story], [rule]);
}

/** An example article as the file it stands for: front matter with its date and title, then its text. */
export function articleText(article: ExampleArticle): string {
  if (typeof article === 'string') return article;
  const meta = [article.title !== undefined ? `title: ${JSON.stringify(article.title)}` : '', article.date ? `date: ${article.date}` : ''].filter(Boolean);
  return meta.length ? `---\n${meta.join('\n')}\n---\n${article.text}` : article.text;
}
