import { posix } from 'node:path';
import stringSimilarity from 'string-similarity';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import type { Story } from '../corpus/stories.js';
import { extractNames, findPhrase, indexPhrases, type NameMention } from '../extract/names.js';
import { VOCABULARY } from '../extract/vocabulary/index.js';
import type { Severity } from '../findings.js';
import { findingTypesOption, severityFor } from './finding-types.js';
import { defineKind, type Detection, type FactStore } from './kind.js';

const FINDING_TYPES = ['spelling', 'capitalisation'] as const;
/** Trailing letters two words may differ in and be related words (Ukraine / Ukrainian), not misspellings. */
const DERIVATION_LETTERS = 3;
const JOB_TITLES = new Set(VOCABULARY.speakerWords.jobTitles);
const CONNECTORS = new Set(VOCABULARY.nameConnectors);

/**
 * One name spelled differently across a story's articles (Zaporizhzhia / Zaporizhia), found by
 * character likeness and shared context; and one multiword name capitalised differently
 * ("Foreign Ministry" / "foreign ministry"), a separate, usually milder finding.
 */
export const name = defineKind({
  name: 'name',
  summary: 'Reports a name spelled two ways across a story\'s articles, and a multiword name capitalised two ways.',
  options: {
    minSimilarity: z.number().min(0).max(1).default(0.7).describe('Character likeness (string-similarity, Dice on letter pairs) two spellings need to be one name.'),
    minLength: z.number().int().min(2).default(5).describe('Shortest word compared for spelling: short words differ by one letter too easily.'),
    accept: z
      .array(z.array(z.string().min(1)).min(2))
      .default([])
      .describe('Groups of accepted variants, never reported against each other: `[[Kyiv, Kiev], [Gaddafi, Qaddafi]]`.'),
    findings: findingTypesOption(FINDING_TYPES),
  },
  message: '{summary}',
  variables: ['summary', 'name', 'otherName', 'files', 'otherFiles'],
  check(story, rule, facts) {
    const detections: Detection[] = [];
    const spelling = severityFor(rule, 'spelling');
    if (spelling) detections.push(...spellingFindings(story, rule, facts, spelling));
    const capitalisation = severityFor(rule, 'capitalisation');
    if (capitalisation) detections.push(...capitalisationFindings(story, facts, capitalisation));
    return detections;
  },
});

function spellingFindings(story: Story, rule: { minSimilarity: number; minLength: number; accept: string[][] }, facts: FactStore, severity: Severity): Detection[] {
  const accepted = rule.accept.map((group) => new Set(group.map((variant) => variant.toLowerCase())));
  const byForm = new Map<string, NameMention[]>();
  for (const mention of story.articles.flatMap((article) => facts.get(article, extractNames))) {
    byForm.set(mention.text, [...(byForm.get(mention.text) ?? []), mention]);
  }
  // Candidates differ in one word that starts with the same letter: bucket forms by the other
  // words and that letter, so only forms in one bucket are compared.
  const buckets = new Map<string, string[]>();
  for (const form of byForm.keys()) {
    const words = form.split(' ');
    words.forEach((word, k) => {
      const key = [...words.slice(0, k), `${word[0]!.toLowerCase()}*`, ...words.slice(k + 1)].join(' ');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(form);
      else buckets.set(key, [form]);
    });
  }
  const candidates = new Set<string>();
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) candidates.add(bucket[i]! < bucket[j]! ? `${bucket[i]}\u0000${bucket[j]}` : `${bucket[j]}\u0000${bucket[i]}`);
  }
  // Where a mention stands in the story: its article's place, then its offset.
  const articleIndex = new Map(story.articles.map((article, index) => [article, index]));
  const order = (mention: NameMention) => articleIndex.get(mention.article)! * 1e9 + mention.start;
  const detections: Detection[] = [];
  for (const candidate of [...candidates].sort()) {
    {
      const [a, b] = candidate.split('\u0000') as [string, string];
      const differing = differingWord(a, b);
      if (!differing) continue;
      const [wa, wb] = differing;
      if (!spellingVariants(wa, wb, rule.minLength)) continue;
      if (accepted.some((group) => group.has(wa.toLowerCase()) && group.has(wb.toLowerCase()))) continue;
      const likeness = stringSimilarity.compareTwoStrings(wa.toLowerCase(), wb.toLowerCase());
      if (likeness < rule.minSimilarity) continue;
      const mentionsA = byForm.get(a)!;
      const mentionsB = byForm.get(b)!;
      // Used by different articles, and about the same thing: shared words around, or near-identical.
      // An article that uses both forms tells them apart (Medicare and Medicaid).
      const articlesA = new Set(mentionsA.map((m) => m.article));
      if (mentionsB.some((m) => articlesA.has(m.article))) continue;
      const sharedContext = mentionsA.some((x) => mentionsB.some((y) => [...x.context].some((word) => y.context.has(word))));
      if (!sharedContext && likeness < 0.85) continue;
      // Anchor on the rarer spelling: fewer articles, then fewer uses, then the one met later.
      const rarer = (x: NameMention[], y: NameMention[]) =>
        articleCount(x) - articleCount(y) || x.length - y.length || order(y[0]!) - order(x[0]!);
      const [variant, others] = rarer(mentionsA, mentionsB) <= 0 ? [mentionsA, mentionsB] : [mentionsB, mentionsA];
      const [primary, ...rest] = variant;
      detections.push({
        primary: span(primary!),
        related: [...rest, ...others].map(span),
        severity,
        vars: {
          summary: `"${primary!.text}" (${files([primary!, ...rest])}) and "${others[0]!.text}" (${files(others)}) look like one name spelled two ways`,
          name: primary!.text,
          otherName: others[0]!.text,
          files: files([primary!, ...rest]),
          otherFiles: files(others),
        },
        data: { type: 'spelling', variants: [primary!.text, others[0]!.text], similarity: Number(likeness.toFixed(2)) },
      });
    }
  }
  return detections;
}

/** The one word two same-length names differ in: "Olena Kovalenko" / "Olena Kovalenco". */
function differingWord(a: string, b: string): [string, string] | undefined {
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  if (wordsA.length !== wordsB.length) return undefined;
  const differing = wordsA.map((word, k) => [word, wordsB[k]!] as [string, string]).filter(([x, y]) => x !== y);
  return differing.length === 1 ? differing[0] : undefined;
}

function spellingVariants(a: string, b: string, minLength: number): boolean {
  const x = a.toLowerCase().replace(/'s$/, '');
  const y = b.toLowerCase().replace(/'s$/, '');
  if (x === y || x.length < minLength || y.length < minLength) return false;
  if (x[0] !== y[0] || Math.abs(x.length - y.length) > 3) return false;
  if (x.startsWith(y) || y.startsWith(x)) return false;
  // Different lengths sharing all but their endings are derivations (Democratic / Democrats).
  let common = 0;
  while (common < Math.min(x.length, y.length) && x[common] === y[common]) common++;
  return x.length === y.length || common < Math.max(x.length, y.length) - DERIVATION_LETTERS;
}

function capitalisationFindings(story: Story, facts: FactStore, severity: Severity): Detection[] {
  // Candidate phrases: two or more capitalised words of a name, not opening with a connector or possessive.
  const phrases = new Set<string>();
  for (const mention of story.articles.flatMap((article) => facts.get(article, extractNames))) {
    const words = mention.words;
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 2; to <= words.length; to++) {
        const slice = words.slice(from, to);
        if (CONNECTORS.has(slice[0]!.toLowerCase()) || CONNECTORS.has(slice.at(-1)!.toLowerCase())) continue;
        if (slice.some((word) => word.endsWith("'s"))) continue;
        // Job titles are capitalised before a name only ("Attorney General Barr", "the attorney general").
        if (JOB_TITLES.has(slice[0]!.toLowerCase())) continue;
        phrases.add(slice.join(' ').toLowerCase());
      }
    }
  }
  const detections: Detection[] = [];
  const covered: Array<{ article: Article; start: number; end: number }> = [];
  // Longest phrases first, so "Coalition of the Willing" is reported rather than a part of it.
  for (const phrase of [...phrases].sort((a, b) => b.split(' ').length - a.split(' ').length)) {
    const capitalised: Array<{ article: Article; start: number; end: number; text: string }> = [];
    const lowered: typeof capitalised = [];
    for (const article of story.articles) {
      for (const found of findPhrase(facts.get(article, indexPhrases), phrase)) {
        if (covered.some((c) => c.article === article && c.start <= found.start && found.end <= c.end)) continue;
        const main = found.text.split(/\s+/).filter((word) => !CONNECTORS.has(word.toLowerCase()));
        if (main.every((word) => /^\p{Lu}/u.test(word))) {
          // A title before a name ("Prime Minister Netanyahu") is capitalised by rule, and a phrase
          // inside a longer name ("Livingston High School", "House Intelligence Committee") is that name.
          const before = /(\p{L}+)[ \t]+$/u.exec(article.body.slice(Math.max(0, found.start - 40), found.start))?.[1] ?? '';
          const partOfLongerName = /^\p{Lu}/u.test(before) && !/'s$/.test(before);
          if (!/^\s+\p{Lu}/u.test(article.body.slice(found.end, found.end + 3)) && !partOfLongerName) capitalised.push({ article, ...found });
        } else if (main.every((word) => /^\p{Ll}/u.test(word))) {
          lowered.push({ article, ...found });
        }
      }
    }
    // One article capitalising it throughout and another never: a difference of house style, not
    // an article's own mix of "Special Counsel Mueller" and "the special counsel".
    const capitalisedOnly = capitalised.filter((c) => !lowered.some((l) => l.article === c.article));
    const loweredOnly = lowered.filter((l) => !capitalised.some((c) => c.article === l.article));
    if (capitalisedOnly.length === 0 || loweredOnly.length === 0) continue;
    covered.push(...capitalised, ...lowered);
    const [primarySide, otherSide] = new Set(lowered.map((l) => l.article)).size <= new Set(capitalised.map((c) => c.article)).size ? [lowered, capitalised] : [capitalised, lowered];
    const [primary, ...rest] = primarySide;
    detections.push({
      primary: spanOf(primary!.article, primary!.start, primary!.end),
      related: [...rest, ...otherSide].map((o): Span => spanOf(o.article, o.start, o.end)),
      severity,
      vars: {
        summary: `"${primary!.text}" (${files(primarySide)}) is capitalised differently from "${otherSide[0]!.text}" (${files(otherSide)})`,
        name: primary!.text,
        otherName: otherSide[0]!.text,
        files: files(primarySide),
        otherFiles: files(otherSide),
      },
      data: { type: 'capitalisation', variants: [primary!.text, otherSide[0]!.text] },
    });
  }
  return detections;
}

function span(mention: NameMention): Span {
  return spanOf(mention.article, mention.start, mention.end);
}

function articleCount(mentions: NameMention[]): number {
  return new Set(mentions.map((m) => m.article)).size;
}

function files(items: Array<{ article: Article }>): string {
  return [...new Set(items.map((item) => posix.basename(item.article.path)))].join(', ');
}
