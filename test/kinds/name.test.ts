import { describe, expect, it } from 'vitest';
import { name } from '../../src/kinds/name.js';
import { checkKind, type KindOptions } from '../support/kinds.js';

// Built through the schema: minSimilarity, minLength and accept take their defaults.
const shared = { id: 'names', severity: 'warning', description: 'Names agree.', findings: { capitalisation: 'notice', form: 'notice' } } as const;

function check(files: Record<string, string>, options: KindOptions = {}) {
  return checkKind(name, files, { ...shared, ...options }).map((finding) => [finding.type, finding.severity, finding.message, finding.spans]);
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

  it.each([
    ['a dropped letter beside a shared given name', 'South African bowler Ayabonga Khaka took two wickets.', 'She then ran out Ayabonga Kaka in the final.', 'b.txt:1:18-1:31 Ayabonga Kaka', 'a.txt:1:22-1:36 Ayabonga Khaka'],
    ['one letter of a short word inside a longer name', 'The fire broke out at the towers of Wang Fuk Court in the north.', 'Residents of Wang Fu Court fled the blaze.', 'b.txt:1:14-1:27 Wang Fu Court', 'a.txt:1:37-1:51 Wang Fuk Court'],
    ['a transliterated given name, the surname shared', 'Prime Minister Petr Fiala conceded defeat.', 'Outgoing premier Piotr Fiala conceded.', 'b.txt:1:18-1:29 Piotr Fiala', 'a.txt:1:16-1:26 Petr Fiala'],
  ])('reports a misspelling: %s', (_name, a, b, primary, other) => {
    const [finding] = check({ 'a.txt': a, 'b.txt': b });
    expect(finding![0]).toBe('spelling');
    expect(finding![3]).toEqual([primary, other]);
  });

  it('reports a name written with and without its accents, or pointed differently, as a notice', () => {
    expect(check({ 'a.txt': 'Andrej Babiš won the vote.', 'b.txt': 'Andrej Babis won the vote.' })).toEqual([
      ['form', 'notice', '"Andrej Babis" (b.txt) and "Andrej Babiš" (a.txt) are one name, written with and without its accents', ['b.txt:1:1-1:13 Andrej Babis', 'a.txt:1:1-1:13 Andrej Babiš']],
    ]);
    expect(check({ 'a.txt': 'Four people died in the parish of St Elizabeth, the police said.', 'b.txt': 'Four people died in St. Elizabeth Parish, the police said.' })).toEqual([
      ['form', 'notice', '"St. Elizabeth" (b.txt) and "St Elizabeth" (a.txt) are one name, hyphenated, spaced or pointed differently', ['b.txt:1:21-1:34 St. Elizabeth', 'a.txt:1:35-1:47 St Elizabeth']],
    ]);
  });

  it('reports one surname given two first names by articles that give it one role', () => {
    expect(check({ 'a.txt': 'Polish astronaut Slawosz Uznanski flew.', 'b.txt': 'The crew included astronaut Slavoj Uznanski of Poland.' })).toEqual([
      [
        'givenName',
        'warning',
        '"Slavoj Uznanski" (b.txt) and "Slawosz Uznanski" (a.txt) share a surname and a role but not a given name: one person named two ways, or two people',
        ['b.txt:1:29-1:44 Slavoj Uznanski', 'a.txt:1:18-1:34 Slawosz Uznanski'],
      ],
    ]);
  });

  it.each([
    ['two people of one family in other roles', 'President Donald Trump spoke.', 'First lady Melania Trump spoke.'],
    ['acronyms one letter apart', 'He told ABC News on Sunday.', 'He told NBC News on Sunday.'],
    ['a title with or without its point', 'Dr. Dayton Campbell spoke.', 'Dr Dayton Campbell spoke.'],
    ['a possessive or a closing point', "Fiala's party lost. It was Gaza.", 'Fiala conceded. He was in Gaza on Sunday.'],
    ['capitalised words joined or split', 'Sheldon Whitehouse spoke.', 'The White House spoke.'],
    ['a name quoted from a post keeps its writer\'s spelling', 'He wrote: "Zaporizhia is ours."', 'The Zaporizhzhia plant is shut.'],
    ['a derivation with a shared word', 'The America First policy.', 'Americans First, he said.'],
    ['capitals inside quote marks on one side only', 'He called the inquiry a "Total Witch Hunt" on Sunday.', 'He called the inquiry a witch hunt on Sunday.'],
  ])('no finding: %s', (_name, a, b) => {
    expect(check({ 'a.txt': a, 'b.txt': b })).toEqual([]);
  });
});
