/**
 * Sample covariance: S = (1/(T − ddof))·Σ_t (r_t − r̄)(r_t − r̄)ᵀ with r̄ the column means.
 * ddof = 1 (default, divisor T − 1) is the unbiased estimator of numpy `np.cov` and R `cov`,
 * used by the peer reference moments; ddof = 0 (divisor T) is the maximum-likelihood one.
 */

import type { CentredGram } from '../../core/stats/centred-gram.ts';
import { covariance } from '../../core/stats/covariance.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../errors.ts';
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

/**
 * {@link sampleCovariance} of the returns whose centred cross-products are `parts` (T = its
 * count, n its columns): Σ_t (r_t − r̄)(r_t − r̄)ᵀ/(T − ddof). Throws the same
 * `INVALID_INPUT` (no column, a non-finite mean) and `INSUFFICIENT_DATA` (T < 2); warns when
 * T − 1 < n.
 */
export function sampleCovarianceOfGram(
  parts: CentredGram,
  options: SampleCovarianceOptions = {},
): CovarianceEstimate {
  const { count: t, means } = parts;
  const n = means.length;
  if (n === 0) throw invalidInput('returns', `${t}×0`, 'at least one asset (column) needed');
  if (t < 2) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `sample covariance needs at least 2 observations, got ${t}`,
      { observations: t, required: 2 },
    );
  }
  means.forEach((m, j) => {
    if (!Number.isFinite(m))
      throw invalidInput(`returns[][${j}]`, m, 'every return must be finite');
  });
  const divisor = t - (options.ddof ?? 1);
  const data = new Float64Array(parts.gram.length);
  for (let k = 0; k < data.length; k++) data[k] = parts.gram[k]! / divisor;
  return {
    covariance: { rows: n, cols: n, data },
    warnings: rankWarnings('sample covariance', { rows: t, cols: n }),
  };
}
