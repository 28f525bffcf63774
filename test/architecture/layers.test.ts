import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Data moves one way (files → articles → facts → findings → reports), and so do imports: a module
 * imports only from its own layer or below. Rule types sit at the bottom so kinds and the engine
 * can use them; the disk-reading loader and the examples runner sit above the engine.
 */
const LAYERS: ReadonlyArray<readonly [layer: string, paths: readonly string[]]> = [
  // analysis/ is the shared per-article linguistic analysis (issue 14), read by extractors and kinds.
  // report/excerpt.ts (where a span is, as file:line:col) has nothing of a report but its folder.
  ['foundation', ['errors.ts', 'paths.ts', 'findings.ts', 'yaml-source.ts', 'types/', 'corpus/', 'analysis/', 'extract/', 'compare/', 'rules/rule.ts', 'fingerprint.ts', 'size.ts', 'shard.ts', 'cli-paths.ts', 'suppressions.ts', 'config/', 'report/excerpt.ts']],
  ['kinds', ['kinds/']],
  ['engine', ['engine.ts']],
  ['running', ['rules/', 'result.ts', 'coverage.ts', 'cache.ts', 'parallel.ts', 'worker.ts', 'baseline.ts', 'check.ts', 'init/']],
  ['reports', ['report/']],
  // The evaluation's own report formats what eval/ computes, and eval/ writes SARIF to score it.
  ['tools', ['eval/', 'report/eval.ts', 'generated.ts', 'merge.ts']],
  ['entry points', ['cli.ts', 'action.ts']],
];

function layerOf(path: string): number {
  // The most specific prefix wins: rules/rule.ts is foundation, the rest of rules/ above the engine.
  let best = { layer: -1, length: -1 };
  LAYERS.forEach(([, prefixes], layer) => {
    for (const prefix of prefixes) if ((path === prefix || (prefix.endsWith('/') && path.startsWith(prefix))) && prefix.length > best.length) best = { layer, length: prefix.length };
  });
  return best.layer;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative('src', join(entry.parentPath, entry.name)));
}

/** Relative imports of a file (static, dynamic and re-exports), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join('src', file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)].map((match) => match[1] ?? match[2]!);
  return specifiers.filter((specifier) => !specifier.endsWith('.json')).map((specifier) => join(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

describe('import direction', () => {
  const files = sourceFiles('src');

  it('places every source file in a layer', () => {
    expect(files.filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it('imports nothing from a higher layer', () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `${file} (${LAYERS[layerOf(file)]![0]}) imports ${target} (${LAYERS[layerOf(target)]![0]})`),
    );
    expect(upward).toEqual([]);
  });

  it('reads imports the way the check needs: kinds import rule types from the bottom, not the loader', () => {
    expect(importsOf('kinds/kind.ts')).toContain('rules/rule.ts');
    expect(importsOf('rules/examples.ts')).toContain('engine.ts');
    expect(layerOf('rules/rule.ts')).toBeLessThan(layerOf('kinds/kind.ts'));
    expect(layerOf('rules/examples.ts')).toBeGreaterThan(layerOf('engine.ts'));
    expect(layerOf('rules/load.ts')).toBeGreaterThan(layerOf('engine.ts'));
  });
});
