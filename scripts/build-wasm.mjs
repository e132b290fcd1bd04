#!/usr/bin/env node
// Compiles the WebAssembly text sources (src/**/*.wat) to binaries beside them (*.wasm, not
// committed) and, when dist/ exists, beside their compiled modules (dist/…) and the bundled CLI
// (dist/bin/, where the chunks that load them live). Run by `npm run build` and before the
// tests (test/global-setup.ts); skips a binary newer than its source. Needs wabt (a development
// dependency): an installed package ships the binaries in dist/.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Paths of the .wat files under `dir`. */
function watFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return watFiles(path);
    return entry.name.endsWith('.wat') ? [path] : [];
  });
}

const sources = watFiles(join(root, 'src'));
const stale = sources.filter((wat) => {
  const wasm = wat.replace(/\.wat$/, '.wasm');
  return !existsSync(wasm) || statSync(wasm).mtimeMs < statSync(wat).mtimeMs;
});
if (stale.length > 0) {
  const wabt = await createRequire(import.meta.url)('wabt')();
  for (const wat of stale) {
    const module = wabt.parseWat(relative(root, wat), readFileSync(wat, 'utf8'), { simd: true });
    module.validate();
    writeFileSync(wat.replace(/\.wat$/, '.wasm'), module.toBinary({}).buffer);
    module.destroy();
  }
}
if (process.argv.includes('--dist')) {
  for (const wat of sources) {
    const wasm = wat.replace(/\.wat$/, '.wasm');
    const inDist = join(root, 'dist', relative(join(root, 'src'), wasm));
    mkdirSync(dirname(inDist), { recursive: true });
    copyFileSync(wasm, inDist);
    mkdirSync(join(root, 'dist/bin'), { recursive: true });
    copyFileSync(wasm, join(root, 'dist/bin', wasm.slice(dirname(wasm).length + 1)));
  }
}
