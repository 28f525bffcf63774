/** A word of the normalised text with its offsets there. */
export interface Token {
  /** Lowercased, apostrophes kept inside the word (don't, Kyiv's). */
  readonly word: string;
  /** The word as written (normalised quotes and dashes). */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*\.?/gu;

/** Words of `text[from, to)`; hyphens and slashes split words ("four-year" is two). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
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
  return token.word.replace(/\./g, '').replace(/'s$/, "'s");
}
