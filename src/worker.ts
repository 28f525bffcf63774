import { parentPort, workerData } from 'node:worker_threads';
import { parseArticle } from './corpus/article.js';
import { checkStories } from './engine.js';
import type { Rule } from './rules/rule.js';

/** A share of the stories, sent to a worker thread: paths and texts, and the rules as plain data. */
export interface WorkerInput {
  stories: Array<{ id: string; articles: Array<{ path: string; text: string }> }>;
  rules: Rule[];
}

// Each worker checks whole stories: stories are independent, so findings are the same as in one thread.
if (parentPort && workerData) {
  const input = workerData as WorkerInput;
  const stories = input.stories.map((story) => ({ id: story.id, articles: story.articles.map((article) => parseArticle(article.path, article.text)) }));
  parentPort.postMessage(checkStories(stories, input.rules, { release: true }));
}
