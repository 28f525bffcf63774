import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The corpora and tools beside the checkout; a user's clone and the project's own workflow lack them. */
export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');

/**
 * Whether `../shared` is here. Without it the tests that read it skip, saying so; with
 * CROSSCHECK_REQUIRE_SHARED=1 (set by .ci/run) a missing `../shared` fails instead of skipping.
 */
export function sharedAvailable(what: string): boolean {
  if (existsSync(SHARED_DIR)) return true;
  if (process.env.CROSSCHECK_REQUIRE_SHARED === '1') {
    throw new Error(`${what} needs ${SHARED_DIR}, and CROSSCHECK_REQUIRE_SHARED=1 forbids skipping it`);
  }
  console.warn(`skipped: ${what} (needs ${SHARED_DIR}, which is absent)`);
  return false;
}
