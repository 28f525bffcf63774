import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
      { path: '.git', reason: 'hidden (the name starts with a dot), not read' },
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
    // A folder reached directly and through a link is read once, under its own name.
    expect(articles.map((article) => article.path)).toEqual(['linked/a.txt', 'real/a.txt', 'real/b.txt']);
    expect(skipped).toEqual([
      { path: 'linked/gone.txt', reason: 'broken symbolic link' },
      { path: 'folder', reason: 'symbolic link to a folder already read (real): a loop or a second way in' },
    ]);
  });

  it('reads a folder with links to itself and to its parent once, and lists each link as skipped', () => {
    const root = corpus({ 'story/a.txt': 'A', 'story/b.txt': 'B' });
    symlinkSync('.', join(root, 'story', 'self'));
    symlinkSync('..', join(root, 'story', 'up'));
    symlinkSync('loop2', join(root, 'story', 'loop1'));
    symlinkSync('loop1', join(root, 'story', 'loop2'));
    const { articles, skipped } = readArticles([root], { cwd: root });
    expect(articles.map((article) => article.path)).toEqual(['story/a.txt', 'story/b.txt']);
    expect(skipped).toEqual([
      { path: 'story/loop1', reason: 'symbolic link loop' },
      { path: 'story/loop2', reason: 'symbolic link loop' },
      { path: 'story/self', reason: 'symbolic link to a folder already read (story): a loop or a second way in' },
      { path: 'story/up', reason: 'symbolic link to a folder already read (.): a loop or a second way in' },
    ]);
  });

  it('lists FIFOs, sockets and node_modules in a folder as skipped, without blocking on the FIFO', async () => {
    const root = corpus({ 'story/a.txt': 'A', 'story/node_modules/x.txt': 'X' });
    execFileSync('mkfifo', [join(root, 'story', 'pipe.txt')]);
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(root, 'story', 'sock.txt'), done));
    try {
      const { articles, skipped } = readArticles([root], { cwd: root });
      expect(articles.map((article) => article.path)).toEqual(['story/a.txt']);
      expect(skipped).toEqual([
        { path: 'story/node_modules', reason: 'node_modules folder, not read' },
        { path: 'story/pipe.txt', reason: 'not a regular file (FIFO)' },
        { path: 'story/sock.txt', reason: 'not a regular file (socket)' },
      ]);
    } finally {
      server.close();
    }
  });

  it('skips a FIFO or a device named on the command line instead of blocking or reading without end', () => {
    const root = corpus({ 'a.txt': 'A' });
    execFileSync('mkfifo', [join(root, 'p.txt')]);
    const { articles, skipped } = readArticles([join(root, 'p.txt'), '/dev/zero', join(root, 'a.txt')], { cwd: root });
    expect(articles.map((article) => article.path)).toEqual(['a.txt']);
    expect(skipped).toEqual([
      { path: 'p.txt', reason: 'not a regular file (FIFO)' },
      { path: '/dev/zero', reason: 'not a regular file (device)' },
    ]);
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
