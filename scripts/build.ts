// Bundles the action and the CLI into dist/ with esbuild: they run with node alone, no node_modules.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const ENTRY_POINTS = { action: 'src/action.ts', cli: 'src/cli.ts', worker: 'src/worker.ts' };

export async function bundle(outdir: string): Promise<void> {
  await build({
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Readable output: a change to src/ changes a few lines of dist/, not every byte of a one-line file.
    minify: false,
    // difflib (the eval's SequenceMatcher) is sloppy-mode CommonJS that throws once bundled into strict
    // ES modules; it stays a runtime dependency, loaded only by `crosscheck eval`, never by the Action.
    external: ['difflib'],
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies bundled into ESM still call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  });
  // The bundles are ES modules wherever dist/ is copied.
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundle('dist');
  process.stdout.write(`wrote ${[...Object.keys(ENTRY_POINTS).map((name) => `dist/${name}.js`), 'dist/package.json'].join(', ')}\n`);
}
