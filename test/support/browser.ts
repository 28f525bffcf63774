import { existsSync } from 'node:fs';

/** Debian's Chromium, driven by playwright-core: no browser download. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a root, offline, sandboxed CI machine. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Locally a missing Chromium skips the browser tests (with a message); in CI it is installed by .ci/run and required. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get`);
  process.stderr.write(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)\n`);
  return false;
}
