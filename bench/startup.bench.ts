/**
 * Start-up benchmark: how long a user waits for `ballast --version`, `ballast --help`,
 * `ballast positions` on the demo ledger and `ballast demo`, against bare `node -e 0` measured
 * in the same run (interleaved). The target for `--version` and `--help` is 3× bare node.
 * Runs the compiled CLI (dist/, built by `npm run build`).
 *
 * Run: `npm run bench -- startup`.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { timeCommands } from './process-timing.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/ballast.mjs`;
if (!existsSync(`${root}dist/cli/bin.js`)) throw new Error('run `npm run build` first');
const node = process.execPath;
const ledger = `${root}data/demo/transactions.csv`;

const timings = timeCommands(
  [
    { name: 'node -e 0', argv: [node, '-e', '0'] },
    { name: 'ballast --version', argv: [node, bin, '--version'] },
    { name: 'ballast --help', argv: [node, bin, '--help'] },
    {
      name: 'ballast positions (demo ledger)',
      argv: [node, bin, 'positions', '--transactions', ledger],
    },
    { name: 'ballast demo', argv: [node, bin, 'demo'] },
  ],
  15,
);
const base = timings[0]!.wallSeconds;
console.log('command                           wall (median of 15)   × node -e 0   peak RSS');
for (const t of timings)
  console.log(
    `${t.name.padEnd(33)} ${(t.wallSeconds * 1000).toFixed(0).padStart(8)} ms  ${(t.wallSeconds / base).toFixed(2).padStart(13)}×  ${t.peakMb.toFixed(0).padStart(6)} MB`,
  );
