import { analysisOf, type AnalysisSource } from '../analysis/index.js';
import type { Article } from '../corpus/article.js';
import { eventAt } from './events.js';
import clock from './vocabulary/clock.json' with { type: 'json' };

/** A clock time an article gives. Offsets are in the normalised text; minutes count from midnight. */
export interface TimeMention {
  readonly article: Article;
  readonly start: number;
  readonly end: number;
  /** Earliest and latest minute of the day the wording allows (a qualifier or a word like "noon" widens it). */
  readonly low: number;
  readonly high: number;
  /** The time zone label as written ("IST"), if any. */
  readonly zone?: string;
  /** Minutes the zone is ahead of UTC, when the label names one zone. */
  readonly offset?: number;
  /** What happened at that time, by the event vocabulary. */
  readonly happening?: string;
  readonly superseded: boolean;
  readonly participants: ReadonlySet<string>;
}

const ZONES: Record<string, number> = clock.zones;
const QUALIFIERS: Record<string, { before: number; after: number }> = clock.qualifiers;
const WORDS: Record<string, { minutes: number; slack: number }> = clock.words;
const ZONE = String.raw`(?:\s*\b(?<zone>${Object.keys(ZONES).join('|')})\b)?`;
const MERIDIEM = String.raw`(?<meridiem>[ap])(?:\.\s?m\.|\s?m\b)`;
/** A qualifier before the time, longest first. */
const QUALIFIER = `(?:\\b(?<qualifier>${Object.keys(QUALIFIERS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\s+(?:at\\s+)?)?`;
/**
 * 7:05 p.m., 7.05pm, 7 pm, 19:05 (after "at" or before a zone), 1905 GMT, noon. A race time
 * (1:05:10, 2:08.31) is no clock time: no third group of digits may follow.
 */
const TIME = new RegExp(
  `${QUALIFIER}(?:${[
    String.raw`\b(?<h1>\d{1,2})(?:[:.](?<m1>[0-5]\d))?\s?${MERIDIEM}`,
    String.raw`(?<at>\bat\s+)?\b(?<h2>[01]?\d|2[0-3]):(?<m2>[0-5]\d)(?![:.]?\d|\s?[ap]\.?\s?m\b)`,
    String.raw`\b(?<h3>[01]\d|2[0-3])(?<m3>[0-5]\d)\s+(?<zone3>GMT|UTC)\b`,
    String.raw`\b(?<word>${Object.keys(WORDS).join('|')})\b`,
  ].join('|')})${ZONE}`,
  'gi',
);

/** Clock times with their zone, the slack their wording allows, and the event they time. */
export function extractTimes(article: Article, facts?: AnalysisSource): TimeMention[] {
  const analysis = analysisOf(article, facts);
  const text = article.body;
  const mentions: TimeMention[] = [];
  for (const match of text.matchAll(TIME)) {
    const groups = match.groups!;
    if (/[\d:.]$/.test(text.slice(Math.max(0, match.index - 1), match.index))) continue;
    let minutes: number;
    let slack = 0;
    if (groups.h1 !== undefined) {
      const hour = Number(groups.h1);
      if (hour < 1 || hour > 12) continue;
      minutes = (hour % 12) * 60 + Number(groups.m1 ?? 0) + (groups.meridiem!.toLowerCase() === 'p' ? 720 : 0);
    } else if (groups.h2 !== undefined) {
      // A bare 24-hour time is a clock time only after "at" or before a zone label: "3:1" is a score.
      if (!groups.at && !groups.zone) continue;
      minutes = Number(groups.h2) * 60 + Number(groups.m2);
    } else if (groups.h3 !== undefined) {
      minutes = Number(groups.h3) * 60 + Number(groups.m3);
    } else {
      const word = WORDS[groups.word!.toLowerCase()]!;
      minutes = word.minutes;
      slack = word.slack;
    }
    const zone = (groups.zone3 ?? groups.zone)?.toUpperCase();
    const qualifier = groups.qualifier ? QUALIFIERS[groups.qualifier.toLowerCase()]! : { before: 0, after: 0 };
    // The span leaves out an "at" between the qualifier and the time, but not the qualifier.
    const start = groups.at && !groups.qualifier ? match.index + groups.at.length : match.index;
    const end = match.index + match[0].length;
    const { event: happening, superseded, participants } = eventAt(analysis, start, end);
    mentions.push({
      article,
      start,
      end,
      low: minutes - slack - qualifier.before,
      high: minutes + slack + qualifier.after,
      ...(zone ? { zone, offset: ZONES[zone]! } : {}),
      ...(happening ? { happening } : {}),
      superseded,
      participants,
    });
  }
  return mentions;
}

/**
 * Two times of one event that cannot both hold: their zones compare (the same label, or two
 * labels of known offset) and their ranges, in UTC, do not meet, a day either way allowed.
 */
export function timesDisagree(a: TimeMention, b: TimeMention): boolean {
  if ((a.zone === undefined) !== (b.zone === undefined)) return false;
  const shift = a.zone !== undefined && a.zone !== b.zone ? (a.offset ?? Number.NaN) - (b.offset ?? Number.NaN) : 0;
  if (Number.isNaN(shift)) return false;
  for (const day of [-1440, 0, 1440]) {
    const low = a.low - shift + day;
    const high = a.high - shift + day;
    if (low <= b.high && b.low <= high) return false;
  }
  return true;
}

/** "16:45" for a minute of the day. */
export function clockOf(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
