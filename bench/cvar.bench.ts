/**
 * Min-CVaR benchmark: the Rockafellar-Uryasev LP (α = 0.95, long-only, Σw = 1) on
 * T = 1000 scenarios × n = 100 and n = 500 assets. Reported separately: the CSR model build
 * (`buildCvarProgram`), the HiGHS solve (`diagnostics.solveMs`: model transfer, dual simplex,
 * read-back) and the whole `optimize` call (build + solve + CVaR recomputation + metrics
 * + constraint checks). HiGHS's interior-point solver on the same LP is timed in the same run
 * as a baseline. Target: 1000 × 500 under 2 s.
 *
 * The returns are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data): a common
 * factor with Student-t-like fat tails (normal / √(χ²₄/4)) plus idiosyncratic noise, daily
 * volatility around 1–2 %, xoshiro128** seed 20260601.
 *
 * Run: `npx tsx bench/cvar.bench.ts` (or `npm run bench -- cvar`).
 */

import { cpus, loadavg } from 'node:os';
import type { Matrix } from '../src/core/linalg/matrix.ts';
import { createRng, normalSampler } from '../src/core/random/index.ts';
import { loadHighs, solve } from '../src/core/solvers/highs.ts';
import { optimize } from '../src/domain/optimize/index.ts';
import { buildCvarProgram, type CvarProblem } from '../src/domain/optimize/scenario/cvar.ts';

const PERIODS = 1000;
const SIZES = [100, 500] as const;
const RUNS = 5;

/** r_tj = 0.0002 + β_j·m_t·s_t + 0.012·ε_tj with s_t = 1/√(χ²₄/4) (fat-tailed market days). */
function syntheticReturns(t: number, n: number, seed: number): Matrix {
  const rng = createRng(seed);
  const z = normalSampler(rng);
  const beta = Float64Array.from({ length: n }, () => 0.5 + rng.nextFloat());
  const data = new Float64Array(t * n);
  for (let r = 0; r < t; r++) {
    let chi = 0;
    for (let k = 0; k < 4; k++) chi += z() ** 2;
    const market = (0.01 * z()) / Math.sqrt(chi / 4);
    for (let j = 0; j < n; j++) data[r * n + j] = 0.0002 + beta[j]! * market + 0.012 * z();
  }
  return { rows: t, cols: n, data };
}

function spec(returns: Matrix): CvarProblem {
  const n = returns.cols;
  return {
    inputs: {
      assets: Array.from({ length: n }, (_, j) => `S${j}`),
      expectedReturnsAnnual: new Float64Array(n),
      covarianceAnnual: { rows: n, cols: n, data: new Float64Array(n * n) },
      riskFreeRateAnnual: 0,
    },
    objective: {
      kind: 'minCvar',
      scenarios: { returns, periodsPerYear: 252 },
      confidence: 0.95,
    },
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const highs = await loadHighs();
console.log(
  `Min-CVaR benchmark — synthetic returns, α = 0.95, median of ${RUNS} runs (one warm-up), Node ${process.version}`,
);
const header = [
  'T × n',
  'build',
  'HiGHS simplex',
  'optimize total',
  'HiGHS IPM (baseline)',
  'iterations',
  'CVaR (per period)',
  'holdings',
];
const lines: string[][] = [];
for (const n of SIZES) {
  const s = spec(syntheticReturns(PERIODS, n, 20260601 + n));
  optimize(highs, s); // warm-up (WebAssembly tier-up)
  const build: number[] = [];
  const solveMs: number[] = [];
  const total: number[] = [];
  const ipm: number[] = [];
  let last = optimize(highs, s);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const program = buildCvarProgram(s);
    build.push(performance.now() - t0);
    const t1 = performance.now();
    last = optimize(highs, s);
    total.push(performance.now() - t1);
    solveMs.push(last.diagnostics.solveMs);
    const viaIpm = solve(highs, program.problem, { highsOptions: { solver: 'ipm' } });
    ipm.push(viaIpm.solveMs);
  }
  const holdings = Object.values(last.weights).filter((w) => w > 1e-9).length;
  lines.push([
    `${PERIODS} × ${n}`,
    `${median(build).toFixed(1)} ms`,
    `${median(solveMs).toFixed(1)} ms`,
    `${median(total).toFixed(1)} ms`,
    `${median(ipm).toFixed(1)} ms`,
    String(last.diagnostics.iterations),
    last.riskMeasures.cvar!.toFixed(6),
    String(holdings),
  ]);
}
const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => (l[c] ?? '').length)));
const row = (cells: readonly string[]): string =>
  cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
console.log(row(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const l of lines) console.log(row(l));
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(`${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load}`);
