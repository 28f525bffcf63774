import { z } from 'zod';
import { SEVERITIES, type Severity } from '../findings.js';

/**
 * What every rule is, whatever its kind: the bottom layer that kinds, the engine, the loader and
 * the examples runner all import. It imports nothing of theirs.
 */

/** An article of an example: its text, or its text with a publication date and title. */
const exampleArticle = z.union([
  z.string(),
  z
    .object({
      text: z.string().describe('The article text.'),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD').optional().describe('Publication date, YYYY-MM-DD.'),
      title: z.string().optional().describe('Title.'),
    })
    .strict(),
]);

const exampleStory = {
  articles: z
    .record(z.string().regex(/\.(txt|md)$/, 'a file name ending .txt or .md'), exampleArticle)
    .refine((articles) => Object.keys(articles).length >= 2, 'at least two articles: crosscheck compares articles')
    .describe('The story: two or more articles by file name, each its text or `{ text, date, title }`.'),
};

export const examplesSchema = z
  .object({
    valid: z.array(z.object(exampleStory).strict()).default([]).describe('Stories the rule must find nothing in.'),
    invalid: z
      .array(
        z
          .object({
            ...exampleStory,
            findings: z.number().int().min(1).default(1).describe('How many findings the rule must report.'),
            message: z.string().optional().describe('Text every finding\'s message must contain.'),
            excerpts: z.array(z.string()).optional().describe('Excerpts the findings must locate, in any order (each at least once).'),
          })
          .strict(),
      )
      .default([])
      .describe('Stories the rule must report, with what it must report.'),
  })
  .strict()
  .describe('Tiny stories proving the rule: `npm test` and `crosscheck test-rules` run them.');

export type RuleExamples = z.infer<typeof examplesSchema>;
export type ExampleArticle = z.infer<typeof exampleArticle>;

/** Keys every rule has, whatever its kind. */
export const baseRuleShape = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter or digit')
    .describe('Unique rule id, shown with every finding (lowercase letters, digits and hyphens).'),
  severity: z.enum(SEVERITIES).describe('How serious a finding of this rule is.'),
  description: z.string().min(1).describe('What the rule checks, in one sentence.'),
  message: z
    .string()
    .min(1)
    .optional()
    .describe('Message template; {placeholders} are filled from the finding. Defaults to the kind\'s message.'),
  examples: examplesSchema.optional(),
};

export interface BaseRule {
  id: string;
  kind: string;
  severity: Severity;
  description: string;
  message?: string;
  examples?: RuleExamples;
  /** Where the rule was declared, for messages about it. */
  source?: string;
}

/** A validated rule, ready for the engine: the base keys and its kind's options. */
export type Rule = BaseRule & Record<string, unknown>;
