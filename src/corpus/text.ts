/**
 * Matching runs on a normalised copy of each article; findings must still point at the original
 * bytes. `NormalizedText` keeps, for every normalised UTF-16 unit, the original range it came from.
 */

/** Characters folded to one ASCII form so that house styles of punctuation compare equal. */
const FOLD: Record<string, string> = {
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2033': '"', '\uFF02': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2039': "'", '\u203A': "'",
  '\u2032': "'", '\u02BC': "'", '\uFF07': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-', '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ', '\u2002': ' ',
  '\u2003': ' ', '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2008': ' ', '\u3000': ' ',
  '\u2026': '...',
};
/** Invisible characters dropped from the normalised text. */
const DROP = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']);

export interface NormalizedText {
  /** The normalised text: straight quotes, ASCII hyphens for dashes, plain spaces, LF line ends. */
  readonly text: string;
  /** For each normalised unit, the start offset of the original text it came from. */
  readonly originStart: Uint32Array;
  /** For each normalised unit, the end offset (exclusive) of the original text it came from. */
  readonly originEnd: Uint32Array;
}

export function normalize(original: string): NormalizedText {
  const out: string[] = [];
  // Each unit expands to at most 3 ("…" → "..."): size the maps once, trim at the end.
  const starts = new Uint32Array(original.length * 3);
  const ends = new Uint32Array(original.length * 3);
  let n = 0;
  let runStart = 0;
  // Copy unchanged stretches whole: most of a text needs no folding.
  const flush = (upTo: number) => {
    if (upTo > runStart) {
      out.push(original.slice(runStart, upTo));
      for (let k = runStart; k < upTo; k++) {
        starts[n] = k;
        ends[n++] = k + 1;
      }
    }
  };
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    const code = ch.charCodeAt(0);
    if (code !== 13 && code < 0x80) continue;
    if (code === 13) {
      flush(i);
      // CRLF and lone CR both become one LF that maps to the whole line break.
      const end = original[i + 1] === '\n' ? i + 2 : i + 1;
      out.push('\n');
      starts[n] = i;
      ends[n++] = end;
      i = end - 1;
      runStart = end;
      continue;
    }
    const dropped = DROP.has(ch);
    const folded = FOLD[ch];
    if (!dropped && folded === undefined) continue;
    flush(i);
    runStart = i + 1;
    if (dropped) continue;
    for (let k = 0; k < folded!.length; k++) {
      starts[n] = i;
      ends[n++] = i + 1;
    }
    out.push(folded!);
  }
  flush(original.length);
  return { text: out.join(''), originStart: starts.slice(0, n), originEnd: ends.slice(0, n) };
}

/** Maps a half-open range of the normalised text back to a half-open range of the original. */
export function toOriginal(norm: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.originStart.length ? norm.originStart[start]! : lastEnd(norm);
    return [at, at];
  }
  return [norm.originStart[start]!, norm.originEnd[end - 1]!];
}

function lastEnd(norm: NormalizedText): number {
  const n = norm.originEnd.length;
  return n === 0 ? 0 : norm.originEnd[n - 1]!;
}

/** 1-based line and column (UTF-16 units, as SARIF's default columnKind) for offsets of a text. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly source: string) {
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) {
      const ch = source.charCodeAt(i);
      if (ch === 10) this.lineStarts.push(i + 1);
      else if (ch === 13 && source.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** The text of the 1-based line, without its line break. */
  line(lineNumber: number): string {
    const start = this.lineStarts[lineNumber - 1] ?? this.source.length;
    let end = this.lineStarts[lineNumber] ?? this.source.length;
    while (end > start && (this.source[end - 1] === '\n' || this.source[end - 1] === '\r')) end--;
    return this.source.slice(start, end);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
