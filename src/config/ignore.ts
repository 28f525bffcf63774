import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';

export const IGNORE_FILE = '.crosscheckignore';

/** The nearest `.crosscheckignore` at or above `start`. */
export function findIgnoreFile(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, IGNORE_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Patterns in .gitignore syntax, relative to the folder that declares them. */
export interface IgnoreSource {
  readonly dir: string;
  readonly patterns: readonly string[];
}

export function readIgnoreFile(path: string): IgnoreSource {
  return { dir: dirname(path), patterns: readFileSync(path, 'utf8').split(/\r?\n/) };
}

/**
 * A predicate for the corpus reader: true for a path one of the sources ignores. Paths outside a
 * source's folder are not matched by it (gitignore patterns only see below their folder).
 */
export function ignorePredicate(sources: readonly IgnoreSource[]): ((path: string, isDirectory: boolean) => boolean) | undefined {
  const matchers = sources.filter((source) => source.patterns.some((line) => line.trim() !== '' && !line.startsWith('#'))).map((source) => ({ dir: source.dir, matcher: ignore().add([...source.patterns]) }));
  if (matchers.length === 0) return undefined;
  return (path, isDirectory) =>
    matchers.some(({ dir, matcher }) => {
      const rel = relative(dir, resolve(path));
      if (rel === '' || rel.startsWith('..')) return false;
      const posixPath = rel.split(sep).join('/');
      return matcher.ignores(isDirectory ? `${posixPath}/` : posixPath);
    });
}
