import { describe, expect, it } from 'vitest';
import { describeSpan } from './support/helpers.js';
import { seedsResult } from './support/fixtures.js';

/** The whole pipeline on the seed articles with the bundled rules: exactly these findings. */
describe('seeds', () => {
  const { findings } = seedsResult();
  const summary = findings.map((finding) => ({
    rule: finding.ruleId,
    type: 'type' in finding.data ? finding.data.type : finding.kind,
    at: describeSpan(finding.location),
    related: finding.related.map((span) => `${span.path}:${span.startLine}:${span.startColumn}`),
  }));

  it('reports the quote differences of the answer key and nothing between identical quotes', () => {
    expect(summary.filter((finding) => finding.rule === 'quotes')).toEqual([
      {
        rule: 'quotes',
        type: 'attribution',
        at: 'seeds/002_7f13c214d75062b4.txt:1:18-1:29 The Kremlin',
        related: ['seeds/000_c6436b982e71f45e.txt:37:110', 'seeds/000_c6436b982e71f45e.txt:25:136', 'seeds/002_7f13c214d75062b4.txt:1:148', 'seeds/000_c6436b982e71f45e.txt:37:1'],
      },
      {
        rule: 'quotes',
        type: 'padding',
        at: 'seeds/002_7f13c214d75062b4.txt:3:193-3:218 \u201Cdestructive militarism.\u201D',
        related: ['seeds/000_c6436b982e71f45e.txt:27:63', 'seeds/001_49f1c94f6adf56ce.txt:13:63'],
      },
      {
        rule: 'quotes',
        type: 'wording',
        at: expect.stringMatching(/^seeds\/003_d495e447f9bcaa2a\.txt:32:1-32:207 \u201CAll these units .* and remain valid,\u201D$/),
        related: ['seeds/000_c6436b982e71f45e.txt:37:1', 'seeds/001_49f1c94f6adf56ce.txt:23:1', 'seeds/002_7f13c214d75062b4.txt:7:1'],
      },
      {
        rule: 'quotes',
        type: 'wording',
        at: 'seeds/003_d495e447f9bcaa2a.txt:38:103-38:129 \u201Ca veritable axis of war,\u201D',
        related: ['seeds/000_c6436b982e71f45e.txt:25:1', 'seeds/001_49f1c94f6adf56ce.txt:11:1'],
      },
    ]);
  });

  it('reports the war-length claims that contradict each other and the calendar, and no figure', () => {
    expect(summary.filter((finding) => finding.rule === 'war-length' || finding.rule === 'figures')).toEqual([
      {
        rule: 'war-length',
        type: 'conflict',
        at: 'seeds/002_7f13c214d75062b4.txt:1:286-1:324 approaches its fourth devastating year',
        related: ['seeds/003_d495e447f9bcaa2a.txt:46:63', 'seeds/000_c6436b982e71f45e.txt:13:209', 'seeds/001_49f1c94f6adf56ce.txt:1:234'],
      },
    ]);
  });

  it('reports the spelling and capitalisation items, the undated articles, and no date conflict with 004', () => {
    expect(summary.filter((finding) => finding.rule === 'names' || finding.rule === 'dates').map(({ rule, type, at, related }) => ({ rule, type, at: at.replace(/ .*/, ''), related }))).toEqual([
      { rule: 'names', type: 'capitalisation', at: 'seeds/000_c6436b982e71f45e.txt:25:145-25:161', related: ['seeds/001_49f1c94f6adf56ce.txt:11:145', 'seeds/002_7f13c214d75062b4.txt:3:9'] },
      { rule: 'dates', type: 'undated', at: 'seeds/003_d495e447f9bcaa2a.txt:1:1-1:78', related: [] },
      {
        rule: 'names',
        type: 'capitalisation',
        at: 'seeds/003_d495e447f9bcaa2a.txt:38:39-38:63',
        related: ['seeds/004_17adf9a8853c6819.txt:19:191', 'seeds/000_c6436b982e71f45e.txt:25:51', 'seeds/001_49f1c94f6adf56ce.txt:11:51'],
      },
      {
        rule: 'names',
        type: 'spelling',
        at: 'seeds/003_d495e447f9bcaa2a.txt:50:129-50:139',
        related: ['seeds/000_c6436b982e71f45e.txt:49:164', 'seeds/000_c6436b982e71f45e.txt:53:175', 'seeds/002_7f13c214d75062b4.txt:11:176'],
      },
      { rule: 'dates', type: 'undated', at: 'seeds/004_17adf9a8853c6819.txt:1:1-1:26', related: [] },
    ]);
  });

  it('reports U.S. against US once, with every use', () => {
    const houseStyle = summary.filter((finding) => finding.rule === 'house-style');
    expect(houseStyle).toHaveLength(1);
    expect(houseStyle[0]!.at).toBe('seeds/000_c6436b982e71f45e.txt:15:1-15:3 US');
    expect(houseStyle[0]!.related).toContain('seeds/001_49f1c94f6adf56ce.txt:19:113');
  });
});
