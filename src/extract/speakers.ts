import { firstEndingAfter, within, type Analysis, type Token } from '../analysis/index.js';
import { VOCABULARY } from './vocabulary/index.js';

/** Who a quote is attributed to. Offsets are in the article's normalised text. */
export interface Speaker {
  /** Full name when the article gives it ("Maria Zakharova"), else as written ("Kremlin"). */
  readonly name: string;
  /** As written where the quote is attributed ("she", "Zakharova", "Mr. Steele"). */
  readonly mention: string;
  /** Title, role or organisation written with the name ("Russia's Foreign Ministry spokeswoman"). */
  readonly role?: string;
  readonly start: number;
  readonly end: number;
  /** How `name` was found when the mention is not a full name. */
  readonly resolvedBy?: 'pronoun' | 'surname';
  /** Where the article introduced a surname's full name with its role ("Russia's Foreign Ministry spokeswoman Maria Zakharova"). */
  readonly introduced?: { readonly start: number; readonly end: number };
}

const VERBS = new Set(VOCABULARY.reportingVerbs);
const TITLES = new Set(VOCABULARY.speakerWords.titles);
const HONORIFICS = new Set(VOCABULARY.speakerWords.honorifics);
const PRONOUNS = new Set(VOCABULARY.speakerWords.pronouns);
const TIME_WORDS = new Set(VOCABULARY.speakerWords.timeWords);
/** How far around a quote an attribution is looked for, in characters. */
const PREFIX_WINDOW = 300;
const SUFFIX_WINDOW = 160;
const MAX_NOUN_PHRASE = 9;
/** Words that join a noun phrase but never start one. */
const GLUE = new Set(VOCABULARY.speakerWords.glue);

/**
 * The people an article names, in order, so a later surname ("Zakharova said") or pronoun ("she
 * added") can be tied to the full name used earlier. Speakers are recorded as quotes are read.
 */
export class PersonRegister {
  /** Full names and the surnames that refer back to them, each marked when it is a clause's subject. */
  private readonly mentions: Array<{ name: string; start: number; end: number; subject: boolean }> = [];

  constructor(analysis: Analysis) {
    const text = analysis.text;
    const tokens = analysis.words;
    const fullNames = new Map<string, string>();
    for (let i = 0; i < tokens.length; i++) {
      // Two to four capitalised words on one line, not titles: "Maria Zakharova", "Borys Filatov".
      const run: Token[] = [];
      for (let j = i; j < tokens.length && run.length < 4 && isNameWord(tokens[j]!) && (run.length === 0 || sameLine(text, run.at(-1)!, tokens[j]!)); j++) {
        run.push(tokens[j]!);
      }
      if (run.length >= 2 && looksLikePerson(text, tokens, i, i + run.length)) {
        const name = run.map((token) => token.surface).join(' ');
        fullNames.set(run.at(-1)!.surface, name);
        this.mentions.push({ name, start: run[0]!.start, end: run.at(-1)!.end, subject: isSubject(tokens, i + run.length) });
        i += run.length - 1;
      } else if (run.length === 1 && fullNames.has(run[0]!.surface)) {
        this.mentions.push({ name: fullNames.get(run[0]!.surface)!, start: run[0]!.start, end: run[0]!.end, subject: isSubject(tokens, i + 1) });
      } else if (run.length > 1) {
        i += run.length - 1;
      }
    }
  }

  /** Roles given with full names, and where: a later "Zakharova said" keeps "spokeswoman" and its place. */
  private readonly roles = new Map<string, { role: string; start: number; end: number }>();

  record(speaker: Speaker): void {
    if (speaker.name.includes(' ')) this.mentions.push({ name: speaker.name, start: speaker.start, end: speaker.end, subject: true });
    if (speaker.role && !speaker.resolvedBy && !this.roles.has(speaker.name)) this.roles.set(speaker.name, { role: speaker.role, start: speaker.start, end: speaker.end });
  }

  roleOf(name: string): { role: string; start: number; end: number } | undefined {
    return this.roles.get(name);
  }

  /** The nearest person before an offset who is the subject of a clause (or a speaker): for he/she. */
  lastPersonBefore(offset: number): { name: string } | undefined {
    let best: { name: string; end: number } | undefined;
    for (const mention of this.mentions) {
      if (mention.subject && mention.end <= offset && (!best || mention.end > best.end)) best = mention;
    }
    return best;
  }

  /** A full name used earlier whose last word is this surname. */
  fullNameFor(surname: string, before: number): string | undefined {
    let best: { name: string; start: number } | undefined;
    for (const mention of this.mentions) {
      if (mention.start < before && mention.name.includes(' ') && mention.name.split(' ').at(-1) === surname && (!best || mention.start > best.start)) best = mention;
    }
    return best?.name;
  }
}

/** Function words that follow a name without it being a clause's subject. */
const NOT_A_VERB = new Set(VOCABULARY.speakerWords.notAVerb);

/** A name followed by a verb-like word: "Peskov also dismissed", "Zelensky said", "Trump has". */
function isSubject(tokens: readonly Token[], next: number): boolean {
  let i = next;
  while (i < tokens.length && TIME_WORDS.has(tokens[i]!.word) && !VERBS.has(tokens[i]!.word) && tokens[i]!.word !== 'on') i++;
  const word = tokens[i];
  return word !== undefined && !isCapitalised(word) && !NOT_A_VERB.has(word.word);
}

/**
 * Capitalised words name a person when a title stands before them ("spokeswoman Maria Zakharova"),
 * a reporting verb or an appositive follows ("Jared Kushner called", "Borys Filatov, mayor of").
 */
function looksLikePerson(text: string, tokens: readonly Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  if (before && sameLine(text, before, tokens[start]!)) {
    if (TITLES.has(before.word) && !GLUE.has(before.word)) return true;
    // "Ukraine's Volodymyr Zelensky", "Russia's Vladimir Putin"
    if (isCapitalised(before) && before.word.endsWith("'s")) return true;
  }
  const after = tokens[end];
  if (!after) return false;
  const gap = text.slice(tokens[end - 1]!.end, after.start);
  if (/^[ \t]+$/.test(gap) && VERBS.has(after.word)) return true;
  return /^,[ \t]+$/.test(gap) && (TITLES.has(after.word) || after.word === 'who');
}

function sameLine(text: string, previous: Token, next: Token): boolean {
  return /^[ \t]+$/.test(text.slice(previous.end, next.start));
}

function isNameWord(token: Token): boolean {
  return isCapitalised(token) && !TITLES.has(token.word) && !token.word.endsWith("'s") && !TIME_WORDS.has(token.word);
}

/** The speaker of the quote at [start, end) of the analysed text, from reporting verbs after or before it. */
export function findSpeaker(analysis: Analysis, start: number, end: number, register: PersonRegister): Speaker | undefined {
  const after = speakerAfter(analysis, end);
  // "according to AP" names the source of the report; a speaker before the quote is the one who said it.
  const candidates = after?.source ? [speakerBefore(analysis, start), after] : [after, speakerBefore(analysis, start)];
  for (const candidate of candidates) {
    const speaker = candidate && resolve(candidate, start, register);
    if (speaker) {
      register.record(speaker);
      return speaker;
    }
  }
  return undefined;
}

interface NounPhrase {
  tokens: Token[];
  /** Introduced by "according to": the outlet or source rather than necessarily the speaker. */
  source?: boolean;
}

/** `"...," Zakharova said Thursday` / `"...," said Mr. Steele` / `"...," she added` / `according to AP`. */
function speakerAfter(analysis: Analysis, end: number): NounPhrase | undefined {
  const text = analysis.text;
  // The sentence after the quote's closing mark: the one it closes, or the next when it closed one.
  const sentence = analysis.sentences[firstEndingAfter(analysis.sentences, end)];
  const limit = Math.min(sentence ? sentence.end : text.length, paragraphEnd(analysis, end - 1), end + SUFFIX_WINDOW);
  const tokens = within(analysis.words, end, limit);
  if (tokens.length === 0 || /[.!?]/.test(text.slice(end, tokens[0]!.start).replace(/^["']/, ''))) {
    // The quote ended its sentence ("...valid." She added): look no further.
    if (!(tokens.length > 0 && /^[\s,"']*$/.test(text.slice(end, tokens[0]!.start)))) return undefined;
  }
  if (tokens[0]?.word === 'according' && tokens[1]?.word === 'to') {
    const phrase = nounPhraseFrom(tokens, 2, text);
    return phrase ? { ...phrase, source: true } : undefined;
  }
  if (tokens[0] && VERBS.has(tokens[0].word)) return nounPhraseFrom(tokens, 1, text);
  // NP [, appositive,] (time words)* VERB
  if (GLUE.has(tokens[0]!.word)) return undefined;
  let i = 0;
  // A lowercase modifier may open the phrase before a title: "energy minister Olena Kovalenko".
  const modifies = (k: number) => /^\p{Ll}+$/u.test(tokens[k]!.surface) && TITLES.has(tokens[k + 1]?.word ?? '') && !GLUE.has(tokens[k + 1]!.word);
  while (i < tokens.length && i < MAX_NOUN_PHRASE && (isNounPhraseWord(tokens[i]!) || modifies(i)) && !VERBS.has(tokens[i]!.word)) {
    if (i > 0 && !adjacent(text, tokens[i - 1], tokens[i]!, i)) break;
    i++;
  }
  const phraseEnd = i;
  if (phraseEnd === 0) return undefined;
  if (i < tokens.length && text.slice(tokens[i - 1]!.end, tokens[i]!.start).trim() === ',') {
    // "Borys Filatov, mayor of Dnipropetrovsk's capital Dnipro, said"
    let close = i;
    while (close < tokens.length && close - i < MAX_NOUN_PHRASE && !text.slice(tokens[close]!.end, tokens[close + 1]?.start ?? tokens[close]!.end).includes(',')) close++;
    i = close + 1;
  }
  while (i < tokens.length && TIME_WORDS.has(tokens[i]!.word) && !VERBS.has(tokens[i]!.word)) i++;
  if (i < tokens.length && VERBS.has(tokens[i]!.word)) return { tokens: tokens.slice(0, phraseEnd) };
  return undefined;
}

/** `Zakharova said: "..."` / `She called the plans "dangerous"` / `Zelensky also said Thursday that "..."`. */
function speakerBefore(analysis: Analysis, start: number): NounPhrase | undefined {
  const text = analysis.text;
  // A quote opening its sentence continues the one before in its paragraph: `Manley said. "Sen. Reid ..."`.
  const index = firstEndingAfter(analysis.sentences, start);
  let sentence = analysis.sentences[index];
  if (sentence && sentence.start >= start && index > 0 && analysis.sentences[index - 1]!.start >= paragraphStart(analysis, start)) sentence = analysis.sentences[index - 1];
  const from = Math.max(sentence && sentence.start <= start ? sentence.start : 0, start - PREFIX_WINDOW);
  if (from >= start) return undefined;
  const tokens = within(analysis.words, from, start).filter((token) => !insideQuote(text, from, token.start));
  for (let v = tokens.length - 1; v >= 0; v--) {
    const token = tokens[v]!;
    if (token.word === 'to' && tokens[v - 1]?.word === 'according') return nounPhraseFrom(tokens, v + 1, text);
    if (!VERBS.has(token.word)) continue;
    // ", declaring ...": the participle's subject is the sentence's: "The Kremlin delivered an ultimatum, declaring".
    if (token.word.endsWith('ing') && v > 0 && text.slice(tokens[v - 1]!.end, token.start).includes(',')) return sentenceSubject(tokens, text);
    // Skip time words between subject and verb: "Zelensky also said", "Zakharova on Thursday said".
    let last = v - 1;
    while (last >= 0 && TIME_WORDS.has(tokens[last]!.word)) last--;
    let first = last;
    while (
      first > 0 &&
      last - first + 1 < MAX_NOUN_PHRASE &&
      isNounPhraseWord(tokens[first - 1]!) &&
      adjacent(text, tokens[first - 1], tokens[first]!, 1)
    ) {
      first--;
    }
    if (last < 0 || !isNounPhraseWord(tokens[last]!) || !adjacent(text, tokens[last], tokens[last + 1]!, 1)) return undefined;
    while (first <= last && GLUE.has(tokens[first]!.word)) first++;
    return first <= last ? { tokens: tokens.slice(first, last + 1) } : undefined;
  }
  return undefined;
}

/** The capitalised noun phrase opening a sentence, when a verb follows it: "The Kremlin delivered". */
function sentenceSubject(tokens: Token[], text: string): NounPhrase | undefined {
  let end = 0;
  while (end < tokens.length && end < MAX_NOUN_PHRASE && isNounPhraseWord(tokens[end]!) && !PRONOUNS.has(tokens[end]!.word) && (end === 0 || adjacent(text, tokens[end - 1], tokens[end]!, 1))) end++;
  const next = tokens[end];
  if (end === 0 || !next || /^\p{Lu}/u.test(next.surface) || !adjacent(text, tokens[end - 1], next, 1)) return undefined;
  return { tokens: tokens.slice(0, end) };
}

function nounPhraseFrom(tokens: Token[], from: number, text: string): NounPhrase | undefined {
  const phrase: Token[] = [];
  for (let i = from; i < tokens.length && phrase.length < MAX_NOUN_PHRASE && isNounPhraseWord(tokens[i]!); i++) {
    if (phrase.length > 0 && !adjacent(text, phrase.at(-1), tokens[i]!, 1)) break;
    phrase.push(tokens[i]!);
  }
  return phrase.length > 0 ? { tokens: phrase } : undefined;
}

/** Splits a noun phrase into role and name, and resolves pronouns and lone surnames. */
function resolve(phrase: NounPhrase, quoteStart: number, register: PersonRegister): Speaker | undefined {
  const tokens = phrase.tokens;
  if (tokens.length === 0) return undefined;
  const last = tokens.at(-1)!;
  if (tokens.length === 1 && PRONOUNS.has(last.word)) {
    const antecedent = register.lastPersonBefore(quoteStart);
    if (!antecedent) return undefined;
    return { name: antecedent.name, mention: last.surface, start: last.start, end: last.end, resolvedBy: 'pronoun' };
  }
  // The name is the trailing run of capitalised words that are not titles; honorifics drop.
  let nameStart = tokens.length;
  while (nameStart > 0 && isCapitalised(tokens[nameStart - 1]!) && !TITLES.has(tokens[nameStart - 1]!.word) && !tokens[nameStart - 1]!.word.endsWith("'s")) nameStart--;
  if (nameStart === tokens.length) return undefined;
  const nameTokens = tokens.slice(nameStart);
  const roleTokens = tokens.slice(0, nameStart).filter((token) => !HONORIFICS.has(token.word) || token.word === 'president');
  const written = nameTokens.map((token) => token.surface).join(' ');
  const role = roleTokens.map((token) => token.surface).join(' ').replace(/^(the|The)\s*/, '');
  let name = written;
  let resolvedBy: Speaker['resolvedBy'];
  if (nameTokens.length === 1) {
    const full = register.fullNameFor(written, quoteStart);
    if (full) {
      name = full;
      resolvedBy = 'surname';
    }
  }
  const introduced = resolvedBy && !role ? register.roleOf(name) : undefined;
  return {
    name,
    mention: tokens.map((token) => token.surface).join(' '),
    ...(role ? { role } : introduced ? { role: introduced.role, introduced: { start: introduced.start, end: introduced.end } } : {}),
    start: tokens[0]!.start,
    end: last.end,
    ...(resolvedBy ? { resolvedBy } : {}),
  };
}

function isCapitalised(token: Token): boolean {
  const code = token.surface.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(token.surface);
}

function isNounPhraseWord(token: Token): boolean {
  return isCapitalised(token) || TITLES.has(token.word) || PRONOUNS.has(token.word);
}

/** Two tokens of one phrase: nothing but spaces between them (no comma, quote mark or dash). */
function adjacent(text: string, previous: Token | undefined, next: Token, position: number): boolean {
  if (!previous || position === 0) return true;
  return /^[ \t\n]*$/.test(text.slice(previous.end, next.start));
}

/** Whether offset `at` lies inside a double-quoted stretch that starts after `from`. */
function insideQuote(text: string, from: number, at: number): boolean {
  let inside = false;
  for (let i = from; i < at; i++) if (text[i] === '"') inside = !inside;
  return inside;
}

function paragraphEnd(analysis: Analysis, offset: number): number {
  return analysis.paragraphs[firstEndingAfter(analysis.paragraphs, offset)]?.end ?? analysis.text.length;
}

function paragraphStart(analysis: Analysis, offset: number): number {
  const paragraph = analysis.paragraphs[firstEndingAfter(analysis.paragraphs, offset)];
  return paragraph && paragraph.start <= offset ? paragraph.start : offset;
}
