import { parseArticle } from '../corpus/article.js';
import type { Story } from '../corpus/stories.js';
import { runRules } from '../engine.js';
import type { Finding } from '../findings.js';
import type { ExampleArticle } from './rule.js';
import type { Rule } from './rule.js';

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

function run(rule: Rule, articles: Record<string, ExampleArticle>): Finding[] {
  const story: Story = {
    id: `${rule.id} example`,
    articles: Object.entries(articles).map(([path, article]) => parseArticle(path, articleText(article))),
  };
  return runRules([story], [rule]);
}

function articleText(article: ExampleArticle): string {
  if (typeof article === 'string') return article;
  const meta = [article.title !== undefined ? `title: ${JSON.stringify(article.title)}` : '', article.date ? `date: ${article.date}` : ''].filter(Boolean);
  return meta.length ? `---\n${meta.join('\n')}\n---\n${article.text}` : article.text;
}
