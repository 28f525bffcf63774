import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { duration, elapsed, intervalOf } from '../../src/kinds/duration.js';
import { parseRule, type Rule } from '../../src/rules/load.js';
import { checkKind } from '../support/kinds.js';

// The bundled rule's options, run again through the schema with the examples runner.
const { kind: _kind, source: _source, examples: _examples, ...warLength } = (parseRule('rules/war-length.yaml', readFileSync('rules/war-length.yaml', 'utf8')) as { rule: Rule }).rule;

describe('duration intervals', () => {
  it.each([
    ['almost', 'four', undefined, [3.5, 4]],
    ['nearly', 'three', undefined, [2.5, 3]],
    [undefined, undefined, 'fourth', [3, 4]],
    ['approaches', undefined, 'fourth', [2.5, 3]],
    ['entering', undefined, 'fourth', [3, 3.25]],
    [undefined, 'four', undefined, [3.5, 4.5]],
    ['more than', '3', undefined, [3, Number.POSITIVE_INFINITY]],
    ['up to', 'two', undefined, [0, 2]],
    [undefined, 'several', undefined, undefined],
  ])('%s %s %s', (qualifier, value, ordinal, expected) => {
    expect(intervalOf(qualifier, value, ordinal)).toEqual(expected);
  });

  it('measures elapsed time from `since` to a publication date', () => {
    expect(elapsed('2022-02-24', '2026-01-08', 'year').toFixed(2)).toBe('3.87');
    expect(elapsed('2022-02-24', '2022-03-03', 'week')).toBe(1);
  });
});

describe('duration kind', () => {
  const dated = (date: string, text: string) => `date ${date} Russia's war in Ukraine. ${text}`;

  it('reports claims that cannot both hold, anchored on the one the calendar contradicts', () => {
    const findings = checkKind(
      duration,
      {
        'a.txt': dated('2026-01-08', 'It dashed hopes of ending the almost four-year-war.'),
        'b.txt': dated('2026-01-08', 'A deal nearly three years after Russia\u2019s full-scale invasion of Ukraine.'),
        'c.txt': dated('2026-01-08', 'As the war approaches its fourth devastating year.'),
      },
      warLength,
    );
    expect(findings.map((finding) => [finding.severity, finding.message, finding.spans])).toEqual([
      [
        'error',
        '"nearly three years after Russia\u2019s full-scale invasion", "approaches its fourth devastating year" (b.txt, c.txt: 2.5–3 years) contradicts "almost four-year-war" (a.txt: 3.5–4 years); from 2022-02-24 to 2026-01-08 is 3.9 years',
        [
          'b.txt:1:49-1:102 nearly three years after Russia\u2019s full-scale invasion',
          'c.txt:1:53-1:91 approaches its fourth devastating year',
          'a.txt:1:72-1:92 almost four-year-war',
        ],
      ],
    ]);
  });

  it('reports a lone claim the calendar contradicts', () => {
    const findings = checkKind(duration, { 'a.txt': dated('2026-01-08', 'Nearly three years after the invasion began.'), 'b.txt': dated('2026-01-08', 'No claim.') }, warLength);
    expect(findings.map((finding) => finding.message)).toEqual([
      '"Nearly three years after the invasion" (2.5–3 years) contradicts the calendar: from 2022-02-24 to 2026-01-08 is 3.9 years',
    ]);
  });

  it.each([
    ['agreeing claims', dated('2026-01-08', 'The almost four-year war.'), dated('2026-01-08', 'The war, now in its fourth year.')],
    ['articles outside the scope', '2026-01-08 The almost four-year war in Sudan.', '2026-01-08 Nearly three years after the invasion of Sudan.'],
    ['articles written before `since`', dated('2019-05-01', 'The almost four-year war.'), dated('2019-05-01', 'Nearly three years after the invasion.')],
    ['no publication date: no calendar check', "Russia's war in Ukraine: nearly three years after the invasion.", 'Nothing here.'],
  ])('no finding: %s', (_name, a, b) => {
    expect(checkKind(duration, { 'a.txt': a, 'b.txt': b }, warLength)).toEqual([]);
  });

  it('rejects a pattern without a `value` or `ordinal` group: it could capture no claim', () => {
    const result = parseRule('rules/x.yaml', 'id: x\nkind: duration\nseverity: error\ndescription: d\npatterns:\n  - (\\d+) years\n');
    expect('errors' in result && result.errors.map((error) => error.message)).toEqual([
      'rules/x.yaml:6:5: patterns.0: a pattern needs a named group `value` or `ordinal` (for example `(?P<value>\\w+) years`): without one it captures no claim: see docs/rule.schema.json',
    ]);
  });

  it('rejects a pattern re2js cannot run in linear time, with its position', () => {
    const source = 'id: x\nkind: duration\nseverity: error\ndescription: d\npatterns:\n  - (?<=almost )(?P<value>\\w+) years\n';
    const result = parseRule('rules/x.yaml', source);
    expect('errors' in result && result.errors.map((error) => error.message)).toEqual([
      'rules/x.yaml:6:5: patterns.0: not a supported regular expression (invalid named capture: `(?<=almost )(?P<value>`); patterns run on re2js in linear time, which has no lookbehind, lookahead or backreferences: match the surrounding words instead: see docs/rule.schema.json',
    ]);
  });
});
