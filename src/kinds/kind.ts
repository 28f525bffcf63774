import { z } from 'zod';
import type { Article, Span } from '../corpus/article.js';
import type { Story } from '../corpus/stories.js';
import type { FindingData, Severity } from '../findings.js';
import { baseRuleShape, type BaseRule } from '../rules/rule.js';

/** One fact a check compared across a story's articles: every version it aligned, under a label. */
export interface FactGroup {
  /** The kind that compared it (quote, figure, date, name, duration, consistency). */
  readonly kind: string;
  /** What the fact is, for a report's row heading. */
  readonly label: string;
  /** Each version, in any article of the story. */
  readonly spans: readonly Span[];
}

/** What a check reports before the engine adds rule id, severity and the rendered message. */
export interface Detection<Type extends string = string> {
  /** The finding type: picks the message template and the variables filled. */
  type: Type;
  primary: Span;
  related: Span[];
  /** Values for the message template of this finding's type: each variable the kind declares for it. */
  vars: Record<string, string | number>;
  /** The values compared, typed per kind and finding type, passed through to reports. */
  data: FindingData;
  /** A finding type with its own severity (a rule may set one per type). */
  severity?: Severity;
  /** Index, in the check's groups, of the fact this finding is about. */
  group: number;
}

/** What one check of one story gives: its findings, and the facts it compared (with or without a finding). */
export interface CheckOutput<Type extends string = string> {
  detections: Array<Detection<Type>>;
  groups: FactGroup[];
}

/** A compiled rule: runs on one story at a time. */
export type Check<Type extends string = string> = (story: Story, facts: FactStore) => CheckOutput<Type>;

/** Facts extracted from one article, memoised so each extractor runs once per article. */
export interface FactStore {
  get<T>(article: Article, extractor: (article: Article, facts: FactStore) => T): T;
}

export type RuleOf<Options extends z.ZodRawShape> = BaseRule & z.infer<z.ZodObject<Options>>;

export interface Kind<Options extends z.ZodRawShape = z.ZodRawShape, Type extends string = string> {
  readonly name: string;
  /** One paragraph for docs and `explain`. */
  readonly summary: string;
  /** The kind's own options, merged with the base keys into the rule schema. */
  readonly options: Options;
  /**
   * Default message template of each finding type; `{placeholders}` name the variables the kind
   * fills for that type (`variables`), and every type also fills `{summary}`, its default message.
   * A rule's `message` replaces every type's template, so it may name only variables all types fill.
   */
  readonly messages: Readonly<Record<Type, string>>;
  /** Placeholders each finding type fills. */
  readonly variables: Readonly<Record<Type, readonly string[]>>;
  /**
   * Compiles a validated rule once (patterns, word sets, severities per type) and returns its
   * check; nothing is compiled per story or article (Vale's NewX, textlint's create).
   */
  create(rule: RuleOf<Options>): Check<Type>;
}

/** Declares a kind; the generics keep `create`'s rule typed by the kind's options and its findings by their data. */
export function defineKind<Options extends z.ZodRawShape, const Type extends string>(kind: Kind<Options, Type>): Kind<Options, Type> {
  return kind;
}

/** The variable every finding type fills with its default message. */
export const SUMMARY = 'summary';

/** Placeholders a template names that some finding type of the kind does not fill. */
export function unfilledPlaceholders(kind: Kind, template: string): string[] {
  const named = [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
  return [...new Set(named.filter((name) => name !== SUMMARY && Object.values<readonly string[]>(kind.variables).some((filled) => !filled.includes(name))))];
}

/** Connected groups of items under a pairing (union-find), in first-seen order. */
export function cluster<T>(items: readonly T[], pairs: ReadonlyArray<readonly [T, T]>): T[][] {
  const parent = new Map<T, T>(items.map((item) => [item, item]));
  const find = (item: T): T => {
    let root = item;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(item, root);
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a) || !parent.has(b)) continue;
    parent.set(find(a), find(b));
  }
  const groups = new Map<T, T[]>();
  for (const item of items) {
    const root = find(item);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  }
  return [...groups.values()];
}

/** The complete, strict schema of one kind's rules. */
export function ruleSchema(kind: Kind): z.ZodObject {
  return z
    .object({ ...baseRuleShape, kind: z.literal(kind.name).describe('The check this rule runs.'), ...kind.options })
    .strict()
    .describe(kind.summary);
}
