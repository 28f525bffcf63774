import { diffArrays } from 'diff';
import type { Token } from '../analysis/index.js';
import { comparable, sameWord } from './words.js';

/** How two word sequences line up: the common stretch, and the words around it on each side. */
export interface WordAlignment {
  /** Pairs of aligned word indexes (a, b) in the densest common stretch. */
  readonly matches: ReadonlyArray<readonly [number, number]>;
  /** Index ranges [start, end) of the aligned stretch on each side. */
  readonly windowA: readonly [number, number];
  readonly windowB: readonly [number, number];
  /** Words inside the windows that differ (substitutions, insertions, deletions). */
  readonly innerChanges: number;
}

/** Unaligned words allowed between two aligned ones before a match counts as scattered. */
const MAX_GAP = 3;

/**
 * Aligns two word sequences by longest common subsequence (jsdiff), keeping the densest stretch
 * of matches so a word matched far away ("of" in another clause) doesn't stretch the window.
 */
export function alignWords(a: readonly Token[], b: readonly Token[]): WordAlignment | undefined {
  const wordsA = a.map(comparable);
  const wordsB = b.map(comparable);
  const all: Array<[number, number]> = [];
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(wordsA, wordsB, { comparator: sameWord })) {
    const count = part.count ?? part.value.length;
    if (part.added) ib += count;
    else if (part.removed) ia += count;
    else for (let k = 0; k < count; k++) all.push([ia++, ib++]);
  }
  if (all.length === 0) return undefined;
  // Split into clusters at large gaps; keep the cluster with the most matches.
  let best: Array<[number, number]> = [];
  let current: Array<[number, number]> = [all[0]!];
  for (let k = 1; k < all.length; k++) {
    const [pa, pb] = all[k - 1]!;
    const [na, nb] = all[k]!;
    if (na - pa - 1 > MAX_GAP || nb - pb - 1 > MAX_GAP) {
      if (current.length > best.length) best = current;
      current = [];
    }
    current.push(all[k]!);
  }
  if (current.length > best.length) best = current;
  const windowA: [number, number] = [best[0]![0], best.at(-1)![0] + 1];
  const windowB: [number, number] = [best[0]![1], best.at(-1)![1] + 1];
  const innerChanges = windowA[1] - windowA[0] - best.length + (windowB[1] - windowB[0] - best.length);
  return { matches: best, windowA, windowB, innerChanges };
}

/**
 * A word diff in the style of `git diff --word-diff`: `All [-such-]{+these+} units ... targets`.
 * Long unchanged stretches keep their first and last word.
 */
export function wordDiff(from: readonly Token[], to: readonly Token[]): string {
  const out: string[] = [];
  let previousRemoved = false;
  const push = (piece: string, removed: boolean, added: boolean) => {
    // A replacement reads as one unit: [-such-]{+these+}.
    if (added && previousRemoved) out[out.length - 1] += piece;
    else out.push(piece);
    previousRemoved = removed;
  };
  const surfaces = (tokens: readonly Token[], start: number, count: number) =>
    tokens.slice(start, start + count).map((t) => t.surface).filter((surface) => surface !== '');
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(from.map(comparable), to.map(comparable), { comparator: sameWord })) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      push(`[-${surfaces(from, ia, count).join(' ')}-]`, true, false);
      ia += count;
    } else if (part.added) {
      push(`{+${surfaces(to, ib, count).join(' ')}+}`, false, true);
      ib += count;
    } else {
      const words = surfaces(from, ia, count);
      push(words.length > 3 ? `${words[0]} ... ${words.at(-1)}` : words.join(' '), false, false);
      ia += count;
      ib += count;
    }
  }
  return out.join(' ');
}
