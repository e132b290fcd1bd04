/**
 * EWMA (RiskMetrics) covariance, docs/conventions.md "Estimation", the multivariate form of
 * `ewmaVariance`: Σ_{t+1} = λ·Σ_t + (1 − λ)·r_t·r_tᵀ with zero mean (J.P. Morgan/Reuters
 * 1996, RiskMetrics — Technical Document, §5.3; λ = 0.94 daily, 0.97 monthly there).
 *
 * Seeding (same as `ewmaVariance`, so the diagonal equals its `nextVariance`): Σ_{m+1} is the
 * sample covariance (demeaned, divisor m − 1) of the first m = `minPeriods` returns; the
 * recursion then runs over r_{m+1} … r_T and the result is the one-step forecast Σ_{T+1}.
 * It is evaluated in closed form,
 *
 *   Σ_{T+1} = λ^{T−m}·Σ_{m+1} + (1 − λ)·Σ_{t=m+1}^{T} λ^{T−t}·r_t·r_tᵀ,
 *
 * as one weighted cross-product (the weights are exact powers; terms whose weight is below
 * 1e-200 are dropped). Units: covariance per period of the input returns.
 */

import { crossProduct } from '../../core/linalg/cross-product.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { covariance } from '../../core/stats/covariance.ts';
import { invalidInput } from '../errors.ts';
import { assertReturnsMatrix, rankWarnings, type CovarianceEstimate } from './covariance-input.ts';

/** Options of {@link ewmaCovariance} (both required: there is no universal default). */
export interface EwmaCovarianceOptions {
  /** Decay λ ∈ (0, 1); half-life ln ½ / ln λ periods (λ = 0.94 → 11.2 periods). */
  readonly lambda: number;
  /** Leading returns whose sample covariance seeds the recursion (integer ≥ 2). */
  readonly minPeriods: number;
}

const NEGLIGIBLE_WEIGHT = 1e-200;

/**
 * One-step EWMA covariance forecast Σ_{T+1} (per period) of a T × n return matrix. Throws
 * `INVALID_INPUT` for λ ∉ (0, 1), minPeriods not an integer ≥ 2 or a non-finite return, and
 * `INSUFFICIENT_DATA` when T < minPeriods. Warns when T − 1 < n (the result is singular).
 */
export function ewmaCovariance(
  returns: Matrix,
  options: EwmaCovarianceOptions,
): CovarianceEstimate {
  const { lambda, minPeriods } = options;
  if (!(lambda > 0 && lambda < 1)) throw invalidInput('lambda', lambda, 'must be in (0, 1)');
  if (!Number.isInteger(minPeriods) || minPeriods < 2) {
    throw invalidInput('minPeriods', minPeriods, 'must be an integer ≥ 2');
  }
  assertReturnsMatrix(returns, { estimator: 'EWMA covariance', minObservations: minPeriods });
  const { rows: t, cols: n, data } = returns;
  const seed = covariance({ rows: minPeriods, cols: n, data: data.subarray(0, minPeriods * n) });
  const steps = t - minPeriods;
  const weights = Float64Array.from({ length: steps }, (_, k) => {
    const w = (1 - lambda) * Math.pow(lambda, steps - 1 - k);
    return w < NEGLIGIBLE_WEIGHT ? 0 : w;
  });
  const tail = { rows: steps, cols: n, data: data.subarray(minPeriods * n) };
  const cov = crossProduct(tail, { rowWeights: weights });
  const seedWeight = Math.pow(lambda, steps);
  const c = cov.data;
  const s = seed.data;
  for (let k = 0; k < c.length; k++) c[k] = c[k]! + seedWeight * s[k]!;
  return { covariance: cov, warnings: rankWarnings('EWMA covariance', returns) };
}
