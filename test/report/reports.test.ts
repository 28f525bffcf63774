import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatSarif } from '../../src/report/sarif.js';
import { terminalSafe } from '../../src/report/terminal-text.js';
import type { CheckResult } from '../../src/result.js';
import { seedsResult } from '../support/fixtures.js';

const result: CheckResult = { ...seedsResult(), skipped: [{ path: 'seeds/blob.txt', reason: 'binary file (contains NUL bytes)' }] };
const houseStyle = result.findings.find((finding) => finding.ruleId === 'house-style')!;

describe('pretty report', () => {
  const text = formatPretty(result, { color: false });

  it('groups by story and shows every side with file:line:col and its excerpt in context', () => {
    expect(text).toContain('seeds (5 articles)\n');
    expect(text).toContain(
      '  notice  house-style  "U.S." (6 in 000_c6436b982e71f45e.txt ×3, 002_7f13c214d75062b4.txt, 004_17adf9a8853c6819.txt ×2) and "US" (5 in 000_c6436b982e71f45e.txt, 001_49f1c94f6adf56ce.txt ×3, 003_d495e447f9bcaa2a.txt) are both used: pick one\n',
    );
    expect(text).toContain('    seeds/000_c6436b982e71f45e.txt:33:115  …Ukraine would include a U.S.-led monitoring mechanis…\n');
    expect(text).toContain('    seeds/001_49f1c94f6adf56ce.txt:19:113  …Ukraine would include a US-led monitoring mechanis…\n');
  });

  it('ends with a summary and the skipped files, and has no colour codes when colour is off', () => {
    expect(text).toMatch(/\n\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ notices?\) in 1 of 1 story; 5 articles read, 1 file skipped\nskipped seeds\/blob.txt: binary file \(contains NUL bytes\)\n$/);
    expect(text).not.toContain('\u001b[');
  });

  it('colours when asked', () => {
    expect(formatPretty(result, { color: true })).toContain('\u001b[');
  });
});

describe('terminalSafe', () => {
  it('neutralises escape sequences, carriage returns and bidi overrides from article text', () => {
    expect(terminalSafe('a\u001b[31mred\rb\u202Ec\nd')).toBe('a\\u001b[31mred\\u000db\\u202ec d');
  });
});

describe('json report', () => {
  const report = JSON.parse(formatJson(result));

  it('has a version, a summary, the files read and skipped, the stories and the findings', () => {
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'crosscheck', version: '0.1.0' });
    expect(report.summary).toMatchObject({ stories: 1, articles: 5, skipped: 1, findings: result.findings.length });
    expect(report.files.read).toEqual([
      'seeds/000_c6436b982e71f45e.txt',
      'seeds/001_49f1c94f6adf56ce.txt',
      'seeds/002_7f13c214d75062b4.txt',
      'seeds/003_d495e447f9bcaa2a.txt',
      'seeds/004_17adf9a8853c6819.txt',
    ]);
    expect(report.files.skipped).toEqual([{ path: 'seeds/blob.txt', reason: 'binary file (contains NUL bytes)' }]);
    expect(report.stories[0].articles[0]).toEqual({
      path: 'seeds/000_c6436b982e71f45e.txt',
      title: 'Russia Slams Ukrainian-European Plan for Peacekeeping Force',
      date: '2026-01-08',
      dateSource: 'dateline',
      source: 'themoscowtimes.com',
      url: 'https://www.themoscowtimes.com/2026/01/08/russia-dubs-ukraine-and-european-backers-axis-of-war-a91629',
    });
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'house-style');
    expect(finding.location).toEqual({
      path: 'seeds/000_c6436b982e71f45e.txt',
      startLine: 15,
      startColumn: 1,
      endLine: 15,
      endColumn: 3,
      excerpt: 'US',
      start: 404,
      end: 406,
    });
    expect(finding.related).toHaveLength(houseStyle.related.length);
  });
});

describe('sarif report', () => {
  const log = JSON.parse(formatSarif(result));

  it('validates against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
    // The SARIF schema is draft-04; ajv-draft-04 is CommonJS and exports its class as `default`.
    const Ajv = (createRequire(import.meta.url)('ajv-draft-04') as typeof import('ajv-draft-04')).default;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // The validator is not vacuous: a wrong level or a 0 column is rejected.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    expect(validate(broken)).toBe(false);
  });

  it('describes the rules and places each result at its spans (1-based, end column exclusive)', () => {
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('crosscheck');
    expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'house-style')).toEqual({
      id: 'house-style',
      shortDescription: { text: 'One story should spell common abbreviations one way across its articles.' },
      defaultConfiguration: { level: 'note' },
      properties: { kind: 'consistency' },
    });
    const sarifResult = run.results.find((r: { ruleId: string }) => r.ruleId === 'house-style');
    expect(sarifResult.level).toBe('note');
    expect(sarifResult.message.text).toBe(houseStyle.message);
    expect(sarifResult.properties.kind).toBe('consistency');
    expect(sarifResult.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'seeds/000_c6436b982e71f45e.txt' },
      region: { startLine: 15, startColumn: 1, endLine: 15, endColumn: 3, snippet: { text: 'US' } },
    });
    expect(sarifResult.relatedLocations[1]).toEqual({
      id: 2,
      physicalLocation: {
        artifactLocation: { uri: 'seeds/000_c6436b982e71f45e.txt' },
        region: { startLine: 33, startColumn: 115, endLine: 33, endColumn: 119, snippet: { text: 'U.S.' } },
      },
    });
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: { text: 'skipped: binary file (contains NUL bytes)' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'seeds/blob.txt' } } }],
      },
    ]);
  });
});
