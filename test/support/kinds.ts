import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Kind } from '../../src/kinds/kind.js';
import type { Finding } from '../../src/findings.js';
import { articleText, exampleFindings, ruleOf, type RuleOptions } from '../../src/rules/examples.js';
import type { ExampleArticle } from '../../src/rules/rule.js';
import { describeSpan, expectSpanMatchesText } from './helpers.js';

export type { RuleOptions as KindOptions } from '../../src/rules/examples.js';
type Options = RuleOptions;
type Files = Record<string, ExampleArticle>;

/** A finding as kind tests state it: every field exact; `data` compared when the case gives it. */
export interface FindingSummary {
  type: string;
  severity: string;
  message: string;
  /** `file:line:col-line:col excerpt` of the anchor, then of each related span. */
  spans: string[];
  data?: unknown;
}

export interface KindCases {
  /** Stories the rule must find nothing in: name, files, and options beyond the shared ones. */
  valid?: ReadonlyArray<readonly [name: string, files: Files, options?: Options]>;
  /** Stories with exactly these findings, in the engine's order. */
  invalid?: ReadonlyArray<{ name: string; files: Files; options?: Options; findings: FindingSummary[] }>;
}

/**
 * textlint-tester for crosscheck kinds: builds the rule through the kind's schema (defaults apply
 * as in a YAML rule) and runs it with the examples runner `crosscheck test-rules` uses.
 */
export function testKind<O extends z.ZodRawShape, T extends string>(kind: Kind<O, T>, shared: Options, cases: KindCases): void {
  describe(`${kind.name} (through the schema)`, () => {
    if (cases.valid?.length) {
      it.each(cases.valid.map(([name, files, options]) => [name, files, options] as const))('valid: %s', (_name, files, options) => {
        expect(checkKind(kind, files, { ...shared, ...options })).toEqual([]);
      });
    }
    for (const { name, files, options, findings } of cases.invalid ?? []) {
      it(`invalid: ${name}`, () => {
        const found = checkKind(kind, files, { ...shared, ...options }).map(({ data, ...rest }, index) => (findings[index]?.data !== undefined ? { ...rest, data } : rest));
        expect(found).toEqual(findings);
      });
    }
  });
}

/** The findings of a kind's rule (built through the schema) on one story, summarised; every span checked against its text. */
export function checkKind<O extends z.ZodRawShape, T extends string>(kind: Kind<O, T>, files: Files, options: Options): Array<Required<FindingSummary>> {
  return exampleFindings(ruleOf(kind, options), files).map((finding) => summarise(finding, files));
}

function summarise(finding: Finding, files: Files): Required<FindingSummary> {
  for (const span of [finding.location, ...finding.related]) {
    const file = files[span.path]!;
    expectSpanMatchesText(span, articleText(file));
  }
  return { type: finding.type, severity: finding.severity, message: finding.message, spans: [finding.location, ...finding.related].map(describeSpan), data: finding.data };
}
