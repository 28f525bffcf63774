import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { spanOfOriginal } from './corpus/article.js';
import type { Story } from './corpus/stories.js';
import { SEVERITIES, type Finding } from './findings.js';
import type { FactGroup } from './kinds/kind.js';
import { UserError } from './errors.js';
import { TOOL_VERSION } from './result.js';
import type { Rule } from './rules/rule.js';

/** Bumped when what a cache entry holds changes shape. */
const CACHE_FORMAT = 3;
/** A temporary file this old is left by a run that was killed: no live run writes for so long. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** What is cached of one story: its findings and the facts its checks compared. */
export interface CachedStory {
  findings: Finding[];
  groups: FactGroup[];
}

/** A located span as reports and the cache store it: positions, offsets and the excerpt. */
export const spanSchema = z.object({
  path: z.string(),
  startLine: z.number().int(),
  startColumn: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
});

/** A finding as the JSON report writes it (merge reads shards back through it). */
export const reportedFindingSchema = z.object({
  ruleId: z.string(),
  kind: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  story: z.string(),
  location: spanSchema,
  related: z.array(spanSchema),
  data: z.record(z.string(), z.unknown()),
});

const entrySchema = z.object({
  format: z.literal(CACHE_FORMAT),
  key: z.string(),
  findings: z.array(reportedFindingSchema.extend({ type: z.string(), group: z.number().int() })),
  groups: z.array(z.object({ kind: z.string(), label: z.string(), spans: z.array(spanSchema) })),
});

/**
 * Findings and fact groups by content hash, one file per story: a story whose articles, rules and crosscheck
 * version are unchanged is not read again. A story is the unit because its findings depend on
 * all its articles together. The cache only saves time: an entry that is not what this version
 * writes is a miss, and a cache that cannot be written is a warning.
 */
export class FindingsCache {
  private readonly rulesHash: string;
  private writable = true;

  constructor(
    private readonly dir: string,
    rules: readonly Rule[],
    private readonly warn: (message: string) => void = (message) => process.stderr.write(`crosscheck: warning: ${message}\n`),
  ) {
    this.rulesHash = hash(JSON.stringify(rules.map(({ source: _, ...rule }) => rule)));
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new UserError(dir, `cannot use as the cache folder (${(error as NodeJS.ErrnoException).code})`, 'give --cache a folder, or a path where one can be made');
    }
    this.removeStaleTemporaries();
  }

  key(story: Story): string {
    const content = createHash('sha256').update(`${CACHE_FORMAT}\0${TOOL_VERSION}\0${this.rulesHash}\0${story.id}\0`);
    for (const article of story.articles) content.update(`${article.path}\0${article.text.length}\0${article.text}\0`);
    return content.digest('hex');
  }

  get(story: Story): CachedStory | undefined {
    const key = this.key(story);
    let entry: unknown;
    try {
      entry = JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8'));
    } catch {
      // Not cached yet, unreadable or not JSON: check the story.
      return undefined;
    }
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success || parsed.data.key !== key) return undefined;
    const findings = parsed.data.findings as unknown as Finding[];
    const groups = parsed.data.groups as FactGroup[];
    // A forged or stale entry must not fake findings: every span is the text it names.
    const spansHold = [...findings.flatMap((finding) => [finding.location, ...finding.related]), ...groups.flatMap((group) => group.spans)].every((span) => spanIsIn(story, span));
    return spansHold && findings.every((finding) => finding.story === story.id && finding.group < groups.length) ? { findings, groups } : undefined;
  }

  set(story: Story, entry: CachedStory): void {
    if (!this.writable) return;
    const key = this.key(story);
    const file = join(this.dir, `${key}.json`);
    // A name of its own, then a rename: concurrent runs never share a temporary file, and a reader never sees half an entry.
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, key, ...entry }));
      renameSync(temporary, file);
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself is gone or not a folder: nothing was left in it.
      }
      this.writable = false;
      this.warn(`cannot write to the cache folder ${this.dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); findings are not cached this run`);
    }
  }

  private removeStaleTemporaries(): void {
    try {
      for (const name of readdirSync(this.dir)) {
        if (!name.endsWith('.tmp')) continue;
        const path = join(this.dir, name);
        if (Date.now() - statSync(path).mtimeMs > STALE_TEMPORARY_MS) rmSync(path, { force: true });
      }
    } catch {
      // An unreadable folder is reported when an entry is written.
    }
  }
}

/** A cached span must be the text of one of the story's articles at the place it names. */
function spanIsIn(story: Story, span: z.infer<typeof spanSchema>): boolean {
  const article = story.articles.find((candidate) => candidate.path === span.path);
  if (!article || span.start < 0 || span.start > span.end || span.end > article.text.length) return false;
  return isDeepStrictEqual(spanOfOriginal(article, span.start, span.end), span);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
