/**
 * End-to-end optimisation benchmark: what a user waits for, start-up and parsing included.
 * `ballast optimize --returns r.csv --objective min-variance` on a 500-asset × 1,000-day
 * returns CSV (~10 MB) against the same job written the way a notebook user would (pandas
 * `read_csv` + cvxopt `solvers.qp`, bench/peers/min_variance.py) and in R (`read.csv` +
 * quadprog `solve.QP`, bench/peers/min_variance.R), interleaved in the same run. Reports the
 * median wall time and peak RSS of each, the ratio to the pandas + cvxopt script (target
 * ≤ 0.6×, ≤ 200 MB; the median over rounds of the ratio in each round, as the commands of a
 * round run back to back), and the largest weight difference between Ballast and each peer
 * (target ≤ 1e-6). Peers that are not installed are skipped with a note
 * (`apt-get install python3-pandas python3-cvxopt r-base-core r-cran-quadprog`).
 *
 * The returns are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data): a
 * five-factor model r_tj = Σ_k B_jk f_tk + 0.01·ε_tj with xoshiro128** seed 20261207, on a
 * weekday date sequence from 2020-01-01, written to a temporary directory (never committed).
 *
 * Run: `npm run bench -- optimize-e2e` (needs `npm run build`).
 */

import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, normalSampler } from '../src/core/random/index.ts';
import { addDays } from '../src/domain/calendar/iso-date.ts';
import { available, pairedRatio, timeCommands, type TimedCommand } from './process-timing.ts';

const ASSETS = 500;
const DAYS = 1000;
const FACTORS = 5;

function writeReturnsCsv(path: string): void {
  const rng = createRng(20261207);
  const z = normalSampler(rng);
  const loadings = Float64Array.from({ length: ASSETS * FACTORS }, () => 0.004 * z());
  const lines = [['date', ...Array.from({ length: ASSETS }, (_, j) => `A${j + 1}`)].join(',')];
  let day = 0;
  for (let t = 0; t < DAYS; t++) {
    while (day % 7 >= 5) day++;
    const date = addDays('2020-01-01', day++);
    const f = Array.from({ length: FACTORS }, () => z());
    const row: string[] = [date];
    for (let j = 0; j < ASSETS; j++) {
      let r = 0.0002 + 0.01 * z();
      for (let k = 0; k < FACTORS; k++) r += loadings[j * FACTORS + k]! * f[k]!;
      row.push(String(r));
    }
    lines.push(row.join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/cli/bin.js`)) throw new Error('run `npm run build` first');
const file = join(mkdtempSync(join(tmpdir(), 'ballast-bench-')), 'returns-500x1000.csv');
writeReturnsCsv(file);

const python = '/usr/bin/python3';
const hasPandas = available(python) && timeCommandsQuiet([python, '-c', 'import pandas, cvxopt']);
const hasR = available('Rscript') && timeCommandsQuiet(['Rscript', '-e', 'library(quadprog)']);

function timeCommandsQuiet(argv: readonly string[]): boolean {
  try {
    timeCommands([{ name: 'probe', argv }], 1);
    return true;
  } catch {
    return false;
  }
}

const commands: TimedCommand[] = [
  {
    name: 'ballast optimize',
    argv: [
      process.execPath,
      `${root}bin/ballast.mjs`,
      'optimize',
      '--returns',
      file,
      '--objective',
      'min-variance',
      '--format',
      'json',
    ],
  },
];
if (hasPandas)
  commands.push({
    name: 'pandas + cvxopt',
    argv: [python, `${root}bench/peers/min_variance.py`, file],
  });
if (hasR)
  commands.push({
    name: 'R read.csv + quadprog',
    argv: ['Rscript', `${root}bench/peers/min_variance.R`, file],
  });

const ROUNDS = 15;
const timings = timeCommands(commands, ROUNDS);
const weights = (stdout: string): Record<string, number> =>
  (JSON.parse(stdout) as { weights: Record<string, number> }).weights;
const ours = weights(timings[0]!.stdout);
const pandas = timings.find((t) => t.name.startsWith('pandas'));
console.log(`file: ${ASSETS} assets × ${DAYS} days (synthetic), long-only minimum variance`);
console.log(
  `command                  wall (median of ${ROUNDS}) peak RSS   × pandas+cvxopt   max |Δw| vs Ballast`,
);
for (const t of timings) {
  const w = weights(t.stdout);
  const maxDiff = Math.max(...Object.keys(ours).map((a) => Math.abs(ours[a]! - (w[a] ?? NaN))));
  console.log(
    `${t.name.padEnd(24)} ${(t.wallSeconds * 1000).toFixed(0).padStart(10)} ms ${t.peakMb.toFixed(0).padStart(8)} MB ${pandas ? `${pairedRatio(t, pandas).toFixed(2).padStart(14)}×` : '             —'}   ${maxDiff.toExponential(1)}`,
  );
}
console.log('(× pandas+cvxopt: median over rounds of the ratio of walls timed back to back)');
if (!hasPandas) console.log('pandas + cvxopt not installed: skipped');
if (!hasR) console.log('R with quadprog not installed: skipped');
