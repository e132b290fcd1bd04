#!/usr/bin/env node
// Entry point of the `ballast` command: the compiled CLI in dist/ (built by `npm run build`,
// which `npm ci` and `npm pack` run through the `prepare` script). In a checkout without a
// build, the TypeScript sources run through tsx (a development dependency) instead.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/bin.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/bin.ts');
}
