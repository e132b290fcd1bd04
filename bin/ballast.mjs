#!/usr/bin/env node
// Entry point of the `ballast` command: the bundled CLI in dist/bin/ (built by `npm run build`,
// which `npm ci` and `npm pack` run through the `prepare` script). In a checkout without a
// build, the TypeScript sources run through tsx (a development dependency) instead.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/bin/bin.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/bin.ts');
}
