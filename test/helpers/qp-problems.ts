import type { Matrix } from '../../src/core/linalg/matrix.ts';
import { sparseConstraints } from '../../src/core/solvers/sparse-constraints.ts';
import type { SolverProblem } from '../../src/core/solvers/types.ts';

/** Park-Miller uniform(0, 1) stream from a seed. */
export function uniforms(seed: number): () => number {
  let s = Math.max(1, Math.floor(seed) % 2147483647);
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/**
 * A seeded K-factor covariance B·F·Bᵀ + D (n × n, annual-like scale: variances 0.01–0.2), SPD.
 * SYNTHETIC test/benchmark data, not market data.
 */
export function factorCovariance(spec: {
  readonly n: number;
  readonly seed: number;
  readonly factors?: number;
}): Matrix {
  const { n } = spec;
  const k = spec.factors ?? 4;
  const u = uniforms(spec.seed);
  const normal = (): number => u() + u() + u() + u() + u() + u() - 3;
  const b = Float64Array.from({ length: n * k }, (_, i) =>
    i % k === 0 ? 0.7 + 0.6 * u() : 0.3 * normal(),
  );
  const fv = Float64Array.from({ length: k }, (_, j) => (j === 0 ? 0.03 : 0.01 / j));
  const d = Float64Array.from({ length: n }, () => 0.01 + 0.08 * u() ** 2);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let v = i === j ? d[i]! : 0;
      for (let f = 0; f < k; f++) v += b[i * k + f]! * fv[f]! * b[j * k + f]!;
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data };
}

/** min ½wᵀΣw + cᵀw s.t. Σw = 1, lower ≤ w ≤ upper (the long-only minimum-variance QP). */
export function budgetQp(spec: {
  readonly cov: Matrix;
  readonly lower?: number;
  readonly upper?: number;
  readonly linear?: Float64Array;
}): SolverProblem {
  const n = spec.cov.rows;
  return {
    n,
    hessian: spec.cov,
    linear: spec.linear ?? new Float64Array(n),
    lower: new Float64Array(n).fill(spec.lower ?? 0),
    upper: new Float64Array(n).fill(spec.upper ?? 1),
    constraints: sparseConstraints([
      {
        indices: Array.from({ length: n }, (_, i) => i),
        values: new Float64Array(n).fill(1),
        lower: 1,
        upper: 1,
      },
    ]),
  };
}

/** max |a_i − b_i|. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
