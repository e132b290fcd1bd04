import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

describe('the sources compile to JavaScript Node can load', () => {
  it('name every relative import with its file extension (rewritten to .js in dist/)', () => {
    const bare: string[] = [];
    const specifier = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]*)['"]/g;
    for (const file of sources(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(specifier))
        if (!/\.(ts|mjs|json)$/.test(m[1]!)) bare.push(`${relative(SRC, file)}: ${m[1]}`);
    }
    expect(bare).toEqual([]);
  });
});
