import { z } from 'zod';
import { KINDS } from '../kinds/index.js';
import { ruleSchema, type Kind } from '../kinds/kind.js';
import type { Rule } from './load.js';

interface OptionDoc {
  name: string;
  type: string;
  default?: unknown;
  description: string;
  required: boolean;
}

/** The options of a kind (base keys included) as its JSON Schema describes them. */
export function optionDocs(kind: Kind): OptionDoc[] {
  const schema = z.toJSONSchema(ruleSchema(kind), { io: 'input' }) as {
    properties: Record<string, { type?: string; default?: unknown; description?: string; enum?: unknown[]; const?: unknown; anyOf?: unknown[] }>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    type: property.enum ? property.enum.join(' | ') : property.const !== undefined ? JSON.stringify(property.const) : (property.type ?? (property.anyOf ? 'one of several forms' : 'value')),
    ...('default' in property ? { default: property.default } : {}),
    description: property.description ?? '',
    required: schema.required?.includes(name) ?? false,
  }));
}

/** `crosscheck explain RULE_ID`: what the rule checks, its options with values and defaults, its examples. */
export function explainRule(rule: Rule): string {
  const kind = KINDS.get(rule.kind)!;
  const lines = [
    `${rule.id} (${rule.kind}, ${rule.severity})`,
    rule.description,
    ...(rule.source ? [`Declared in ${rule.source}.`] : []),
    '',
    `Kind ${kind.name}: ${kind.summary}`,
    '',
    'Options:',
  ];
  const options = optionDocs(kind).filter((option) => !['id', 'kind', 'severity', 'description', 'examples'].includes(option.name));
  const width = Math.max(...options.map((option) => option.name.length));
  for (const option of options) {
    const value = rule[option.name];
    const shown = value !== undefined ? JSON.stringify(value) : option.name === 'message' ? `not set: the kind's message of each finding type (${Object.entries<string>(kind.messages).map(([type, template]) => `${type}: ${JSON.stringify(template)}`).join('; ')})` : 'not set';
    const fallback = 'default' in option ? ` (default ${JSON.stringify(option.default)})` : option.required ? ' (required)' : '';
    lines.push(`  ${option.name.padEnd(width)}  ${shown}${fallback}`, `  ${' '.repeat(width)}  ${option.description}`);
  }
  const examples = rule.examples;
  lines.push('', 'Examples:');
  if (!examples || examples.valid.length + examples.invalid.length === 0) lines.push('  none: add `examples:` with valid and invalid stories');
  examples?.valid.forEach((example, index) => {
    lines.push(`  valid ${index + 1}: no finding in`, ...articleLines(example.articles));
  });
  examples?.invalid.forEach((example, index) => {
    const expectations = [`${example.findings} finding${example.findings === 1 ? '' : 's'}`, example.message ? `message containing "${example.message}"` : '', example.excerpts ? `locating ${example.excerpts.map((e) => `"${e}"`).join(', ')}` : ''].filter(Boolean);
    lines.push(`  invalid ${index + 1}: ${expectations.join(', ')} in`, ...articleLines(example.articles));
  });
  return lines.join('\n') + '\n';
}

function articleLines(articles: Record<string, string | { text: string; date?: string }>): string[] {
  return Object.entries(articles).map(([path, article]) =>
    typeof article === 'string' ? `    ${path}: ${article}` : `    ${path}${article.date ? ` (${article.date})` : ''}: ${article.text}`,
  );
}
