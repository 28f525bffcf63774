import { posix } from 'node:path';
import stringSimilarity from 'string-similarity';
import { z } from 'zod';
import { spanOf, type Span } from '../corpus/article.js';
import { foldLetters } from '../compare/name-variants.js';
import { diffArrays } from 'diff';
import { alignWords, wordDiff, type WordAlignment } from '../compare/word-alignment.js';
import { comparable, sameWord } from '../compare/words.js';
import { extractQuotes, type Quote } from '../extract/quotes.js';
import type { Token } from '../analysis/index.js';
import { VOCABULARY } from '../extract/vocabulary/index.js';
import type { Severity } from '../findings.js';
import { findingTypesOption, severityFor } from './finding-types.js';
import { cluster, defineKind, type Detection, type FactGroup } from './kind.js';

const FINDING_TYPES = ['wording', 'padding', 'attribution', 'speakerName', 'rendering', 'singleSource'] as const;
const OFF_BY_DEFAULT: FindingType[] = ['singleSource'];
type FindingType = (typeof FINDING_TYPES)[number];

const STOPWORDS = new Set(VOCABULARY.stopwords);
const PLACES = new Set([...Object.keys(VOCABULARY.places.capitals), ...Object.values(VOCABULARY.places.capitals)]);
const COUNTRIES = new Set(Object.values(VOCABULARY.places.capitals));
/** A word in more quotes of a story than this is too common to find candidate pairs by. */
const MAX_POSTINGS = 60;
/** Name likeness (string-similarity) above which two different spellings are one person. */
const SAME_NAME_SIMILARITY = 0.8;
const SAME_SURNAME_SIMILARITY = 0.6;

/**
 * Quotes that change between outlets: one remark worded differently, words inside quote marks
 * that no other version has, the same words given to different speakers or a speaker named
 * differently, and (off by default) remarks quoted by one article only.
 */
export const quote = defineKind({
  name: 'quote',
  summary:
    'Aligns the quotes of a story\'s articles word by word and reports one remark worded differently, padded inside quote marks, attributed to different speakers, or quoted by one article only.',
  options: {
    minWords: z.number().int().min(1).default(3).describe('Aligned words a remark needs before versions are compared (a whole shorter quote may have fewer).'),
    threshold: z.number().min(0).max(1).default(0.6).describe('Share of the shorter quote\'s words that must align for two quotes to be versions of one remark.'),
    maxPadding: z.number().int().min(1).default(4).describe('Most words a version may add at its edge, in the same sentence, to count as padding (or as part of the wording difference).'),
    findings: findingTypesOption(FINDING_TYPES, ['singleSource']),
  },
  messages: {
    wording: '{quoteOf} worded differently in {otherFiles}: {diff}',
    padding: '"{extra}" is inside the quote marks here, but no other version of the remark has it ({otherFiles}: "{otherText}")',
    attribution: 'The same words are attributed to {who} here and to {otherWho} in {otherFiles}',
    speakerName: 'The speaker is named "{speaker}" here and "{otherSpeaker}" in {otherFiles}',
    rendering: 'Quote of {speaker} rendered differently in {otherFiles}: "{text}" / "{otherText}"',
    singleSource: '{thisQuote} appears in no other article of the story',
  },
  variables: {
    wording: ['quoteOf', 'speaker', 'diff', 'otherFiles'],
    padding: ['speaker', 'extra', 'otherText', 'otherFiles'],
    attribution: ['speaker', 'otherSpeaker', 'who', 'otherWho', 'otherFiles'],
    speakerName: ['speaker', 'otherSpeaker', 'otherFiles'],
    rendering: ['speaker', 'text', 'otherText', 'otherFiles'],
    singleSource: ['thisQuote', 'speaker'],
  },
  create(rule) {
    const severityOf = (type: FindingType): Severity | undefined => severityFor(rule, type, OFF_BY_DEFAULT);
    const [wording, padding, attribution, speakerName, rendering, singleSource] = FINDING_TYPES.map(severityOf);
    return (story, facts) => {
      const quotes = story.articles.flatMap((article) => facts.get(article, extractQuotes));
      const pairs = alignedPairs(quotes, rule);
      const groups = quoteGroups(quotes, pairs);
      const detections: Array<Detection<FindingType>> = [];
      if (wording) detections.push(...wordingFindings(pairs, wording, groups.of));
      if (padding) detections.push(...paddingFindings(pairs, rule.maxPadding, padding, groups.of));
      if (attribution || speakerName) detections.push(...speakerFindings(pairs, rule.minWords, attribution, speakerName, groups.of));
      if (rendering) detections.push(...renderingFindings(quotes, pairs, rule.minWords, rendering, groups.of));
      if (singleSource && story.articles.length >= 3) detections.push(...singleSourceFindings(quotes, pairs, rule.minWords, singleSource, groups.of));
      return { detections, groups: groups.list };
    };
  },
});

/**
 * The remarks of a story: versions aligned with each other form one group; a quote aligned with
 * none is a group of its own (a remark one article alone has is worth seeing), unless it is a
 * nested or one-word quote. `of` gives a quote's group, adding one for a quote not yet in any.
 */
function quoteGroups(quotes: Quote[], pairs: QuotePair[]): { list: FactGroup[]; of: (quote: Quote) => number } {
  const paired = new Set(pairs.flatMap((pair) => [pair.a, pair.b]));
  const members = quotes.filter((quote) => paired.has(quote) || (!quote.nested && quote.tokens.length >= 2));
  const list: FactGroup[] = [];
  const index = new Map<Quote, number>();
  const add = (group: Quote[]) => {
    for (const quote of group) index.set(quote, list.length);
    list.push({ kind: 'quote', label: remarkLabel(group), spans: group.map(quoteSpan) });
  };
  for (const group of cluster(members, pairs.map((pair) => [pair.a, pair.b] as const))) add(group);
  return {
    list,
    of: (quote) => {
      if (!index.has(quote)) add([quote]);
      return index.get(quote)!;
    },
  };
}

/** A remark's row heading: its speaker and first words. */
function remarkLabel(group: Quote[]): string {
  const speaker = group.map(credibleSpeaker).find(Boolean);
  const words = group[0]!.tokens.slice(0, 6).map((token) => token.surface).join(' ');
  return `${speaker ? `${speaker}: ` : ''}“${words}${group[0]!.tokens.length > 6 ? ' …' : ''}”`;
}

type GroupOf = (quote: Quote) => number;

export interface QuotePair {
  a: Quote;
  b: Quote;
  alignment: WordAlignment;
  /** Token ranges compared on each side: the aligned window plus short same-sentence edges. */
  extentA: [number, number];
  extentB: [number, number];
}

/** Pairs of quotes, from different articles, that are versions of one remark. */
export function alignedPairs(quotes: Quote[], rule: { minWords: number; threshold: number; maxPadding: number }): QuotePair[] {
  // Index quotes by their content words, counting each: the words two quotes share bound how many
  // content words can align, so most candidates are dismissed before any alignment runs.
  const counts = quotes.map((quote) => {
    const byWord = new Map<string, number>();
    for (const token of quote.words) if (!STOPWORDS.has(token.word)) byWord.set(token.word, (byWord.get(token.word) ?? 0) + 1);
    return byWord;
  });
  const contentTotal = counts.map((byWord) => [...byWord.values()].reduce((sum, n) => sum + n, 0));
  const postings = new Map<string, Array<[number, number]>>();
  counts.forEach((byWord, index) => {
    for (const [word, count] of byWord) {
      const list = postings.get(word);
      if (list) list.push([index, count]);
      else postings.set(word, [[index, count]]);
    }
  });
  const pairs: QuotePair[] = [];
  quotes.forEach((a, i) => {
    const bound = new Map<number, number>();
    for (const [word, count] of counts[i]!) {
      const list = postings.get(word)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const [j, other] of list) if (j > i && quotes[j]!.article !== a.article) bound.set(j, (bound.get(j) ?? 0) + Math.min(count, other));
    }
    for (const [j, shared] of bound) {
      const b = quotes[j]!;
      const shorterContent = a.words.length <= b.words.length ? contentTotal[i]! : contentTotal[j]!;
      if (shared < rule.threshold * shorterContent && shared < LONG_RUN_CONTENT) continue;
      const pair = align(a, b, rule);
      if (pair) pairs.push(pair);
    }
  });
  // A nested quote ('axis of war') is compared only where its enclosing quote is not.
  const indexOf = new Map(quotes.map((quote, index) => [quote, index]));
  const aligned = new Set(pairs.map((pair) => `${indexOf.get(pair.a)}:${indexOf.get(pair.b)}`));
  const parentAligned = (nested: Quote, other: Quote) => {
    if (!nested.parent || !indexOf.has(nested.parent)) return false;
    const p = indexOf.get(nested.parent)!;
    const o = indexOf.get(other)!;
    return aligned.has(`${Math.min(p, o)}:${Math.max(p, o)}`);
  };
  return pairs.filter((pair) => !parentAligned(pair.a, pair.b) && !parentAligned(pair.b, pair.a));
}

function align(a: Quote, b: Quote, rule: { minWords: number; threshold: number; maxPadding: number }): QuotePair | undefined {
  const alignment = alignWords(a.words, b.words);
  if (!alignment) return undefined;
  const matched = alignment.matches.length;
  const [shorter, shorterIndex] = a.words.length <= b.words.length ? [a, 0] : [b, 1];
  // Two named people's quotes are one remark only when nearly all of the shorter aligns: then
  // the same words are given to two people (an attribution finding), not reworded.
  if (!compatibleSpeakers(a, b) && (matched < 2 * rule.minWords || matched / shorter.words.length < SAME_WORDS_SHARE)) return undefined;
  // Most of the shorter quote aligns, or a long common run of a speaker's words does ("a number
  // of unpopular but necessary steps" inside two long, otherwise different passages).
  if (matched / shorter.words.length < rule.threshold) {
    if (!longCommonRun(a, alignment) || !compatibleSpeakers(a, b)) return undefined;
    const [extentA, extentB] = extents(a, b, alignment, rule.maxPadding);
    return { a, b, alignment, extentA, extentB };
  }
  // Content words decide: "there's a lot of" is common to unrelated remarks.
  const content = shorter.words.filter((token) => !STOPWORDS.has(token.word)).length;
  const contentMatched = alignment.matches.filter((match) => !STOPWORDS.has(shorter.words[match[shorterIndex]!]!.word)).length;
  if (contentMatched === 0 || contentMatched / Math.max(content, 1) < rule.threshold) return undefined;
  if (matched < rule.minWords || contentMatched < 2) {
    // A short quote counts only when all of it aligns, word for word in one stretch.
    if (matched !== shorter.words.length || alignment.innerChanges > 0) return undefined;
  }
  const [extentA, extentB] = extents(a, b, alignment, rule.maxPadding);
  return { a, b, alignment, extentA, extentB };
}

/** The longest whole quote that pins down what was said, so that words added to it are padding. */
const MAX_PINNED_WORDS = 3;

/** Share of the shorter quote two different speakers' quotes must share to be one remark. */
const SAME_WORDS_SHARE = 0.8;

/** Words in one unbroken aligned run, and content words among them, that make one remark. */
const LONG_RUN_WORDS = 6;
const LONG_RUN_CONTENT = 4;

function longCommonRun(a: Quote, alignment: WordAlignment): boolean {
  let run = 1;
  let content = STOPWORDS.has(a.words[alignment.matches[0]![0]]!.word) ? 0 : 1;
  for (let k = 1; k < alignment.matches.length; k++) {
    const [pa, pb] = alignment.matches[k - 1]!;
    const [na, nb] = alignment.matches[k]!;
    if (na === pa + 1 && nb === pb + 1) run++;
    else [run, content] = [1, 0];
    if (!STOPWORDS.has(a.words[na]!.word)) content++;
    if (run >= LONG_RUN_WORDS && content >= LONG_RUN_CONTENT) return true;
  }
  return false;
}

/**
 * The same speaker, or one side's unknown: two people named in full are two remarks. A speaker
 * named by one word (a surname, "the Kremlin") may stand for either.
 */
function compatibleSpeakers(a: Quote, b: Quote): boolean {
  const [x, y] = [speakerKey(a), speakerKey(b)];
  if (!x || !y || x === y) return true;
  return !credibleSpeaker(a)!.includes(' ') || !credibleSpeaker(b)!.includes(' ');
}

/**
 * Widens the aligned windows by the words a version has beyond them in the same sentence, when
 * the other version's quote ends (or starts) right there and the extra words are few.
 */
function extents(a: Quote, b: Quote, alignment: WordAlignment, maxPadding: number): [[number, number], [number, number]] {
  const extentA: [number, number] = [...alignment.windowA];
  const extentB: [number, number] = [...alignment.windowB];
  const headA = sameSentenceBefore(a, alignment.windowA[0]);
  const headB = sameSentenceBefore(b, alignment.windowB[0]);
  if (headA <= maxPadding && headB <= maxPadding) {
    extentA[0] -= headA;
    extentB[0] -= headB;
  }
  const tailA = sameSentenceAfter(a, alignment.windowA[1]);
  const tailB = sameSentenceAfter(b, alignment.windowB[1]);
  if (tailA <= maxPadding && tailB <= maxPadding) {
    extentA[1] += tailA;
    extentB[1] += tailB;
  }
  return [extentA, extentB];
}

/** Words of the quote before token `index` in the same sentence (up to the quote's start). */
function sameSentenceBefore(quote: Quote, index: number): number {
  let count = 0;
  for (let i = index - 1; i >= 0; i--) {
    if (sentenceBreakBetween(quote, i, i + 1)) break;
    count++;
  }
  return count;
}

function sameSentenceAfter(quote: Quote, index: number): number {
  let count = 0;
  for (let i = index; i < quote.words.length; i++) {
    if (i > 0 && sentenceBreakBetween(quote, i - 1, i)) break;
    count++;
  }
  return count;
}

/** The analysis puts the two words in different sentences, or a semicolon, a colon or an ellipsis (an omission) parts them. */
function sentenceBreakBetween(quote: Quote, left: number, right: number): boolean {
  const l = quote.words[left]!;
  const r = quote.words[right]!;
  return l.sentence !== r.sentence || /[;:]|\.\.\./.test(quote.article.body.slice(l.end, r.start));
}

function comparedTokens(quote: Quote, extent: [number, number]): Token[] {
  return quote.words.slice(extent[0], extent[1]);
}

function surfaceText(tokens: readonly Token[]): string {
  return tokens.map((token) => token.surface).filter((surface) => surface !== '').join(' ');
}

function key(tokens: Token[]): string {
  return tokens.map((token) => token.word.replace(/\./g, '')).join(' ');
}

/** One finding per pair of distinct wordings of a remark, locating every article that uses each. */
function wordingFindings(pairs: QuotePair[], severity: Severity, groupOf: GroupOf): Array<Detection<'wording'>> {
  const groups = new Map<string, { sides: [Map<Quote, Token[]>, Map<Quote, Token[]>] }>();
  for (const pair of pairs) {
    const tokensA = comparedTokens(pair.a, pair.extentA);
    const tokensB = comparedTokens(pair.b, pair.extentB);
    const keyA = key(tokensA);
    const keyB = key(tokensB);
    if (keyA === keyB) continue;
    // Only differences inside the compared stretch: a version that merely quotes less is not one.
    if (pair.alignment.innerChanges === 0 && sameEdges(pair)) continue;
    // Words added or dropped only at either end are a quote cut elsewhere, not a rewording.
    if (changesOnlyAtEdges(tokensA, tokensB)) continue;
    if (!strongAlignment(pair)) continue;
    const [first, second, firstQuote, secondQuote, firstTokens, secondTokens] =
      keyA < keyB ? [keyA, keyB, pair.a, pair.b, tokensA, tokensB] : [keyB, keyA, pair.b, pair.a, tokensB, tokensA];
    const groupKey = `${first}\u0000${second}`;
    const group = groups.get(groupKey) ?? { sides: [new Map(), new Map()] };
    group.sides[0].set(firstQuote, firstTokens);
    group.sides[1].set(secondQuote, secondTokens);
    groups.set(groupKey, group);
  }
  const detections: Array<Detection<'wording'>> = [];
  for (const { sides } of groups.values()) {
    // Anchor on the wording fewer articles use: it is the likelier one to have changed.
    const [variant, majority] = articleCount(sides[0]) <= articleCount(sides[1]) ? sides : [sides[1], sides[0]];
    const [primary, primaryTokens] = [...variant][0]!;
    const [, majorityTokens] = [...majority][0]!;
    const diff = wordDiff(majorityTokens, primaryTokens);
    const otherFiles = fileNames([...majority.keys()]);
    const speaker = credibleSpeaker(primary) ?? [...majority.keys()].map(credibleSpeaker).find(Boolean);
    detections.push({
      type: 'wording',
      primary: quoteSpan(primary),
      related: [...[...variant.keys()].slice(1), ...majority.keys()].map(quoteSpan),
      severity,
      vars: { quoteOf: speaker ? `Quote of ${speaker}` : 'Quote', speaker: speaker ?? 'unknown', diff, otherFiles },
      data: { type: 'wording', diff, variant: surfaceText(primaryTokens), other: surfaceText(majorityTokens) },
      group: groupOf(primary),
    });
  }
  return detections;
}

/** Every added or dropped word sits before the first or after the last word the versions share, on one side only. */
function changesOnlyAtEdges(a: readonly Token[], b: readonly Token[]): boolean {
  const parts = diffArrays(a.map(comparable), b.map(comparable), { comparator: sameWord });
  const shared = parts.map((part, index) => (part.added || part.removed ? -1 : index)).filter((index) => index >= 0);
  if (shared.length === 0 || shared.length === parts.length) return false;
  const [first, last] = [shared[0]!, shared.at(-1)!];
  if (parts.some((part, index) => (part.added || part.removed) && index > first && index < last)) return false;
  // At an edge, words on one side only are a cut; words on both sides are a changed word ("Senator" / "Sen.").
  const oneSided = (edge: typeof parts) => !(edge.some((part) => part.added) && edge.some((part) => part.removed));
  return oneSided(parts.slice(0, first)) && oneSided(parts.slice(last + 1));
}

/**
 * Enough in common to call a difference a rewording rather than two remarks sharing a phrase:
 * three aligned content words, or most of the shorter quote.
 */
function strongAlignment(pair: QuotePair): boolean {
  const shorter = Math.min(pair.a.words.length, pair.b.words.length);
  const content = pair.alignment.matches.filter(([ia]) => !STOPWORDS.has(pair.a.words[ia]!.word)).length;
  return content >= 3 || pair.alignment.matches.length / shorter >= 0.75;
}

function sameEdges(pair: QuotePair): boolean {
  const { windowA, windowB } = pair.alignment;
  return pair.extentA[0] === windowA[0] && pair.extentA[1] === windowA[1] && pair.extentB[0] === windowB[0] && pair.extentB[1] === windowB[1]
    ? true
    : edgeOnlyOneSide(pair);
}

/** Extra words on one side only, the other version's quote ending there: padding, not wording. */
function edgeOnlyOneSide(pair: QuotePair): boolean {
  const { windowA, windowB } = pair.alignment;
  const headA = windowA[0] - pair.extentA[0];
  const headB = windowB[0] - pair.extentB[0];
  const tailA = pair.extentA[1] - windowA[1];
  const tailB = pair.extentB[1] - windowB[1];
  return (headA === 0 || headB === 0) && (tailA === 0 || tailB === 0);
}

/** Words inside quote marks that no other version of the remark has, where other versions exist. */
function paddingFindings(pairs: QuotePair[], maxPadding: number, severity: Severity, groupOf: GroupOf): Array<Detection<'padding'>> {
  const byQuote = new Map<Quote, QuotePair[]>();
  for (const pair of pairs) {
    for (const quote of [pair.a, pair.b]) byQuote.set(quote, [...(byQuote.get(quote) ?? []), pair]);
  }
  const found = new Map<Quote, { padded: Quote; extra: Token[]; others: Set<Quote> }>();
  for (const pair of pairs) {
    if (pair.alignment.innerChanges > 0) continue;
    for (const [padded, other, window, otherWindow] of [
      [pair.a, pair.b, pair.alignment.windowA, pair.alignment.windowB],
      [pair.b, pair.a, pair.alignment.windowB, pair.alignment.windowA],
    ] as const) {
      // The other version is whole (its quote starts and ends with the shared words) and closed its
      // sentence ("destructive." against "destructive militarism."). Only words after the shared
      // ones count: a version that starts later or stops mid-sentence may simply quote less.
      if (otherWindow[0] !== 0 || otherWindow[1] !== other.words.length || !endsSentence(other)) continue;
      // Against a longer whole quote, more words at its end are the fuller quote, not padding;
      // a word or two quoted alone ("destructive.") pins down what was said.
      if (other.words.length > MAX_PINNED_WORDS) continue;
      const extra = padded.words.slice(window[1]);
      if (extra.length === 0 || extra.length > maxPadding || sameSentenceAfter(padded, window[1]) < extra.length) continue;
      if (extra.every((token) => STOPWORDS.has(token.word))) continue;
      // Another version reaching past the shared words (worded alike or not) covers them.
      const covered = (byQuote.get(padded) ?? []).some((candidate) => {
        if (candidate === pair) return false;
        const [mine, theirs, theirQuote] =
          candidate.a === padded
            ? [candidate.alignment.windowA, candidate.alignment.windowB, candidate.b]
            : [candidate.alignment.windowB, candidate.alignment.windowA, candidate.a];
        return mine[1] > window[1] || theirs[1] < theirQuote.words.length;
      });
      if (covered) continue;
      const entry = found.get(padded) ?? { padded, extra: [...extra], others: new Set<Quote>() };
      entry.others.add(other);
      found.set(padded, entry);
    }
  }
  return [...found.values()].map(({ padded, extra, others }): Detection<'padding'> => {
    const words = surfaceText(extra);
    const otherFiles = fileNames([...others]);
    const otherText = surfaceText([...others][0]!.words);
    return {
      type: 'padding',
      primary: quoteSpan(padded),
      related: [...others].map(quoteSpan),
      severity,
      vars: { speaker: credibleSpeaker(padded) ?? 'unknown', extra: words, otherText, otherFiles },
      data: { type: 'padding', extra: words, other: otherText },
      group: groupOf(padded),
    };
  });
}

/** The same words given to different people, or one person named differently. */
function speakerFindings(pairs: QuotePair[], minWords: number, attribution: Severity | undefined, speakerName: Severity | undefined, groupOf: GroupOf): Array<Detection<'attribution' | 'speakerName'>> {
  const detections: Array<Detection<'attribution' | 'speakerName'>> = [];
  const reported = new Set<string>();
  for (const { a, b, alignment } of pairs) {
    const organisation = attribution ? organisationAgainstPerson(a, b, alignment, minWords) : undefined;
    if (organisation) {
      const id = ['organisation', organisation.org.speaker!.name, organisation.person.speaker!.name].join('\u0000');
      if (reported.has(id)) continue;
      reported.add(id);
      const { org, person } = organisation;
      const personSpeaker = person.speaker!;
      const where = posix.basename(person.article.path);
      detections.push({
        type: 'attribution',
        primary: speakerSpan(org),
        related: [
          speakerSpan(person),
          ...(personSpeaker.introduced ? [spanOf(person.article, personSpeaker.introduced.start, personSpeaker.introduced.end)] : []),
          quoteSpan(org),
          quoteSpan(person),
        ],
        severity: attribution!,
        vars: { speaker: org.speaker!.name, otherSpeaker: personSpeaker.name, who: `the ${org.speaker!.name}`, otherWho: `${personSpeaker.name} (${personSpeaker.role})`, otherFiles: where },
        data: { type: 'attribution', speakers: [org.speaker!.name, personSpeaker.name], role: personSpeaker.role! },
        group: groupOf(org),
      });
      continue;
    }
    // Enough shared words to be one remark, not a shared motto or phrase; pronouns are too loose a link.
    if (alignment.matches.length < 2 * minWords || !credibleSpeaker(a) || !credibleSpeaker(b) || !a.speaker || !b.speaker) continue;
    if (a.speaker.resolvedBy === 'pronoun' || b.speaker.resolvedBy === 'pronoun') continue;
    const nameA = a.speaker.name;
    const nameB = b.speaker.name;
    // Only people with a full name: organisations and places ("Moscow") are often metonyms.
    if (!nameA.includes(' ') || !nameB.includes(' ') || withoutInitials(nameA) === withoutInitials(nameB)) continue;
    const surnameA = nameA.split(' ').at(-1)!;
    const surnameB = nameB.split(' ').at(-1)!;
    // One person spelled two ways: the whole names alike, and the surnames close (Kovalenko / Kovalenco).
    const likeness = stringSimilarity.compareTwoStrings(nameA.toLowerCase(), nameB.toLowerCase());
    const surnameLikeness = stringSimilarity.compareTwoStrings(surnameA.toLowerCase(), surnameB.toLowerCase());
    const type: FindingType = likeness >= SAME_NAME_SIMILARITY && surnameLikeness >= SAME_SURNAME_SIMILARITY ? 'speakerName' : 'attribution';
    if (surnameA === surnameB) continue;
    const severity = type === 'speakerName' ? speakerName : attribution;
    const id = [type, ...[nameA, nameB].sort()].join('\u0000');
    if (!severity || reported.has(id)) continue;
    reported.add(id);
    const otherFiles = posix.basename(b.article.path);
    const common = { primary: speakerSpan(a), related: [speakerSpan(b), quoteSpan(a), quoteSpan(b)], severity, group: groupOf(a) };
    detections.push(
      type === 'speakerName'
        ? { ...common, type, vars: { speaker: nameA, otherSpeaker: nameB, otherFiles }, data: { type, speakers: [nameA, nameB] } }
        : { ...common, type, vars: { speaker: nameA, otherSpeaker: nameB, who: nameA, otherWho: nameB, otherFiles }, data: { type, speakers: [nameA, nameB] } },
    );
  }
  return detections;
}

/** A name without middle initials and accents, lowercased: "Paul D. Ryan" = "Paul Ryan". */
function withoutInitials(name: string): string {
  return foldLetters(name)
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.replace(/\./g, '').length > 1)
    .join(' ');
}

/**
 * "The Kremlin ... declaring 'legitimate military targets'" against the Foreign Ministry
 * spokeswoman who said them: an organisation named as the speaker where another article names a
 * person whose role belongs to a different organisation. A place ("Moscow") stands for its whole
 * government and agrees with anyone; a person without a stated role is not judged.
 */
function organisationAgainstPerson(a: Quote, b: Quote, alignment: WordAlignment, minWords: number): { org: Quote; person: Quote } | undefined {
  if (!credibleSpeaker(a) || !credibleSpeaker(b) || a.speaker!.resolvedBy === 'pronoun' || b.speaker!.resolvedBy === 'pronoun') return undefined;
  // The whole shorter quote must be part of the other, and long enough to be a remark.
  const shorter = Math.min(a.words.length, b.words.length);
  if (alignment.matches.length < minWords || alignment.matches.length < shorter || alignment.innerChanges > 0) return undefined;
  const isOrganisation = (quote: Quote) => /^the\s+\p{Lu}[\p{L}-]+$/iu.test(quote.speaker!.mention) && !PLACES.has(quote.speaker!.name);
  const [org, person] = isOrganisation(a) ? [a, b] : isOrganisation(b) ? [b, a] : [];
  if (!org || !person || !person.speaker!.name.includes(' ') || !person.speaker!.role) return undefined;
  const role = person.speaker!.role;
  // The role's own organisation: its capitalised words other than a country ("Foreign Ministry").
  const roleOrganisation = role.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word) && !/'s$/.test(word) && !COUNTRIES.has(word) && !/(ian|ish|ese|an)$/.test(word));
  if (roleOrganisation.length === 0) return undefined;
  if (role.toLowerCase().includes(org.speaker!.name.toLowerCase())) return undefined;
  return { org, person };
}

/**
 * The speaker's name, unless it cannot be one: a capitalised function word or a single letter
 * ("It", "A" opening a sentence). Better an unknown speaker than a wrong one.
 */
function credibleSpeaker(quote: Quote): string | undefined {
  const name = quote.speaker?.name;
  if (!name) return undefined;
  const words = name.split(/\s+/);
  if (words.every((word) => STOPWORDS.has(word.toLowerCase()) || word.replace(/\W/g, '').length <= 1)) return undefined;
  return name;
}

/** Content lemmas a rendering is compared by: "rebuilding" and "rebuild" are one word. */
function contentLemmas(quote: Quote): Set<string> {
  return new Set(quote.words.filter((token) => !STOPWORDS.has(token.word) && token.word.length > 1).map((token) => token.lemma ?? token.word));
}

/** A speaker as renderings are matched: the surname, accents folded ("Babiš" = "Babis"). */
function speakerKey(quote: Quote): string | undefined {
  const name = credibleSpeaker(quote);
  if (!name || !/^\p{Lu}/u.test(name)) return undefined;
  return foldLetters(name.split(' ').at(-1)!).toLowerCase();
}

/**
 * One remark translated or paraphrased differently: quotes of one speaker in two articles that
 * do not align as versions, yet share content lemmas beyond chance (Dice 0.45, at least two; 0.5
 * and three when only one side names the speaker), each the other's best match between the two
 * articles. Pairs already aligned are the wording check's, and articles that quote some remark
 * word for word quote literally, so their unaligned quotes are different remarks.
 */
function renderingFindings(quotes: Quote[], pairs: QuotePair[], minWords: number, severity: Severity, groupOf: GroupOf): Array<Detection<'rendering'>> {
  const alignedWith = new Map<Quote, Set<string>>();
  for (const pair of pairs) {
    for (const [quote, other] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      alignedWith.set(quote, (alignedWith.get(quote) ?? new Set()).add(other.article.path));
    }
  }
  const candidates = quotes.filter((quote) => !quote.nested && quote.words.length >= minWords + 1);
  // One speaker named on both sides, or named on one: then the words must say more.
  const needed = (a: Quote, b: Quote): number | undefined => {
    const [x, y] = [speakerKey(a), speakerKey(b)];
    if (x && y) return x === y ? RENDERING_OVERLAP : undefined;
    return x || y ? RENDERING_OVERLAP_ONE_SPEAKER : undefined;
  };
  const lemmas = new Map(candidates.map((quote) => [quote, contentLemmas(quote)]));
  const overlap = (a: Quote, b: Quote): number => {
    const [x, y] = [lemmas.get(a)!, lemmas.get(b)!];
    let shared = 0;
    for (const lemma of x) if (y.has(lemma)) shared++;
    const required = needed(a, b);
    if (required === undefined || shared < (required === RENDERING_OVERLAP ? 2 : 3)) return 0;
    // Dice, not overlap of the shorter: two renderings of one remark are of a like length.
    const score = (2 * shared) / (x.size + y.size);
    return score >= required ? score : 0;
  };
  const bestIn = (quote: Quote, article: string): Quote | undefined => {
    let best: Quote | undefined;
    let score = 0;
    for (const other of candidates) {
      if (other.article.path !== article) continue;
      const s = overlap(quote, other);
      if (s > score) [best, score] = [other, s];
    }
    return best;
  };
  const detections: Array<Detection<'rendering'>> = [];
  const seen = new Set<string>();
  for (const a of candidates) {
    for (const article of new Set(candidates.map((quote) => quote.article.path))) {
      if (article <= a.article.path || alignedWith.get(a)?.has(article)) continue;
      const b = bestIn(a, article);
      if (!b || bestIn(b, a.article.path) !== a || alignedWith.get(b)?.has(a.article.path)) continue;
      // Outlets that quote this speaker word for word elsewhere quote literally: an unaligned pair
      // is then another remark, not another translation of this one.
      if (quotesLiterally(a, b, pairs)) continue;
      const id = `${a.start}:${a.article.path}:${b.start}:${b.article.path}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const named = [a, b].filter((quote) => speakerKey(quote)).map((quote) => quote.speaker!.name);
      const speaker = named.sort((x, y) => y.length - x.length)[0]!;
      const otherFiles = posix.basename(b.article.path);
      const [textA, textB] = [surfaceText(a.words), surfaceText(b.words)];
      detections.push({
        type: 'rendering',
        primary: quoteSpan(a),
        related: [quoteSpan(b)],
        severity,
        vars: { speaker, text: shorten(textA), otherText: shorten(textB), otherFiles },
        data: { type: 'rendering', variant: textA, other: textB, likeness: Number(overlap(a, b).toFixed(2)) },
        group: groupOf(a),
      });
    }
  }
  return detections;
}

/**
 * Whether the two articles share a word-for-word version of some remark (of four words or more):
 * then they quote their sources literally, and two unaligned quotes are two remarks.
 */
function quotesLiterally(a: Quote, b: Quote, pairs: readonly QuotePair[]): boolean {
  return pairs.some((pair) => {
    const articles = new Set([pair.a.article, pair.b.article]);
    return articles.has(a.article) && articles.has(b.article) && pair.alignment.innerChanges === 0 && pair.alignment.matches.length >= 4;
  });
}

/** Dice likeness of content lemmas two renderings need: one speaker named on both sides, or on one. */
const RENDERING_OVERLAP = 0.45;
const RENDERING_OVERLAP_ONE_SPEAKER = 0.5;

function shorten(text: string): string {
  const words = text.split(' ');
  return words.length <= 12 ? text : `${words.slice(0, 12).join(' ')} ...`;
}

function singleSourceFindings(quotes: Quote[], pairs: QuotePair[], minWords: number, severity: Severity, groupOf: GroupOf): Array<Detection<'singleSource'>> {
  const paired = new Set(pairs.flatMap((pair) => [pair.a, pair.b]));
  return quotes
    .filter((q) => !q.nested && q.words.length >= minWords && !paired.has(q) && !(q.parent && paired.has(q.parent)))
    .map((q): Detection<'singleSource'> => ({
      type: 'singleSource',
      primary: quoteSpan(q),
      related: [],
      severity,
      vars: { thisQuote: credibleSpeaker(q) ? `This quote of ${credibleSpeaker(q)}` : 'This quote', speaker: credibleSpeaker(q) ?? 'unknown' },
      data: { type: 'singleSource' },
      group: groupOf(q),
    }));
}

/** The quote closes its sentence: a period, question or exclamation mark just inside or outside the closing mark. */
function endsSentence(quote: Quote): boolean {
  const text = quote.article.body;
  const lastWord = quote.tokens.at(-1);
  if (!lastWord) return false;
  return /^[^\p{L}\p{N}]*[.!?]/u.test(text.slice(lastWord.end, quote.end + 2)) || lastWord.surface.endsWith('.');
}

function quoteSpan(quote: Quote): Span {
  return spanOf(quote.article, quote.start, quote.end);
}

function speakerSpan(quote: Quote): Span {
  return spanOf(quote.article, quote.speaker!.start, quote.speaker!.end);
}

function articleCount(side: Map<Quote, unknown>): number {
  return new Set([...side.keys()].map((q) => q.article.path)).size;
}

function fileNames(quotes: Quote[]): string {
  return [...new Set(quotes.map((q) => posix.basename(q.article.path)))].join(', ');
}


