/**
 * Optimisation benchmark: long-only, fully invested minimum variance at n = 50 …
 * 2000 assets through `optimize` (dense active-set kernel), against HiGHS + KKT polish and the
 * `quadprog` npm package (Goldfarb-Idnani, exact) in the same process. Reported per n:
 * covariance generation time (separate), Ballast's `diagnostics.solveMs` (median of runs) and
 * the whole `optimize` call (validation + solve + checks), HiGHS + polish, quadprog, and the
 * largest weight differences. Targets: n = 500 ≤ 50 ms, n = 2000 < 1 s, weights within 1e-8 of
 * the exact solution.
 *
 * The covariances are SYNTHETIC BENCHMARK DATA from a seeded formula (no market data): a
 * 5-factor model B·F·Bᵀ + D with market betas in [0.7, 1.3], style loadings ~ N(0, 0.3²),
 * idiosyncratic volatilities 10 %…30 % annual ("typical": the long-only minimum-variance
 * portfolio holds 5–30 % of the assets), and a second panel with idiosyncratic volatilities
 * ×3 ("dispersed"), whose solution holds more assets (the kernel's cost grows with holdings).
 *
 * quadprog's cost grows ~n³ (55 s at n = 1000 here), so it runs up to BENCH_QUADPROG_MAX_N
 * (default 1000); above, HiGHS + polish is the independent reference.
 *
 * Run: `npx tsx bench/optimize.bench.ts` (or `npm run bench -- optimize`).
 */

import { cpus, loadavg } from 'node:os';
import type { Matrix } from '../src/core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../src/core/solvers/highs.ts';
import { optimize } from '../src/domain/optimize/index.ts';
import type { OptimizationInputs } from '../src/domain/optimize/problem.ts';
import { quadprogMinVariance } from '../test/helpers/quadprog-oracle.ts';

const SIZES = [50, 100, 200, 500, 1000, 2000];
const QUADPROG_MAX_N = Number(process.env.BENCH_QUADPROG_MAX_N ?? 1000);

/** Seeded 5-factor covariance (annual): see the module comment. */
function factorCovariance(
  n: number,
  spec: { readonly seed: number; readonly idioScale: number },
): Matrix {
  const seed = spec.seed;
  let s = seed;
  const u = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const normal = (): number =>
    u() + u() + u() + u() + u() + u() + u() + u() + u() + u() + u() + u() - 6;
  const k = 5;
  const factorVar = [0.16 * 0.16, 0.05 * 0.05, 0.04 * 0.04, 0.03 * 0.03, 0.02 * 0.02];
  const b = Float64Array.from({ length: n * k }, (_, i) =>
    i % k === 0 ? 0.7 + 0.6 * u() : 0.3 * normal(),
  );
  const idio = Float64Array.from({ length: n }, () => (spec.idioScale * (0.1 + 0.2 * u())) ** 2);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = i === j ? idio[i]! : 0;
      for (let f = 0; f < k; f++) v += b[i * k + f]! * factorVar[f]! * b[j * k + f]!;
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

interface Row {
  n: number;
  covMs: number;
  solveMs: number;
  optimizeMs: number;
  held: number;
  highsMs: number;
  quadprogMs: number | undefined;
  vsHighs: number;
  vsQuadprog: number | undefined;
}

function benchOne(
  highs: HighsRuntime,
  spec: { readonly n: number; readonly idioScale: number },
): Row {
  const { n } = spec;
  const t0 = performance.now();
  const cov = factorCovariance(n, { seed: 20240601 + n, idioScale: spec.idioScale });
  const covMs = performance.now() - t0;
  const inputs: OptimizationInputs = {
    assets: Array.from({ length: n }, (_, i) => `S${i}`),
    expectedReturnsAnnual: new Float64Array(n).fill(0.07),
    covarianceAnnual: cov,
    riskFreeRateAnnual: 0.02,
  };
  const options = {
    objective: { kind: 'minVariance' as const },
    validation: { psdCheckMaxAssets: 0 },
  };
  const runs = n <= 500 ? 7 : 3;
  let result = optimize(highs, { inputs, ...options }); // warm-up
  const solve: number[] = [];
  const total: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = optimize(highs, { inputs, ...options });
    total.push(performance.now() - start);
    solve.push(result.diagnostics.solveMs);
  }
  const viaHighs = optimize(highs, { inputs, ...options, method: 'highs' });
  let quadprogMs: number | undefined;
  let vsQuadprog: number | undefined;
  if (n <= QUADPROG_MAX_N) {
    const start = performance.now();
    const q = quadprogMinVariance({ cov });
    quadprogMs = performance.now() - start;
    vsQuadprog = maxDiff(result.weightsVector, q.weights);
  }
  return {
    n,
    covMs,
    solveMs: median(solve),
    optimizeMs: median(total),
    held: result.weightsVector.filter((w) => w > 0).length,
    highsMs: viaHighs.diagnostics.solveMs,
    quadprogMs,
    vsHighs: maxDiff(result.weightsVector, viaHighs.weightsVector),
    vsQuadprog,
  };
}

const highs = await loadHighs();
console.log(
  `Long-only minimum variance (SYNTHETIC 5-factor covariances), ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const fmt = (v: number | undefined, d = 1): string => (v === undefined ? 'skipped' : v.toFixed(d));
for (const [label, idioScale] of [
  ['typical', 1],
  ['dispersed', 3],
] as const) {
  console.log(`\n${label} (idiosyncratic volatility ×${idioScale})`);
  console.log(
    'n      cov ms  solve ms  optimize ms  held  highs+polish ms  quadprog ms  max|w−w_highs|  max|w−w_quadprog|',
  );
  for (const n of SIZES) printRow(benchOne(highs, { n, idioScale }));
}

function printRow(r: Row): void {
  console.log(
    [
      String(r.n).padEnd(6),
      fmt(r.covMs).padStart(6),
      fmt(r.solveMs).padStart(9),
      fmt(r.optimizeMs).padStart(12),
      String(r.held).padStart(5),
      fmt(r.highsMs).padStart(16),
      fmt(r.quadprogMs).padStart(12),
      r.vsHighs.toExponential(1).padStart(15),
      (r.vsQuadprog === undefined ? 'skipped' : r.vsQuadprog.toExponential(1)).padStart(18),
    ].join(' '),
  );
}
console.log(
  'targets: n = 500 solve ≤ 50 ms; n = 2000 < 1000 ms; weights within 1e-8 of exact (quadprog).',
);
