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
      if (!/new URL\([^)]*import\.meta\.url/.test(text)) continue;
      if (relative(SRC, file).split(sep).length !== 2) deep.push(relative(SRC, file));
    }
    // src/jobs/solve-pool.ts locates its worker beside itself in dist/jobs (never bundled).
    expect(deep.filter((f) => f !== join('jobs', 'solve-pool.ts'))).toEqual([]);
  });
});
