import * as chrono from 'chrono-node';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { parseYamlSource } from '../yaml-source.js';
import { toOriginal, type LineIndex, type NormalizedText } from './text.js';

/** Where an article's publication date was read from, most trusted first. */
export type DateSource = 'front-matter' | 'date-line' | 'dateline';

export interface ArticleMetadata {
  title?: string;
  /** Publication date, `YYYY-MM-DD`. */
  date?: string;
  dateSource?: DateSource;
  /** Outlet: front matter `source`, else the host of `url`. */
  source?: string;
  url?: string;
  /** Overrides the folder as the story the article belongs to. */
  story?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

/** A scalar read as text (`title: 2026` is "2026"); a list or mapping is an error, not "[object Object]". */
const text = z.union([z.string(), z.number(), z.boolean()], { error: 'expected text, not a list or mapping' }).transform(String);

const frontMatterSchema = z
  .object({
    title: text.optional(),
    date: z.union([z.string(), z.date()], { error: 'expected a date, YYYY-MM-DD' }).optional(),
    source: text.optional(),
    url: text.optional(),
    story: text.optional(),
  })
  .loose();

/**
 * Front matter holds a few keys; past this it is not front matter, and the YAML library's check for
 * repeated keys takes time growing with the square of their number.
 */
export const MAX_FRONT_MATTER = 16 * 1024;

/** How many non-empty lines from the top a dateline may sit on. */
const DATELINE_WINDOW = 12;

interface MetadataResult {
  metadata: ArticleMetadata;
  /** The normalised text with every metadata range blanked to spaces (line breaks kept). */
  body: string;
  /** The ranges of the normalised text that are metadata. */
  masked: Array<[number, number]>;
}

export function readMetadata(path: string, original: string, norm: NormalizedText, lines: LineIndex): MetadataResult {
  const text = norm.text;
  const masked: Array<[number, number]> = [];
  const metadata: ArticleMetadata = {};
  const whereOriginal = (offset: number): string => {
    const { line, column } = lines.position(Math.min(offset, original.length));
    return `${path}:${line}:${column}`;
  };
  const where = (normOffset: number): string => whereOriginal(toOriginal(norm, normOffset, normOffset + 1)[0]);

  let bodyStart = 0;
  const frontMatter = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!frontMatter && /^---[ \t]*\n/.test(text)) {
    throw new UserError(whereOriginal(0), 'front matter is opened with `---` but never closed', 'end it with a `---` line, or remove the first line if the article has no front matter');
  }
  if (frontMatter && (frontMatter[1]?.length ?? 0) > MAX_FRONT_MATTER) {
    throw new UserError(whereOriginal(0), `front matter is longer than ${MAX_FRONT_MATTER} characters`, 'keep front matter to title, date, source, url and story');
  }
  if (frontMatter) {
    bodyStart = frontMatter[0].length;
    masked.push([0, bodyStart]);
    // Parse the original text: folding curly quotes to straight ones could break YAML quoting.
    const yamlStart = text.indexOf('\n') + 1;
    const [originalStart, originalEnd] = toOriginal(norm, yamlStart, yamlStart + (frontMatter[1]?.length ?? 0));
    // A lone CR ends a line as LF does (positions count it so); the YAML library knows only LF and CRLF.
    const yaml = original.slice(originalStart, originalEnd).replace(/\r(?!\n)/g, '\n');
    const fields = parseFrontMatter(yaml, (offset) => whereOriginal(originalStart + offset));
    if (fields.title) metadata.title = fields.title.trim();
    if (fields.source) metadata.source = fields.source.trim();
    if (fields.url) metadata.url = fields.url.trim();
    if (fields.story) metadata.story = fields.story.trim();
    if (fields.date !== undefined) {
      metadata.date = isoDate(fields.date, () => whereOriginal(originalStart + fields.dateOffset));
      metadata.dateSource = 'front-matter';
    }
  }

  // `date 2026-01-08` opening the first non-empty line; the rest of that line is story text.
  const dateLine = /^[ \t\n]*([ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b)/i.exec(text.slice(bodyStart));
  if (dateLine) {
    const start = bodyStart + dateLine[0].length - dateLine[1]!.length;
    masked.push([start, start + dateLine[1]!.length]);
    if (!metadata.date) {
      metadata.date = isoDate(dateLine[2]!, () => where(start));
      metadata.dateSource = 'date-line';
    }
  }

  // A line near the top that is nothing but a date: `January 08, 2026`.
  let seen = 0;
  for (const line of linesFrom(text, bodyStart)) {
    if (line.content.trim() === '') continue;
    if (++seen > DATELINE_WINDOW) break;
    const date = wholeLineDate(line.content);
    if (date) {
      masked.push([line.start, line.end]);
      if (!metadata.date) {
        metadata.date = date;
        metadata.dateSource = 'dateline';
      }
      break;
    }
  }

  // `Original url:` followed by the address on the same line or the next non-empty one.
  const urlLabel = /^[ \t]*Original url:[ \t]*(.*)$/im.exec(text.slice(bodyStart));
  if (urlLabel) {
    const labelStart = bodyStart + urlLabel.index;
    let end = labelStart + urlLabel[0].length;
    let address = urlLabel[1]!.trim();
    if (!address) {
      const next = /^\s*(\S[^\n]*)/.exec(text.slice(end));
      if (next) {
        address = next[1]!.trim();
        end += next[0].length;
      }
    }
    masked.push([labelStart, end]);
    address = address.replace(/^<|>$/g, '');
    if (!metadata.url && address) metadata.url = address;
  }

  if (!metadata.source && metadata.url) {
    try {
      metadata.source = new URL(metadata.url).hostname.replace(/^www\./, '');
    } catch {
      // Not an absolute URL: no outlet can be read from it.
    }
  }

  const body = maskRanges(text, masked);
  if (!metadata.title) {
    for (const line of linesFrom(body, bodyStart)) {
      const content = line.content.trim();
      if (content) {
        // Report the title as written, not in its normalised form.
        const from = line.start + line.content.indexOf(content);
        const [start, end] = toOriginal(norm, from, from + content.length);
        metadata.title = original.slice(start, end).trim();
        break;
      }
    }
  }

  return { metadata, body, masked };
}

function parseFrontMatter(
  source: string,
  where: (offset: number) => string,
): z.infer<typeof frontMatterSchema> & { dateOffset: number } {
  const parsedYaml = parseYamlSource(source);
  if ('problems' in parsedYaml) {
    const problem = parsedYaml.problems[0]!;
    throw new UserError(
      where(problem.offset),
      `front matter is not valid YAML (${problem.message})`,
      'fix the YAML between the two `---` lines',
    );
  }
  const { doc } = parsedYaml;
  // An empty key (`title:`) is absent, not the text "null".
  const raw = parsedYaml.value ?? {};
  const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)) : raw;
  const parsed = frontMatterSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = doc.getIn(issue.path, true) as { range?: [number, number] } | undefined;
    throw new UserError(
      where(node?.range?.[0] ?? 0),
      `front matter ${issue.path.join('.') || 'block'}: ${issue.message}`,
      'front matter must be a mapping of title, date, source, url and story',
    );
  }
  const dateNode = doc.get('date', true) as { range?: [number, number] } | undefined;
  return { ...parsed.data, dateOffset: dateNode?.range?.[0] ?? 0 };
}

function isoDate(value: string | Date, where: () => string): string {
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  } else {
    const match = ISO_DATE.exec(value.trim());
    if (match && isRealDate(+match[1]!, +match[2]!, +match[3]!)) return `${match[1]}-${match[2]}-${match[3]}`;
  }
  throw new UserError(
    where(),
    `publication date ${JSON.stringify(String(value))} is not a calendar date`,
    'write it as YYYY-MM-DD',
  );
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `January 08, 2026` or `8 January 2026` filling a whole line, with the year written. */
function wholeLineDate(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length > 40 || !/\d{4}/.test(trimmed)) return undefined;
  const [result] = chrono.strict.parse(trimmed);
  if (!result || result.index !== 0 || result.text.length < trimmed.replace(/[.,]$/, '').length) return undefined;
  if (!result.start.isCertain('year') || !result.start.isCertain('month') || !result.start.isCertain('day')) {
    return undefined;
  }
  const year = result.start.get('year')!;
  const month = result.start.get('month')!;
  const day = result.start.get('day')!;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function* linesFrom(text: string, from: number): Generator<{ content: string; start: number; end: number }> {
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield { content: text.slice(start, end), start, end };
    if (end === text.length) return;
    start = end + 1;
  }
}

/** The text with the given ranges blanked to spaces, line breaks kept, so offsets do not move. */
export function maskRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    parts.push(text.slice(at, from), text.slice(from, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

