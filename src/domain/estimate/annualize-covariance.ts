/**
 * Annualisation of a per-period covariance under i.i.d. returns: Σ_annual = P·Σ_period with
 * P = periods per year (252 daily, 52 weekly, 12 monthly, 4 quarterly, 1 annual). Every
 * covariance estimator returns per-period values; this is the one place that scales them.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';

/** P·Σ for a per-period covariance Σ; throws `INVALID_INPUT` unless P is finite and > 0. */
export function annualizeCovariance(cov: Matrix, periodsPerYear: number): Matrix {
  checkPeriods(periodsPerYear);
  const data = new Float64Array(cov.data.length);
  for (let k = 0; k < data.length; k++) data[k] = cov.data[k]! * periodsPerYear;
  return { rows: cov.rows, cols: cov.cols, data };
}

/**
 * {@link annualizeCovariance} written over `cov` itself (the same values), for a per-period
 * matrix its caller made and nobody else holds: a large matrix is then not allocated and
 * written twice. Returns `cov`.
 */
export function annualizeCovarianceInPlace(cov: Matrix, periodsPerYear: number): Matrix {
  checkPeriods(periodsPerYear);
  const data = cov.data;
  for (let k = 0; k < data.length; k++) data[k] = data[k]! * periodsPerYear;
  return cov;
}

function checkPeriods(periodsPerYear: number): void {
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    throw invalidInput('periodsPerYear', periodsPerYear, 'must be a finite number above 0');
  }
}
