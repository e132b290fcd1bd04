/**
 * Ledoit-Wolf shrinkage toward the constant-correlation target: Ledoit & Wolf (2004),
 * "Honey, I shrunk the sample covariance matrix", J. Portfolio Management 30(4), as in the
 * authors' `covCor.m`. With S = XᵀX/T (X centred, divisor T) and s_i = √S_ii:
 *
 *   r̄ = (1/(n(n−1)))·Σ_{i≠j} S_ij/(s_i·s_j)   — the mean OFF-diagonal correlation,
 *   F_ii = S_ii (sample variances kept),  F_ij = r̄·s_i·s_j,
 *   π̂ = Σ_ij [(1/T)Σ_t x_ti²x_tj² − S_ij²],
 *   ρ̂ = Σ_i π̂_ii + r̄·Σ_{i≠j} (s_j/s_i)·θ_ij,  θ_ij = (1/T)Σ_t x_ti³x_tj − S_ii·S_ij,
 *   γ̂ = ‖S − F‖²_F,  δ = max(0, min(1, (π̂ − ρ̂)/γ̂ / T)),  Σ̂ = δ·F + (1 − δ)·S.
 *
 * The n × n sums of `covCor.m` are evaluated in O(T·n) from per-period sums; only S costs
 * O(T·n²). A zero-variance asset has correlation 0 with the others (it still counts in the
 * n(n−1) pairs) and is reported. (PyPortfolioOpt 1.5's port uses S with divisor T − 1 and so
 * differs slightly.)
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { quadraticForm } from '../../core/linalg/quadratic-form.ts';
import { warning } from '../warnings.ts';
import { assertReturnsMatrix, shrinkToward, type CovarianceEstimate } from './covariance-input.ts';
import { centredMoments, frobeniusSquared, meanSquaredRowNorm } from './ledoit-wolf.ts';
import { distanceSquared } from './ledoit-wolf-single-factor.ts';

/** The target and the mean off-diagonal correlation r̄ of {@link constantCorrelationTarget}. */
export interface ConstantCorrelationTarget {
  readonly target: Matrix;
  readonly meanCorrelation: number;
}

/**
 * The constant-correlation target of a covariance S: diagonal S_ii, off-diagonal r̄·s_i·s_j
 * with r̄ the mean off-diagonal correlation (pairs with a zero variance count as 0). For one
 * asset the target is S itself (r̄ = NaN).
 */
export function constantCorrelationTarget(sample: Matrix): ConstantCorrelationTarget {
  const n = sample.rows;
  const s = sample.data;
  const sd = Float64Array.from({ length: n }, (_, i) => Math.sqrt(s[i * n + i]!));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && sd[i]! > 0 && sd[j]! > 0) sum += s[i * n + j]! / (sd[i]! * sd[j]!);
    }
  }
  const meanCorrelation = sum / (n * (n - 1));
  const target = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      target[i * n + j] = i === j ? s[i * n + i]! : meanCorrelation * (sd[i]! * sd[j]!);
    }
  }
  return { target: { rows: n, cols: n, data: target }, meanCorrelation };
}

/**
 * Ledoit-Wolf (constant correlation) covariance per period of a T × n return matrix (T ≥ 2)
 * with its intensity δ. With one asset, or when S equals its target up to rounding
 * (‖S − F‖²_F ≤ 1e-20·‖S‖²_F, e.g. any two assets), δ = 0.
 */
export function ledoitWolfConstantCorrelation(returns: Matrix): CovarianceEstimate {
  assertReturnsMatrix(returns, {
    estimator: 'Ledoit-Wolf constant-correlation covariance',
    minObservations: 2,
  });
  const { centred, sample } = centredMoments(returns);
  const { rows: t, cols: n, data: x } = centred;
  const s = sample.data;
  const sd = Float64Array.from({ length: n }, (_, i) => Math.sqrt(s[i * n + i]!));
  const flat = sd.filter((v) => v === 0).length;
  const warnings =
    flat === 0
      ? []
      : [
          warning(
            'COVARIANCE_ZERO_VARIANCE',
            `Ledoit-Wolf constant correlation: ${flat} asset(s) with zero variance (correlation taken as 0)`,
            { estimator: 'ledoit-wolf-constant-correlation', assets: flat },
          ),
        ];
  if (n === 1) return { covariance: sample, shrinkage: 0, warnings };
  const { target, meanCorrelation } = constantCorrelationTarget(sample);
  const inv = sd.map((v) => (v > 0 ? 1 / v : 0));
  let cross = 0;
  const x4 = new Float64Array(n);
  for (let r = 0; r < t; r++) {
    let cubes = 0;
    let linear = 0;
    for (let i = 0; i < n; i++) {
      const v = x[r * n + i]!;
      const v3 = v * v * v;
      cubes += v3 * inv[i]!;
      linear += v * sd[i]!;
      x4[i] = x4[i]! + v3 * v;
    }
    cross += cubes * linear;
  }
  let piDiag = 0;
  let thetaDiag = 0;
  for (let i = 0; i < n; i++) {
    const term = x4[i]! / t - s[i * n + i]! ** 2;
    piDiag += term;
    if (sd[i]! > 0) thetaDiag += term;
  }
  const pi = meanSquaredRowNorm(centred) - frobeniusSquared(s);
  const thetaOff = cross / t - quadraticForm(sample, sd) - thetaDiag;
  const rho = piDiag + meanCorrelation * thetaOff;
  const gamma = distanceSquared(s, target.data);
  const shrinkage =
    gamma <= 1e-20 * frobeniusSquared(s) ? 0 : Math.max(0, Math.min(1, (pi - rho) / gamma / t));
  return { covariance: shrinkToward(sample, target, shrinkage), shrinkage, warnings };
}
