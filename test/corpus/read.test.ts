import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, readArticles } from '../../src/corpus/read.js';
import { groupStories } from '../../src/corpus/stories.js';
import { UserError } from '../../src/errors.js';

function corpus(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-read-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('readArticles', () => {
  it('reads .txt and .md recursively, one story per folder, and accounts for every other file', () => {
    const root = corpus({
      'README.md': '# About this corpus',
      'quake/nyt.md': '---\ndate: 2019-01-01\n---\nA',
      'quake/fox.md': 'B',
      'quake/photo.jpg': 'not read',
      'quake/blob.txt': new Uint8Array([65, 0, 66]),
      'vote/a.txt': 'C',
      'vote/b.txt': 'D',
      'vote/deep/c.txt': 'E',
      '.git/x.txt': 'hidden',
    });
    const { articles, skipped } = readArticles([root], { cwd: root });
    expect(articles.map((article) => article.path)).toEqual(['quake/fox.md', 'quake/nyt.md', 'vote/a.txt', 'vote/b.txt', 'vote/deep/c.txt']);
    expect(skipped).toEqual([
      { path: 'README.md', reason: 'documentation file, not an article' },
      { path: 'quake/blob.txt', reason: 'binary file (contains NUL bytes)' },
      { path: 'quake/photo.jpg', reason: 'not an article (only .txt and .md files are read)' },
    ]);
    const stories = groupStories(articles);
    expect(stories.map((story) => [story.id, story.articles.length])).toEqual([
      ['quake', 2],
      ['vote', 2],
      ['vote/deep', 1],
    ]);
  });

  it('lets front matter `story:` join articles from different folders', () => {
    const root = corpus({ 'a/x.md': '---\nstory: summit\n---\nA', 'b/y.md': '---\nstory: summit\n---\nB', 'b/z.md': 'C' });
    const stories = groupStories(readArticles([root], { cwd: root }).articles);
    expect(stories.map((story) => [story.id, story.articles.map((article) => article.path)])).toEqual([
      ['summit', ['a/x.md', 'b/y.md']],
      ['b', ['b/z.md']],
    ]);
  });

  it('skips files over the size limit with a reason', () => {
    const root = corpus({ 's/big.txt': 'x'.repeat(100), 's/small.txt': 'y' });
    const { articles, skipped } = readArticles([root], { cwd: root, maxFileSize: 50 });
    expect(articles.map((article) => article.path)).toEqual(['s/small.txt']);
    expect(skipped).toEqual([{ path: 's/big.txt', reason: 'larger than --max-file-size (100 > 50 bytes)' }]);
  });

  it('follows symbolic links to articles and folders, and reports broken ones', () => {
    const root = corpus({ 'real/a.txt': 'A', 'real/b.txt': 'B' });
    mkdirSync(join(root, 'linked'));
    symlinkSync(join(root, 'real', 'a.txt'), join(root, 'linked', 'a.txt'));
    symlinkSync(join(root, 'missing.txt'), join(root, 'linked', 'gone.txt'));
    symlinkSync(join(root, 'real'), join(root, 'folder'));
    const { articles, skipped } = readArticles([root], { cwd: root });
    expect(articles.map((article) => article.path)).toEqual(['folder/a.txt', 'folder/b.txt', 'linked/a.txt', 'real/a.txt', 'real/b.txt']);
    expect(skipped).toEqual([{ path: 'linked/gone.txt', reason: 'broken symbolic link' }]);
  });

  it('reads a file named on the command line even if it looks like documentation', () => {
    const root = corpus({ 'README.md': 'Text' });
    expect(readArticles([join(root, 'README.md')], { cwd: root }).articles.map((a) => a.path)).toEqual(['README.md']);
  });

  it('refuses a path that does not exist', () => {
    expect(() => readArticles(['/no/such/place'])).toThrow(UserError);
    expect(() => readArticles(['/no/such/place'])).toThrow('/no/such/place: no such file or folder: give the path of an article or of a folder of articles');
  });
});

describe('decode', () => {
  it.each([
    ['UTF-8', new Uint8Array([0x4b, 0x79, 0x69, 0x76]), { text: 'Kyiv' }],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, 0x4b]), { text: 'K' }],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, 0x4b, 0x00, 0x79, 0x00]), { text: 'Ky' }],
    ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, 0x00, 0x4b, 0x00, 0x79]), { text: 'Ky' }],
    ['Latin-1 bytes', new Uint8Array([0x4b, 0xe9, 0x76]), { reason: 'not valid UTF-8 text (save it as UTF-8)' }],
    ['NUL bytes', new Uint8Array([0x4b, 0x00]), { reason: 'binary file (contains NUL bytes)' }],
  ])('%s', (_name, bytes, expected) => {
    expect(decode(bytes)).toEqual(expected);
  });
});
