/**
 * Covariance benchmark: sample covariance, Ledoit-Wolf (constant variance) and
 * EWMA covariance of a T = 2,520 × n = 500 return matrix (ten years of daily returns of 500
 * assets), each timed as the median of several runs, with its ratio to the sample covariance
 * measured in the same process. The other shrinkage estimators are timed for reference.
 *
 * The returns are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data): a common
 * factor plus idiosyncratic noise, daily volatility around 1–2 %.
 *
 * Run: `npx tsx bench/covariance.bench.ts` (or `npm run bench -- covariance`).
 */

import { cpus, loadavg } from 'node:os';
import type { Matrix } from '../src/core/linalg/matrix.ts';
import type { CovarianceEstimate } from '../src/domain/estimate/covariance-input.ts';
import { ewmaCovariance } from '../src/domain/estimate/ewma-covariance.ts';
import { ledoitWolf } from '../src/domain/estimate/ledoit-wolf.ts';
import { ledoitWolfConstantCorrelation } from '../src/domain/estimate/ledoit-wolf-constant-correlation.ts';
import { ledoitWolfSingleFactor } from '../src/domain/estimate/ledoit-wolf-single-factor.ts';
import { oracleApproximatingShrinkage } from '../src/domain/estimate/oas.ts';
import { sampleCovariance } from '../src/domain/estimate/sample-covariance.ts';

const PERIODS = 2520;
const ASSETS = 500;
const RUNS = 7;

/** Seeded synthetic returns: r_tj = β_j·m_t + ε_tj with Park-Miller uniforms (Irwin-Hall normals). */
function syntheticReturns(t: number, n: number, seed: number): Matrix {
  let s = seed;
  const uniform = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const normal = (): number => uniform() + uniform() + uniform() + uniform() - 2;
  const beta = Float64Array.from({ length: n }, () => 0.5 + uniform());
  const data = new Float64Array(t * n);
  for (let r = 0; r < t; r++) {
    const market = 0.01 * normal();
    for (let j = 0; j < n; j++) data[r * n + j] = 0.0003 + beta[j]! * market + 0.012 * normal();
  }
  return { rows: t, cols: n, data };
}

interface Timing {
  readonly label: string;
  readonly ms: number;
  readonly shrinkage: number | undefined;
}

/** Median of RUNS timings of `fn` (one warm-up run discarded). */
function median(label: string, fn: () => CovarianceEstimate): Timing {
  let last = fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    last = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, ms: times[Math.floor(RUNS / 2)]!, shrinkage: last.shrinkage };
}

const returns = syntheticReturns(PERIODS, ASSETS, 20260101);
console.log(
  `Covariance benchmark — synthetic returns: T = ${PERIODS} × n = ${ASSETS}, median of ${RUNS} runs, Node ${process.version}`,
);
const timings = [
  median('sample covariance (ddof 1)', () => sampleCovariance(returns)),
  median('Ledoit-Wolf, constant variance', () => ledoitWolf(returns)),
  median('EWMA (λ = 0.94, minPeriods = 20)', () =>
    ewmaCovariance(returns, { lambda: 0.94, minPeriods: 20 }),
  ),
  median('OAS', () => oracleApproximatingShrinkage(returns)),
  median('Ledoit-Wolf, single factor', () => ledoitWolfSingleFactor(returns)),
  median('Ledoit-Wolf, constant correlation', () => ledoitWolfConstantCorrelation(returns)),
];
const baseline = timings[0]!.ms;
const header = ['estimator', 'median', 'vs sample', 'shrinkage δ'];
const lines = timings.map((t) => [
  t.label,
  `${t.ms.toFixed(1)} ms`,
  `${(t.ms / baseline).toFixed(2)}×`,
  t.shrinkage === undefined ? '' : t.shrinkage.toFixed(4),
]);
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
