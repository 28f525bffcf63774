import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine.js';
import type { Rule } from '../../src/rules/load.js';
import { describeSpan, storyOf } from '../support/helpers.js';

const rule: Rule = { id: 'dates', kind: 'date', severity: 'warning', description: 'Dates agree.', minSimilarity: 0.35, reportingSimilarity: 0.6, minShared: 2, findings: {} };

function check(files: Record<string, string>) {
  return runRules([storyOf(files)], [rule]).map((finding) => [finding.type, finding.message, [finding.location, ...finding.related].map(describeSpan)]);
}

describe('date kind', () => {
  it('reports one event dated differently by two articles', () => {
    expect(
      check({
        'a.txt': 'date 2016-07-10 Pelosi has led House Democrats since 2003, and Ryan disagreed.',
        'b.txt': 'date 2016-07-10 Pelosi has led House Democrats since 2002, and Ryan disagreed.',
      }),
    ).toEqual([
      [
        'conflict',
        '"2002" dates this to 2002-01-01 to 2002-12-31, but a.txt dates it to 2003-01-01 to 2003-12-31 ("2003")',
        ['b.txt:1:54-1:58 2002', 'a.txt:1:54-1:58 2003'],
      ],
    ]);
  });

  it('does not report a different, undated event (the seeds\' 004) nor a date a range contains', () => {
    expect(
      check({
        'a.txt': 'date 2026-01-08 Allies agreed guarantees at a summit in Paris earlier this week, including a peacekeeping force.',
        'b.txt': 'date 2026-01-08 Allies agreed guarantees at a summit in Paris on January 6, including a peacekeeping force.',
        'c.txt': 'The Kremlin on Wednesday reiterated its opposition to a peacekeeping force.',
      }).filter(([type]) => type !== 'undated'),
    ).toEqual([]);
  });

  it('reports a weekday that contradicts its date, an event after publication, and an undated article', () => {
    expect(
      check({
        'a.txt': 'date 2026-01-08 The talks ended on Tuesday, January 7, 2026, in Paris.',
        'b.txt': 'date 2026-01-08 The deal was signed on March 3, 2026, officials said.',
        'c.txt': 'Undated wire copy.\n\nThe talks ended.',
      }),
    ).toEqual([
      ['weekday', 'Tuesday does not match 2026-01-07, a Wednesday', ['a.txt:1:33-1:60 on Tuesday, January 7, 2026']],
      ['future', "An event told in the past tense is dated 2026-03-03, after the article's publication on 2026-01-08", ['b.txt:1:40-1:53 March 3, 2026']],
      ['undated', expect.stringMatching(/^No publication date found/), ['c.txt:1:1-1:19 Undated wire copy.']],
    ]);
  });

  it('does not take statements on different days for one event', () => {
    expect(
      check({
        'a.txt': 'date 2010-12-13 Steele told committee members of his intentions on Monday evening.',
        'b.txt': 'date 2010-12-13 Steele sent an e-mail to committee members Saturday night.',
      }),
    ).toEqual([]);
  });
});
