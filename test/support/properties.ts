import fc from 'fast-check';
import { parseArticle } from '../../src/corpus/article.js';
import { runRules } from '../../src/engine.js';
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
