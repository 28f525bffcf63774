import { z } from 'zod';
import type { Article, Span } from '../corpus/article.js';
import type { Story } from '../corpus/stories.js';
import type { Severity } from '../findings.js';
import { baseRuleShape, type BaseRule } from '../rules/rule.js';

/** What a check reports before the engine adds rule id, severity and the rendered message. */
export interface Detection {
  primary: Span;
  related: Span[];
  /** Values for the message template. */
  vars: Record<string, string | number>;
  /** Structured values compared, passed through to reports. */
  data?: Record<string, unknown>;
  /** A finding type with its own severity (a rule may set one per type). */
  severity?: Severity;
}

/** Facts extracted from one article, memoised so each extractor runs once per article. */
export interface FactStore {
  get<T>(article: Article, extractor: (article: Article) => T): T;
}

export interface Kind<Options extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string;
  /** One paragraph for docs and `explain`. */
  readonly summary: string;
  /** The kind's own options, merged with the base keys into the rule schema. */
  readonly options: Options;
  /** Default message template. */
  readonly message: string;
  /** Placeholders the message template may use. */
  readonly variables: readonly string[];
  check(story: Story, rule: BaseRule & z.infer<z.ZodObject<Options>>, facts: FactStore): Detection[];
}

/** Declares a kind; the generic keeps `check`'s rule typed by the kind's own options. */
export function defineKind<Options extends z.ZodRawShape>(kind: Kind<Options>): Kind<Options> {
  return kind;
}

/** The complete, strict schema of one kind's rules. */
export function ruleSchema(kind: Kind): z.ZodObject {
  return z
    .object({ ...baseRuleShape, kind: z.literal(kind.name).describe('The check this rule runs.'), ...kind.options })
    .strict()
    .describe(kind.summary);
}
