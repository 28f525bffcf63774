import { describe, expect, it } from 'vitest';
import { quote } from '../../src/kinds/quote.js';
import { checkKind, type KindOptions } from '../support/kinds.js';

// Built through the schema: minWords, threshold, maxPadding and the finding types take their defaults.
const shared = { id: 'quotes', severity: 'warning', description: 'Quotes agree.' } as const;

function check(files: Record<string, string>, options: KindOptions = {}) {
  return checkKind(quote, files, { ...shared, ...options }).map(({ data: _data, ...finding }) => finding);
}

describe('quote kind', () => {
  it.each([
    ['identical quotes', '"All such units will be considered legitimate targets," she said.', '\u201CAll such units will be considered legitimate targets,\u201D she said.'],
    ['case, punctuation and quote-mark style only', `"all such units -- will be considered 'legitimate' targets!" he said.`, '\u201CAll such units \u2014 will be considered legitimate targets,\u201D he said.'],
    ['a fragment of a longer quote', '"legitimate military targets"', '"All such units and facilities will be considered legitimate military targets for the army."'],
    ['contractions and a censored word', '"It\'s not going to pay for that f***ing wall," he said.', '"It is not gonna pay for that fucking wall," he said.'],
    ['words on one side only at an end, a cut rather than a rewording', '"It is a good year. But it is not enough to win the seat in the end," he said.', '"It is not enough to win the seat in the end," he said.'],
    ['a longer whole quote with more words at its end: the fuller quote, not padding', '"It is highly inappropriate for a judge to speak like that, frankly," she said.', '"It is highly inappropriate for a judge to speak like that." she said.'],
    ['unrelated quotes sharing a phrase', '"There\'s a whole lot of anger," he said.', '"I think there\'s a lot of soul-searching," he said.'],
  ])('no finding: %s', (_name, a, b) => {
    expect(check({ 'a.txt': a, 'b.txt': b })).toEqual([]);
  });

  it('wording: one finding per pair of wordings, anchored on the less used one, with a word diff', () => {
    const majority = '"All such units and facilities will be considered legitimate military targets for the Russian Armed Forces," Zakharova said.';
    const findings = check({
      'a.txt': majority,
      'b.txt': majority,
      'c.txt': '"All these units and facilities will be considered legitimate military targets of the Armed Forces of the Russian Federation. These warnings remain valid," she added.',
    });
    expect(findings).toEqual([
      {
        type: 'wording',
        severity: 'warning',
        message:
          'Quote of Zakharova worded differently in a.txt, b.txt: All [-such-]{+these+} units ... targets [-for-]{+of+} the [-Russian-] Armed Forces {+of the Russian Federation+}',
        spans: [
          'c.txt:1:1-1:156 "All these units and facilities will be considered legitimate military targets of the Armed Forces of the Russian Federation. These warnings remain valid,"',
          'a.txt:1:1-1:109 "All such units and facilities will be considered legitimate military targets for the Russian Armed Forces,"',
          'b.txt:1:1-1:109 "All such units and facilities will be considered legitimate military targets for the Russian Armed Forces,"',
        ],
      },
    ]);
  });

  it('wording: a fragment worded differently from the longer version', () => {
    const findings = check({
      'a.txt': `"The declarations of the so-called coalition together form a genuine 'axis of war'," Maria Zakharova said.`,
      'b.txt': 'She said the statements amounted to \u201Ca veritable axis of war,\u201D according to AP.',
    });
    expect(findings.map((finding) => [finding.type, finding.message])).toEqual([
      ['wording', 'Quote of Maria Zakharova worded differently in b.txt: a [-veritable-]{+genuine+} axis of war'],
    ]);
  });

  it('padding: words inside quote marks that no other version has', () => {
    const findings = check({
      'a.txt': 'She called the plans "dangerous" and "destructive."',
      'b.txt': 'She called the plans "dangerous" and "destructive".',
      'c.txt': 'Zakharova branded the agreements \u201Cdangerous\u201D and \u201Cdestructive militarism.\u201D',
    });
    expect(findings).toEqual([
      {
        type: 'padding',
        severity: 'warning',
        message: '"militarism" is inside the quote marks here, but no other version of the remark has it (a.txt, b.txt: "destructive")',
        spans: ['c.txt:1:50-1:75 \u201Cdestructive militarism.\u201D', 'a.txt:1:38-1:52 "destructive."', 'b.txt:1:38-1:51 "destructive"'],
      },
    ]);
  });

  it('padding: not when the shorter version stops mid-sentence (it may just quote less)', () => {
    expect(check({ 'a.txt': 'He called it "garbage" on Monday.', 'b.txt': '"It is garbage, complete lies," he said.' })).toEqual([]);
  });

  it('attribution: the same words given to different people', () => {
    const words = 'A lengthy investigation failed to produce a shred of evidence of bias';
    const findings = check({
      'a.txt': `"${words}," said Aitan Goelman, a lawyer.`,
      'b.txt': `"${words}," Republican Representative Mark Meadows said.`,
    });
    expect(findings.map((finding) => [finding.type, finding.message, finding.spans.slice(0, 2)])).toEqual([
      ['attribution', 'The same words are attributed to Aitan Goelman here and to Mark Meadows in b.txt', ['a.txt:1:79-1:92 Aitan Goelman', 'b.txt:1:74-1:112 Republican Representative Mark Meadows']],
    ]);
  });

  it('speakerName: one speaker spelled differently; severities and `off` per finding type', () => {
    const words = 'We will restore power to every household within days';
    const files = { 'a.txt': `"${words}," energy minister Olena Kovalenko said.`, 'b.txt': `"${words}," energy minister Olena Kovalenco said.` };
    expect(check(files).map((finding) => [finding.type, finding.severity, finding.message])).toEqual([
      ['speakerName', 'warning', 'The speaker is named "Olena Kovalenko" here and "Olena Kovalenco" in b.txt'],
    ]);
    expect(check(files, { findings: { speakerName: 'notice' } }).map((finding) => finding.severity)).toEqual(['notice']);
    expect(check(files, { findings: { speakerName: 'off' } })).toEqual([]);
    // A middle initial or an accent is how the outlet writes a name, not another name.
    expect(check({ 'a.txt': `"${words}," said House Speaker Paul D. Ryan.`, 'b.txt': `"${words}," said House Speaker Paul Ryan.` })).toEqual([]);
  });

  it('attribution: an organisation named where another article names a person of a different one', () => {
    const person = `"All such units will be legitimate military targets," Russia's Foreign Ministry spokeswoman Maria Zakharova said.\n\n"We warned them," Zakharova said Thursday.`;
    const findings = check({
      'a.txt': person,
      'b.txt': 'The Kremlin delivered an ultimatum Thursday, declaring that all such units will be \u201Clegitimate military targets.\u201D',
    });
    expect(findings.map((finding) => [finding.type, finding.message, finding.spans.slice(0, 2)])).toEqual([
      [
        'attribution',
        "The same words are attributed to the Kremlin here and to Maria Zakharova (Russia's Foreign Ministry spokeswoman) in a.txt",
        ['b.txt:1:1-1:12 The Kremlin', "a.txt:1:55-1:108 Russia's Foreign Ministry spokeswoman Maria Zakharova"],
      ],
    ]);
  });

  it.each([
    ['a place standing for its government', 'Moscow delivered an ultimatum Thursday, declaring that all such units will be \u201Clegitimate military targets.\u201D'],
    ['the organisation the role names', 'The Ministry delivered an ultimatum Thursday, declaring that all such units will be \u201Clegitimate military targets.\u201D'],
  ])('no attribution finding: %s', (_name, text) => {
    const person = `"All such units will be legitimate military targets," Russia's Foreign Ministry spokeswoman Maria Zakharova said.`;
    expect(check({ 'a.txt': person, 'b.txt': text }).filter((finding) => finding.type === 'attribution')).toEqual([]);
  });

  it('attribution is not claimed through a pronoun', () => {
    const words = 'A lengthy investigation failed to produce a shred of evidence of bias';
    expect(check({ 'a.txt': `"${words}," said Aitan Goelman.`, 'b.txt': `Mark Meadows spoke. "${words}," he said.` })).toEqual([]);
  });

  it('singleSource: a notice for a quote no other article has, only when switched on and with 3+ articles', () => {
    const files = {
      'a.txt': '"We have determined which countries are ready," Zelensky said.',
      'b.txt': 'No quotes here.',
      'c.txt': 'None here either.',
    };
    expect(check(files)).toEqual([]);
    expect(check(files, { findings: { singleSource: 'notice' } })).toEqual([
      {
        type: 'singleSource',
        severity: 'notice',
        message: 'This quote of Zelensky appears in no other article of the story',
        spans: ['a.txt:1:1-1:48 "We have determined which countries are ready,"'],
      },
    ]);
  });

  describe('rendering: one remark translated differently', () => {
    const translated = {
      'a.txt': 'Sanae Takaichi won the vote. "Rather than feeling happy, I see a really tough road ahead," Takaichi told reporters.',
      'b.txt': 'Sanae Takaichi won the vote. "I am feeling how tough it is going to be from here on, rather than feeling happy," Takaichi said.',
    };

    it('reports two renderings of one speaker\'s remark that share most content words, as a notice', () => {
      expect(check(translated, { findings: { rendering: 'notice' } })).toEqual([
        {
          type: 'rendering',
          severity: 'notice',
          message: 'Quote of Takaichi rendered differently in b.txt: "Rather than feeling happy I see a really tough road ahead" / "I am feeling how tough it is going to be from here ..."',
          spans: ['a.txt:1:30-1:91 "Rather than feeling happy, I see a really tough road ahead,"', 'b.txt:1:30-1:113 "I am feeling how tough it is going to be from here on, rather than feeling happy,"'],
        },
      ]);
    });

    it.each([
      ['different speakers', { 'b.txt': translated['b.txt'].replaceAll('Takaichi', 'Koizumi') }],
      ['another remark of the speaker on the same topic', { 'b.txt': 'Sanae Takaichi won the vote. "The road to the election was long, and I thank everyone," Takaichi said.' }],
      [
        'articles that quote another remark word for word quote literally',
        {
          'a.txt': `${translated['a.txt']} "We will rebuild the party together," she added.`,
          'b.txt': `${translated['b.txt']} "We will rebuild the party together," she added.`,
        },
      ],
    ])('no rendering: %s', (_name, changes) => {
      expect(check({ ...translated, ...changes }, { findings: { rendering: 'notice' } }).filter((finding) => finding.type === 'rendering')).toEqual([]);
    });
  });

  describe('a long common run inside two longer passages', () => {
    const passages = {
      'a.txt': 'Petr Fiala spoke. "We have taken a number of unpopular but necessary steps. We have fulfilled our main promise and kept the country safe," Fiala said.',
      'b.txt': 'Petr Fiala spoke. "The coalition has borne the burden of every crisis. We took a number of unpopular but necessary steps," Fiala said.',
    };

    it('is one remark, and the sentence around the run is compared', () => {
      expect(check(passages).map((finding) => [finding.type, finding.message])).toEqual([
        ['wording', 'Quote of Fiala worded differently in b.txt: We [-took-]{+have taken+} a ... steps'],
      ]);
    });

    it('is two remarks when two named people say it', () => {
      const named = { 'a.txt': passages['a.txt'].replace('Fiala said', 'said Petr Fiala'), 'b.txt': passages['b.txt'].replaceAll('Petr Fiala', 'Andrej Babis').replace('Fiala said', 'said Andrej Babis') };
      expect(check(named)).toEqual([]);
      // One of them named by surname only may be either person: compared.
      expect(check({ ...named, 'b.txt': passages['b.txt'] }).map((finding) => finding.type)).toEqual(['wording']);
    });
  });

  it('reports a word changed at the edge of the shared words, unlike a cut', () => {
    expect(check({ 'a.txt': '"Senator Reid thinks the mosque should be built someplace else," Manley said.', 'b.txt': '"Sen. Reid thinks the mosque should be built someplace else," Manley said.' }).map((finding) => finding.message)).toEqual([
      'Quote of Manley worded differently in a.txt: [-Senator-]{+Sen.+} Reid ... else',
    ]);
  });
});
