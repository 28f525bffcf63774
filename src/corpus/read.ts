import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
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
    const read = readRegularFile(file, maxFileSize);
    if ('reason' in read) {
      skipped.push({ path: shown, reason: read.reason });
      return;
    }
    const bytes = read.bytes;
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

  // Real paths of the folders read, so a symbolic link back up the tree is read once, not forever.
  const visitedFolders = new Map<string, string>();
  const visitDirectory = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      skipped.push({ path: displayPath(dir, cwd, given), reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const shownDir = displayPath(dir, cwd, given);
    const readAs = visitedFolders.get(real);
    if (readAs !== undefined) {
      skipped.push({ path: shownDir, reason: `symbolic link to a folder already read (${readAs}): a loop or a second way in` });
      return;
    }
    visitedFolders.set(real, shownDir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: displayPath(dir, cwd, given), reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    // Links last, so that a folder reached both directly and through a link is read under its own name.
    entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const shown = displayPath(full, cwd, given);
      if (entry.name.startsWith('.')) {
        skipped.push({ path: shown, reason: 'hidden (the name starts with a dot), not read' });
        continue;
      }
      if (entry.name === 'node_modules') {
        skipped.push({ path: shown, reason: 'node_modules folder, not read' });
        continue;
      }
      // Symbolic links are followed: an archive of linked articles is still articles.
      let kind = kindOf(entry);
      if (entry.isSymbolicLink()) {
        try {
          kind = kindOf(statSync(full));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          skipped.push({ path: shown, reason: code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link' });
          continue;
        }
      }
      if (options.ignored?.(full, kind === 'directory')) continue;
      if (kind === 'directory') visitDirectory(full);
      else if (kind === 'file' && ARTICLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) visitFile(full, false);
      else if (kind === 'file') skipped.push({ path: shown, reason: `not an article (only ${ARTICLE_EXTENSIONS.join(' and ')} files are read)` });
      else skipped.push({ path: shown, reason: `not a regular file (${kind})` });
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

type FileKind = 'directory' | 'file' | 'FIFO' | 'socket' | 'device' | 'unknown type';

function kindOf(entry: Dirent | Stats): FileKind {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  if (entry.isFIFO()) return 'FIFO';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'device';
  return 'unknown type';
}

/**
 * The bytes of a regular file no larger than `maxSize`. The type is checked on the opened descriptor
 * (a path can be swapped between a stat and an open), and the open does not block: a FIFO would wait
 * for a writer forever, and a device such as /dev/zero reads without end.
 */
export function readRegularFile(file: string, maxSize: number): { bytes: Buffer } | { reason: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const stats = fstatSync(fd);
    const kind = kindOf(stats);
    if (kind === 'directory') return { reason: 'a folder, not a file' };
    if (kind !== 'file') return { reason: `not a regular file (${kind})` };
    if (stats.size > maxSize) return { reason: `larger than --max-file-size (${stats.size} > ${maxSize} bytes)` };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    return { reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
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

