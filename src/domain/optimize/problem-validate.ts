/**
 * Validation of optimiser inputs at the domain boundary: shapes, finiteness (a NaN anywhere is
 * INVALID_INPUT naming the field and asset), a symmetric covariance with a non-negative
 * diagonal, duplicate asset names. Positive semi-definiteness is not tested here (O(n³)); a
 * covariance that is not PSD makes the QP non-convex and the solver reports it (SOLVER_FAILED).
 */

import { invalidInput } from '../errors';
import type { OptimizationInputs } from './problem';

/** Throws INVALID_INPUT (BallastError) for malformed optimiser inputs. */
export function validateInputs(inputs: OptimizationInputs): void {
  const { assets, expectedReturnsAnnual: mu, covarianceAnnual: cov } = inputs;
  const n = assets.length;
  if (n === 0) throw invalidInput('assets', [], 'at least one asset is needed');
  if (new Set(assets).size !== n) throw invalidInput('assets', assets, 'duplicate asset names');
  if (mu.length !== n) throw invalidInput('expectedReturnsAnnual', mu.length, `needs ${n} values`);
  mu.forEach((m, i) => {
    if (!Number.isFinite(m))
      throw invalidInput(`expectedReturnsAnnual.${assets[i]}`, m, 'not a finite number');
  });
  if (cov.rows !== n || cov.cols !== n) {
    throw invalidInput('covarianceAnnual', [cov.rows, cov.cols], `must be ${n} × ${n}`);
  }
  const d = cov.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = d[i * n + j]!;
      if (!Number.isFinite(v)) {
        throw invalidInput(`covarianceAnnual.${assets[i]}.${assets[j]}`, v, 'not a finite number');
      }
      if (j < i && Math.abs(v - d[j * n + i]!) > 1e-12 * Math.max(1e-300, Math.abs(v))) {
        throw invalidInput(
          `covarianceAnnual.${assets[i]}.${assets[j]}`,
          v,
          'covariance is not symmetric',
        );
      }
    }
    if (d[i * n + i]! < 0)
      throw invalidInput(`covarianceAnnual.${assets[i]}`, d[i * n + i], 'negative variance');
  }
  if (!Number.isFinite(inputs.riskFreeRateAnnual)) {
    throw invalidInput('riskFreeRateAnnual', inputs.riskFreeRateAnnual, 'not a finite number');
  }
}
