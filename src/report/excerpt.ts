import type { Span } from '../corpus/article.js';

/** `path:line:column` of a span's start, as editors and terminals link it. */
export function where(span: Span): string {
  return `${span.path}:${span.startLine}:${span.startColumn}`;
}

/** An excerpt on one line, cut to `limit` characters with an ellipsis. */
export function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
