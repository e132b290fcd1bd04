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
import { rolldown } from 'rolldown';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

/** The options every bundle of the CLI shares. */
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`), '@electric-sql/pglite'],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  // commander is CommonJS: its require('node:events') needs a real require in ESM output.
  banner: {
    js: "import { createRequire as __ballastRequire } from 'node:module'; const require = __ballastRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: {
    bin: 'src/cli/bin.ts',
    'panel-worker': 'src/data/panel-worker.ts',
    'run-worker': 'src/jobs/run-worker.ts',
  },
  outdir: 'dist/bin',
  splitting: true,
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  plugins: [englishOnlyZod],
});

/**
 * Commands that also ship as a bundle of their own, dist/bin/cmd-<name>.js: `main` and the
 * command with every module they import statically in one chunk (cmd-<name>-initial-*.js),
 * and their lazily loaded parts (the store, providers, HiGHS…) in chunks loaded on demand as
 * before. bin.ts runs these commands from that bundle: through the shared chunks a command
 * loads ~70 modules, and Node's module loader costs per module about what compiling 10 KB
 * costs — one chunk halves loading `optimize` (measured: 60 ms and ~2,450 fresh pages
 * against 115–145 ms and ~3,700 to import it, plus 28 ms for main). These are the commands
 * that read large inputs or compute, where a user waits for the whole process; the others, and
 * every command run from the sources, load through main.ts. Rolldown makes these bundles (its
 * `$initial` chunk group is what esbuild cannot express); no source maps (Node reads them only
 * with --enable-source-maps; the chunks keep theirs).
 */
const SOLO = [
  'analyze',
  'backtest',
  'estimate',
  'frontier',
  'optimize',
  'performance',
  'plan',
  'rebalance',
  'risk',
  'simulate',
  'stress',
];

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = '\0ballast-solo-entry';
const isExternal = (id) =>
  id.startsWith('node:') ||
  id === '@electric-sql/pglite' ||
  external.some((name) => id === name || id.startsWith(`${name}/`));

/** The bundle of command `name`: its entry, English-only zod, the other commands left out. */
const soloPlugin = (name) => ({
  name: 'ballast-solo',
  resolveId(source, importer) {
    if (source === ENTRY) return source;
    if (source === '../locales/index.js' && importer?.includes(`${'node_modules'}/zod/`))
      return fileURLToPath(new URL('./zod-locales-en.mjs', import.meta.url));
    // The command table imports each command on demand: only `name` is loaded from here.
    if (
      importer?.endsWith(join('src', 'cli', 'command-table.ts')) &&
      /^\.\/commands\/[\w-]+\.ts$/.test(source) &&
      source !== `./commands/${name}.ts`
    )
      return { id: source, external: true };
    return null;
  },
  load(id) {
    if (id !== ENTRY) return null;
    const cli = join(root, 'src', 'cli');
    return [
      `export { main } from ${JSON.stringify(join(cli, 'main.ts'))};`,
      // Imported here too, so the command's modules join main's in the initial chunk.
      `export * as command from ${JSON.stringify(join(cli, 'commands', `${name}.ts`))};`,
    ].join('\n');
  },
});

for (const name of SOLO) {
  const bundle = await rolldown({
    input: { [`cmd-${name}`]: ENTRY },
    platform: 'node',
    external: isExternal,
    plugins: [soloPlugin(name)],
    // A module imported both ways (e.g. the command, which the table also imports on demand)
    // is simply in the initial chunk.
    onLog: (level, log, handler) => {
      if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
    },
  });
  await bundle.write({
    dir: 'dist/bin',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: `cmd-${name}-[name]-[hash].js`,
    minify: { compress: false, mangle: false },
    // ASCII only (as esbuild writes the chunks): one non-ASCII character makes Node read the
    // whole file as two-byte text, slower to decode and to parse.
    charset: 'ascii',
    codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
    banner: common.banner.js,
  });
  await bundle.close();
}
