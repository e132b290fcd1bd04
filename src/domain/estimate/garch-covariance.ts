import { covarianceToCorrelation, correlationToCovariance } from '../../core/linalg/correlation.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { covariance as sampleCovarianceMatrix } from '../../core/stats/covariance.ts';
import type { Warning } from '../warnings.ts';
import { fitGarch, type GarchFit, type GarchFitOptions } from './garch.ts';
import { horizonVariance } from './horizon.ts';

/** Options of {@link garchCovariance}. */
export interface GarchCovarianceOptions {
  /** Forecast horizon in periods (default 1): the variance is the average over the horizon. */
  readonly horizon?: number;
  readonly fit?: GarchFitOptions;
  /** Asset names for warnings, in column order (default `asset 0`, `asset 1`, …). */
  readonly assets?: readonly string[];
}

/** Result: per-period covariance, the per-asset fits and warnings. */
export interface GarchCovarianceEstimate {
  readonly covariance: Matrix;
  readonly fits: readonly GarchFit[];
  /** The per-asset fit warnings, prefixed with the asset and with `details.asset` set. */
  readonly warnings: Warning[];
}

/**
 * Covariance from per-asset GARCH(1,1) variances and a shared constant correlation
 * (Bollerslev 1990 CCC): Σ = D·C·D with D = diag(σ_i) where σ_i² is asset i's GARCH forecast
 * averaged over the next `horizon` periods (σ²_h = Σ_{k=1..h} σ²_{t+k} / h, mean-reverting to
 * V_L), and C the sample correlation of the same window. Per period of the input; annualise
 * with `annualizeCovariance`. A fit that cannot converge throws SOLVER_FAILED naming the asset
 * index (never a silent fallback).
 */
export function garchCovariance(
  returns: Matrix,
  options: GarchCovarianceOptions = {},
): GarchCovarianceEstimate {
  const horizon = options.horizon ?? 1;
  const { rows: t, cols: n, data } = returns;
  const fits: GarchFit[] = [];
  const warnings: Warning[] = [];
  const stdev = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const column = new Float64Array(t);
    for (let i = 0; i < t; i++) column[i] = data[i * n + j]!;
    const fit = fitGarch(column, options.fit ?? {});
    fits.push(fit);
    const asset = options.assets?.[j] ?? `asset ${j}`;
    warnings.push(
      ...fit.warnings.map((w) => ({
        code: w.code,
        message: `${asset}: ${w.message}`,
        details: { ...w.details, asset },
      })),
    );
    const model = {
      kind: 'garch' as const,
      omega: fit.omega,
      alpha: fit.alpha,
      beta: fit.beta,
      nextVariance: fit.nextVariance,
    };
    stdev[j] = Math.sqrt(horizonVariance(model, horizon) / horizon);
  }
  const { correlation } = covarianceToCorrelation(sampleCovarianceMatrix(returns));
  return { covariance: correlationToCovariance(correlation, stdev), fits, warnings };
}
