import { firstEndingAfter, type Analysis, type Token } from '../analysis/index.js';
import events from './vocabulary/events.json' with { type: 'json' };

/** What a date or time dates, by the event vocabulary. */
export interface DatedEvent {
  /** The event's name in the vocabulary ("launch"), with the phase when one stands between ("arrival:complete"). */
  readonly event?: string;
  /** The clause calls the date a plan that changed ("postponed from June 10"): not the event's date. */
  readonly superseded: boolean;
}

/** Words between an `adjacent` phrase and its date at most ("the hurricane of October 28"). */
const ADJACENT_REACH = 2;
const PHRASES: Array<{ event: string; words: string[]; reach: number }> = [
  ...Object.entries(events.events).flatMap(([event, phrases]) => phrases.map((phrase) => ({ event, words: phrase.split(' '), reach: Number.POSITIVE_INFINITY }))),
  ...Object.entries(events.adjacent).flatMap(([event, phrases]) => phrases.map((phrase) => ({ event, words: phrase.split(' '), reach: ADJACENT_REACH }))),
]
  // Longest first, so "pronounced dead" wins over a shorter phrase at the same word.
  .sort((a, b) => b.words.length - a.words.length);
const PHASES = new Set(events.phases);
const SUPERSEDED = new Set(events.superseded);
/** Words either side of a date searched for its event: a date phrase sits close to its verb or noun. */
const WINDOW = 12;

function is(token: Token | undefined, word: string): boolean {
  return token !== undefined && (token.word === word || token.lemma === word);
}

/**
 * The event the words around [start, end) name: the nearest phrase of the event vocabulary in the
 * same sentence and clause (no semicolon or line break between), within a few words either side.
 */
export function eventAt(analysis: Analysis, start: number, end: number): DatedEvent {
  const tokens = analysis.words;
  const text = analysis.text;
  const first = firstEndingAfter(tokens, start);
  let after = first;
  while (after < tokens.length && tokens[after]!.start < end) after++;
  const sentence = tokens[Math.min(first, tokens.length - 1)]?.sentence;
  const inClause = (index: number) => {
    const token = tokens[index]!;
    return token.sentence === sentence && !/[;\n]/.test(text.slice(Math.min(token.end, start), Math.max(token.start, end)));
  };
  const from = Math.max(0, first - WINDOW);
  const to = Math.min(tokens.length, after + WINDOW);
  let best: { event: string; at: number; distance: number } | undefined;
  let superseded = false;
  for (let i = from; i < to; i++) {
    if (i >= first && i < after) continue;
    if (!inClause(i)) continue;
    const token = tokens[i]!;
    if (SUPERSEDED.has(token.word) || (token.lemma !== undefined && SUPERSEDED.has(token.lemma))) superseded = true;
    for (const phrase of PHRASES) {
      if (i + phrase.words.length > to || !phrase.words.every((word, k) => is(tokens[i + k], word))) continue;
      const distance = i < first ? first - (i + phrase.words.length - 1) : i - after + 1;
      if (distance > phrase.reach) continue;
      if (!best || distance < best.distance) best = { event: phrase.event, at: i, distance };
      break;
    }
  }
  if (!best) return { superseded };
  // A phase word between the event and the date: another moment of it.
  const [low, high] = best.at < first ? [best.at + 1, first] : [after, best.at];
  for (let i = low; i < high; i++) {
    const token = tokens[i]!;
    const phase = PHASES.has(token.word) ? token.word : token.lemma !== undefined && PHASES.has(token.lemma) ? token.lemma : undefined;
    if (phase) return { event: `${best.event}:${phase}`, superseded };
  }
  return { event: best.event, superseded };
}
