import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32): the synthetic corpus is the same on every machine and run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const REPLACEMENTS = ['genuine', 'veritable', 'real', 'serious', 'grave', 'clear', 'total', 'deep'];

/** Source stories: the BASIL corpus (one folder per event) and the seeds. */
export function sourceStories(basil: string, seeds: string): string[][] {
  const stories = readdirSync(basil)
    .filter((name) => statSync(join(basil, name)).isDirectory())
    .sort()
    .map((name) => readdirSync(join(basil, name)).sort().map((file) => readFileSync(join(basil, name, file), 'utf8')));
  stories.push(readdirSync(seeds).sort().map((file) => readFileSync(join(seeds, file), 'utf8')));
  return stories;
}

/** One change of the kind crosscheck reports: a word in a quote, a number, a weekday, a name's spelling. */
function perturb(text: string, next: () => number): string {
  const choice = Math.floor(next() * 4);
  if (choice === 0) {
    const quote = /[“"]([^”"\n]{20,200})[”"]/.exec(text);
    if (quote) {
      const words = quote[1]!.split(' ');
      const at = Math.floor(next() * words.length);
      words[at] = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)]!;
      return text.replace(quote[1]!, words.join(' '));
    }
  }
  if (choice === 1) {
    const number = /\b(\d{1,3}(?:,\d{3})*)\b(?= (?:people|percent|million|billion|households|troops|states|votes))/.exec(text);
    if (number) return text.replace(number[0], String(Number(number[1]!.replace(/,/g, '')) + 1 + Math.floor(next() * 5)));
  }
  if (choice === 2) {
    const day = WEEKDAYS.find((weekday) => text.includes(` ${weekday}`));
    if (day) return text.replace(` ${day}`, ` ${WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7]}`);
  }
  const name = /\b([A-Z][a-z]{7,})\b/.exec(text.slice(400));
  if (name) return text.replace(name[1]!, name[1]!.slice(0, 3) + name[1]!.slice(4));
  return text;
}

/**
 * Writes `count` articles as stories of 3 to 6: each story copies the articles of a source story
 * and adds perturbed copies, so the corpus holds real text and real disagreements.
 */
export function writeSyntheticCorpus(dir: string, count: number, sources: string[][], seed = 20260108): void {
  rmSync(dir, { recursive: true, force: true });
  const next = random(seed + count);
  let written = 0;
  for (let story = 0; written < count; story++) {
    const source = sources[story % sources.length]!;
    const size = Math.min(count - written, 3 + Math.floor(next() * 4));
    const folder = join(dir, `story-${String(story).padStart(5, '0')}`);
    mkdirSync(folder, { recursive: true });
    for (let k = 0; k < size; k++) {
      const original = source[k % source.length]!;
      const text = k < source.length ? original : perturb(original, next);
      writeFileSync(join(folder, `article-${k}.md`), text);
      written++;
    }
  }
}
