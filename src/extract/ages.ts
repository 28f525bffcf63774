import { analysisOf, type AnalysisSource } from '../analysis/index.js';
import type { Article } from '../corpus/article.js';

/** A person's age as an article states it. Offsets are in the normalised text. */
export interface AgeMention {
  readonly article: Article;
  /** The age as written ("29-year-old", "aged 29", "29"). */
  readonly start: number;
  readonly end: number;
  readonly age: number;
  /** The person, by the last word of their name ("Ho Wai-ho" is "wai-ho"). */
  readonly person: string;
  /** The name as written. */
  readonly name: string;
}

const SUFFIXES = /^(?:Jr|Sr|II|III|IV)\.?,?$/;
/** "Name, 37," or "Name, aged 37" or "Name, a 37-year-old": the age right after the name. */
const AFTER_NAME = /^,\s+(?:(?:a|an|the)\s+)?(?:aged\s+)?(\d{1,3})(?:-year-old\b|(?=[,;.)]|\s+(?:years?\s+old|died|was|is|who)\b))/;
/** "the 29-year-old Name", "29-year-old striker Name": the age before the name, a word between at most. */
const BEFORE_NAME = /\b(\d{1,3})-year-old\s+(?:[\p{Ll}-]+\s+)?$/u;

/**
 * Ages tied to a name by the forms of news copy: apposition ("Ho Wai-ho, 37,"), "aged 37" and
 * "37-year-old" after or right before the name. An age anywhere else is no one's in particular.
 */
export function extractAges(article: Article, facts?: AnalysisSource): AgeMention[] {
  const analysis = analysisOf(article, facts);
  const text = analysis.text;
  const ages: AgeMention[] = [];
  for (const range of analysis.names) {
    const name = text.slice(range.start, range.end);
    // "Chuck Schumer of New York, 66": the person is before "of"; "Cesar Sayoc Jr." is Sayoc.
    const words = name.split(/\s+of\s+/)[0]!.split(/\s+/).filter((word) => !SUFFIXES.test(word));
    if (words.length < 2) continue;
    const person = words.at(-1)!.toLowerCase();
    const after = AFTER_NAME.exec(text.slice(range.end, range.end + 40));
    if (after) {
      const start = range.end + after[0].indexOf(after[1]!);
      const written = after[0].slice(after[0].indexOf(after[1]!));
      ages.push({ article, start, end: start + written.replace(/[,;.)]$/, '').length, age: Number(after[1]), person, name });
      continue;
    }
    const before = BEFORE_NAME.exec(text.slice(Math.max(0, range.start - 40), range.start));
    if (before) {
      const start = range.start - before[0].length;
      ages.push({ article, start, end: start + before[1]!.length + '-year-old'.length, age: Number(before[1]), person, name });
    }
  }
  return ages.filter((age) => age.age > 0 && age.age < 125);
}
