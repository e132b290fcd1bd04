/**
 * Covariance ↔ correlation: Σ = D·C·D with D = diag(σ), σ_i = √Σ_ii, and C = D⁻¹·Σ·D⁻¹.
 */

import type { Matrix } from './matrix.ts';

/** A covariance split into its correlation matrix and standard deviations. */
export interface CorrelationParts {
  /** C_ij = Σ_ij / (σ_i·σ_j), exactly 1 on the diagonal. */
  readonly correlation: Matrix;
  /** σ_i = √Σ_ii (NaN where Σ_ii < 0). */
  readonly stdev: Float64Array;
}

/**
 * Correlation and standard deviations of the symmetric n × n `cov` (the correlation is
 * exactly symmetric when `cov` is). A zero-variance
 * variable gets correlation 0 with every other variable (and 1 with itself), so the
 * result still has a unit diagonal.
 */
export function covarianceToCorrelation(cov: Matrix): CorrelationParts {
  const n = cov.rows;
  if (cov.cols !== n)
    throw new RangeError(`covarianceToCorrelation: ${n}×${cov.cols} is not square`);
  const d = cov.data;
  const stdev = new Float64Array(n);
  const inv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(d[i * n + i]!);
    stdev[i] = s;
    inv[i] = s === 0 ? 0 : 1 / s;
  }
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const a = inv[i]!;
    for (let j = 0; j < n; j++) c[ri + j] = d[ri + j]! * (a * inv[j]!);
    c[ri + i] = 1;
  }
  return { correlation: { rows: n, cols: n, data: c }, stdev };
}

/**
 * Σ = D·C·D: Σ_ij = σ_i·C_ij·σ_j for the n × n correlation C and σ of length n (exactly
 * symmetric when C is).
 */
export function correlationToCovariance(correlation: Matrix, stdev: ArrayLike<number>): Matrix {
  const n = correlation.rows;
  if (correlation.cols !== n || stdev.length !== n) {
    throw new RangeError(
      `correlationToCovariance: ${correlation.rows}×${correlation.cols} with ${stdev.length} deviations`,
    );
  }
  const c = correlation.data;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const si = stdev[i]!;
    for (let j = 0; j < n; j++) out[ri + j] = si * stdev[j]! * c[ri + j]!;
  }
  return { rows: n, cols: n, data: out };
}
