import { z } from 'zod';
import { SEVERITIES, type Severity } from '../findings.js';

/**
 * A kind with several finding types lets a rule set each one's severity or switch it `off`
 * (`findings: { padding: notice, singleSource: off }`); a type left out takes the rule's severity
 * unless the kind makes it off by default.
 */
export function findingTypesOption<const Types extends readonly string[]>(types: Types, offByDefault: readonly Types[number][] = []) {
  const choice = z.enum([...SEVERITIES, 'off']);
  return z
    .object(Object.fromEntries(types.map((type) => [type, choice.optional()])) as Record<Types[number], z.ZodOptional<typeof choice>>)
    .strict()
    .default({} as never)
    .describe(
      `Severity of each finding type (${types.join(', ')}), or \`off\`; a type left out takes the rule's severity${offByDefault.length ? ` (${offByDefault.join(', ')}: off unless set)` : ''}.`,
    );
}

export function severityFor<Type extends string>(
  rule: { severity: Severity; findings: Partial<Record<Type, Severity | 'off' | undefined>> },
  type: Type,
  offByDefault: readonly Type[] = [],
): Severity | undefined {
  const chosen = rule.findings[type] ?? (offByDefault.includes(type) ? 'off' : rule.severity);
  return chosen === 'off' ? undefined : chosen;
}
