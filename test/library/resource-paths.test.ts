import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('shipped files are found from the sources, dist/ and the bundled CLI alike', () => {
  it('locates files by import.meta.url only in modules two directories below the root', () => {
    // src/<layer>/<file>.ts compiles to dist/<layer>/<file>.js and bundles into dist/bin/: the
    // same relative URL (`../../config/…`) reaches the package root from all three.
    const deep: string[] = [];
    for (const file of sources(SRC)) {
      if (file.endsWith('.test.ts')) continue;
      const text = readFileSync(file, 'utf8');
      // Files beside the module ('./…': WebAssembly binaries, worker entries) are copied beside
      // it in all three places (the next test); the rule is for paths that climb to the root.
      if (!/new URL\(\s*'\.\.\/[^)]*import\.meta\.url/.test(text)) continue;
      if (relative(SRC, file).split(sep).length !== 2) deep.push(relative(SRC, file));
    }
    // src/jobs/solve-pool.ts locates its worker beside itself in dist/jobs (never bundled).
    expect(deep.filter((f) => f !== join('jobs', 'solve-pool.ts'))).toEqual([]);
  });

  it('finds each WebAssembly binary beside the module that loads it in src/, dist/ and dist/bin/', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const loaded: string[] = [];
    for (const file of sources(SRC)) {
      if (file.endsWith('.test.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new URL\('\.\/([\w-]+\.wasm)', import\.meta\.url\)/g)) {
        const dir = relative(SRC, join(file, '..'));
        loaded.push(m[1]!);
        for (const place of [join(SRC, dir), join(root, 'dist', dir), join(root, 'dist', 'bin')])
          expect(readdirSync(place), `${m[1]} in ${place}`).toContain(m[1]);
      }
    }
    expect(loaded.sort()).toEqual([
      'cholesky-kernels.wasm',
      'growing-cholesky-kernels.wasm',
      'panel-kernels.wasm',
    ]);
  });
});
