#!/usr/bin/env node
// Copies the screenshots the browser tests save (artifacts/screenshots/, run `npx vitest run
// test/web` first) into docs/guide/ for the user guide, squeezed with pngquant when it is
// installed (Debian package pngquant), else copied as they are.
//
//   node scripts/guide-screenshots.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FROM = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const TO = fileURLToPath(new URL('../docs/guide/', import.meta.url));
const NAMES = [
  'overview-no-prices',
  'overview-desktop',
  'overview-phone',
  'holdings',
  'exposures-desktop',
  'risk-desktop',
  'risk-dark',
  'optimize-desktop',
  'transactions',
  'transactions-csv-preview',
  'data-desktop',
];

mkdirSync(TO, { recursive: true });
const pngquant = spawnSync('pngquant', ['--version']).status === 0;
for (const name of NAMES) {
  const from = `${FROM}${name}.png`;
  const to = `${TO}${name}.png`;
  if (!existsSync(from)) {
    console.error(`missing ${from}: run the browser tests first (npx vitest run test/web)`);
    process.exitCode = 1;
    continue;
  }
  if (pngquant) spawnSync('pngquant', ['--force', '--quality', '60-85', '--output', to, from]);
  else copyFileSync(from, to);
  console.log(`${to}`);
}
