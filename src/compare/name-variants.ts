import anyAscii from 'any-ascii';
import damerauLevenshteinModule from 'talisman/metrics/damerau-levenshtein.js';
import doubleMetaphoneModule from 'talisman/phonetics/double-metaphone.js';

// talisman is CommonJS with `exports.default`; bundlers and Node disagree on unwrapping it.
const damerauLevenshtein = unwrap(damerauLevenshteinModule) as (a: string, b: string) => number;
const doubleMetaphone = unwrap(doubleMetaphoneModule) as (word: string) => [string, string];

function unwrap(module: unknown): unknown {
  return typeof module === 'function' ? module : (module as { default: unknown }).default;
}

/**
 * How two written forms of one name differ, mildest first:
 * - `capitalisation`: the same letters ("SPOLU" / "Spolu");
 * - `diacritics`: the same once accents are folded and letters transliterated ("Babiš" / "Babis");
 * - `structure`: the same once hyphens, spaces, points and apostrophes are set aside
 *   ("Ho Wai-ho" / "Ho Wai Ho", "St Elizabeth" / "St. Elizabeth", "air strike" / "airstrike");
 * - `spelling`: letters changed in some word ("Khaka" / "Kaka", "Petr Fiala" / "Piotr Fiala");
 * - `givenName`: one surname with another given name ("Slawosz X" / "Slavoj X"): a nickname, an
 *   error, or two people of one family, so only a shared role makes it a finding.
 */
export type NameVariantClass = 'capitalisation' | 'diacritics' | 'structure' | 'spelling' | 'givenName';

export interface NameVariant {
  readonly variant: NameVariantClass;
  /** The differing words, for `spelling` (after folding): [["petr", "piotr"]]. */
  readonly words: ReadonlyArray<readonly [string, string]>;
  /** How many words the two forms share exactly (folded): the evidence that they name one thing. */
  readonly sharedWords: number;
}

/** Letters only, accents folded and other scripts transliterated: "Núñez" -> "Nunez". */
export function foldLetters(text: string): string {
  return anyAscii(text.normalize('NFC'));
}

/** What a name comes to without its punctuation, spacing and case: "St. Elizabeth" -> "stelizabeth". */
export function nameSkeleton(text: string): string {
  return foldLetters(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Words of a name, split at spaces and hyphens, folded and lowercased: "Ho Wai-ho" -> [ho, wai, ho]. */
export function nameSkeletonWords(text: string): string[] {
  return foldedWords(text);
}

/** A word's primary double-metaphone key: what a transliteration usually keeps. */
export function soundKey(word: string): string {
  return doubleMetaphone(word)[0];
}

function foldedWords(text: string): string[] {
  return foldLetters(text)
    .toLowerCase()
    .split(/[\s\-‐‑–—]+/)
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word.length > 0);
}

/**
 * The edits a word of this length may differ by and still be the same word misspelt: one in a
 * short word, two from eight letters on. Scaled to length, as a fixed similarity is not: Dice
 * says "Kaka" and "Khaka" are 0.57 alike and "Ukraine" and "Ukrainian" 0.71.
 */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : 1;
}

/** Two words sound alike by double metaphone, primary or alternate key (Qreiqeh / Kariqa). */
export function soundAlike(a: string, b: string): boolean {
  const [a1, a2] = doubleMetaphone(a);
  const [b1, b2] = doubleMetaphone(b);
  return a1.length >= 2 && (a1 === b1 || a1 === b2 || a2 === b1 || a2 === b2);
}

export function editDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b);
}

/** Whether two words are one word misspelt: few edits for their length, or the same sound. */
export function wordVariants(a: string, b: string): boolean {
  if (a === b) return false;
  const shorter = Math.min(a.length, b.length);
  // Words of three letters or fewer share too much by chance (Fu / Fuk is caught only with its neighbours).
  if (shorter < 3) return false;
  if (editDistance(a, b) <= allowedEdits(shorter)) return true;
  // A transliteration keeps the sound and may change most letters (Qreiqeh / Kariqa): a sound key
  // of three consonants or more, and no more edits than three in five letters of the longer word.
  return soundKeyLength(a) >= 3 && soundAlike(a, b) && editDistance(a, b) <= Math.ceil((Math.max(a.length, b.length) * 3) / 5);
}

function soundKeyLength(word: string): number {
  return doubleMetaphone(word)[0].length;
}

/**
 * Classifies how two forms of a name differ, or undefined when they are the same text or not
 * recognisably one name. Whether they name one thing (context, role, an article using both) is
 * for the caller to weigh: `sharedWords` is the strongest evidence this function can give.
 */
export function compareNameForms(a: string, b: string): NameVariant | undefined {
  if (a === b) return undefined;
  if (a.toLowerCase() === b.toLowerCase()) return { variant: 'capitalisation', words: [], sharedWords: foldedWords(a).length };
  const foldedA = foldLetters(a);
  const foldedB = foldLetters(b);
  if (foldedA === foldedB || foldedA.toLowerCase() === foldedB.toLowerCase()) {
    return { variant: 'diacritics', words: [], sharedWords: foldedWords(a).length };
  }
  if (nameSkeleton(a) === nameSkeleton(b) && nameSkeleton(a).length > 0) {
    return { variant: 'structure', words: [], sharedWords: sharedCount(foldedWords(a), foldedWords(b)) };
  }
  const wordsA = foldedWords(a);
  const wordsB = foldedWords(b);
  if (wordsA.length !== wordsB.length || wordsA.length === 0) return undefined;
  const differing: number[] = [];
  for (let k = 0; k < wordsA.length; k++) if (wordsA[k] !== wordsB[k]) differing.push(k);
  const sharedWords = wordsA.length - differing.length;
  const pair = (k: number): [string, string] => [wordsA[k]!, wordsB[k]!];
  // With a shared word beside it, a short word may lose or gain a last letter ("Wang Fuk Court" / "Wang Fu Court").
  const truncated = ([x, y]: [string, string]): boolean => sharedWords > 0 && Math.min(x.length, y.length) >= 2 && Math.abs(x.length - y.length) === 1 && (x.startsWith(y) || y.startsWith(x));
  const misspelt = differing.filter((k) => wordVariants(...pair(k)) || truncated(pair(k)));
  if (misspelt.length === differing.length) {
    // Several words may differ by a letter each ("Andrej Babiš" / "Andrey Babish"); more
    // differing words than shared ones, each changed further, is another name.
    const slight = differing.every((k) => editDistance(...pair(k)) <= 1);
    if (differing.length <= Math.max(1, sharedWords) || slight) return { variant: 'spelling', words: differing.map(pair), sharedWords };
    return undefined;
  }
  // Only the given name differs beyond spelling, the surname being the same or misspelt.
  const onlyGiven = differing.length - misspelt.length === 1 && !misspelt.includes(0) && differing.includes(0);
  if (wordsA.length >= 2 && onlyGiven && wordsA.at(-1)!.length >= 3) return { variant: 'givenName', words: differing.map(pair), sharedWords };
  return undefined;
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  const set = new Set(b);
  return a.filter((word) => set.has(word)).length;
}
