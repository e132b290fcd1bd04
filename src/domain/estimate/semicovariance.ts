/**
 * Semicovariance (downside covariance) in PyPortfolioOpt's `semicovariance` convention
 * (Estrada 2007, "Mean-semivariance behavior: downside risk and capital asset pricing",
 * Int. Rev. Econ. Finance 16; PyPortfolioOpt 1.5 `risk_models.semicovariance`):
 *
 *   d_ti = min(r_ti − B_t, 0),   Σ⁻_ij = (1/T)·Σ_t d_ti·d_tj,
 *
 * i.e. E[min(r − B, 0)_i·min(r − B, 0)_j] over ALL T periods (divisor T, not the number of
 * periods below the benchmark, and no demeaning). B is a per-period benchmark return: one
 * number for every period or one value per period. PSD by construction (a Gram matrix).
 */

import { crossProduct } from '../../core/linalg/cross-product.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';
import { assertReturnsMatrix, rankWarnings, type CovarianceEstimate } from './covariance-input.ts';

/** Options of {@link semicovariance}. */
export interface SemicovarianceOptions {
  /**
   * Benchmark return per period (decimal, same frequency as the returns): a constant or one
   * value per row. Default 0. (PyPortfolioOpt's default is 1.02^(1/252) − 1 ≈ 7.9e-5 daily.)
   */
  readonly benchmark?: number | ArrayLike<number>;
}

/**
 * Semicovariance per period of a T × n return matrix (T ≥ 1). Throws `INVALID_INPUT` for a
 * non-finite benchmark or a benchmark series whose length is not T.
 */
export function semicovariance(
  returns: Matrix,
  options: SemicovarianceOptions = {},
): CovarianceEstimate {
  assertReturnsMatrix(returns, { estimator: 'semicovariance', minObservations: 1 });
  const { rows: t, cols: n, data } = returns;
  const b = options.benchmark ?? 0;
  const perPeriod =
    typeof b === 'number' ? Float64Array.from({ length: t }, () => b) : Float64Array.from(b);
  if (perPeriod.length !== t) {
    throw invalidInput('benchmark', perPeriod.length, `needs one value per period (${t})`);
  }
  const drops = new Float64Array(t * n);
  for (let r = 0; r < t; r++) {
    const br = perPeriod[r]!;
    if (!Number.isFinite(br)) throw invalidInput(`benchmark[${r}]`, br, 'must be finite');
    for (let j = r * n; j < (r + 1) * n; j++) drops[j] = Math.min(data[j]! - br, 0);
  }
  const cov = crossProduct({ rows: t, cols: n, data: drops });
  const c = cov.data;
  for (let k = 0; k < c.length; k++) c[k] = c[k]! / t;
  return { covariance: cov, warnings: rankWarnings('semicovariance', returns) };
}
