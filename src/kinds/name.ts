import { posix } from 'node:path';
import stringSimilarity from 'string-similarity';
import { z } from 'zod';
import { spanOf, type Article, type Span } from '../corpus/article.js';
import type { Story } from '../corpus/stories.js';
import { compareNameForms, nameSkeleton, nameSkeletonWords, soundKey, type NameVariant } from '../compare/name-variants.js';
import { extractNames, findPhrase, indexPhrases, type NameMention } from '../extract/names.js';
import { extractQuotes } from '../extract/quotes.js';
import { VOCABULARY } from '../extract/vocabulary/index.js';
import type { NameData, Severity } from '../findings.js';
import { findingTypesOption, severityFor } from './finding-types.js';
import { defineKind, type Detection, type FactGroup, type FactStore } from './kind.js';

const FINDING_TYPES = ['spelling', 'form', 'givenName', 'capitalisation'] as const;
/** Trailing letters two words may differ in and be related words (Ukraine / Ukrainian), not misspellings. */
const DERIVATION_LETTERS = 3;
const JOB_TITLES = new Set(VOCABULARY.speakerWords.jobTitles);
const TITLE_WORDS = new Set(VOCABULARY.speakerWords.titles);
const HONORIFICS = new Set(VOCABULARY.speakerWords.honorifics);
const STOPWORDS = new Set(VOCABULARY.stopwords);
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
  messages: {
    spelling: '"{name}" ({files}) and "{otherName}" ({otherFiles}) look like one name spelled two ways',
    form: '"{name}" ({files}) and "{otherName}" ({otherFiles}) are one name, {how}',
    givenName: '"{name}" ({files}) and "{otherName}" ({otherFiles}) share a surname and a role but not a given name: one person named two ways, or two people',
    capitalisation: '"{name}" ({files}) is capitalised differently from "{otherName}" ({otherFiles})',
  },
  variables: {
    spelling: ['name', 'otherName', 'files', 'otherFiles'],
    form: ['name', 'otherName', 'files', 'otherFiles', 'how'],
    givenName: ['name', 'otherName', 'files', 'otherFiles'],
    capitalisation: ['name', 'otherName', 'files', 'otherFiles'],
  },
  create(rule) {
    const severities: SpellingSeverities = {};
    for (const type of ['spelling', 'form', 'givenName'] as const) {
      const severity = severityFor(rule, type);
      if (severity) severities[type] = severity;
    }
    const capitalisation = severityFor(rule, 'capitalisation');
    const accepted = rule.accept.map((group) => new Set(group.map((variant) => variant.toLowerCase())));
    return (story, facts) => {
      const detections: Array<Detection<NameFindingType>> = [...spellingFindings(story, rule, accepted, facts, severities)];
      if (capitalisation) detections.push(...capitalisationFindings(story, facts, capitalisation));
      // Each finding compares one name: the forms it found are that name's group.
      const groups: FactGroup[] = detections.map((detection, index) => {
        detection.group = index;
        return { kind: 'name', label: nameData(detection).variants.join(' / '), spans: [detection.primary, ...detection.related] };
      });
      return { detections, groups };
    };
  },
});

type NameFindingType = (typeof FINDING_TYPES)[number];

function nameData(detection: Detection): NameData {
  return detection.data as NameData;
}

/** Where a mention stands in the story: its article's place, then its offset. */
type MentionOrder = (mention: NameMention) => number;

/**
 * Pairs of forms worth comparing, found through keys two variants share, never all pairs: the
 * skeleton (structure, accents, case), the other words with the differing word's first letter or
 * sound key (one word misspelt), and the surname with the word count (another given name).
 */
function candidatePairs(forms: readonly string[]): Array<[string, string]> {
  const buckets = new Map<string, string[]>();
  const add = (key: string, form: string) => {
    const bucket = buckets.get(key);
    if (bucket) bucket.push(form);
    else buckets.set(key, [form]);
  };
  for (const form of forms) {
    const words = foldedNameWords(form);
    add(`s:${nameSkeleton(form)}`, form);
    words.forEach((word, k) => {
      const others = [...words.slice(0, k), '*', ...words.slice(k + 1)].join(' ');
      // Beside shared words, any change to one word that keeps its first letter is worth a look.
      if (words.length > 1) add(`w:${others}:${word[0]}`, form);
      add(`m:${others}:${soundKey(word)}`, form);
      // Symmetric deletions: two words one edit apart share the word with one letter taken out.
      for (let i = 0; i < word.length && word.length <= MAX_DELETION_WORD; i++) add(`d:${others}:${word.slice(0, i)}${word.slice(i + 1)}`, form);
      add(`d:${others}:${word}`, form);
    });
    if (words.length >= 2) add(`g:${words.length}:${words.at(-1)}`, form);
    add(`i:${words.map((word) => word[0]).join('')}`, form);
  }
  const pairs = new Set<string>();
  for (const bucket of buckets.values()) {
    // A key shared by very many forms carries no evidence (and would make the work quadratic).
    if (bucket.length > MAX_BUCKET) continue;
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const [a, b] = [bucket[i]!, bucket[j]!].sort() as [string, string];
        if (a !== b) pairs.add(`${a}\u0000${b}`);
      }
    }
  }
  return [...pairs].sort().map((pair) => pair.split('\u0000') as [string, string]);
}

const MAX_BUCKET = 40;
const MAX_DELETION_WORD = 20;

function foldedNameWords(form: string): string[] {
  return nameSkeletonWords(form);
}

function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  const bare = lower.replace(/\.$/, '');
  return TITLE_WORDS.has(lower) || TITLE_WORDS.has(bare) || HONORIFICS.has(lower) || HONORIFICS.has(`${bare}.`) || JOB_TITLES.has(bare);
}

/** A name as the spelling check weighs it: where it stands, whether it is quoted, its role word. */
interface WeighedMention extends NameMention {
  readonly quoted: boolean;
  /** The lowercase role word before the name ("astronaut" in "Polish astronaut Slawosz ..."), if any. */
  readonly role: string | undefined;
  /** Part of a longer capitalised run rather than the run itself (less titles and possessives). */
  readonly derived: boolean;
}

function weighedMentions(article: Article, facts: FactStore): WeighedMention[] {
  const quotes = facts.get(article, extractQuotes);
  return facts.get(article, extractNames).flatMap((mention) =>
    nameForms(article, mention).map(({ form, derived }) => ({
      ...form,
      derived,
      quoted: quotes.some((quote) => quote.start <= form.start && form.end <= quote.end),
      role: roleBefore(article.body, mention.start),
    })),
  );
}

/**
 * The forms a capitalised run offers for comparison: the run itself without a possessive or a
 * closing point ("Fiala's" -> "Fiala", "Gaza." -> "Gaza"), split at an inner possessive
 * ("Hamas's East Jabalia Battalion"), and, from a longer run, each pair of adjacent words and the
 * last word, so "Prime Minister Petr Fiala" meets "Piotr Fiala" and "St. Elizabeth Parish" meets
 * "St Elizabeth".
 */
function nameForms(article: Article, mention: NameMention): Array<{ form: NameMention; derived: boolean }> {
  const located: Array<{ word: string; start: number; end: number }> = [];
  let cursor = mention.start;
  for (const word of mention.words) {
    const at = article.body.indexOf(word, cursor);
    if (at < 0 || at >= mention.end) return [{ form: mention, derived: false }];
    located.push({ word, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  const runs: Array<typeof located> = [[]];
  for (const item of located) {
    const possessive = /['’]s?$/.exec(item.word);
    const bare = possessive ? { word: item.word.slice(0, -possessive[0].length), start: item.start, end: item.end - possessive[0].length } : item;
    if (bare.word.length > 0) runs.at(-1)!.push(bare);
    if (possessive) runs.push([]);
  }
  const forms: Array<{ form: NameMention; derived: boolean }> = [];
  const seen = new Map<string, { derived: boolean }>();
  const add = (words: typeof located, derived: boolean) => {
    const last = words.at(-1)!;
    // A closing point belongs to the sentence, not to the name's spelling, unless the word is
    // pointed throughout ("F.B.I.").
    const trimmed = last.word.length > 1 && last.word.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(last.word) ? [...words.slice(0, -1), { ...last, word: last.word.slice(0, -1), end: last.end - 1 }] : words;
    if (trimmed.some((word) => word.word.length === 0) || CONNECTORS.has(trimmed[0]!.word.toLowerCase()) || CONNECTORS.has(trimmed.at(-1)!.word.toLowerCase())) return;
    const key = `${trimmed[0]!.start}:${trimmed.at(-1)!.end}`;
    const existing = seen.get(key);
    if (existing) {
      // A pair of words inside a longer run may be a whole name too ("Slavoj Uznanski" of Poland).
      if (!derived) existing.derived = false;
      return;
    }
    const text = trimmed.map((word) => word.word).join(' ');
    const entry = { form: { ...mention, start: trimmed[0]!.start, end: trimmed.at(-1)!.end, text, words: trimmed.map((word) => word.word) }, derived };
    seen.set(key, entry);
    forms.push(entry);
  };
  // Connectors part a run into names of their own too ("Slavoj Uznanski of Poland").
  const parts = runs.flatMap((run) => {
    const pieces: Array<typeof located> = [[]];
    for (const item of run) {
      if (CONNECTORS.has(item.word.toLowerCase())) pieces.push([]);
      else pieces.at(-1)!.push(item);
    }
    return pieces.length > 1 ? [run, ...pieces.filter((piece) => piece.length > 0)] : [run];
  });
  for (const whole of parts) {
    // Titles and honorifics before a name are house style ("Dr." / "Dr", "Prime Minister"), not its spelling.
    let from = 0;
    while (from < whole.length - 1 && isTitleWord(whole[from]!.word)) from++;
    const run = whole.slice(from);
    if (run.length === 0) continue;
    add(run, false);
    if (run.length >= 3) for (let k = 0; k + 1 < run.length; k++) add(run.slice(k, k + 2), true);
    if (run.length >= 2) add(run.slice(-1), true);
  }
  return forms;
}

/**
 * The role a name is given just before it: the nearest lowercase word of four letters or more,
 * across capitalised words ("South African batter Annerie ..."), or a capitalised title word
 * ("Prime Minister Petr Fiala" -> "minister"), within the sentence.
 */
function roleBefore(body: string, start: number): string | undefined {
  const before = body.slice(Math.max(0, start - 80), start);
  const clause = before.split(/[.!?;:,()\n"“”]/).at(-1) ?? '';
  const words = clause.trim().split(/\s+/).filter(Boolean).reverse().slice(0, 5);
  for (const word of words) {
    const lower = word.toLowerCase().replace(/[^\p{L}-]/gu, '');
    if (/^\p{Ll}/u.test(word)) return lower.length >= 4 && !STOPWORDS.has(lower) ? lower : undefined;
    if (TITLE_WORDS.has(lower)) return lower;
  }
  return undefined;
}

function spellingFindings(story: Story, rule: SpellingOptions, accepted: Array<Set<string>>, facts: FactStore, severities: SpellingSeverities): Array<Detection<SpellingType>> {
  const byForm = new Map<string, WeighedMention[]>();
  for (const mention of story.articles.flatMap((article) => weighedMentions(article, facts))) {
    // A name inside quote marks keeps its speaker's or author's spelling.
    if (mention.quoted) continue;
    byForm.set(mention.text, [...(byForm.get(mention.text) ?? []), mention]);
  }
  const articleIndex = new Map(story.articles.map((article, index) => [article, index]));
  const order: MentionOrder = (mention) => articleIndex.get(mention.article)! * 1e9 + mention.start;
  // One finding per difference, whatever the longer names it stands in ("Fuk" / "Fu" in "Wang Fuk
  // Court" and "Wang Fu Court"): the sides gather every mention of either form.
  const groups = new Map<string, { type: SpellingType; severity: Severity; comparison: NameVariant; sides: [Map<string, WeighedMention>, Map<string, WeighedMention>] }>();
  for (const [a, b] of candidatePairs([...byForm.keys()])) {
    const comparison = compareNameForms(a, b);
    if (!comparison || comparison.variant === 'capitalisation') continue;
    const type = findingTypeOf(comparison);
    const severity = severities[type];
    if (!severity) continue;
    if (accepted.some((group) => group.has(a.toLowerCase()) && group.has(b.toLowerCase()))) continue;
    const mentionsA = byForm.get(a)!;
    const mentionsB = byForm.get(b)!;
    // An article that uses both spellings tells two names apart (Medicare and Medicaid); accents
    // or hyphens mixed in one article are only its own inconsistency, still worth a notice.
    const articlesA = new Set(mentionsA.map((m) => m.article));
    const oneArticleUsesBoth = mentionsB.some((m) => articlesA.has(m.article));
    if (oneArticleUsesBoth && type !== 'form' && !droppedLetter(a, b, mentionsA, mentionsB)) continue;
    if (!enoughEvidence(comparison, a, b, mentionsA, mentionsB, rule)) continue;
    const differing = comparison.words.map(([x, y]) => [x, y].sort().join('/')).join(' ');
    const key = differing || `${comparison.variant}:${nameSkeleton(a)}`;
    // Orient the pair by its first differing word, so every pair of one difference fills the same sides.
    const flipped = comparison.words.length > 0 ? comparison.words[0]![0] > comparison.words[0]![1] : a > b;
    const group = groups.get(key) ?? { type, severity, comparison, sides: [new Map(), new Map()] };
    groups.set(key, group);
    const [sideA, sideB] = flipped ? [group.sides[1], group.sides[0]] : group.sides;
    for (const mention of mentionsA) sideA.set(`${articleIndex.get(mention.article)}:${mention.start}`, mention);
    for (const mention of mentionsB) sideB.set(`${articleIndex.get(mention.article)}:${mention.start}`, mention);
  }
  const detections: Array<Detection<SpellingType>> = [];
  const covered: WeighedMention[] = [];
  const inside = (mention: WeighedMention) => covered.some((c) => c.article === mention.article && c.start <= mention.start && mention.end <= c.end);
  const extent = (group: { sides: Array<Map<string, WeighedMention>> }) => group.sides.reduce((sum, side) => sum + [...side.values()].reduce((n, m) => n + m.end - m.start, 0), 0);
  // Longer differences and longer names first, so a pair wholly inside a reported one is not said again.
  for (const group of [...groups.values()].sort((x, y) => y.comparison.words.length - x.comparison.words.length || extent(y) - extent(x))) {
    // A form inside a longer form of the same group is the same use ("Fu Court" in "Wang Fu Court").
    const all = group.sides.flatMap((side) => [...side.values()]);
    const outermost = (side: Map<string, WeighedMention>) =>
      [...side.values()].filter((m) => !all.some((o) => o !== m && o.article === m.article && o.start <= m.start && m.end <= o.end)).sort((x, y) => order(x) - order(y));
    const [first, second] = group.sides.map(outermost);
    if ([...first!, ...second!].every(inside)) continue;
    covered.push(...first!, ...second!);
    detections.push(spellingDetection(group.type, group.severity, group.comparison, first!, second!, order));
  }
  return detections.sort((x, y) => x.primary.path.localeCompare(y.primary.path) || x.primary.start - y.primary.start);
}

/**
 * A form used once that is another, more used form with one letter dropped ("Hama" among
 * "Hamas", "Wolvaard" among "Wolvaardt"): a slip, even in an article that has both.
 */
function droppedLetter(a: string, b: string, mentionsA: readonly NameMention[], mentionsB: readonly NameMention[]): boolean {
  const [rare, common, rareMentions, commonMentions] = mentionsA.length <= mentionsB.length ? [a, b, mentionsA, mentionsB] : [b, a, mentionsB, mentionsA];
  if (rareMentions.length !== 1 || commonMentions.length < 3 || common.length !== rare.length + 1 || rare.length < 4) return false;
  for (let i = 0; i < common.length; i++) if (common.slice(0, i) + common.slice(i + 1) === rare) return !derivation(rare.toLowerCase(), common.toLowerCase());
  return false;
}

type SpellingType = 'spelling' | 'form' | 'givenName';
type SpellingSeverities = Partial<Record<SpellingType, Severity>>;
interface SpellingOptions {
  minSimilarity: number;
  minLength: number;
  accept: string[][];
}

function findingTypeOf(comparison: NameVariant): SpellingType {
  if (comparison.variant === 'givenName') return 'givenName';
  return comparison.variant === 'spelling' ? 'spelling' : 'form';
}

/**
 * Whether two forms name one thing. Structure and accents need nothing more; a misspelt word needs
 * a shared word of the name beside it, or, alone, the old guards: long enough, the same first
 * letter, no derivation (Ukraine / Ukrainian), shared words around it or near-identical letters.
 * Another given name needs the same role word before both ("astronaut Slawosz" / "astronaut Slavoj").
 */
function enoughEvidence(comparison: NameVariant, a: string, b: string, mentionsA: WeighedMention[], mentionsB: WeighedMention[], rule: SpellingOptions): boolean {
  if (comparison.variant === 'diacritics') return true;
  // Joined or split capitalised words are usually other names ("Whitehouse" / "White House").
  if (comparison.variant === 'structure') return /[-‐‑'’.]/.test(a + b) || a.split(' ').length === b.split(' ').length;
  if (comparison.words.some(([x, y]) => derivation(x, y) && comparison.sharedWords < 2)) return false;
  // Acronyms one letter apart are other bodies (ABC / NBC); a web address is a name plus its domain.
  if ([a, b].some((form) => form.split(' ').some((word) => /^[\p{Lu}\d]{2,}$/u.test(word) && !differsOnlyElsewhere(word, comparison)) || /\.\p{Ll}/u.test(form))) return false;
  const sharedContext = mentionsA.some((x) => mentionsB.some((y) => [...x.context].some((word) => y.context.has(word))));
  if (comparison.variant === 'givenName') return givenNameEvidence(a, b, mentionsA, mentionsB);
  if (comparison.sharedWords > 0) return true;
  const [x, y] = comparison.words.length === 1 ? comparison.words[0]! : [a.toLowerCase(), b.toLowerCase()];
  if (x.length < rule.minLength || y.length < rule.minLength || x[0] !== y[0]) return false;
  const likeness = stringSimilarity.compareTwoStrings(x, y);
  return likeness >= rule.minSimilarity && (sharedContext || likeness >= 0.85);
}

/** Whether an all-capitals word is none of the words the two forms differ in. */
function differsOnlyElsewhere(word: string, comparison: NameVariant): boolean {
  const folded = nameSkeleton(word);
  return !comparison.words.some(([x, y]) => x === folded || y === folded);
}

/**
 * Another given name with one surname is one person only when both are whole names of a person
 * given the same role: not initials ("Anthony M. Kennedy"), titles or acronyms ("RNC Chairman"),
 * and not a surname that is a common noun elsewhere in the story ("Denver Post", "Dade County").
 */
function givenNameEvidence(a: string, b: string, mentionsA: readonly WeighedMention[], mentionsB: readonly WeighedMention[]): boolean {
  const personLike = (form: string) => {
    const words = form.split(' ');
    return words.every((word) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(word) && !isTitleWord(word));
  };
  if (!personLike(a) || !personLike(b)) return false;
  const whole = (mentions: readonly WeighedMention[]) => mentions.filter((mention) => !mention.derived);
  const surname = a.split(' ').at(-1)!.toLowerCase();
  const articles = new Set([...mentionsA, ...mentionsB].map((mention) => mention.article));
  if ([...articles].some((article) => containsWord(article.body, surname))) return false;
  return whole(mentionsA).some((x) => whole(mentionsB).some((y) => x.role !== undefined && x.role === y.role));
}

/** Whether `word` occurs in `text` between word boundaries, as `\b` defines them, without building a pattern per name. */
function containsWord(text: string, word: string): boolean {
  const isWordChar = (char: string | undefined) => char !== undefined && /\w/.test(char);
  const boundary = (at: number) => isWordChar(text[at - 1]) !== isWordChar(text[at]);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (boundary(at) && boundary(at + word.length)) return true;
  }
  return false;
}

/** Endings that make a related word rather than a misspelling: Ukraine / Ukrainian, Clinton / Clintons. */
const DERIVATIONS = /^(s|es|'s|n|ns|an|ans|ian|ians|ic|ics|ish|ese|i|is|ite|ites|ist|ists|er|ers|ed|ing|al|ly|y)$/;

function derivation(x: string, y: string): boolean {
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (longer.startsWith(shorter)) return DERIVATIONS.test(longer.slice(shorter.length));
  // A changed last letter before the ending: Ukraine / Ukrainian, Democrats / Democratic.
  let common = 0;
  while (common < shorter.length && shorter[common] === longer[common]) common++;
  return longer.length !== shorter.length && common >= shorter.length - 1 && longer.length - common <= DERIVATION_LETTERS + 1 && common >= 4;
}

function spellingDetection(type: SpellingType, severity: Severity, comparison: NameVariant, mentionsA: NameMention[], mentionsB: NameMention[], order: MentionOrder): Detection<SpellingType> {
  // Anchor on the rarer form: fewer articles, then fewer uses, then the one met later.
  const rarer = (x: NameMention[], y: NameMention[]) => articleCount(x) - articleCount(y) || x.length - y.length || order(y[0]!) - order(x[0]!);
  const [variant, others] = rarer(mentionsA, mentionsB) <= 0 ? [mentionsA, mentionsB] : [mentionsB, mentionsA];
  const [primary, ...rest] = variant;
  const vars = { name: primary!.text, otherName: others[0]!.text, files: files([primary!, ...rest]), otherFiles: files(others) };
  return {
    type,
    primary: span(primary!),
    related: [...rest, ...others].map(span),
    severity,
    vars: type === 'form' ? { ...vars, how: comparison.variant === 'diacritics' ? 'written with and without its accents' : 'hyphenated, spaced or pointed differently' } : vars,
    data: { type, variant: comparison.variant, variants: [primary!.text, others[0]!.text] },
    // The kind numbers its groups once every finding is known.
    group: -1,
  };
}

function capitalisationFindings(story: Story, facts: FactStore, severity: Severity): Array<Detection<'capitalisation'>> {
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
  const detections: Array<Detection<'capitalisation'>> = [];
  const covered: Array<{ article: Article; start: number; end: number }> = [];
  // Longest phrases first, so "Coalition of the Willing" is reported rather than a part of it.
  for (const phrase of [...phrases].sort((a, b) => b.split(' ').length - a.split(' ').length)) {
    let capitalised: Array<{ article: Article; start: number; end: number; text: string; quoted: boolean }> = [];
    let lowered: typeof capitalised = [];
    for (const article of story.articles) {
      const quotes = facts.get(article, extractQuotes);
      for (const found of findPhrase(facts.get(article, indexPhrases), phrase)) {
        if (covered.some((c) => c.article === article && c.start <= found.start && found.end <= c.end)) continue;
        const quoted = quotes.some((quote) => quote.start <= found.start && found.end <= quote.end);
        const main = found.text.split(/\s+/).filter((word) => !CONNECTORS.has(word.toLowerCase()));
        if (main.every((word) => /^\p{Lu}/u.test(word))) {
          // A title before a name ("Prime Minister Netanyahu") is capitalised by rule, and a phrase
          // inside a longer name ("Livingston High School", "House Intelligence Committee") is that name.
          const before = /(\p{L}+)[ \t]+$/u.exec(article.body.slice(Math.max(0, found.start - 40), found.start))?.[1] ?? '';
          const partOfLongerName = /^\p{Lu}/u.test(before) && !/'s$/.test(before);
          if (!/^\s+\p{Lu}/u.test(article.body.slice(found.end, found.end + 3)) && !partOfLongerName) capitalised.push({ article, ...found, quoted });
        } else if (main.every((word) => /^\p{Ll}/u.test(word))) {
          lowered.push({ article, ...found, quoted });
        }
      }
    }
    // Quoted words keep their author's capitals (a tweet's "Witch Hunt"), unless both forms are
    // quoted: then two outlets transcribe one remark differently.
    if (!(capitalised.some((c) => c.quoted) && lowered.some((l) => l.quoted))) {
      capitalised = capitalised.filter((c) => !c.quoted);
      lowered = lowered.filter((l) => !l.quoted);
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
      type: 'capitalisation',
      primary: spanOf(primary!.article, primary!.start, primary!.end),
      related: [...rest, ...otherSide].map((o): Span => spanOf(o.article, o.start, o.end)),
      severity,
      vars: {
        name: primary!.text,
        otherName: otherSide[0]!.text,
        files: files(primarySide),
        otherFiles: files(otherSide),
      },
      data: { type: 'capitalisation', variants: [primary!.text, otherSide[0]!.text] },
      group: -1,
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
