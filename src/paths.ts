import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * How a path is shown in reports: relative to the working directory with `/` when it lies inside
 * it or was given as a relative path (`../corpus/a.md`), else absolute, never `../../tmp/...`.
 */
export function displayPath(path: string, cwd: string, given: string = path): string {
  const rel = relative(cwd, resolve(cwd, path));
  if (rel === '') return '.';
  if (!rel.startsWith('..') || !isAbsolute(given)) return rel.split(sep).join('/');
  return resolve(cwd, path).split(sep).join('/');
}
