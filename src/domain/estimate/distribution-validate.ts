/**
 * Shape and value checks for expected-return vectors and covariance matrices, shared by the
 * estimators and {@link ReturnDistribution}. Violations throw `INVALID_INPUT` naming the field.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';

/**
 * Relative symmetry tolerance: |Σ_ij − Σ_ji| ≤ 1e-10 · max(max_i |Σ_ii|, smallest normal).
 * Estimators that are symmetric in exact arithmetic stay far inside it.
 */
export const SYMMETRY_TOLERANCE = 1e-10;

/** Throws unless `cov` is n×n, finite, with a non-negative diagonal and symmetric within tolerance. */
export function assertCovariance(cov: Matrix, n: number, field = 'covarianceAnnual'): void {
  if (cov.rows !== n || cov.cols !== n || cov.data.length !== n * n) {
    throw invalidInput(field, `${cov.rows}×${cov.cols}`, `must be ${n}×${n}`);
  }
  let scale = Number.MIN_VALUE;
  for (let i = 0; i < n; i++) {
    const variance = cov.data[i * n + i]!;
    if (!(variance >= 0) || !Number.isFinite(variance)) {
      throw invalidInput(`${field}[${i}][${i}]`, variance, 'a variance must be finite and ≥ 0');
    }
    scale = Math.max(scale, variance);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = cov.data[i * n + j]!;
      const lower = cov.data[j * n + i]!;
      if (!Number.isFinite(upper) || !Number.isFinite(lower)) {
        throw invalidInput(`${field}[${i}][${j}]`, upper, 'must be finite');
      }
      if (Math.abs(upper - lower) > SYMMETRY_TOLERANCE * scale) {
        throw invalidInput(`${field}[${i}][${j}]`, [upper, lower], 'must be symmetric');
      }
    }
  }
}

/** Throws unless `mu` has n finite values. */
export function assertExpectedReturns(mu: ArrayLike<number>, n: number, field = 'mu'): void {
  if (mu.length !== n)
    throw invalidInput(field, mu.length, `must have ${n} values (one per asset)`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(mu[i])) throw invalidInput(`${field}[${i}]`, mu[i], 'must be finite');
  }
}

/** Throws unless asset ids are non-empty and unique. */
export function assertAssetIds(assets: readonly string[], field = 'assets'): void {
  if (assets.length === 0) throw invalidInput(field, [], 'at least one asset needed');
  const seen = new Set<string>();
  assets.forEach((id, i) => {
    if (id.length === 0 || seen.has(id))
      throw invalidInput(`${field}[${i}]`, id, 'ids must be non-empty and unique');
    seen.add(id);
  });
}
