/**
 * Covariance denoising by eigenvalue clipping (Laloux, Cizeau, Bouchaud & Potters 1999,
 * "Noise dressing of financial correlation matrices", PRL 83; López de Prado 2020, "Machine
 * Learning for Asset Managers", §2.5 "constant residual eigenvalue method"):
 *
 * 1. C = D⁻¹·Σ·D⁻¹ (correlation), eigen-decomposed C = V·diag(λ)·Vᵀ;
 * 2. the Marchenko-Pastur upper edge for pure noise with T observations of n variables,
 *    λ₊ = σ²·(1 + √(n/T))²  (σ² = 1 for a correlation matrix);
 * 3. eigenvalues ≤ λ₊ are noise and are all replaced by their mean, which keeps the trace;
 * 4. C' = V·diag(λ')·Vᵀ rescaled to a unit diagonal, and Σ' = D·C'·D (variances kept).
 *
 * The signal eigenvectors and eigenvalues are untouched; the result is PSD whenever the
 * input is (all λ' ≥ 0).
 */

import { correlationToCovariance, covarianceToCorrelation } from '../../core/linalg/correlation.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { fromEigen, symmetricEigen } from '../../core/linalg/symmetric-eigen.ts';
import { invalidInput } from '../errors.ts';
import { warning } from '../warnings.ts';
import type { CovarianceEstimate } from './covariance-input.ts';

/** Options of {@link denoiseCovariance}. */
export interface DenoiseOptions {
  /** T, the number of return observations the covariance was estimated from (≥ 1). */
  readonly observations: number;
  /** σ² of the Marchenko-Pastur law for the correlation matrix. Default 1. */
  readonly noiseVariance?: number;
}

/** A denoised covariance with what the clipping did. */
export interface DenoisedCovarianceEstimate extends CovarianceEstimate {
  /** The Marchenko-Pastur edge λ₊ used. */
  readonly lambdaPlus: number;
  /** How many correlation eigenvalues were above λ₊ and kept. */
  readonly signalEigenvalues: number;
}

/**
 * The denoised version of the symmetric n × n covariance `cov` (per period, kept as is).
 * Throws `INVALID_INPUT` for a non-square or non-finite `cov`, a negative variance, or
 * observations / noiseVariance that are not positive.
 */
export function denoiseCovariance(
  cov: Matrix,
  options: DenoiseOptions,
): DenoisedCovarianceEstimate {
  const n = cov.rows;
  const t = options.observations;
  const sigma2 = options.noiseVariance ?? 1;
  if (cov.cols !== n || !cov.data.every(Number.isFinite)) {
    throw invalidInput('covariance', `${cov.rows}×${cov.cols}`, 'must be square and finite');
  }
  if (!Number.isInteger(t) || t < 1)
    throw invalidInput('observations', t, 'must be an integer ≥ 1');
  if (!(sigma2 > 0 && Number.isFinite(sigma2))) {
    throw invalidInput('noiseVariance', sigma2, 'must be a finite number above 0');
  }
  for (let i = 0; i < n; i++) {
    if (cov.data[i * n + i]! < 0)
      throw invalidInput(`covariance[${i}][${i}]`, cov.data[i * n + i], 'variance must be ≥ 0');
  }
  const lambdaPlus = sigma2 * (1 + Math.sqrt(n / t)) ** 2;
  const { correlation, stdev } = covarianceToCorrelation(cov);
  const { values, vectors } = symmetricEigen(correlation);
  const noise = values.filter((v) => v <= lambdaPlus);
  const signalEigenvalues = n - noise.length;
  if (noise.length <= 1) {
    return { covariance: copy(cov), lambdaPlus, signalEigenvalues, warnings: [] };
  }
  const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
  const clipped = fromEigen(
    values.map((v) => (v <= lambdaPlus ? mean : v)),
    vectors,
  );
  const rescaled = covarianceToCorrelation(clipped).correlation;
  const warnings =
    signalEigenvalues === 0
      ? [
          warning(
            'DENOISE_NO_SIGNAL',
            `denoise: no eigenvalue above λ₊ = ${lambdaPlus.toPrecision(4)}; correlations set to 0`,
            { lambdaPlus },
          ),
        ]
      : [];
  return {
    covariance: correlationToCovariance(rescaled, stdev),
    lambdaPlus,
    signalEigenvalues,
    warnings,
  };
}

function copy(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}
