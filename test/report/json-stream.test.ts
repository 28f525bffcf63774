import { describe, expect, it } from 'vitest';
import { parseArticle, spanOfOriginal } from '../../src/corpus/article.js';
import type { Finding } from '../../src/findings.js';
import { jsonChunks } from '../../src/report/json-stream.js';
import { streamJson } from '../../src/report/json.js';
import { streamSarif } from '../../src/report/sarif.js';
import type { CheckResult } from '../../src/result.js';

describe('jsonChunks', () => {
  it.each([
    ['scalars', { a: 1, b: 'x"\u2028\u0000', c: true, d: null, e: 1.5 }],
    ['empty and nested', { list: [], map: {}, deep: [[{ x: [] }], {}] }],
    ['values JSON cannot hold', { gone: undefined, fn: () => 1, list: [undefined, () => 1, 2] }],
    ['toJSON', { when: new Date(Date.UTC(2026, 0, 8)) }],
    ['a top-level list', [1, 'two', { three: 3 }]],
    ['a scalar', 'text'],
  ])('writes what JSON.stringify(value, null, 2) writes: %s', (_name, value) => {
    expect([...jsonChunks(value)].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});

describe('JSON and SARIF reports of many findings', () => {
  const a = parseArticle('s/a.txt', 'The crowd was 120 people.');
  const b = parseArticle('s/b.txt', 'The crowd was 150 people.');
  const finding: Finding = {
    ruleId: 'figures',
    kind: 'figure',
    severity: 'warning',
    message: 'crowd: 120 and 150',
    story: 's',
    location: spanOfOriginal(a, 14, 17),
    related: [spanOfOriginal(b, 14, 17)],
    type: 'conflict',
    data: { type: 'conflict', what: 'crowd', values: [{ file: 'a.txt', text: '120', interval: [120, 120], asOf: null }, { file: 'b.txt', text: '150', interval: [150, 150], asOf: null }] },
    group: 0,
  };
  const result: CheckResult = { stories: [{ id: 's', articles: [a, b] }], rules: [], skipped: [], findings: Array.from({ length: 20_000 }, () => finding), groups: {} };

  it.each([
    ['json', streamJson],
    ['sarif', streamSarif],
  ])('are written in pieces of about 64 KiB, never one string (%s)', (_name, stream) => {
    const pieces = [...stream(result)];
    expect(pieces.length).toBeGreaterThan(100);
    for (const piece of pieces) expect(piece.length).toBeLessThan(64 * 1024 + 1024);
    const parsed = JSON.parse(pieces.join(''));
    const findings = parsed.findings ?? parsed.runs[0].results;
    expect(findings).toHaveLength(20_000);
  });
});
