/**
 * Sample covariance: S = (1/(T − ddof))·Σ_t (r_t − r̄)(r_t − r̄)ᵀ with r̄ the column means.
 * ddof = 1 (default, divisor T − 1) is the unbiased estimator of numpy `np.cov` and R `cov`,
 * used by the peer reference moments; ddof = 0 (divisor T) is the maximum-likelihood one.
 */

import { covariance } from '../../core/stats/covariance.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { assertReturnsMatrix, rankWarnings, type CovarianceEstimate } from './covariance-input.ts';

/** Options of {@link sampleCovariance}. */
export interface SampleCovarianceOptions {
  /** Divisor T − ddof. Default 1. */
  readonly ddof?: 0 | 1;
}

/**
 * Sample covariance (per period) of a T × n return matrix (T ≥ 2, finite). Throws
 * `INSUFFICIENT_DATA` / `INVALID_INPUT` (see `assertReturnsMatrix`); warns when T − 1 < n.
 */
export function sampleCovariance(
  returns: Matrix,
  options: SampleCovarianceOptions = {},
): CovarianceEstimate {
  assertReturnsMatrix(returns, { estimator: 'sample covariance', minObservations: 2 });
  return {
    covariance: covariance(returns, { ddof: options.ddof ?? 1 }),
    warnings: rankWarnings('sample covariance', returns),
  };
}
