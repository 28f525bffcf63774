import type { QuantityToken } from '../analysis/index.js';
import { VOCABULARY } from './vocabulary/index.js';

const numbers = VOCABULARY.numbers;
const qualifiers = VOCABULARY.qualifiers;

/**
 * The small grammar shared by figures and durations, over the analysis's quantity tokens: number
 * phrases ("twenty-eight", "45 million", "hundreds of thousands", "a third") and the qualifiers
 * before them ("about", "at least", "almost").
 */
export type QualifierMeaning = keyof typeof qualifiers;

const QUALIFIER_PHRASES: Array<{ words: string[]; meaning: QualifierMeaning }> = (Object.entries(qualifiers) as Array<[QualifierMeaning, string[]]>)
  .flatMap(([meaning, phrases]) => phrases.map((phrase) => ({ words: phrase.split(' '), meaning })))
  .sort((a, b) => b.words.length - a.words.length);

/** The qualifier phrase ending just before token `index`, if any (longest first). */
export function qualifierBefore(tokens: readonly QuantityToken[], index: number): { meaning: QualifierMeaning; text: string; first: number } | undefined {
  for (const phrase of QUALIFIER_PHRASES) {
    const first = index - phrase.words.length;
    if (first < 0) continue;
    if (phrase.words.every((word, k) => tokens[first + k]!.lower === word) && tokens.slice(first + 1, index + 1).every((t) => /^\s*$/.test(t.gapBefore))) {
      return { meaning: phrase.meaning, text: phrase.words.join(' '), first };
    }
  }
  return undefined;
}

/** The meaning of a single qualifier word or phrase, as a pattern's `qualifier` capture gives it. */
export function qualifierMeaning(text: string): QualifierMeaning | undefined {
  const words = text.toLowerCase().trim().split(/\s+/).join(' ');
  return QUALIFIER_PHRASES.find((phrase) => phrase.words.join(' ') === words)?.meaning;
}

const CARDINALS = new Map(Object.entries(numbers.cardinals));
const SCALES = new Map(Object.entries(numbers.scales));
const ORDINALS = new Map(Object.entries(numbers.ordinals));
const FRACTIONS = new Map(Object.entries(numbers.fractions));
const VAGUE = Object.entries(numbers.vague)
  .map(([phrase, range]) => ({ words: phrase.split(' '), range: range as [number, number] }))
  .sort((a, b) => b.words.length - a.words.length);
export const MONTHS = new Set(numbers.months);

/** Any word of the number vocabulary ("four", "million", "hundreds", "third"). */
export function isNumberWord(word: string): boolean {
  return CARDINALS.has(word) || SCALES.has(word) || ORDINALS.has(word) || FRACTIONS.has(word) || VAGUE.some((vague) => vague.words.includes(word));
}

export interface NumberPhrase {
  /** Inclusive lower bound and exclusive upper bound for vague amounts; equal for exact values. */
  readonly low: number;
  readonly high: number;
  /** A vague amount ("hundreds of thousands"): [low, high). */
  readonly vague: boolean;
  /** Index after the last token of the phrase. */
  readonly end: number;
  /** "fourth", "28th". */
  readonly ordinal: boolean;
  /** "a third", "half". */
  readonly fraction: boolean;
}

/** A number phrase starting at token `index`. */
export function numberAt(tokens: readonly QuantityToken[], index: number): NumberPhrase | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  const joined = (k: number) => k > index && /^[ \t-]*$/.test(tokens[k]!.gapBefore) && !tokens[k]!.gapBefore.includes('\n');
  for (const vague of VAGUE) {
    if (vague.words.every((word, k) => tokens[index + k]?.lower === word && (k === 0 || joined(index + k)))) {
      return { low: vague.range[0], high: vague.range[1], vague: true, end: index + vague.words.length, ordinal: false, fraction: false };
    }
  }
  if (token.kind === 'numeral') {
    let value = Number(token.text.replace(/,/g, ''));
    let end = index + 1;
    const next = tokens[end];
    if (next && next.gapBefore === '' && /^(st|nd|rd|th)$/.test(next.lower)) {
      return { low: value, high: value, vague: false, end: end + 1, ordinal: true, fraction: false };
    }
    if (next && joined(end) && SCALES.has(next.lower)) {
      value *= SCALES.get(next.lower)!;
      end++;
    }
    return { low: value, high: value, vague: false, end, ordinal: false, fraction: false };
  }
  if (ORDINALS.has(token.lower) && !(tokens[index - 1] && ['a', 'one'].includes(tokens[index - 1]!.lower))) {
    const value = ORDINALS.get(token.lower)!;
    return { low: value, high: value, vague: false, end: index + 1, ordinal: true, fraction: false };
  }
  if ((token.lower === 'a' || token.lower === 'one') && tokens[index + 1] && FRACTIONS.has(tokens[index + 1]!.lower) && joined(index + 1)) {
    const value = FRACTIONS.get(tokens[index + 1]!.lower)!;
    return { low: value, high: value, vague: false, end: index + 2, ordinal: false, fraction: true };
  }
  if (token.lower === 'half' && tokens[index + 1]?.lower === 'of') {
    return { low: 0.5, high: 0.5, vague: false, end: index + 1, ordinal: false, fraction: true };
  }
  // Cardinal words: "four", "twenty-eight", "one hundred", "two million", "a dozen".
  let total = 0;
  let current = 0;
  let end = index;
  let any = false;
  let article = false;
  for (let k = index; k < tokens.length; k++) {
    const word = tokens[k]!.lower;
    if (k > index && !joined(k)) break;
    if (CARDINALS.has(word)) {
      current += CARDINALS.get(word)!;
    } else if (SCALES.has(word) && (any || article || word !== 'hundred')) {
      const scale = SCALES.get(word)!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (word === 'a' && k === index && tokens[k + 1] && (SCALES.has(tokens[k + 1]!.lower) || tokens[k + 1]!.lower === 'dozen')) {
      article = true;
      continue;
    } else if (word === 'and' && any && tokens[k + 1] && CARDINALS.has(tokens[k + 1]!.lower) && current >= 100) {
      continue;
    } else {
      break;
    }
    any = true;
    end = k + 1;
  }
  if (!any) return undefined;
  const value = total + current || (tokens[index]!.lower === 'a' ? 1 : 0);
  return { low: value, high: value, vague: false, end, ordinal: false, fraction: false };
}
