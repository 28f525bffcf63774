import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { answerKeySchema } from '../../src/eval/answer-key.js';
import { scoreSarif } from '../../src/eval/score.js';

function storyDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-score-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

type Region = [file: string, line: number, startColumn: number, endColumn: number];

function result(ruleId: string, kind: string, ...regions: Region[]): Sarif.Result {
  const location = ([file, line, startColumn, endColumn]: Region): Sarif.Location => ({
    physicalLocation: { artifactLocation: { uri: `story/${file}` }, region: { startLine: line, startColumn, endLine: line, endColumn } },
  });
  return {
    ruleId,
    message: { text: `${ruleId} message` },
    locations: [location(regions[0]!)],
    relatedLocations: regions.slice(1).map(location),
    properties: { kind },
  };
}

const log = (...results: Sarif.Result[]): Sarif.Log => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'test' } }, results }] });

const FILES = {
  'a.txt': 'The U.S. envoy met the mayor.\nThe town counted 31 dead on Monday.\n',
  'b.txt': 'The US envoy met the mayor.\r\nThe town counted 16 dead on Monday.\r\n',
  'c.txt': '🙂 The town counted 31 dead, the mayor said.\n',
  'd.txt': 'From the mayor.\rThe town counted 16 dead.\r',
};

const KEY = answerKeySchema.parse({
  inconsistencies: [
    { kind: 'figure', what: 'Toll: 31 vs 16', a: { file: 'a.txt', text: 'counted 31 dead' }, b: { file: 'b.txt', text: 'counted 16 dead' }, also: [{ file: 'c.txt', text: 'counted 31 dead' }] },
    { kind: 'spelling', what: 'U.S. vs US', a: { file: 'a.txt', text: 'U.S. envoy' }, b: { file: 'b.txt', text: 'US envoy' } },
  ],
  consistent: [{ what: 'the mayor', occurrences: [{ file: 'a.txt', text: 'met the mayor' }, { file: 'b.txt', text: 'met the mayor' }] }],
});

const KEY_WITH_D = answerKeySchema.parse({
  inconsistencies: [{ kind: 'figure', what: 'Toll: 31 vs 16', a: { file: 'a.txt', text: 'counted 31 dead' }, b: { file: 'd.txt', text: 'counted 16 dead' } }],
});

describe('scoreSarif, as ../shared/tools/score.py scores', () => {
  const dir = storyDir(FILES);

  it('finds an item when one result covers a span of each side, an `also` span joining the closer side', () => {
    // c.txt line 1: the emoji is one code point, so "counted" starts at column 14 as score.py reads it.
    const score = scoreSarif(log(result('toll', 'figure', ['c.txt', 1, 14, 29], ['b.txt', 2, 10, 25])), KEY, dir, 'answers.yaml');
    expect(score.items.map((item) => [item.what, item.found, item.a, item.b])).toEqual([
      ['Toll: 31 vs 16', true, 'a.txt:2', 'b.txt:2'],
      ['U.S. vs US', false, 'a.txt:1', 'b.txt:1'],
    ]);
    expect(score.byKind).toEqual({ figure: { found: 1, total: 1 }, spelling: { found: 0, total: 1 } });
    expect([score.found, score.total, score.recall, score.precision, score.truePositives, score.falsePositives]).toEqual([1, 2, 0.5, 1, 1, 0]);
    expect(score.findings).toEqual([{ ruleId: 'toll', ruleKind: 'figure', message: 'toll message', location: 'story/c.txt:1:14', verdict: 'true' }]);
  });

  it('reads line endings as Python does: a lone CR ends a line, so line 2 of d.txt starts after it', () => {
    const score = scoreSarif(log(result('toll', 'figure', ['a.txt', 2, 10, 25], ['d.txt', 2, 10, 25])), KEY_WITH_D, dir, 'answers.yaml');
    expect(score.items.map((item) => item.found)).toEqual([true]);
    const lineOne = scoreSarif(log(result('toll', 'figure', ['a.txt', 2, 10, 25], ['d.txt', 1, 10, 25])), KEY_WITH_D, dir, 'answers.yaml');
    expect(lineOne.items.map((item) => item.found)).toEqual([false]);
  });

  it('judges a result false when it covers one consistent fact in two files, and says which', () => {
    const score = scoreSarif(log(result('names', 'name', ['a.txt', 1, 16, 29], ['b.txt', 1, 14, 27])), KEY, dir, 'answers.yaml');
    expect(score.findings).toEqual([
      { ruleId: 'names', ruleKind: 'name', message: 'names message', location: 'story/a.txt:1:16', verdict: 'false', decoy: 'consistent: the mayor' },
    ]);
    expect([score.truePositives, score.falsePositives, score.precision]).toEqual([0, 1, 0]);
  });

  it('leaves a two-file result that matches no key entry unjudged, and counts one-file results apart', () => {
    const score = scoreSarif(
      log(result('dates', 'date', ['a.txt', 2, 29, 35], ['b.txt', 2, 29, 35]), result('dates', 'date', ['a.txt', 2, 29, 35], ['a.txt', 1, 1, 4])),
      KEY,
      dir,
      'answers.yaml',
    );
    expect(score.findings.map((finding) => finding.verdict)).toEqual(['unjudged', 'single-location']);
    expect([score.unjudged, score.singleLocation, score.precision]).toEqual([1, 1, 0]);
  });

  it('names the key and the file when an excerpt is not in it', () => {
    const bad = answerKeySchema.parse({ inconsistencies: [{ kind: 'quote', what: 'x', a: { file: 'a.txt', text: 'not there' }, b: { file: 'b.txt', text: 'US' } }] });
    expect(() => scoreSarif(log(), bad, dir, 'story/answers.yaml')).toThrow('story/answers.yaml: answer key excerpt not found in a.txt: "not there": copy the excerpt exactly from the article');
  });
});
