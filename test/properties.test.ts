import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { checkArticleProperty, corpusProperty, ruleProperty } from './support/properties.js';

describe('properties (fast-check; `npm run fuzz` runs them for longer)', () => {
  it('for any article text, extraction never throws and every location is the exact text of the file', () => {
    fc.assert(checkArticleProperty(loadRules('rules')), { numRuns: 150, seed: 20260108 });
  });

  it('for any rule YAML, loading gives a rule or positioned errors', () => {
    fc.assert(ruleProperty, { numRuns: 500, seed: 20260108 });
  });

  it('for any folder of articles, FIFOs and link loops with any names, reading ends and accounts for every entry', () => {
    fc.assert(corpusProperty(loadRules('rules')), { numRuns: 60, seed: 20260108 });
  }, 120_000);
});
