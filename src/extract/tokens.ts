import contractions from './vocabulary/contractions.json' with { type: 'json' };

/** A word of the normalised text with its offsets there. */
export interface Token {
  /** Lowercased, apostrophes kept inside the word (don't, Kyiv's). */
  readonly word: string;
  /** The word as written (normalised quotes and dashes). */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
}

// Apostrophes and periods join word parts (don't, U.S.); asterisks too, for censored words (f***).
const WORD = /[\p{L}\p{N}]+(?:['.*]+[\p{L}\p{N}]+)*\.?/gu;

/** Whole texts tokenised lately: several extractors read each article's words, one after another. */
const RECENT = new Map<string, Token[]>();
const RECENT_TEXTS = 16;

/** Words of `text[from, to)`; hyphens and slashes split words ("four-year" is two). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  if (from !== 0 || to !== text.length) return scan(text, from, to);
  const cached = RECENT.get(text);
  if (cached) return cached;
  const tokens = scan(text, from, to);
  RECENT.set(text, tokens);
  if (RECENT.size > RECENT_TEXTS) RECENT.delete(RECENT.keys().next().value!);
  return tokens;
}

function scan(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    let surface = match[0];
    // A trailing period belongs to the word only in abbreviations (U.S., Mr.), not at a sentence end.
    if (surface.endsWith('.') && !isAbbreviation(surface)) surface = surface.slice(0, -1);
    const end = Math.min(match.index + surface.length, to);
    tokens.push({ word: surface.slice(0, end - match.index).toLowerCase(), surface: surface.slice(0, end - match.index), start: match.index, end });
  }
  return tokens;
}

function isAbbreviation(word: string): boolean {
  // U.S., Jr., Mr., Gen.: an inner period, or a short capitalised stem.
  return word.slice(0, -1).includes('.') || /^\p{Lu}\p{Ll}{0,3}\.$/u.test(word);
}

/** Case- and punctuation-insensitive form used to compare quote wording. */
export function comparable(token: Token): string {
  return token.word.replace(/\./g, '');
}

const EXPANSIONS = new Map(Object.entries(contractions.expansions));

/**
 * The words a quote is compared by: contractions and informal spellings expanded ("it's" → it is,
 * "gonna" → going to). Each expanded word keeps the span of the word it came from; only the
 * first carries its surface, so diffs print the word once.
 */
export function comparisonTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const expansion = EXPANSIONS.get(token.word.replace(/\u2019/g, "'"));
    if (!expansion) {
      out.push(token);
      continue;
    }
    expansion.forEach((word, index) => out.push({ word, surface: index === 0 ? token.surface : '', start: token.start, end: token.end }));
  }
  return out;
}

/** Equal compared words; a censored word ("motherf***er") equals one with the same letters around the asterisks. */
export function sameWord(left: string, right: string): boolean {
  if (left === right) return true;
  if (!left.includes('*') && !right.includes('*')) return false;
  const [censored, plain] = left.includes('*') ? [left, right] : [right, left];
  const [head, ...rest] = censored.split(/\*+/);
  const tail = rest.at(-1) ?? '';
  return plain.length >= censored.length && plain.startsWith(head!) && plain.endsWith(tail);
}
