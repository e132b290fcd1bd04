/**
 * Nearest-PSD repair of a covariance, reported (docs/conventions.md "Estimation": non-PSD input is
 * repaired to the nearest PSD correlation with unit diagonal). Σ = D·C·D is split into
 * volatilities and correlation; C is replaced by the nearest correlation matrix (Higham 2002
 * alternating projections); the variances are kept. A matrix that already is PSD (within a
 * tolerance of 1e-12 × trace, see `isPositiveSemidefinite`) is returned unchanged.
 */

import { correlationToCovariance, covarianceToCorrelation } from '../../core/linalg/correlation.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { nearestCorrelation } from '../../core/linalg/nearest-correlation.ts';
import { isPositiveSemidefinite, minEigenvalue } from '../../core/linalg/positive-semidefinite.ts';
import { invalidInput } from '../errors.ts';
import { warning, type Warning } from '../warnings.ts';
import type { CovarianceEstimate } from './covariance-input.ts';

/** A covariance after the PSD check, with whether and how it was repaired. */
export interface RepairedCovariance extends CovarianceEstimate {
  readonly repaired: boolean;
  /** Higham iterations run (0 when nothing was repaired). */
  readonly iterations: number;
}

/**
 * The PSD covariance nearest in correlation to the symmetric n × n `cov` (finite, variances
 * ≥ 0), with a `COVARIANCE_REPAIRED` warning naming the smallest eigenvalue found when a repair
 * was needed (and `COVARIANCE_REPAIR_NOT_CONVERGED` when Higham's iteration hit its limit).
 * Throws `INVALID_INPUT` for a non-square or non-finite matrix or a negative variance.
 */
export function repairCovariance(cov: Matrix): RepairedCovariance {
  const n = cov.rows;
  if (cov.cols !== n || !cov.data.every(Number.isFinite)) {
    throw invalidInput('covariance', `${cov.rows}×${cov.cols}`, 'must be square and finite');
  }
  for (let i = 0; i < n; i++) {
    const v = cov.data[i * n + i]!;
    if (v < 0) throw invalidInput(`covariance[${i}][${i}]`, v, 'variance must be ≥ 0');
  }
  if (isPositiveSemidefinite(cov)) {
    return { covariance: cov, repaired: false, iterations: 0, warnings: [] };
  }
  const lowest = minEigenvalue(cov);
  const { correlation, stdev } = covarianceToCorrelation(cov);
  const nearest = nearestCorrelation(correlation);
  const warnings: Warning[] = [
    warning(
      'COVARIANCE_REPAIRED',
      `covariance was not positive semidefinite (smallest eigenvalue ${lowest.toPrecision(3)}); ` +
        `repaired to the nearest PSD correlation (Higham 2002, ${nearest.iterations} iterations), variances kept`,
      { smallestEigenvalue: lowest, iterations: nearest.iterations },
    ),
  ];
  if (!nearest.converged)
    warnings.push(
      warning(
        'COVARIANCE_REPAIR_NOT_CONVERGED',
        'nearest-correlation repair stopped at its iteration limit',
        { iterations: nearest.iterations },
      ),
    );
  return {
    covariance: correlationToCovariance(nearest.correlation, stdev),
    repaired: true,
    iterations: nearest.iterations,
    warnings,
  };
}

/**
 * Σ = D·C·D from a correlation matrix C (n × n, symmetric) and volatilities σ (same period
 * as the wanted covariance), repaired and reported as in {@link repairCovariance} when C is
 * not PSD. Throws `INVALID_INPUT` for mismatched lengths, a negative/non-finite σ or a
 * diagonal entry of C that is not 1.
 */
export function covarianceFromCorrelation(
  correlation: Matrix,
  volatility: ArrayLike<number>,
): RepairedCovariance {
  if (correlation.rows !== correlation.cols || volatility.length !== correlation.rows) {
    throw invalidInput('volatility', volatility.length, `expected ${correlation.rows} values`);
  }
  for (let i = 0; i < volatility.length; i++) {
    const v = volatility[i]!;
    if (!(v >= 0 && Number.isFinite(v)))
      throw invalidInput(`volatility[${i}]`, v, 'must be finite and ≥ 0');
    const c = correlation.data[i * volatility.length + i]!;
    if (!(Math.abs(c - 1) <= 1e-12)) throw invalidInput(`correlation[${i}][${i}]`, c, 'must be 1');
  }
  return repairCovariance(correlationToCovariance(correlation, volatility));
}
