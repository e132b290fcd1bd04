/**
 * Pluggable univariate variance forecasters for the walk-forward evaluation. Each maps a
 * training window of per-period returns (oldest first, ending just before the origin) and a
 * horizon h to the forecast variance of the sum of the next h returns (decimal²):
 *
 * - sample: h·s², s² the sample variance (n − 1) of the last `lookback` returns (all by default);
 * - EWMA: h·σ²_{t+1} from {@link ewmaVariance} (RiskMetrics, flat term structure);
 * - GARCH(1,1): Σ_{k=1..h} σ²_{t+k} from a fresh quasi-MLE fit at every origin (Bollerslev 1986).
 *
 * A forecaster throws `BallastError` when it cannot forecast (too little data, no convergence);
 * the evaluator records that as a failure and goes on.
 */

import { BallastError, invalidInput } from '../../errors.ts';
import { ewmaVariance, sampleVariance } from '../ewma-variance.ts';
import { fitGarch, type GarchFitOptions } from '../garch.ts';
import { horizonVariance } from '../horizon.ts';

/** A univariate variance forecaster (see the module note). */
export interface VarianceForecaster {
  /** Stable id used for selection and output (e.g. `ewma-0.94`). */
  readonly id: string;
  /** Human label (e.g. `EWMA λ = 0.94`). */
  readonly label: string;
  readonly family: 'sample' | 'ewma' | 'garch' | 'custom';
  /** Parameters that distinguish grid members (λ, lookback …). */
  readonly parameters: Readonly<Record<string, number>>;
  /** Variance of the sum of the next `horizon` returns after `window`. */
  forecast(window: Float64Array, horizon: number): number;
}

/** Sample-variance forecaster over the last `lookback` returns (default: the whole window). */
export function sampleVarianceForecaster(
  options: { readonly lookback?: number } = {},
): VarianceForecaster {
  const { lookback } = options;
  if (lookback !== undefined && (!Number.isInteger(lookback) || lookback < 2)) {
    throw invalidInput('lookback', lookback, 'must be an integer ≥ 2');
  }
  return {
    id: lookback === undefined ? 'sample' : `sample-${lookback}`,
    label:
      lookback === undefined ? 'Sample variance (window)' : `Sample variance (last ${lookback})`,
    family: 'sample',
    parameters: lookback === undefined ? {} : { lookback },
    forecast: (window, horizon) => {
      const n = window.length;
      const from = lookback === undefined ? 0 : Math.max(0, n - lookback);
      if (n - from < 2) {
        throw new BallastError(
          'INSUFFICIENT_DATA',
          `sample variance needs 2 returns, got ${n - from}`,
        );
      }
      return horizon * sampleVariance(window, from, n);
    },
  };
}

/** EWMA forecaster h·σ²_{t+1} with decay λ, seeded on the first `minPeriods` (default 20) returns. */
export function ewmaForecaster(options: {
  readonly lambda: number;
  readonly minPeriods?: number;
}): VarianceForecaster {
  const { lambda } = options;
  const minPeriods = options.minPeriods ?? 20;
  return {
    id: `ewma-${lambda}`,
    label: `EWMA λ = ${lambda}`,
    family: 'ewma',
    parameters: { lambda, minPeriods },
    forecast: (window, horizon) =>
      horizonVariance(
        { kind: 'flat', nextVariance: ewmaVariance(window, { lambda, minPeriods }).nextVariance },
        horizon,
      ),
  };
}

/** GARCH(1,1) forecaster: refit on each window, mean-reverting h-step sum. */
export function garchForecaster(options: GarchFitOptions = {}): VarianceForecaster {
  return {
    id: 'garch',
    label: 'GARCH(1,1)',
    family: 'garch',
    parameters: {},
    forecast: (window, horizon) => {
      const fit = fitGarch(window, options);
      return horizonVariance({ kind: 'garch', ...fit }, horizon);
    },
  };
}

/** Options of {@link defaultVarianceForecasters}. */
export interface DefaultForecasterOptions {
  /** EWMA decay grid (default 0.94, 0.97, 0.99 — daily conventions). */
  readonly lambdas?: readonly number[];
  /** Extra sample-variance lookbacks (default none). */
  readonly sampleLookbacks?: readonly number[];
  /** Include GARCH(1,1) (default true); its fit options. */
  readonly garch?: boolean | GarchFitOptions;
}

/**
 * The standard candidate set: the whole-window sample variance first (id `sample`, the
 * baseline), extra sample lookbacks, the EWMA λ grid, then GARCH(1,1).
 */
export function defaultVarianceForecasters(
  options: DefaultForecasterOptions = {},
): VarianceForecaster[] {
  const garch = options.garch ?? true;
  return [
    sampleVarianceForecaster(),
    ...(options.sampleLookbacks ?? []).map((lookback) => sampleVarianceForecaster({ lookback })),
    ...(options.lambdas ?? [0.94, 0.97, 0.99]).map((lambda) => ewmaForecaster({ lambda })),
    ...(garch === false ? [] : [garchForecaster(garch === true ? {} : garch)]),
  ];
}
