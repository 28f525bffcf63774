import { describe, expect, it } from 'vitest';
import { date } from '../../src/kinds/date.js';
import { checkKind, testKind } from '../support/kinds.js';

const shared = { id: 'dates', severity: 'warning', description: 'Dates agree.' } as const;

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
