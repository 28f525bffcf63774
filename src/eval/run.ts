import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import { readArticles } from '../corpus/read.js';
import type { Story } from '../corpus/stories.js';
import { checkStories } from '../engine.js';
import { UserError } from '../errors.js';
import { formatSarif } from '../report/sarif.js';
import type { Rule } from '../rules/rule.js';
import { KEYED_KINDS, loadAnswerKey, type KeyedKind } from './answer-key.js';
import { scoreSarif, summarise, type KindCount, type Score } from './score.js';

export const ANSWER_KEY_FILE = 'answers.yaml';

/** A keyed story: the folder its articles are in and its answer key. */
export interface EvalTarget {
  readonly name: string;
  readonly dir: string;
  readonly answers: string;
}

export interface StoryEvaluation extends EvalTarget {
  readonly score: Score;
}

export interface Evaluation {
  readonly stories: readonly StoryEvaluation[];
  readonly total: Score;
}

/**
 * Resolves what `crosscheck eval` is given: a story folder holding answers.yaml, a folder whose
 * subfolders do, an answers file (its articles beside it), or `DIR=KEY.yaml` for a key kept apart
 * from its articles (the seeds' key sits in ../shared, their articles in seeds/).
 */
export function findTargets(args: readonly string[], cwd = process.cwd()): EvalTarget[] {
  const targets: EvalTarget[] = [];
  for (const arg of args) {
    const whole = resolve(cwd, arg);
    const pair = arg.indexOf('=');
    if (!existsSync(whole) && pair > 0) {
      const dir = resolve(cwd, arg.slice(0, pair));
      const answers = resolve(cwd, arg.slice(pair + 1));
      if (!isDirectory(dir)) throw new UserError(arg, `${arg.slice(0, pair)} is not a folder`, 'write DIR=KEY.yaml with the folder of the story\'s articles first');
      if (!existsSync(answers)) throw new UserError(arg, `no answer key ${arg.slice(pair + 1)}`, 'write DIR=KEY.yaml with an existing key file');
      targets.push({ name: basename(dir), dir, answers });
      continue;
    }
    if (!existsSync(whole)) throw new UserError(arg, 'no such file or folder', 'give story folders holding answers.yaml, or DIR=KEY.yaml');
    if (!isDirectory(whole)) {
      targets.push({ name: basename(dirname(whole)), dir: dirname(whole), answers: whole });
      continue;
    }
    const found = keyedFolders(whole);
    if (found.length === 0) {
      throw new UserError(arg, `holds no ${ANSWER_KEY_FILE}`, 'give a story folder with an answer key, a folder of such folders, or DIR=KEY.yaml');
    }
    for (const dir of found) targets.push({ name: basename(dir), dir, answers: join(dir, ANSWER_KEY_FILE) });
  }
  const names = new Set<string>();
  for (const target of targets) {
    if (names.has(target.name)) throw new UserError(target.dir, `a second story named ${target.name}`, 'give each keyed story a folder of its own name');
    names.add(target.name);
  }
  return targets;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function keyedFolders(dir: string): string[] {
  if (existsSync(join(dir, ANSWER_KEY_FILE))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => keyedFolders(join(dir, name)));
}

/** Runs the rules over each keyed story and scores the SARIF they make, story by story. */
export function evaluate(targets: readonly EvalTarget[], rules: readonly Rule[], cwd = process.cwd()): Evaluation {
  const stories = targets.map((target): StoryEvaluation => {
    const key = loadAnswerKey(target.answers);
    const paths = (key.files ?? articleFiles(target.dir)).map((file) => {
      const path = join(target.dir, file);
      if (!existsSync(path)) throw new UserError(target.answers, `files: ${file} is not in ${target.dir}`, 'list the story\'s articles by base name');
      return path;
    });
    const { articles, skipped } = readArticles(paths, { cwd });
    const story: Story = { id: target.name, articles };
    const { findings, groups } = checkStories([story], rules);
    const log = JSON.parse(formatSarif({ stories: [story], rules, findings, skipped, groups })) as Sarif.Log;
    return { ...target, score: scoreSarif(log, key, target.dir, target.answers) };
  });
  return { stories, total: totalOf(stories.map((story) => story.score)) };
}

/** Without a `files:` list, every article in the folder but the key itself. */
function articleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => ['.txt', '.md'].includes(extname(name).toLowerCase()))
    .sort();
}

function totalOf(scores: readonly Score[]): Score {
  const byKind: Partial<Record<KeyedKind, KindCount>> = {};
  for (const kind of KEYED_KINDS) {
    for (const score of scores) {
      const count = score.byKind[kind];
      if (!count) continue;
      const sum = (byKind[kind] ??= { found: 0, total: 0 });
      sum.found += count.found;
      sum.total += count.total;
    }
  }
  const sorted = Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => (a < b ? -1 : 1)));
  return summarise(sorted, scores.flatMap((score) => score.items), scores.flatMap((score) => score.findings));
}
