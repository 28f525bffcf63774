import { LineIndex, normalize, toOriginal, type NormalizedText } from './text.js';
import { maskRanges, readMetadata, type ArticleMetadata } from './metadata.js';

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
  /** Frees the normalised copies once the article's story is checked; they are rebuilt if asked for again. */
  release(): void;
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
  return new TextArticle(path, text);
}

/**
 * The normalised copies and their offset maps take several times the text's memory: a large
 * corpus keeps only the texts, and each story rebuilds its copies while it is checked.
 */
class TextArticle implements Article {
  readonly lines: LineIndex;
  readonly metadata: ArticleMetadata;
  private normalizedCopy: NormalizedText | undefined;
  private bodyCopy: string | undefined;
  /** Metadata ranges, kept so the body is rebuilt without reading the metadata again. */
  private readonly masked: Array<[number, number]>;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.normalizedCopy = normalize(text);
    const { metadata, body, masked } = readMetadata(path, text, this.normalizedCopy, this.lines);
    this.metadata = metadata;
    this.bodyCopy = body;
    this.masked = masked;
  }

  get normalized(): NormalizedText {
    return (this.normalizedCopy ??= normalize(this.text));
  }

  get body(): string {
    return (this.bodyCopy ??= maskRanges(this.normalized.text, this.masked));
  }

  release(): void {
    this.normalizedCopy = undefined;
    this.bodyCopy = undefined;
  }
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
