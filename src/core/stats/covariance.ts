/**
 * Sample covariance of the columns of a T × n matrix (one observation per row):
 * S = (1/(T − ddof))·Σ_t (x_t − x̄)(x_t − x̄)ᵀ, computed two-pass (centre, then the
 * cross-product) for accuracy. ddof = 1 is the unbiased estimator (numpy `np.cov`,
 * R `cov`), ddof = 0 the maximum-likelihood one (scikit-learn `empirical_covariance`).
 */

import { gramOfColumns } from '../linalg/cross-product.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { columnMeans } from './column-means.ts';

/** Options of {@link covariance}. */
export interface CovarianceOptions {
  /** Delta degrees of freedom: the divisor is T − ddof. Default 1 (divisor T − 1). */
  readonly ddof?: 0 | 1;
}

/**
 * n × n sample covariance (exactly symmetric) of the columns of `x` (T × n). Throws
 * RangeError when T − ddof < 1. NaN propagates (callers reject missing data first).
 */
export function covariance(x: Matrix, options: CovarianceOptions = {}): Matrix {
  const ddof = options.ddof ?? 1;
  const divisor = x.rows - ddof;
  if (divisor < 1) {
    throw new RangeError(`covariance: ${x.rows} observations are too few for ddof ${ddof}`);
  }
  // Centred and laid out column by column in one pass (the cross-product kernel's layout).
  const { rows: t, cols: n, data } = x;
  const means = columnMeans(x);
  const centred = new Float64Array(t * n);
  for (let r = 0; r < t; r++) {
    const o = r * n;
    for (let j = 0; j < n; j++) centred[j * t + r] = data[o + j]! - means[j]!;
  }
  const s = gramOfColumns(centred, centred, { n, t });
  const d = s.data;
  for (let k = 0; k < d.length; k++) d[k] = d[k]! / divisor;
  return s;
}
