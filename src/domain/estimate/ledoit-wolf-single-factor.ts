/**
 * Ledoit-Wolf shrinkage toward the single-index (Sharpe market model) target: Ledoit & Wolf
 * (2003), "Improved estimation of the covariance matrix of stock returns with an application
 * to portfolio selection", J. Empirical Finance 10, as in the authors' `covMarket.m`
 * (version 06/2009). The market is the equal-weighted average of the (centred) returns,
 * m_t = (1/n)·Σ_i x_ti:
 *
 *   S = XᵀX/T (divisor T),  c_i = Cov(x_i, m),  σ²_m = Var(m),
 *   F = c·cᵀ/σ²_m off the diagonal, F_ii = S_ii,
 *   π̂ = Σ_ij AsyVar(√T·S_ij),  ρ̂ = Σ_ii π̂_ii + off-diagonal covariance terms,  γ̂ = ‖S − F‖²_F,
 *   δ = max(0, min(1, (π̂ − ρ̂)/γ̂ / T)),   Σ̂ = δ·F + (1 − δ)·S.
 *
 * Every T × n² term of `covMarket.m` (y'y, y'z, z'z) only enters through sums weighted by
 * c, so each is evaluated in O(T·n) from per-period sums; only S costs O(T·n²).
 * (PyPortfolioOpt 1.5's port uses the un-centred market in z and so differs slightly.)
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { quadraticForm } from '../../core/linalg/quadratic-form.ts';
import { warning } from '../warnings.ts';
import { assertReturnsMatrix, shrinkToward, type CovarianceEstimate } from './covariance-input.ts';
import { centredMoments, frobeniusSquared, meanSquaredRowNorm } from './ledoit-wolf.ts';

/** Equal-weight market m_t, c_i = Cov(x_i, m) = mean of row i of S, σ²_m = mean of S. */
function market(
  centred: Matrix,
  sample: Matrix,
): { m: Float64Array; c: Float64Array; varM: number } {
  const { rows: t, cols: n, data } = centred;
  const m = new Float64Array(t);
  for (let r = 0; r < t; r++) {
    let s = 0;
    for (let j = r * n; j < (r + 1) * n; j++) s += data[j]!;
    m[r] = s / n;
  }
  const c = new Float64Array(n);
  const s = sample.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += s[i * n + j]!;
    c[i] = row / n;
    total += row;
  }
  return { m, c, varM: total / (n * n) };
}

/**
 * Ledoit-Wolf (single factor) covariance per period of a T × n return matrix (T ≥ 2) with
 * its intensity δ. When the market has zero variance the sample covariance (divisor T) is
 * returned with δ = 0 and a warning; when S equals its target up to rounding
 * (‖S − F‖²_F ≤ 1e-20·‖S‖²_F, e.g. one asset), δ = 0.
 */
export function ledoitWolfSingleFactor(returns: Matrix): CovarianceEstimate {
  assertReturnsMatrix(returns, {
    estimator: 'Ledoit-Wolf single-factor covariance',
    minObservations: 2,
  });
  const { centred, sample } = centredMoments(returns);
  const { rows: t, cols: n, data: x } = centred;
  const s = sample.data;
  const { m, c, varM } = market(centred, sample);
  if (!(varM > 0)) {
    return {
      covariance: sample,
      shrinkage: 0,
      warnings: [
        warning(
          'SHRINKAGE_TARGET_DEGENERATE',
          'Ledoit-Wolf single factor: the equal-weight market has zero variance; sample covariance (divisor T) returned',
          { estimator: 'ledoit-wolf-single-factor' },
        ),
      ],
    };
  }
  const target = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      target[i * n + j] = i === j ? s[i * n + i]! : (c[i]! * c[j]!) / varM;
  }
  const cSc = quadraticForm(sample, c);
  let sumY2Zc = 0;
  let sumZc2 = 0;
  const x3m = new Float64Array(n);
  const x2m2 = new Float64Array(n);
  let x4 = 0;
  for (let r = 0; r < t; r++) {
    const mr = m[r]!;
    let y = 0;
    let xc = 0;
    for (let i = 0; i < n; i++) {
      const v = x[r * n + i]!;
      const v2 = v * v;
      y += v2;
      xc += v * c[i]!;
      x4 += v2 * v2;
      x3m[i] = x3m[i]! + v2 * v * mr;
      x2m2[i] = x2m2[i]! + v2 * mr * mr;
    }
    sumY2Zc += y * mr * xc;
    sumZc2 += mr * mr * xc * xc;
  }
  let diagS2 = 0;
  let v1Diag = 0;
  let v3Diag = 0;
  for (let i = 0; i < n; i++) {
    const sii = s[i * n + i]!;
    diagS2 += sii * sii;
    v1Diag += (x3m[i]! / t - c[i]! * sii) * c[i]!;
    v3Diag += (x2m2[i]! / t - varM * sii) * c[i]! * c[i]!;
  }
  const p = meanSquaredRowNorm(centred) - frobeniusSquared(s);
  const rDiag = x4 / t - diagS2;
  const rOff1 = (sumY2Zc / t - cSc - v1Diag) / varM;
  const rOff3 = (sumZc2 / t - varM * cSc - v3Diag) / (varM * varM);
  const rho = rDiag + 2 * rOff1 - rOff3;
  const gamma = distanceSquared(s, target);
  const shrinkage =
    gamma <= 1e-20 * frobeniusSquared(s) ? 0 : Math.max(0, Math.min(1, (p - rho) / gamma / t));
  const cov = shrinkToward(sample, { rows: n, cols: n, data: target }, shrinkage);
  return { covariance: cov, shrinkage, warnings: [] };
}

/** ‖A − B‖²_F. */
export function distanceSquared(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) {
    const e = a[k]! - b[k]!;
    sum += e * e;
  }
  return sum;
}
