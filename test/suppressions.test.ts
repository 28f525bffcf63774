import { describe, expect, it } from 'vitest';
import { runRules } from '../src/engine.js';
import { loadRules } from '../src/rules/load.js';
import { applySuppressions, describeUnused, readSuppressions } from '../src/suppressions.js';
import { storyOf } from './support/helpers.js';

const houseStyle = loadRules('rules').filter((rule) => rule.id === 'house-style');
const ids = { ran: new Set(['house-style']), known: new Set(loadRules('rules').map((rule) => rule.id)) };

function check(files: Record<string, string>) {
  const story = storyOf(files);
  return applySuppressions([story], runRules([story], houseStyle), ids);
}

describe('suppressions in articles', () => {
  it('without any, every finding is kept', () => {
    const outcome = check({ 'a.md': 'The U.S. envoy spoke.\n', 'b.md': 'The US envoy spoke.\n' });
    expect([outcome.kept.length, outcome.suppressed.length, outcome.unused]).toEqual([1, 0, []]);
  });

  it('front matter `disable: [rule]` suppresses a finding with a side in that article, and counts it', () => {
    const outcome = check({ 'a.md': '---\ncrosscheck: { disable: [house-style] }\n---\nThe U.S. envoy spoke.\n', 'b.md': 'The US envoy spoke.\n' });
    expect(outcome.kept).toEqual([]);
    expect(outcome.suppressed.map((finding) => finding.ruleId)).toEqual(['house-style']);
    expect(outcome.unused).toEqual([]);
  });

  it('front matter `disable: all` suppresses every rule', () => {
    const outcome = check({ 'a.md': '---\ncrosscheck:\n  disable: all\n---\nThe U.S. envoy spoke.\n', 'b.md': 'The US envoy spoke.\n' });
    expect([outcome.kept.length, outcome.suppressed.length]).toEqual([0, 1]);
  });

  it('a disable/enable comment pair covers only the text between them', () => {
    const inside = check({ 'a.md': '<!-- crosscheck-disable house-style -->\nThe U.S. envoy spoke.\n<!-- crosscheck-enable -->\n', 'b.md': 'The US envoy spoke.\n' });
    expect([inside.kept.length, inside.suppressed.length, inside.unused.length]).toEqual([0, 1, 0]);
    const before = check({ 'a.md': 'The U.S. envoy spoke.\n<!-- crosscheck-disable house-style -->\nNothing.\n<!-- crosscheck-enable house-style -->\n', 'b.md': 'The US envoy spoke.\n' });
    expect([before.kept.length, before.suppressed.length]).toEqual([1, 0]);
    expect(before.unused.map(describeUnused)).toEqual(['a.md:2:1: suppression of house-style matched no finding: remove it']);
  });

  it('disable-next-line covers the next line only', () => {
    const next = check({ 'a.md': '<!-- crosscheck-disable-next-line house-style -->\nThe U.S. envoy spoke.\n', 'b.md': 'The US envoy spoke.\n' });
    expect([next.kept.length, next.suppressed.length]).toEqual([0, 1]);
    const twoBelow = check({ 'a.md': '<!-- crosscheck-disable-next-line -->\n\nThe U.S. envoy spoke.\n', 'b.md': 'The US envoy spoke.\n' });
    expect([twoBelow.kept.length, twoBelow.suppressed.length]).toEqual([1, 0]);
    expect(twoBelow.unused.map(describeUnused)).toEqual(['a.md:1:1: suppression of all matched no finding: remove it']);
  });

  it('reports a suppression naming no rule; is silent about one for a rule that did not run', () => {
    const outcome = check({ 'a.md': '---\ncrosscheck: { disable: [quotes, nope] }\n---\nThe U.S. envoy spoke.\n', 'b.md': 'The US envoy spoke.\n' });
    expect(outcome.kept.length).toBe(1);
    expect(outcome.unused.map(describeUnused)).toEqual(['a.md:2:33: suppression of nope names no rule: name a rule id or `all`']);
  });

  it('a malformed `crosscheck:` key is an error at its position', () => {
    const story = storyOf({ 'a.md': '---\ntitle: t\ncrosscheck: { enable: [quotes] }\n---\nText.\n' });
    expect(() => readSuppressions(story.articles[0]!)).toThrow(
      'a.md:3:15: crosscheck.enable: unknown key: write `crosscheck: { disable: all }` or `crosscheck: { disable: [rule-id, …] }`',
    );
  });
});
