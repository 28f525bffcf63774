import { posix } from 'node:path';
import type { Article } from './article.js';

/** Articles about one event, compared with each other and with nothing else. */
export interface Story {
  /** The folder the articles sit in, or the `story:` value of their front matter. */
  readonly id: string;
  readonly articles: readonly Article[];
}

/** Each folder that directly holds articles is one story; front matter `story:` overrides it. */
export function groupStories(articles: readonly Article[]): Story[] {
  const byId = new Map<string, Article[]>();
  for (const article of articles) {
    const id = article.metadata.story ?? (posix.dirname(article.path) || '.');
    const group = byId.get(id);
    if (group) group.push(article);
    else byId.set(id, [article]);
  }
  return [...byId].map(([id, members]) => ({ id, articles: members }));
}
