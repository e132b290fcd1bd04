#!/usr/bin/env node
// Bundles the CLI into dist/bin/ (run by `npm run build` after tsc): the command table and each
// command's module graph become a few chunks, with zod and commander inside them, so a command
// loads a handful of files instead of hundreds (start-up is most of a short command's time).
// Packages with native code, WebAssembly or size that commands load on demand stay external.
// dist/bin/ sits two levels below the package root, like src/<layer>/, so shipped files are
// found by the same relative URLs (src/data/package-paths.ts). The worker that reads half of a
// large returns file (src/data/panel-worker.ts) is an entry of its own beside the chunks that
// start it (src/data/parallel-panel.ts finds it as ./panel-worker.js); so is the thread that
// executes runs of the HTTP API (src/jobs/run-threads.ts finds it as ./run-worker.js). The HTTP API's packages
// (hono, @hono/zod-openapi, @hono/node-server) are bundled like zod: @hono/zod-openapi reads
// the use cases' zod schemas, so it must share the bundle's one copy of zod.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * zod registers its English messages itself and re-exports ~50 other locales (`z.locales`),
 * which Ballast never selects: they were half of the bundled zod (~370 KB, non-ASCII, so the
 * whole chunk was read as two-byte text) and every command compiled them at start-up. The
 * bundle's `z.locales` holds English only.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`)
        ? { path: fileURLToPath(new URL('./zod-locales-en.mjs', import.meta.url)) }
        : undefined,
    );
  },
};

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['zod', 'commander', 'hono', '@hono/zod-openapi', '@hono/node-server']);
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !bundled.has(name));

// Chunk names carry content hashes: start afresh so old chunks do not pile up (and get packed).
rmSync(new URL('../dist/bin', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: {
    bin: 'src/cli/bin.ts',
    'panel-worker': 'src/data/panel-worker.ts',
    'run-worker': 'src/jobs/run-worker.ts',
  },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`), '@electric-sql/pglite'],
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  // commander is CommonJS: its require('node:events') needs a real require in ESM output.
  banner: {
    js: "import { createRequire as __ballastRequire } from 'node:module'; const require = __ballastRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [englishOnlyZod],
});
