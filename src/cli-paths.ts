import { dirname, resolve } from 'node:path';

/**
 * The folder the user typed the command in. `npm run` switches to the package root and records the
 * user's folder in INIT_CWD; only then (the process runs in the root of the package npm names) is
 * INIT_CWD trusted, so a process started elsewhere with an inherited INIT_CWD is not misled.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const { INIT_CWD: initCwd, npm_package_json: packageJson } = env;
  if (initCwd && packageJson && resolve(dirname(packageJson)) === resolve(cwd)) return resolve(initCwd);
  return cwd;
}

/** Colour on a terminal unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it (0 turns it off); --color / --no-color win over both. */
export function useColor(flag: boolean | undefined, isTty: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTty && !env.NO_COLOR && env.TERM !== 'dumb';
}

/**
 * `checked 40/101 stories (12.5/s)` on one line rewritten in place, at most five times a second
 * (and always at the end); `done` clears it so that the report starts on a clean line.
 */
export function progressReporter(write: (text: string) => void, now: () => number = Date.now): { update: (done: number, total: number) => void; done: () => void } {
  const started = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const time = now();
      if (time - last < 200 && done < total) return;
      last = time;
      shown = true;
      const rate = done / Math.max((time - started) / 1000, 0.001);
      write(`\r\u001b[Kchecked ${done}/${total} ${total === 1 ? 'story' : 'stories'} (${rate.toFixed(1)}/s)`);
    },
    done() {
      if (shown) write('\r\u001b[K');
    },
  };
}
