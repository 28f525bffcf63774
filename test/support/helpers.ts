import { expect } from 'vitest';
import { parseArticle, type Article, type Span } from '../../src/corpus/article.js';
import type { Story } from '../../src/corpus/stories.js';
import { LineIndex } from '../../src/corpus/text.js';

/** A story built from inline texts, keyed by path: no disk involved. */
export function storyOf(files: Record<string, string>, id = 'story'): Story {
  return { id, articles: Object.entries(files).map(([path, text]) => parseArticle(path, text)) };
}

/** `file:line:col excerpt` for compact, exact assertions. */
export function describeSpan(span: Span): string {
  return `${span.path}:${span.startLine}:${span.startColumn}-${span.endLine}:${span.endColumn} ${span.excerpt}`;
}

/**
 * The property every reported location must have: line and column, read against the original
 * text the way an editor or score.py reads them, select exactly the excerpt.
 */
export function expectSpanMatchesText(span: Span, text: string): void {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const start = starts[span.startLine - 1]! + span.startColumn - 1;
  const end = starts[span.endLine - 1]! + span.endColumn - 1;
  expect(text.slice(start, end)).toBe(span.excerpt);
  expect([span.start, span.end]).toEqual([start, end]);
  expect(new LineIndex(text).position(start)).toEqual({ line: span.startLine, column: span.startColumn });
}

export function articleOf(path: string, text: string): Article {
  return parseArticle(path, text);
}
