import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Story } from './corpus/stories.js';
import type { Finding } from './findings.js';
import type { FactGroup } from './kinds/kind.js';
import { UserError } from './errors.js';
import { TOOL_VERSION } from './result.js';
import type { Rule } from './rules/rule.js';

/** Bumped when what a cache entry holds changes shape. */
const CACHE_FORMAT = 2;

/** What is cached of one story: its findings and the facts its checks compared. */
export interface CachedStory {
  findings: Finding[];
  groups: FactGroup[];
}

/**
 * Findings and fact groups by content hash, one file per story: a story whose articles, rules and crosscheck
 * version are unchanged is not read again. A story is the unit because its findings depend on
 * all its articles together.
 */
export class FindingsCache {
  private readonly rulesHash: string;

  constructor(
    private readonly dir: string,
    rules: readonly Rule[],
  ) {
    this.rulesHash = hash(JSON.stringify(rules.map(({ source: _, ...rule }) => rule)));
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new UserError(dir, `cannot use as the cache folder (${(error as NodeJS.ErrnoException).code})`, 'give --cache a folder, or a path where one can be made');
    }
  }

  key(story: Story): string {
    const content = createHash('sha256').update(`${CACHE_FORMAT}\0${TOOL_VERSION}\0${this.rulesHash}\0${story.id}\0`);
    for (const article of story.articles) content.update(`${article.path}\0${article.text.length}\0${article.text}\0`);
    return content.digest('hex');
  }

  get(story: Story): CachedStory | undefined {
    try {
      const entry = JSON.parse(readFileSync(join(this.dir, `${this.key(story)}.json`), 'utf8')) as Partial<CachedStory> | null;
      // An entry of another shape (written by hand, or cut short) is a miss, not a crash.
      return entry && Array.isArray(entry.findings) && Array.isArray(entry.groups) ? (entry as CachedStory) : undefined;
    } catch {
      // Not cached yet, or unreadable: check the story.
      return undefined;
    }
  }

  set(story: Story, entry: CachedStory): void {
    const file = join(this.dir, `${this.key(story)}.json`);
    // Write then rename, so a reader never sees half an entry.
    writeFileSync(`${file}.tmp`, JSON.stringify(entry));
    renameSync(`${file}.tmp`, file);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
