import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { displayPath } from '../paths.js';
import { UserError } from '../errors.js';
import { parseArticle, type Article } from './article.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Project documentation that sits beside articles (a corpus README) and is not an article. */
const DOCUMENTATION_FILE = /^(readme|license|licence|changelog|contributing|notice|authors)(\.[a-z]+)?$/i;

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ReadResult {
  articles: Article[];
  skipped: SkippedFile[];
}

export interface ReadOptions {
  /** Files larger than this many bytes are skipped, with a reason. */
  maxFileSize?: number;
  /** Directory that reported paths are relative to. */
  cwd?: string;
  /** Files and folders met in a folder that are not read nor listed (`.crosscheckignore`); given the path as joined. */
  ignored?: (path: string, isDirectory: boolean) => boolean;
}

/**
 * Reads every article under the given files and folders. Every file met is either returned as an
 * article or listed as skipped with its reason; a path that does not exist is a user error.
 */
export function readArticles(paths: string[], options: ReadOptions = {}): ReadResult {
  const cwd = options.cwd ?? process.cwd();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();

  let given = '';
  const visitFile = (file: string, explicit: boolean): void => {
    const shown = displayPath(file, cwd, given);
    if (seen.has(shown)) return;
    seen.add(shown);
    if (!explicit && DOCUMENTATION_FILE.test(basename(file))) {
      skipped.push({ path: shown, reason: 'documentation file, not an article' });
      return;
    }
    let bytes: Buffer;
    try {
      const size = statSync(file).size;
      if (size > maxFileSize) {
        skipped.push({ path: shown, reason: `larger than --max-file-size (${size} > ${maxFileSize} bytes)` });
        return;
      }
      bytes = readFileSync(file);
    } catch (error) {
      skipped.push({ path: shown, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const decoded = decode(bytes);
    if ('reason' in decoded) {
      skipped.push({ path: shown, reason: decoded.reason });
      return;
    }
    if (decoded.text.trim() === '') {
      skipped.push({ path: shown, reason: 'empty file (no text)' });
      return;
    }
    const article = parseArticle(shown, decoded.text);
    // Keep the text and metadata only: the working copies are rebuilt when the story is checked.
    article.release();
    articles.push(article);
  };

  const visitDirectory = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: displayPath(dir, cwd, given), reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      // Symbolic links are followed: an archive of linked articles is still articles.
      let kind: 'directory' | 'file' | 'other' = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          kind = target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
        } catch {
          skipped.push({ path: displayPath(full, cwd, given), reason: 'broken symbolic link' });
          continue;
        }
      }
      if (options.ignored?.(full, kind === 'directory')) continue;
      if (kind === 'directory') visitDirectory(full);
      else if (kind === 'file' && ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) visitFile(full, false);
      else if (kind === 'file') skipped.push({ path: displayPath(full, cwd, given), reason: `not an article (only ${ARTICLE_EXTENSIONS.join(' and ')} files are read)` });
    }
  };

  for (const path of paths) {
    given = path;
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UserError(path, 'no such file or folder', 'give the path of an article or of a folder of articles');
    }
    if (stats.isDirectory()) visitDirectory(path);
    else visitFile(path, true);
  }
  return { articles, skipped };
}

type Decoded = { text: string } | { reason: string };

/** UTF-8 (with or without BOM) and UTF-16 with a BOM; anything else is reported, never mangled. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  return decodeWith('utf-8', body);
}

function decodeWith(encoding: string, bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { reason: `not valid ${encoding.toUpperCase()} text (save it as UTF-8)` };
  }
}

