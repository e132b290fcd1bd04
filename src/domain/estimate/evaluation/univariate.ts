/**
 * Walk-forward evaluation of univariate variance forecasters on one return series (docs/conventions.md, "Forecast evaluation"): at each origin every
 * forecaster sees the trailing training window
 * and forecasts the variance of the sum of the next h returns; the realised proxy is the sum
 * of squared returns over the same h periods (zero-mean convention, as EWMA/GARCH);
 * losses are QLIKE (primary) and MSE on that same h-period scale ({@link qlike}).
 * Origins with a realised variance of exactly 0 are skipped and counted.
 */

import { invalidInput } from '../../errors.ts';
import { assertFiniteReturns } from '../ewma-variance.ts';
import type { VarianceForecaster } from './forecasters.ts';
import { qlike, squaredError } from './losses.ts';
import { attempt, tabulate, type EvaluationTable, type OriginOutcome } from './score.ts';
import { walkForwardOrigins, type WalkForwardOptions } from './walk-forward.ts';

/** The table plus the raw series behind it (aligned with `origins` and `models`). */
export interface VarianceWalkForward extends EvaluationTable {
  /** Realised variance Σ r² over [origin, origin + h) per scored origin. */
  readonly realised: Float64Array;
  /** `forecasts[m][k]`: model m at origin k (NaN where it failed). */
  readonly forecasts: readonly Float64Array[];
}

/** Realised variance of the h returns starting at `origin`: Σ r_t². */
export function realisedVariance(
  returns: ArrayLike<number>,
  window: { origin: number; horizon: number },
): number {
  let total = 0;
  for (let t = window.origin; t < window.origin + window.horizon; t++) total += returns[t]! ** 2;
  return total;
}

/**
 * Runs the walk-forward for `forecasters` on `returns` (per-period, finite). Throws
 * `INVALID_INPUT` for a non-finite return, duplicate ids or an empty model list, and
 * `INSUFFICIENT_DATA` when no origin fits or is usable.
 */
export function walkForwardVariance(
  returns: ArrayLike<number>,
  options: {
    readonly forecasters: readonly VarianceForecaster[];
    readonly walkForward: WalkForwardOptions;
    /** Called once per origin after every model forecast there (progress reporting). */
    readonly onOrigin?: () => void;
  },
): VarianceWalkForward {
  assertFiniteReturns('returns', returns);
  assertModels(options.forecasters);
  const { horizon } = options.walkForward;
  const series = Float64Array.from(returns);
  const origins: number[] = [];
  const realised: number[] = [];
  const outcomes: OriginOutcome[][] = options.forecasters.map(() => []);
  const forecasts: number[][] = options.forecasters.map(() => []);
  let skippedOrigins = 0;
  for (const { trainStart, origin } of walkForwardOrigins(series.length, options.walkForward)) {
    const target = realisedVariance(series, { origin, horizon });
    if (target === 0) {
      skippedOrigins++;
      options.onOrigin?.();
      continue;
    }
    const window = series.subarray(trainStart, origin);
    origins.push(origin);
    realised.push(target);
    options.forecasters.forEach((model, m) => {
      const result = attempt({ modelId: model.id, origin }, () => model.forecast(window, horizon));
      forecasts[m]!.push(result.ok ? result.value : NaN);
      outcomes[m]!.push(
        result.ok
          ? {
              ok: true,
              qlike: qlike(target, result.value),
              mse: squaredError(target, result.value),
            }
          : result,
      );
    });
    options.onOrigin?.();
  }
  const table = tabulate({
    horizon,
    models: options.forecasters,
    origins,
    outcomes,
    skippedOrigins,
  });
  return {
    ...table,
    realised: Float64Array.from(realised),
    forecasts: forecasts.map((f) => Float64Array.from(f)),
  };
}

/** Throws `INVALID_INPUT` for an empty list or duplicate model ids. */
export function assertModels(models: readonly { readonly id: string }[]): void {
  const ids = models.map((m) => m.id);
  if (ids.length === 0 || new Set(ids).size !== ids.length) {
    throw invalidInput('forecasters', ids, 'need at least one model, with unique ids');
  }
}
