import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readArticles } from '../../src/corpus/read.js';
import { groupStories } from '../../src/corpus/stories.js';
import { formatPretty } from '../../src/report/pretty.js';
import { parseArticle } from '../../src/corpus/article.js';
import { checkStories, runRules } from '../../src/engine.js';
import { extractDates } from '../../src/extract/dates.js';
import { extractFigures } from '../../src/extract/figures.js';
import { extractNames } from '../../src/extract/names.js';
import { extractQuotes } from '../../src/extract/quotes.js';
import { parseRule, type Rule } from '../../src/rules/load.js';

/** Pieces that exercise every extractor and normaliser: quotes, dashes, line ends, numbers, dates, names, scripts. */
const FRAGMENTS = [
  '"', '\u201C', '\u201D', "'", '\u2018', '\u2019', '\u00AB', '\u00BB', '\u2014', '--', '\u2026', '\u00A0', '\r\n', '\n', '\r', '\n\n', '\t', '\u0000',
  'said', ' she added', 'Maria Zakharova', 'Zakharova said Thursday', 'according to', 'U.S.', 'US', 'Kyiv\'s', 'don\'t',
  '9 people were killed in Lviv', 'about 600,000 households', 'hundreds of thousands', 'at least 12', '28-point', 'four to five',
  'on Tuesday', 'January 6', 'earlier this week', 'in February 2022', '2014', 'almost four-year war', 'its fourth year',
  '---\ntitle: x\n---\n', 'date 2026-01-08 ', 'January 08, 2026\n', 'Original url:\n<https://x.com/2026/01/08>',
  '\u{1F600}', '\u05E9\u05DC\u05D5\u05DD', '\u0645\u0631\u062D\u0628\u0627', '\u202E', '\u200B', 'Zaporizhzhia', 'Zaporizhia', 'Coalition of the Willing', 'coalition of the willing',
];

export const articleText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(' '));

/** Every span an extractor or a rule reports lies inside the file and is the file's text there. */
export function checkArticleProperty(rules: Rule[]) {
  return fc.property(articleText, articleText, (first, second) => {
    const texts: Record<string, string> = { 'a.txt': first, 'b.txt': second };
    let articles;
    try {
      articles = Object.entries(texts).map(([path, text]) => parseArticle(path, text));
    } catch (error) {
      // Bad front matter is a user error with a position; anything else is a bug.
      if ((error as Error).name === 'UserError' && /^[ab]\.txt:\d+:\d+: /.test((error as Error).message)) return;
      throw error;
    }
    for (const article of articles) {
      for (const extract of [extractQuotes, extractFigures, extractDates, extractNames]) extract(article);
    }
    for (const finding of runRules([{ id: 'fuzz', articles }], rules)) {
      for (const span of [finding.location, ...finding.related]) {
        const text = texts[span.path]!;
        if (!(0 <= span.start && span.start <= span.end && span.end <= text.length)) throw new Error(`span outside the file: ${JSON.stringify(span)}`);
        if (text.slice(span.start, span.end) !== span.excerpt) throw new Error(`excerpt differs from the file: ${JSON.stringify(span)}`);
        const lines = text.slice(0, span.start).split(/\r\n|\r|\n/);
        if (lines.length !== span.startLine || lines.at(-1)!.length + 1 !== span.startColumn) throw new Error(`line/column wrong: ${JSON.stringify(span)}`);
      }
    }
  });
}

const YAML_PIECES = ['id: x\n', 'kind: consistency\n', 'kind: duration\n', 'severity: error\n', 'description: d\n', 'either: {a: b}\n', 'patterns: ["(?P<value>\\\\w+) years"]\n', ': ', '- ', '[', ']', '{', '}', '&a ', '*a', '!!js/function ', '"', "'", '\n  ', '#', '%YAML 1.1\n', '---\n', '...\n', '\t', '\u0000'];

export const ruleYamlText = fc.array(fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join(''));

/** Loading any YAML gives a rule or errors naming file:line:col; it never throws. */
export const ruleProperty = fc.property(ruleYamlText, (source) => {
  const result = parseRule('rules/x.yaml', source);
  if ('errors' in result) {
    if (result.errors.length === 0) throw new Error('no rule and no error');
    for (const error of result.errors) if (!/^rules\/x\.yaml:\d+:\d+: /.test(error.message)) throw new Error(`unpositioned error: ${error.message}`);
  }
});

/** File and folder names with control characters, bidi overrides, dots and the two article extensions. */
const NAME_PIECES = ['a', 'story', ' ', '.', '-', '\u001b[2J', '\u001b]0;t\u0007', '\u202e', '\n', '\r', '\t', '\u0085', '\u200b', 'é', '記事'];
export const fileName = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...NAME_PIECES), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 5 }), fc.constantFrom('.txt', '.md', '.yaml', ''))
  .map(([parts, extension]) => `${parts.join('').replace(/[/\u0000]/g, '_')}${extension}`)
  .filter((name) => name !== '' && name !== '.' && name !== '..' && Buffer.byteLength(name) < 200);

/** Front matter from empty to past its size cap, then a line of story text. */
export const frontMatterText = fc
  .tuple(fc.nat({ max: 4000 }), fc.constantFrom('k', 'title', 'date', 'story'), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([keys, key, eol, closed]) =>
    ['---', ...Array.from({ length: keys }, (_, index) => `${key}${index}: v`), ...(closed ? ['---'] : []), 'They met on Monday.', ''].join(eol),
  );

const fileKind = fc.oneof(
  fc.record({ kind: fc.constant('article' as const), name: fileName, text: fc.oneof(articleText, frontMatterText) }),
  fc.record({ kind: fc.constant('fifo' as const), name: fileName }),
  fc.record({ kind: fc.constantFrom('link-self' as const, 'link-up' as const, 'link-loop' as const, 'link-missing' as const), name: fileName }),
);

/**
 * Any folder of articles, FIFOs and symbolic links (to itself, its parent, each other, nowhere),
 * with any names: reading ends, every entry is read or listed as skipped, and no control character
 * of a name reaches the terminal.
 */
export function corpusProperty(rules: Rule[]) {
  return fc.property(fc.uniqueArray(fileKind, { maxLength: 8, selector: (entry) => entry.name }), (entries) => {
    const root = mkdtempSync(join(tmpdir(), 'crosscheck-fuzz-'));
    const story = join(root, 'story');
    mkdirSync(story);
    try {
      const expected: string[] = [];
      for (const entry of entries) {
        const path = join(story, entry.name);
        if (entry.kind === 'article') writeFileSync(path, entry.text);
        else if (entry.kind === 'fifo') execFileSync('mkfifo', [path]);
        else if (entry.kind === 'link-self') symlinkSync('.', path);
        else if (entry.kind === 'link-up') symlinkSync('..', path);
        else if (entry.kind === 'link-missing') symlinkSync('no such file', path);
        else symlinkSync(entry.name, path);
        expected.push(`story/${entry.name}`);
      }
      let result;
      try {
        result = readArticles([root], { cwd: root });
      } catch (error) {
        if ((error as Error).name === 'UserError' && /^story\/[\s\S]+:\d+:\d+: /.test((error as Error).message)) return;
        throw error;
      }
      const met = [...result.articles.map((article) => article.path), ...result.skipped.map((skipped) => skipped.path)];
      const direct = met.filter((path) => path.startsWith('story/') && path.indexOf('/', 'story/'.length) < 0).sort();
      if (JSON.stringify(direct) !== JSON.stringify([...expected].sort())) throw new Error(`entries met ${JSON.stringify(direct)}, made ${JSON.stringify(expected)}`);
      const stories = groupStories(result.articles);
      const checked = { stories, rules, ...checkStories(stories, rules), skipped: result.skipped };
      const pretty = formatPretty(checked, { color: false });
      if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(pretty)) throw new Error(`a control character reached the terminal: ${JSON.stringify(pretty)}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
