import { createHash } from 'node:crypto';
import { UserError } from './errors.js';

/** One of `count` shares of a corpus's stories; `index` is 1-based, as `--shard 2/4` writes it. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Reads `i/n` (1 ≤ i ≤ n). */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard ${value}`, 'not a shard', 'write i/n with 1 ≤ i ≤ n, for example --shard 2/4');
  }
  return { index, count };
}

/**
 * Whether a story belongs to a shard: by a hash of its id, so a story's share does not depend on
 * which other stories exist or on the order files are listed in, and every story is in exactly one shard.
 */
export function inShard(storyId: string, shard: Shard): boolean {
  const bucket = createHash('sha256').update(storyId).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
