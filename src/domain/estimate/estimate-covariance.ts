/**
 * One entry point for every covariance model: `estimateCovariance(returns, { method, … })`.
 * The options are a discriminated union on `method`; each branch is one estimator file.
 * Every result passes the nearest-PSD check of `repairCovariance` (a repair is reported in
 * `warnings`) — except a sample covariance of more observations than assets, PSD by
 * construction. Output is per period of the input returns — annualise with
 * `annualizeCovariance(cov, periodsPerYear)`.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import type { CovarianceEstimate } from './covariance-input.ts';
import { denoiseCovariance } from './denoise-covariance.ts';
import { ewmaCovariance } from './ewma-covariance.ts';
import { factorModelCovariance } from './factor-covariance.ts';
import { ledoitWolf } from './ledoit-wolf.ts';
import { ledoitWolfConstantCorrelation } from './ledoit-wolf-constant-correlation.ts';
import { ledoitWolfSingleFactor } from './ledoit-wolf-single-factor.ts';
import { oracleApproximatingShrinkage } from './oas.ts';
import { repairCovariance } from './repair-covariance.ts';
import type { CentredGram } from '../../core/stats/centred-gram.ts';
import { sampleCovariance, sampleCovarianceOfGram } from './sample-covariance.ts';
import { semicovariance } from './semicovariance.ts';

/** Shrinkage targets of Ledoit-Wolf. */
export type LedoitWolfTarget = 'constantVariance' | 'singleFactor' | 'constantCorrelation';

/** Which covariance model to estimate, with its parameters. */
export type CovarianceMethod =
  | { readonly method: 'sample'; readonly ddof?: 0 | 1 }
  | { readonly method: 'ewma'; readonly lambda: number; readonly minPeriods: number }
  | { readonly method: 'ledoitWolf'; readonly target?: LedoitWolfTarget }
  | { readonly method: 'oas' }
  | { readonly method: 'semicovariance'; readonly benchmark?: number | ArrayLike<number> }
  | { readonly method: 'factor'; readonly factorReturns: Matrix }
  | { readonly method: 'denoised'; readonly noiseVariance?: number };

/**
 * Covariance per period of a T × n return matrix (rows = periods, columns = assets, all
 * finite) by the chosen model; `ledoitWolf` defaults to the constant-variance target and
 * `denoised` clips the sample covariance (ddof 1). Throws the estimator's `INVALID_INPUT` /
 * `INSUFFICIENT_DATA`.
 */
export function estimateCovariance(returns: Matrix, options: CovarianceMethod): CovarianceEstimate {
  const raw = estimate(returns, options);
  // A sample covariance of more observations than assets is a Gram matrix of centred returns:
  // PSD by construction, its rounding error (~T·ε·‖X‖²) far inside the check's tolerance
  // (1e-12·trace), so the O(n³/3) check is skipped there (it is ~35 ms at n = 500).
  if (options.method === 'sample' && returns.rows > returns.cols) return raw;
  const checked = repairCovariance(raw.covariance);
  return {
    ...raw,
    covariance: checked.covariance,
    warnings: [...raw.warnings, ...checked.warnings],
  };
}

/**
 * {@link estimateCovariance} with `method: 'sample'` for the returns whose centred
 * cross-products are `parts` (e.g. made by the threads that read a file): the same estimate,
 * checks and warnings, without the returns themselves.
 */
export function estimateSampleCovarianceOfGram(
  parts: CentredGram,
  options: Extract<CovarianceMethod, { method: 'sample' }>,
): CovarianceEstimate {
  const raw = sampleCovarianceOfGram(
    parts,
    options.ddof === undefined ? {} : { ddof: options.ddof },
  );
  if (parts.count > parts.means.length) return raw;
  const checked = repairCovariance(raw.covariance);
  return {
    ...raw,
    covariance: checked.covariance,
    warnings: [...raw.warnings, ...checked.warnings],
  };
}

function estimate(returns: Matrix, options: CovarianceMethod): CovarianceEstimate {
  switch (options.method) {
    case 'sample':
      return sampleCovariance(returns, options.ddof === undefined ? {} : { ddof: options.ddof });
    case 'ewma':
      return ewmaCovariance(returns, options);
    case 'ledoitWolf':
      if (options.target === 'singleFactor') return ledoitWolfSingleFactor(returns);
      if (options.target === 'constantCorrelation') return ledoitWolfConstantCorrelation(returns);
      return ledoitWolf(returns);
    case 'oas':
      return oracleApproximatingShrinkage(returns);
    case 'semicovariance':
      return semicovariance(
        returns,
        options.benchmark === undefined ? {} : { benchmark: options.benchmark },
      );
    case 'factor':
      return factorModelCovariance(returns, options);
    case 'denoised': {
      const sample = sampleCovariance(returns);
      const denoised = denoiseCovariance(sample.covariance, {
        observations: returns.rows,
        ...(options.noiseVariance === undefined ? {} : { noiseVariance: options.noiseVariance }),
      });
      return {
        covariance: denoised.covariance,
        warnings: [...sample.warnings, ...denoised.warnings],
      };
    }
  }
}

/** A short stable label of the model and its parameters, e.g. `ewma(lambda=0.94,minPeriods=20)`. */
export function describeCovarianceMethod(options: CovarianceMethod): string {
  switch (options.method) {
    case 'sample':
      return `sample(ddof=${options.ddof ?? 1})`;
    case 'ewma':
      return `ewma(lambda=${options.lambda},minPeriods=${options.minPeriods})`;
    case 'ledoitWolf':
      return `ledoit-wolf(target=${options.target ?? 'constantVariance'})`;
    case 'oas':
      return 'oas';
    case 'semicovariance':
      return typeof options.benchmark === 'object'
        ? 'semicovariance(benchmark=series)'
        : `semicovariance(benchmark=${options.benchmark ?? 0})`;
    case 'factor':
      return `factor(k=${options.factorReturns.cols})`;
    case 'denoised':
      return `denoised(sample,noiseVariance=${options.noiseVariance ?? 1})`;
  }
}
