import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine.js';
import type { Rule } from '../../src/rules/load.js';
import { describeSpan, storyOf } from '../support/helpers.js';

const rule: Rule = { id: 'names', kind: 'name', severity: 'warning', description: 'Names agree.', minSimilarity: 0.7, minLength: 5, accept: [], findings: { capitalisation: 'notice' } };

function check(files: Record<string, string>, options: Partial<Rule> = {}) {
  return runRules([storyOf(files)], [{ ...rule, ...options }]).map((finding) => [finding.data.type, finding.severity, finding.message, [finding.location, ...finding.related].map(describeSpan)]);
}

describe('name kind', () => {
  const plant = {
    'a.txt': 'The fate of the Russian-occupied Zaporizhzhia nuclear power plant is unresolved.',
    'b.txt': 'Disputes over the Zaporizhia nuclear power plant persist.',
  };

  it('reports one name spelled two ways, with every use', () => {
    expect(check(plant)).toEqual([
      [
        'spelling',
        'warning',
        '"Zaporizhia" (b.txt) and "Zaporizhzhia" (a.txt) look like one name spelled two ways',
        ['b.txt:1:19-1:29 Zaporizhia', 'a.txt:1:34-1:46 Zaporizhzhia'],
      ],
    ]);
  });

  it('stays silent on accepted variants', () => {
    expect(check(plant, { accept: [['Zaporizhzhia', 'Zaporizhia']] })).toEqual([]);
  });

  it.each([
    ['related words', 'Russia and Ukraine signed.', 'Russian and Ukrainian officials signed.'],
    ['two names one article tells apart', 'Medicare and Medicaid spending rose.', 'Medicare spending rose.'],
    ['different first names', 'Donald Trump spoke.', 'Ronald Reagan spoke.'],
    ['capitals of a headline', 'Russia Slams Plan for Peacekeeping Force\n\nText.', 'Russia slammed the peacekeeping force plan.'],
    ['a title before a name', 'Prime Minister Keir Starmer spoke.', 'The prime minister spoke.'],
    ['a phrase inside a longer name', 'He spoke at Livingston High School.', 'He spoke at the high school.'],
  ])('no finding: %s', (_name, a, b) => {
    expect(check({ 'a.txt': a, 'b.txt': b })).toEqual([]);
  });

  it('reports a multiword name capitalised two ways, as a separate, milder finding', () => {
    expect(
      check({
        'a.txt': "Russia's Foreign Ministry spokeswoman said the so-called Coalition of the Willing erred.",
        'b.txt': "Russia's foreign ministry spokeswoman said the so-called coalition of the willing erred.",
      }),
    ).toEqual([
      ['capitalisation', 'notice', '"foreign ministry" (b.txt) is capitalised differently from "Foreign Ministry" (a.txt)', ['b.txt:1:10-1:26 foreign ministry', 'a.txt:1:10-1:26 Foreign Ministry']],
      ['capitalisation', 'notice', '"coalition of the willing" (b.txt) is capitalised differently from "Coalition of the Willing" (a.txt)', ['b.txt:1:58-1:82 coalition of the willing', 'a.txt:1:58-1:82 Coalition of the Willing']],
    ]);
  });
});
