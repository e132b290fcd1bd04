/**
 * Backtest sweep benchmark (issue 16's acceptance: a 1,000-variant sweep, target < 30 s on this
 * machine): 20 years of daily closes (5,040 weekdays) × 20 assets, one 20-asset strategy
 * rebalanced monthly with a monthly contribution, swept over
 * `bands.absolute=0.01:0.1:0.01` × `weights.S00=0.05:0.5:0.05` × `costBps=0:45:5`
 * (10 × 10 × 10 = 1,000 variants) with a benchmark. Timed as whole processes
 * (`ballast backtest --sweep … --format csv`, start-up and reading the prices included) on one
 * thread (`--threads 1`) and on the threads the command chooses (one per core), median of 3;
 * then the use case alone in this process, threads 1 vs one per core, and their ratio.
 *
 * The prices are SYNTHETIC BENCHMARK DATA: a seeded random walk (mulberry32, seed 16) written to
 * a temporary directory (removed at the end); never committed.
 *
 * The command runs `node bin/ballast.mjs`, which runs the compiled CLI in dist/ when it has
 * been built (`npm run build`) and the TypeScript sources through tsx otherwise (workers then
 * start through tsx too, ~0.5 s each); the output says which.
 *
 * Run: `npx tsx bench/backtest-sweep.bench.ts` (or `npm run bench -- backtest-sweep`).
 */

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backtestSweep } from '../src/app/backtest-sweep.ts';
import { silentLogger, silentProgress, type AppDeps } from '../src/app/deps.ts';
import { timeCommands } from './process-timing.ts';
import { mulberry32, tradingDays } from './synthetic-bars.ts';

const ROWS = 20 * 252;
const ASSETS = 20;
const ROUNDS = 3;
const SWEEP = ['bands.absolute=0.01:0.1:0.01', 'weights.S00=0.05:0.5:0.05', 'costBps=0:45:5'];

/** Synthetic closes: a market factor plus noise per asset, daily vol about 1 %. */
function syntheticCsv(seed: number): string {
  const random = mulberry32(seed);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const dates = tradingDays('2004-01-05', ROWS);
  const symbols = Array.from({ length: ASSETS }, (_, j) => `S${String(j).padStart(2, '0')}`);
  const level = symbols.map(() => 20 + 180 * random());
  const lines = [`date,${symbols.join(',')}`];
  for (let t = 0; t < ROWS; t++) {
    const market = normal();
    if (t > 0)
      for (let j = 0; j < ASSETS; j++)
        level[j] = level[j]! * (1 + 0.0003 + 0.008 * market + 0.006 * normal());
    lines.push(`${dates[t]},${level.map((x) => x.toFixed(4)).join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

const cores = availableParallelism();
console.log(
  `Backtest sweep benchmark — synthetic prices, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'} (${cores} available), load ${loadavg()[0]!.toFixed(1)}`,
);
const dir = mkdtempSync(join(tmpdir(), 'ballast-sweep-bench-'));
writeFileSync(join(dir, 'prices.csv'), syntheticCsv(16));
const weights = Array.from(
  { length: ASSETS },
  (_, j) => `S${String(j).padStart(2, '0')}: ${1 / ASSETS}`,
).join(', ');
const config = join(dir, 'bt.yaml');
writeFileSync(
  config,
  [
    'prices: prices.csv',
    'initial: 100000',
    'cash: { rate: 0.03, borrowSpread: 0.01 }',
    'strategies:',
    `  - { name: equal, weights: { ${weights} }, rebalance: monthly, costBps: 10, flows: { amount: 1000, every: monthly } }`,
    'benchmark: S00',
  ].join('\n'),
);
console.log(
  `\n${ROWS.toLocaleString('en-US')} rows × ${ASSETS} assets; 1,000 variants: ${SWEEP.map((s) => `--sweep '${s}'`).join(' ')}`,
);

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = existsSync(join(root, 'dist', 'bin', 'bin.js'));
const base = ['backtest', '--config', config, ...SWEEP.flatMap((s) => ['--sweep', s])];
const quietly = (argv: string[]): string[] => ['sh', '-c', 'exec "$@" >/dev/null', 'sh', ...argv];
const bin = (extra: string[]): string[] =>
  quietly([
    process.execPath,
    join(root, 'bin', 'ballast.mjs'),
    ...base,
    '--format',
    'csv',
    ...extra,
  ]);
const [one, auto] = timeCommands(
  [
    { name: 'threads 1', argv: bin(['--threads', '1']) },
    { name: 'auto', argv: bin([]) },
  ],
  ROUNDS,
);
console.log(
  `\n  ballast backtest --sweep (1,000 variants) --format csv, whole process, median of ${ROUNDS} (target < 30 s); ${compiled ? 'the compiled dist/' : 'no dist/ build: tsx from src/'}:`,
);
console.log(
  `    --threads 1                 ${one!.wallSeconds.toFixed(2).padStart(6)} s  (${one!.wallSeconds.toFixed(1)} ms a variant), peak RSS ${one!.peakMb.toFixed(0)} MB`,
);
console.log(
  `    default (${cores} threads)        ${auto!.wallSeconds.toFixed(2).padStart(6)} s  (${(one!.wallSeconds / auto!.wallSeconds).toFixed(2)}× faster), peak RSS ${auto!.peakMb.toFixed(0)} MB`,
);

// The use case alone (prices read, grid expanded and validated, variants run, sorted).
const deps = {
  log: silentLogger,
  progress: silentProgress,
  offline: true,
} as unknown as AppDeps;
async function timed(threads: number): Promise<number> {
  const t0 = performance.now();
  const doc = await backtestSweep({ config: { path: config }, sweep: SWEEP, threads }, deps);
  if (doc.total !== 1000) throw new Error(`expected 1,000 variants, got ${doc.total}`);
  return (performance.now() - t0) / 1000;
}
const inOne = await timed(1);
const inMany = await timed(cores);
console.log(`\n  the use case in this process (tsx), one run each:`);
console.log(`    threads 1                   ${inOne.toFixed(2).padStart(6)} s`);
console.log(
  `    threads ${cores}                   ${inMany.toFixed(2).padStart(6)} s  (${(inOne / inMany).toFixed(2)}× faster, workers' start-up included)`,
);
rmSync(dir, { recursive: true, force: true });
