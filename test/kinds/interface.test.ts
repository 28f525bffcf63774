import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/article.js';
import { readArticles } from '../../src/corpus/read.js';
import { groupStories } from '../../src/corpus/stories.js';
import { MemoFactStore } from '../../src/engine.js';
import { KINDS } from '../../src/kinds/index.js';
import { unfilledPlaceholders } from '../../src/kinds/kind.js';
import { articleText } from '../../src/rules/examples.js';
import { loadRules } from '../../src/rules/load.js';

const rules = loadRules('rules');
const stories = groupStories(readArticles(['seeds']).articles);

describe('kind interface', () => {
  it.each([...KINDS.values()].map((kind) => [kind.name, kind] as const))('%s: each default message names only what its type fills', (_name, kind) => {
    expect(Object.keys(kind.messages).sort()).toEqual(Object.keys(kind.variables).sort());
    for (const [type, template] of Object.entries<string>(kind.messages)) {
      const named = [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]);
      expect(named.filter((name) => !kind.variables[type]!.includes(name!)), `${kind.name} ${type}`).toEqual([]);
    }
  });

  it('a template naming a variable some finding type leaves unfilled is caught', () => {
    expect(unfilledPlaceholders(KINDS.get('quote')!, '{summary} / {speaker} / {diff} / {nope}')).toEqual(['diff', 'nope']);
    expect(unfilledPlaceholders(KINDS.get('consistency')!, '{first} or {second}: {summary}')).toEqual([]);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s: every detection fills exactly its type\'s variables and belongs to a group holding it', (_id, rule) => {
    const kind = KINDS.get(rule.kind)!;
    const check = kind.create(rule as never);
    const facts = new MemoFactStore();
    // The seeds, and the rule's own invalid examples, so that every bundled rule finds something.
    const examples = (rule.examples?.invalid ?? []).map((example, index) => ({
      id: `example ${index + 1}`,
      articles: Object.entries(example.articles).map(([path, article]) => parseArticle(path, articleText(article))),
    }));
    let detections = 0;
    for (const story of [...stories, ...examples]) {
      const output = check(story, facts);
      for (const detection of output.detections) {
        detections++;
        expect(Object.keys(detection.vars).sort(), `${rule.id} ${detection.type}`).toEqual([...kind.variables[detection.type]!].sort());
        const group = output.groups[detection.group]!;
        expect(group.kind).toBe(rule.kind);
        // A speaker finding is anchored on the speaker's name; its group holds the quote beside it.
        const held = ['attribution', 'speakerName'].includes(detection.type) ? detection.related : [detection.primary];
        expect(held.some((side) => group.spans.some((span) => span.path === side.path && span.start === side.start && span.end === side.end)), `${rule.id} ${detection.type}`).toBe(true);
      }
    }
    expect(detections).toBeGreaterThan(0);
  });
});
