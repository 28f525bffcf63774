import { LineIndex, normalize, toOriginal, type NormalizedText } from './text.js';
import { readMetadata, type ArticleMetadata } from './metadata.js';

/** One article: its original text, kept exactly, and a normalised copy for matching. */
export interface Article {
  /** Path as reported: relative to the working directory, with `/` separators. */
  readonly path: string;
  /** The file's text exactly as read (after decoding). */
  readonly text: string;
  readonly normalized: NormalizedText;
  /**
   * The normalised text with metadata (front matter, date line, dateline, `Original url:`)
   * blanked out with spaces, so extractors see only the story; same length as `normalized.text`.
   */
  readonly body: string;
  readonly lines: LineIndex;
  readonly metadata: ArticleMetadata;
}

/** A located piece of an article's original text. Lines and columns are 1-based; end is exclusive. */
export interface Span {
  readonly path: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Offsets in the original text, half-open. */
  readonly start: number;
  readonly end: number;
  /** The original text of the span, exactly. */
  readonly excerpt: string;
}

export function parseArticle(path: string, text: string): Article {
  const normalized = normalize(text);
  const lines = new LineIndex(text);
  const { metadata, body } = readMetadata(path, text, normalized, lines);
  return { path, text, normalized, body, lines, metadata };
}

/** The span of the original text behind a half-open range of the normalised text. */
export function spanOf(article: Article, normStart: number, normEnd: number): Span {
  const [start, end] = toOriginal(article.normalized, normStart, normEnd);
  return spanOfOriginal(article, start, end);
}

export function spanOfOriginal(article: Article, start: number, end: number): Span {
  const from = article.lines.position(start);
  const to = article.lines.position(end);
  return {
    path: article.path,
    startLine: from.line,
    startColumn: from.column,
    endLine: to.line,
    endColumn: to.column,
    start,
    end,
    excerpt: article.text.slice(start, end),
  };
}
