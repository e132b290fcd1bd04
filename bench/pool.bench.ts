/**
 * Worker-pool benchmark (`src/jobs`): a 50-point long-only efficient frontier at
 * n = 200 assets solved in-process (`efficientFrontier`) vs on a 2-worker `SolvePool`
 * (`parallelFrontier`), reporting wall time of each, their ratio, the pool start-up (workers
 * loading tsx + HiGHS, measured separately with one warm-up solve per worker) and the largest
 * weight difference between the two frontiers (should be 0: same deterministic solves).
 *
 * Inputs are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data): a one-factor
 * covariance β_iβ_j·0.16² + δ_ij·σ_i² with β ∈ [0.6, 1.4], σ_i ∈ [10 %, 40 %] and expected
 * returns μ_i = 0.02 + 0.08·β_i + N(0, 0.02²) (annual).
 *
 * Run: `npx tsx bench/pool.bench.ts` (or `npm run bench -- pool`). On a machine shared with
 * other jobs the ratio depends on the free cores (`os.loadavg()` is printed).
 */

import { cpus, loadavg } from 'node:os';
import { loadHighs } from '../src/core/solvers/highs.ts';
import { efficientFrontier } from '../src/domain/optimize/mean-variance/frontier.ts';
import type { OptimizationInputs } from '../src/domain/optimize/problem.ts';
import { parallelFrontier } from '../src/jobs/frontier-parallel.ts';
import { SolvePool } from '../src/jobs/solve-pool.ts';

const N = 200;
const POINTS = 50;
const THREADS = 2;

function syntheticInputs(n: number, seed: number): OptimizationInputs {
  let s = seed;
  const u = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const normal = (): number =>
    u() + u() + u() + u() + u() + u() + u() + u() + u() + u() + u() + u() - 6;
  const beta = Float64Array.from({ length: n }, () => 0.6 + 0.8 * u());
  const idio = Float64Array.from({ length: n }, () => (0.1 + 0.3 * u()) ** 2);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      data[i * n + j] = beta[i]! * beta[j]! * 0.0256 + (i === j ? idio[i]! : 0);
  return {
    assets: Array.from({ length: n }, (_, i) => `S${i}`),
    expectedReturnsAnnual: Float64Array.from(beta, (b) => 0.02 + 0.08 * b + 0.02 * normal()),
    covarianceAnnual: { rows: n, cols: n, data },
    riskFreeRateAnnual: 0.02,
  };
}

const inputs = syntheticInputs(N, 20240601);
const highs = await loadHighs();
console.log(
  `Frontier on a worker pool (SYNTHETIC one-factor inputs), n = ${N}, ${POINTS} points; ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

efficientFrontier(highs, inputs, { points: 3 }); // warm the in-process JIT
let t = performance.now();
const local = efficientFrontier(highs, inputs, { points: POINTS });
const localMs = performance.now() - t;

t = performance.now();
const pool = new SolvePool({ size: THREADS });
await Promise.all(
  Array.from({ length: THREADS }, () =>
    pool.solve({ problem: { inputs, objective: { kind: 'minVariance' } } }),
  ),
);
const startupMs = performance.now() - t;
try {
  t = performance.now();
  const parallel = await parallelFrontier(pool, inputs, { points: POINTS });
  const poolMs = performance.now() - t;
  let diff = 0;
  local.points.forEach((p, k) => {
    for (const a of inputs.assets)
      diff = Math.max(diff, Math.abs((p.weights[a] ?? 0) - (parallel.points[k]!.weights[a] ?? 0)));
  });
  console.log(
    `in-process:            ${localMs.toFixed(0)} ms (${local.diagnostics.solves} solves)`,
  );
  console.log(
    `${THREADS} worker threads:      ${poolMs.toFixed(0)} ms (pool start-up ${startupMs.toFixed(0)} ms, not included)`,
  );
  console.log(
    `ratio in-process/pool: ${(localMs / poolMs).toFixed(2)}×; max |Δw| between the two: ${diff.toExponential(1)}`,
  );
} finally {
  await pool.close();
}
