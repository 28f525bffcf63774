import { describe, expect, it } from 'vitest';
import { date } from '../../src/kinds/date.js';
import { checkKind, testKind } from '../support/kinds.js';

const shared = { id: 'dates', severity: 'warning', description: 'Dates agree.' } as const;

/** `[type, message, spans]` of each finding, built through the rule schema as in use. */
function check(files: Record<string, string>): Array<[string, string, string[]]> {
  return checkKind(date, files, shared).map((finding) => [finding.type, finding.message, finding.spans]);
}

testKind(date, shared, {
  valid: [
    [
      'statements on different days are not one event',
      {
        'a.txt': 'date 2010-12-13 Steele told committee members of his intentions on Monday evening.',
        'b.txt': 'date 2010-12-13 Steele sent an e-mail to committee members Saturday night.',
      },
    ],
  ],
  invalid: [
    {
      name: 'one event dated differently by two articles',
      files: {
        'a.txt': 'date 2016-07-10 Pelosi has led House Democrats since 2003, and Ryan disagreed.',
        'b.txt': 'date 2016-07-10 Pelosi has led House Democrats since 2002, and Ryan disagreed.',
      },
      findings: [
        {
          type: 'conflict',
          severity: 'warning',
          message: '"2002" dates this to 2002-01-01 to 2002-12-31, but a.txt dates it to 2003-01-01 to 2003-12-31 ("2003")',
          spans: ['b.txt:1:54-1:58 2002', 'a.txt:1:54-1:58 2003'],
        },
      ],
    },
    {
      name: 'a weekday that contradicts its date, an event after publication, and an undated article',
      files: {
        'a.txt': 'date 2026-01-08 The talks ended on Tuesday, January 7, 2026, in Paris.',
        'b.txt': 'date 2026-01-08 The deal was signed on March 3, 2026, officials said.',
        'c.txt': 'Undated wire copy.\n\nThe talks ended.',
      },
      findings: [
        { type: 'weekday', severity: 'warning', message: 'Tuesday does not match 2026-01-07, a Wednesday', spans: ['a.txt:1:33-1:60 on Tuesday, January 7, 2026'] },
        {
          type: 'future',
          severity: 'warning',
          message: "An event told in the past tense is dated 2026-03-03, after the article's publication on 2026-01-08",
          spans: ['b.txt:1:40-1:53 March 3, 2026'],
        },
        {
          type: 'undated',
          severity: 'warning',
          message: 'No publication date found (front matter `date:`, a `date YYYY-MM-DD` line or a dateline): its relative dates ("on Tuesday", "this week") are not checked',
          spans: ['c.txt:1:1-1:19 Undated wire copy.'],
        },
      ],
    },
  ],
});

describe('date kind', () => {
  it('does not report a different, undated event (the seeds\' 004) nor a date a range contains', () => {
    const files = {
      'a.txt': 'date 2026-01-08 Allies agreed guarantees at a summit in Paris earlier this week, including a peacekeeping force.',
      'b.txt': 'date 2026-01-08 Allies agreed guarantees at a summit in Paris on January 6, including a peacekeeping force.',
      'c.txt': 'The Kremlin on Wednesday reiterated its opposition to a peacekeeping force.',
    };
    expect(checkKind(date, files, shared).map((finding) => [finding.type, finding.spans])).toEqual([['undated', ['c.txt:1:1-1:76 The Kremlin on Wednesday reiterated its opposition to a peacekeeping force.']]]);
  });
});

describe('date kind: events by vocabulary and clock times', () => {
  it('aligns a launch told by two verbs and gives an undated article the story\'s year', () => {
    expect(
      check({
        'a.txt': 'date 2025-06-26 The crew lifted off from Florida on Wednesday.',
        'b.txt': 'The rocket took off on June 24 after a long wait.',
      }).filter(([type]) => type !== 'undated'),
    ).toEqual([
      [
        'conflict',
        '"June 24" dates this to 2025-06-24, but a.txt dates it to 2025-06-25 ("on Wednesday")',
        ['b.txt:1:24-1:31 June 24', 'a.txt:1:50-1:62 on Wednesday'],
      ],
    ]);
  });

  it('resolves a weekday against its publication date and aligns arrival with docking', () => {
    expect(
      check({
        'a.txt': 'date 2025-06-26 The capsule docked with the station on Thursday.',
        'b.txt': 'date 2025-06-24 Arrival at the station: expected on June 25.',
      }),
    ).toEqual([]);
    expect(
      check({
        'a.txt': 'date 2025-06-26 The capsule docked with the station on Thursday.',
        'b.txt': 'date 2025-06-26 Arrival at the station came on June 25.',
      }),
    ).toEqual([
      [
        'conflict',
        '"June 25" dates this to 2025-06-25, but a.txt dates it to 2025-06-26 ("on Thursday")',
        ['b.txt:1:48-1:55 June 25', 'a.txt:1:53-1:64 on Thursday'],
      ],
    ]);
  });

  it('dates a storm by the noun next to the date only', () => {
    expect(
      check({
        'a.txt': 'date 2025-12-01 It struck the south of the island on November 28.',
        'b.txt': 'date 2025-12-01 Villages hit by the October 28 hurricane buried their dead. The hurricane season ends on November 30.',
      }),
    ).toEqual([
      [
        'conflict',
        '"October 28" dates this to 2025-10-28, but a.txt dates it to 2025-11-28 ("November 28")',
        ['b.txt:1:37-1:47 October 28', 'a.txt:1:54-1:65 November 28'],
      ],
    ]);
  });

  it('keeps quiet on plans that changed, articles written before the event, datelines, other people and whole years', () => {
    expect(
      check({
        'a.txt': 'date 2025-06-26 The crew lifted off on June 25. Kingston, Oct 30 (UNI) Four people died in the storm.',
        'b.txt': 'date 2025-06-11 The launch slated for June 11 was postponed; the launch of the crew will come on June 12.',
        'c.txt': 'date 2025-06-26 The launch, originally set for May 29, was pushed back. Jane Roe died in 2011.',
        'd.txt': 'date 2025-10-31 People died on October 29, when John Doe passed away on October 28 after the flood.',
      }),
    ).toEqual([]);
  });

  it('reports two clock times of one death, and not a time of another moment', () => {
    expect(
      check({
        'a.txt': 'date 2025-11-27 He was pronounced dead at 4:45 PM.',
        'b.txt': 'date 2025-11-28 He was rushed to hospital, where he passed away at 4:41 p.m. The search was completed at 4:15 p.m.',
      }),
    ).toEqual([
      ['time', '"4:41 p.m." times the death at 16:41, but a.txt at 16:45 ("4:45 PM")', ['b.txt:1:68-1:77 4:41 p.m.', 'a.txt:1:43-1:50 4:45 PM']],
    ]);
    expect(
      check({
        'a.txt': 'date 2025-06-26 The capsule docked at 4.30 pm IST, as planned.',
        'b.txt': 'date 2025-06-26 The capsule docked ahead of schedule at 4:01 PM IST. The docking sequence was completed at 4:15 pm IST; it docked at about 4:20 pm.',
      }),
    ).toEqual([
      ['time', '"4:01 PM IST" times the arrival at 16:01 IST, but a.txt at 16:30 IST ("4.30 pm IST")', ['b.txt:1:57-1:68 4:01 PM IST', 'a.txt:1:39-1:50 4.30 pm IST']],
    ]);
  });
});

describe('date kind: ages', () => {
  it('reports one person given two ages, and allows a birthday between two publication dates', () => {
    expect(
      check({
        'a.txt': 'date 2025-09-01 The striker Alexander Isak, aged 29, signed.',
        'b.txt': 'date 2025-09-01 The 28-year-old Alexander Isak signed.',
      }),
    ).toEqual([['age', '"28-year-old" makes Alexander Isak 28, but a.txt makes Alexander Isak 29 ("29")', ['b.txt:1:21-1:32 28-year-old', 'a.txt:1:50-1:52 29']]]);
    expect(
      check({
        'a.txt': 'date 2025-09-01 The striker Alexander Isak, aged 29, signed.',
        'b.txt': 'date 2024-09-01 The 28-year-old Alexander Isak scored. Jane Isaac, 41, watched.',
      }),
    ).toEqual([]);
  });
});
