import type { Token } from '../analysis/index.js';
import { VOCABULARY } from '../extract/vocabulary/index.js';

/** Case- and punctuation-insensitive form used to compare quote wording. */
export function comparable(token: Token): string {
  return token.word.replace(/\./g, '');
}

const EXPANSIONS = new Map(Object.entries(VOCABULARY.contractions.expansions));

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
    expansion.forEach((word, index) => out.push({ ...token, word, surface: index === 0 ? token.surface : '' }));
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
