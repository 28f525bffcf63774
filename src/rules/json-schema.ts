import { z } from 'zod';
import { KINDS } from '../kinds/index.js';
import { ruleSchema } from '../kinds/kind.js';

/** The JSON Schema of a rule file, for editors (`# yaml-language-server: $schema=...`). */
export function ruleJsonSchema(): Record<string, unknown> {
  const kinds = [...KINDS.values()].map(ruleSchema);
  const union = kinds.length === 1 ? kinds[0]! : z.discriminatedUnion('kind', kinds as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]);
  const schema = z.toJSONSchema(union, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, title: 'crosscheck rule', description: 'One crosscheck rule: a check kind and its options.' };
}

export function ruleJsonSchemaText(): string {
  return JSON.stringify(ruleJsonSchema(), null, 2) + '\n';
}
