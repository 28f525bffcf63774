// `npm run fuzz -- --minutes N`: the property tests of `npm test`, run with fresh seeds for N minutes.
import fc from 'fast-check';
import { loadRules } from '../src/rules/load.js';
import { checkArticleProperty, corpusProperty, ruleProperty } from '../test/support/properties.js';

const at = process.argv.indexOf('--minutes');
const minutes = at >= 0 ? Number(process.argv[at + 1]) : 1;
if (!Number.isFinite(minutes) || minutes <= 0) {
  process.stderr.write('fuzz: --minutes takes a positive number\n');
  process.exit(2);
}
const budget = (minutes * 60_000) / 3;
const rules = loadRules('rules');
// Articles and rules as text; folders of files of every kind (FIFOs, link loops), front matter of every size and names with control characters.
for (const [name, property] of [['articles', checkArticleProperty(rules)], ['rules', ruleProperty], ['corpus', corpusProperty(rules)]] as const) {
  const started = Date.now();
  const result = fc.check(property as fc.IProperty<unknown>, { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budget, markInterruptAsFailure: false });
  if (result.failed) {
    process.stderr.write(`fuzz ${name}: failed after ${result.numRuns} runs (seed ${result.seed}, path ${result.counterexamplePath}):\n${fc.defaultReportMessage(result)}\n`);
    process.exit(1);
  }
  process.stdout.write(`fuzz ${name}: ${result.numRuns} runs in ${((Date.now() - started) / 1000).toFixed(0)} s, no failure\n`);
}
