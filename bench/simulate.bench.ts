/**
 * Monte Carlo benchmark (issue 17's acceptance: 10,000 paths × 40 years monthly, bootstrap, in
 * worker threads, target < 0.5 s for the engine). Figures, median of 3:
 * 1. the engine in this process on one thread (`simulatePaths` + `summarise`);
 * 2. the engine on worker threads (`runPaths`, one per core), worker start-up included —
 *    from the TypeScript sources each worker first registers tsx (~0.3–0.5 s);
 * 3. the same on compiled workers (dist/, when `npm run build` has been run: no tsx start-up);
 * 4. the whole command `node bin/ballast.mjs simulate --format json` (the compiled CLI when
 *    built, else the sources through tsx; start-up and reading the returns included) on 1 thread
 *    and on the cores, against a vectorised numpy script doing the same run
 *    (bench/peers/simulate_numpy.py), and their ratio.
 *
 * The returns are SYNTHETIC BENCHMARK DATA: 40 years of made-up monthly returns of two assets
 * from a seeded generator (mulberry32, seed 17), written to a temporary directory (removed at
 * the end); never committed.
 *
 * Run: `npx tsx bench/simulate.bench.ts` (or `npm run bench -- simulate`).
 */

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPaths } from '../src/app/simulate-threads.ts';
import { buildGenerator, simulatePaths, summarise } from '../src/domain/simulate/index.ts';
import type { SimulationModel } from '../src/domain/simulate/index.ts';
import { available, timeCommands } from './process-timing.ts';
import { mulberry32 } from './synthetic-bars.ts';

const PATHS = 10_000;
const YEARS = 40;
const ROWS = 480;
const ROUNDS = 3;

function syntheticColumns(): Float64Array[] {
  const random = mulberry32(17);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const a = new Float64Array(ROWS);
  const b = new Float64Array(ROWS);
  for (let t = 0; t < ROWS; t++) {
    const m = normal();
    a[t] = 0.007 + 0.045 * m;
    b[t] = 0.003 + 0.005 * m + 0.012 * normal();
  }
  return [a, b];
}

function csvOf(columns: Float64Array[]): string {
  const lines = ['date,EQ,BD'];
  for (let t = 0; t < ROWS; t++) {
    const y = 1985 + Math.floor(t / 12);
    const m = (t % 12) + 1;
    const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    lines.push(`${y}-${String(m).padStart(2, '0')}-${d},${columns[0]![t]},${columns[1]![t]}`);
  }
  return `${lines.join('\n')}\n`;
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;

async function timed(work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

const cores = availableParallelism();
console.log(
  `Monte Carlo benchmark — synthetic returns, ${PATHS} paths × ${YEARS} years monthly, bootstrap; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'} (${cores} available), load ${loadavg()[0]!.toFixed(1)}`,
);
const columns = syntheticColumns();
const model: SimulationModel = {
  generator: buildGenerator({ columns, weights: Float64Array.of(0.6, 0.4), method: 'bootstrap' })
    .generator,
  periodsPerYear: 12,
  years: YEARS,
  paths: PATHS,
  initial: 1_000_000,
  withdrawal: { amount: 40_000, perYear: 1, inflation: 0 },
  rateSchedule: { perYear: 1, inflation: 0 },
  seed: 42,
};
const oneThread = await timed(() => summarise(simulatePaths(model, 0, PATHS), model));
const onCores = await timed(async () => summarise(await runPaths(model, cores), model));
console.log(`engine, 1 thread (in process):                      ${oneThread.toFixed(3)} s`);
console.log(
  `engine, ${cores} worker threads from the sources (tsx start-up incl.): ${onCores.toFixed(3)} s`,
);
const compiledThreads = new URL('../dist/app/simulate-threads.js', import.meta.url);
let best = Math.min(oneThread, onCores);
if (existsSync(compiledThreads)) {
  const compiled = (await import(compiledThreads.href)) as { runPaths: typeof runPaths };
  const onCompiled = await timed(async () =>
    summarise(await compiled.runPaths(model, cores), model),
  );
  console.log(
    `engine, ${cores} worker threads compiled (dist/, start-up incl.): ${onCompiled.toFixed(3)} s`,
  );
  best = Math.min(best, onCompiled);
} else console.log('engine on compiled workers: no dist/ (run `npm run build`)');
console.log(`target < 0.5 s: ${best < 0.5 ? 'met' : 'NOT met'} (best ${best.toFixed(3)} s)`);

const dir = mkdtempSync(join(tmpdir(), 'ballast-simulate-bench-'));
try {
  writeFileSync(join(dir, 'r.csv'), csvOf(columns));
  writeFileSync(
    join(dir, 'sim.yaml'),
    `returns: r.csv\nweights: { EQ: 0.6, BD: 0.4 }\npaths: ${PATHS}\nyears: ${YEARS}\ninitial: 1000000\nwithdrawal: { amount: 40000, every: annual }\nseed: 42\n`,
  );
  const bin = fileURLToPath(new URL('../bin/ballast.mjs', import.meta.url));
  const how = existsSync(new URL('../dist/bin/bin.js', import.meta.url)) ? 'compiled' : 'tsx';
  const cli = (threads: number) => ({
    name: `ballast simulate --threads ${threads} (${how})`,
    argv: [
      process.execPath,
      bin,
      'simulate',
      '--config',
      join(dir, 'sim.yaml'),
      '--format',
      'json',
      '--threads',
      String(threads),
    ],
  });
  const commands = [cli(1), cli(cores)];
  const peer = fileURLToPath(new URL('./peers/simulate_numpy.py', import.meta.url));
  const numpy = available('python3')
    ? [
        {
          name: 'numpy (vectorised)',
          argv: [
            'python3',
            peer,
            join(dir, 'r.csv'),
            String(PATHS),
            String(YEARS),
            '1000000',
            '40000',
            '42',
            '0.6',
            '0.4',
          ],
        },
      ]
    : [];
  const timings = timeCommands([...commands, ...numpy], ROUNDS);
  for (const t of timings)
    console.log(`${t.name.padEnd(40)} ${t.wallSeconds.toFixed(3)} s  ${t.peakMb.toFixed(0)} MB`);
  const peerTime = timings.find((t) => t.name.startsWith('numpy'));
  if (peerTime) {
    const best = Math.min(...timings.filter((t) => t !== peerTime).map((t) => t.wallSeconds));
    console.log(
      `whole command / numpy: ${(best / peerTime.wallSeconds).toFixed(2)}× (${peerTime.stdout.trim()})`,
    );
  } else console.log('numpy: python3 not found, no peer ratio');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
