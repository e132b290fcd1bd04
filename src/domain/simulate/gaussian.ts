/**
 * Sample moments of a returns panel and the factor the normal draws use: sample mean, sample
 * covariance with divisor n − 1 (docs/conventions.md, "Risk and performance measures"), and a
 * lower factor L with L·Lᵀ = Σ by the Cholesky–Banachiewicz recursion, which here tolerates a
 * positive semi-definite Σ: a pivot ≤ 1e-14 × the largest variance leaves its column of L at
 * zero (that direction has no variance), so constant or collinear columns are drawn exactly.
 */

import { invalidInput } from '../errors.ts';
import type { GaussianModel } from './model.ts';

/** Sample mean vector of `columns` (each a series of the same length n ≥ 1). */
export function sampleMean(columns: readonly ArrayLike<number>[]): Float64Array {
  const n = columns[0]?.length ?? 0;
  return Float64Array.from(columns, (c) => {
    let s = 0;
    for (let t = 0; t < n; t++) s += c[t]!;
    return s / n;
  });
}

/** Sample covariance (divisor n − 1), k × k row-major; needs n ≥ 2. */
export function sampleCovariance(
  columns: readonly ArrayLike<number>[],
  mean: Float64Array = sampleMean(columns),
): Float64Array {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (n < 2) throw invalidInput('returns', n, 'at least 2 periods are needed for a covariance');
  const cov = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j <= i; j++) {
      const a = columns[i]!;
      const b = columns[j]!;
      let s = 0;
      for (let t = 0; t < n; t++) s += (a[t]! - mean[i]!) * (b[t]! - mean[j]!);
      cov[i * k + j] = cov[j * k + i] = s / (n - 1);
    }
  return cov;
}

/** Lower factor of a symmetric PSD k × k matrix (module comment); INVALID_INPUT if indefinite. */
export function semidefiniteFactor(cov: Float64Array, k: number): Float64Array {
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, cov[i * k + i]!);
  const tol = 1e-14 * scale;
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j <= i; j++) {
      let s = cov[i * k + j]!;
      for (let m = 0; m < j; m++) s -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (s < -1e-10 * Math.max(scale, 1e-300))
          throw invalidInput('returns', s, 'the covariance is not positive semi-definite');
        l[i * k + i] = s > tol ? Math.sqrt(s) : 0;
      } else {
        const d = l[j * k + j]!;
        l[i * k + j] = d > 0 ? s / d : 0;
      }
    }
  return l;
}

/** The normal model of `columns`: sample mean and the factor of the sample covariance. */
export function gaussianOf(columns: readonly ArrayLike<number>[]): GaussianModel {
  const mean = sampleMean(columns);
  return { mean, lower: semidefiniteFactor(sampleCovariance(columns, mean), columns.length) };
}
