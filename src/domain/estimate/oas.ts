/**
 * Oracle Approximating Shrinkage (Chen, Wiesel, Eldar & Hero 2010, "Shrinkage algorithms
 * for MMSE covariance estimation", IEEE Trans. Signal Process. 58(10), eq. 23) toward the
 * scaled identity, EXACTLY as scikit-learn's `oas(X, assume_centered=False)` (checked
 * against scikit-learn 1.2.1, whose formula follows Chen et al.'s implementation):
 *
 *   S = XᵀX/T (X centred, divisor T),  μ = tr(S)/n,  α = mean of S_ij² = ‖S‖²_F/n²,
 *   δ = min( (α + μ²) / ((T + 1)·(α − μ²/n)), 1 )  (1 when the denominator is ≤ 0),
 *   Σ̂ = (1 − δ)·S + δ·μ·I.
 *
 * A single asset (n = 1) returns its variance with δ = 0, as scikit-learn does.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { assertReturnsMatrix, type CovarianceEstimate } from './covariance-input.ts';
import { centredMoments, frobeniusSquared } from './ledoit-wolf.ts';

/** OAS covariance per period of a T × n return matrix (T ≥ 2) with its intensity δ. */
export function oracleApproximatingShrinkage(returns: Matrix): CovarianceEstimate {
  assertReturnsMatrix(returns, { estimator: 'OAS covariance', minObservations: 2 });
  const { sample } = centredMoments(returns);
  const n = returns.cols;
  const t = returns.rows;
  const s = sample.data;
  if (n === 1) return { covariance: sample, shrinkage: 0, warnings: [] };
  let trace = 0;
  for (let i = 0; i < n; i++) trace += s[i * n + i]!;
  const mu = trace / n;
  const alpha = frobeniusSquared(s) / (n * n);
  const num = alpha + mu ** 2;
  const den = (t + 1) * (alpha - mu ** 2 / n);
  // α ≥ μ²/n always (the mean of squares is at least the square of the mean), so den < 0 is
  // rounding on near-constant data; scikit-learn would then give a negative shrinkage and a
  // negative variance, here the window shrinks all the way (δ = 1) as for den = 0.
  const shrinkage = den <= 0 ? 1 : Math.min(num / den, 1);
  const out = new Float64Array(n * n);
  for (let k = 0; k < out.length; k++) out[k] = (1 - shrinkage) * s[k]!;
  for (let i = 0; i < n; i++) out[i * n + i] = out[i * n + i]! + shrinkage * mu;
  return { covariance: { rows: n, cols: n, data: out }, shrinkage, warnings: [] };
}
