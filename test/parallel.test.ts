import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/article.js';
import { shareStories, WORKER_STORY_CHARS } from '../src/parallel.js';

function story(id: string, chars: number) {
  return { id, articles: [parseArticle(`${id}/a.txt`, 'x'.repeat(chars))] };
}

describe('shareStories', () => {
  it('starts no more threads than there are stories', () => {
    const shares = shareStories([story('a', 10), story('b', 20)], 1_000_000);
    expect(shares.map((share) => share.map((s) => s.id))).toEqual([['b'], ['a']]);
  });

  it('keeps a story too large for a worker heap on this thread, and balances the rest', () => {
    const shares = shareStories([story('big', WORKER_STORY_CHARS + 1), story('bigger', WORKER_STORY_CHARS + 2), story('small', 10), story('mid', 100)], 3);
    expect(shares.map((share) => share.map((s) => s.id))).toEqual([['bigger', 'big'], ['mid'], ['small']]);
  });
});
