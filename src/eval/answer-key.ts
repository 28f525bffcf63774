import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError, UserErrors } from '../errors.js';
import { parseYamlSource } from '../yaml-source.js';

/** What a copy editor keys; the kinds of ../shared/corpora/keyed/README.md. */
export const KEYED_KINDS = ['quote', 'figure', 'date', 'duration', 'spelling', 'attribution', 'other'] as const;
export type KeyedKind = (typeof KEYED_KINDS)[number];

const keyedSpan = z
  .object({
    file: z.string().min(1).describe('The article, by base name inside the story folder.'),
    text: z.string().min(1).describe('An exact excerpt of that file.'),
  })
  .strict();

const inconsistency = z
  .object({
    kind: z.enum(KEYED_KINDS),
    what: z.string().min(1),
    a: keyedSpan,
    b: keyedSpan,
    severity: z.enum(['error', 'warning', 'info']).optional(),
    also: z.array(keyedSpan).optional().describe('More spans of either side; each joins the side whose text it is closer to.'),
    note: z.string().optional(),
  })
  .strict();

const keyedFact = z
  .object({
    what: z.string().min(1),
    occurrences: z.array(keyedSpan),
    note: z.string().optional(),
  })
  .strict();

export const answerKeySchema = z
  .object({
    story: z.string().optional(),
    files: z.array(z.string().min(1)).optional().describe('The story\'s articles; default: every article in the folder.'),
    inconsistencies: z.array(inconsistency).default([]),
    consistent: z.array(keyedFact).nullish().transform((facts) => facts ?? []),
    non_issues: z.array(keyedFact).nullish().transform((facts) => facts ?? []),
  })
  .strict();

export type AnswerKey = z.infer<typeof answerKeySchema>;
export type KeyedSpan = z.infer<typeof keyedSpan>;
export type KeyedInconsistency = z.infer<typeof inconsistency>;

/** Reads and validates an answer key; problems name `file:line:col` like rule errors do. */
export function loadAnswerKey(path: string): AnswerKey {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(path, `cannot read the answer key (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'give a readable answers.yaml');
  }
  const parsed = parseYamlSource(source);
  const at = (offset: number): string => {
    const { line, col } = parsed.lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  if ('problems' in parsed) {
    throw new UserErrors(parsed.problems.map((problem) => new UserError(at(problem.offset), `invalid YAML: ${problem.message}`, 'fix the YAML syntax')));
  }
  const result = answerKeySchema.safeParse(parsed.value ?? {});
  if (result.success) return result.data;
  throw new UserErrors(
    result.error.issues.slice(0, 5).map((issue) => {
      const node = parsed.doc.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
      const keyPath = issue.path.map(String).join('.') || '(top level)';
      return new UserError(at(node?.range?.[0] ?? 0), `${keyPath}: ${issue.message}`, 'see the answer key format in README.md, "Measuring quality"');
    }),
  );
}
