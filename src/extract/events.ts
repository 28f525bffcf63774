import { firstEndingAfter, within, type Analysis, type Token } from '../analysis/index.js';
import events from './vocabulary/events.json' with { type: 'json' };

/** What a date or time dates, by the event vocabulary. */
export interface DatedEvent {
  /** The event's name in the vocabulary ("launch"), with the phase when one stands between ("arrival:complete"). */
  readonly event?: string;
  /** The clause calls the date a plan that changed ("postponed from June 10"): not the event's date. */
  readonly superseded: boolean;
  /** Words of the names of two words or more in the sentence: who it happened to ("Michael Brown"). */
  readonly participants: ReadonlySet<string>;
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
  const participants = participantsOf(analysis, sentence, start, end);
  if (!best) return { superseded, participants };
  // A phase word between the event and the date: another moment of it.
  const [low, high] = best.at < first ? [best.at + 1, first] : [after, best.at];
  for (let i = low; i < high; i++) {
    const token = tokens[i]!;
    const phase = PHASES.has(token.word) ? token.word : token.lemma !== undefined && PHASES.has(token.lemma) ? token.lemma : undefined;
    if (phase) return { event: `${best.event}:${phase}`, superseded, participants };
  }
  return { event: best.event, superseded, participants };
}

/** Names of people and things in the sentence, less the date itself and acronyms ("PM IST", "ISS"). */
function participantsOf(analysis: Analysis, sentence: number | undefined, start: number, end: number): Set<string> {
  const range = sentence === undefined ? undefined : analysis.sentences[sentence];
  if (!range) return new Set();
  return new Set(
    within(analysis.names, range.start, range.end)
      .filter((name) => name.end <= start || name.start >= end)
      .map((name) => analysis.text.slice(name.start, name.end).split(/\s+/).filter((word) => /\p{Ll}/u.test(word)))
      .filter((words) => words.length > 1)
      .flat(),
  );
}

/**
 * One event happened to the same people: when both sentences name people, they share a word of
 * a name ("her brother died in 2011" with Molyrik Welch, against the death of Michael Brown).
 */
export function sameParticipants(a: Pick<DatedEvent, 'participants'>, b: Pick<DatedEvent, 'participants'>): boolean {
  if (a.participants.size === 0 || b.participants.size === 0) return true;
  for (const word of a.participants) if (b.participants.has(word)) return true;
  return false;
}
