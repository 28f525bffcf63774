import type { Kind } from '../kinds/kind.js';
import { optionDocs } from './explain.js';

/** `crosscheck explain KIND`: what a kind checks and every option a rule of it may set. */
export function explainKind(kind: Kind): string {
  const lines = [`kind ${kind.name}`, kind.summary, '', 'Options (besides id, kind, severity, description, message, examples):'];
  const options = optionDocs(kind).filter((option) => !['id', 'kind', 'severity', 'description', 'message', 'examples'].includes(option.name));
  const width = Math.max(0, ...options.map((option) => option.name.length));
  for (const option of options) {
    const fallback = 'default' in option ? ` (default ${JSON.stringify(option.default)})` : option.required ? ' (required)' : '';
    lines.push(`  ${option.name.padEnd(width)}  ${option.type}${fallback}`, `  ${' '.repeat(width)}  ${option.description}`);
  }
  if (options.length === 0) lines.push('  none');
  lines.push('', 'Finding types, their default messages and placeholders:');
  for (const [type, message] of Object.entries(kind.messages) as Array<[string, string]>) {
    lines.push(`  ${type}: ${message}`, `    placeholders: ${(kind.variables[type as keyof typeof kind.variables] ?? []).map((v: string) => `{${v}}`).join(', ') || 'none'}`);
  }
  lines.push('', 'Full reference: docs/rules.md.');
  return lines.join('\n') + '\n';
}
