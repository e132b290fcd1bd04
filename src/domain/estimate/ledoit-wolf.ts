/**
 * Ledoit-Wolf shrinkage toward a scaled identity ("constant variance" target):
 *
 *   Σ̂ = (1 − δ)·S + δ·μ·I,   S = XᵀX/T (X centred, divisor T),   μ = tr(S)/n,
 *
 * with the intensity δ of Ledoit & Wolf (2004), "A well-conditioned estimator for
 * large-dimensional covariance matrices", J. Multivar. Anal. 88, Lemma 3.2–3.4, computed
 * EXACTLY as scikit-learn's `ledoit_wolf(X, assume_centered=False)` /
 * `ledoit_wolf_shrinkage` (checked against scikit-learn 1.2.1):
 *
 *   b̄² = (1/(n·T))·[(1/T)·Σ_t ‖x_t‖⁴ − ‖S‖²_F],   d² = (‖S‖²_F − n·μ²)/n,
 *   δ = min(b̄², d²)/d²  (0 when b̄² = 0).
 *
 * Note the divisor T (not T − 1) of S, as in scikit-learn and the paper. A single asset
 * (n = 1) returns its variance with δ = 0, as scikit-learn does.
 */

import { crossProduct } from '../../core/linalg/cross-product.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { centerColumns } from '../../core/stats/center-columns.ts';
import { assertReturnsMatrix, type CovarianceEstimate } from './covariance-input.ts';

/** Centred returns X (T × n) and S = XᵀX/T: the inputs of every Ledoit-Wolf-type estimator. */
export interface CentredMoments {
  readonly centred: Matrix;
  /** Covariance with divisor T. */
  readonly sample: Matrix;
}

/** Centres the columns of `returns` and forms S = XᵀX/T. */
export function centredMoments(returns: Matrix): CentredMoments {
  const centred = centerColumns(returns);
  const sample = crossProduct(centred);
  const d = sample.data;
  for (let k = 0; k < d.length; k++) d[k] = d[k]! / returns.rows;
  return { centred, sample };
}

/** ‖A‖²_F, the sum of squared entries. */
export function frobeniusSquared(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * a[k]!;
  return s;
}

/** Σ_t (Σ_j x_tj²)² / T: the fourth-moment term shared by the Ledoit-Wolf intensities. */
export function meanSquaredRowNorm(x: Matrix): number {
  const { rows: t, cols: n, data } = x;
  let total = 0;
  for (let r = 0; r < t; r++) {
    let s = 0;
    for (let j = r * n; j < (r + 1) * n; j++) s += data[j]! * data[j]!;
    total += s * s;
  }
  return total / t;
}

/**
 * Ledoit-Wolf (constant variance) covariance per period of a T × n return matrix (T ≥ 2),
 * with its intensity δ as `shrinkage`. See the module comment for the formula.
 */
export function ledoitWolf(returns: Matrix): CovarianceEstimate {
  assertReturnsMatrix(returns, { estimator: 'Ledoit-Wolf covariance', minObservations: 2 });
  const { centred, sample } = centredMoments(returns);
  const n = returns.cols;
  const t = returns.rows;
  const s = sample.data;
  if (n === 1) return { covariance: sample, shrinkage: 0, warnings: [] };
  let trace = 0;
  for (let i = 0; i < n; i++) trace += s[i * n + i]!;
  const mu = trace / n;
  const delta_ = frobeniusSquared(s);
  const beta = (1 / (n * t)) * (meanSquaredRowNorm(centred) - delta_);
  const delta = (delta_ - 2 * mu * trace + n * mu * mu) / n;
  const betaCapped = Math.min(beta, delta);
  const shrinkage = betaCapped === 0 ? 0 : betaCapped / delta;
  const out = new Float64Array(n * n);
  for (let k = 0; k < out.length; k++) out[k] = (1 - shrinkage) * s[k]!;
  for (let i = 0; i < n; i++) out[i * n + i] = out[i * n + i]! + shrinkage * mu;
  return { covariance: { rows: n, cols: n, data: out }, shrinkage, warnings: [] };
}
