/**
 * Volatility-threshold regime model: a date is **stressed** when the trailing rolling
 * volatility of the series is above a high quantile of all its rolling volatilities.
 *
 * - Rolling volatility at t: sample standard deviation (divisor n − 1) of the `window`
 *   returns ending at t (inclusive), per period, not annualised. The first `window − 1`
 *   dates have no volatility and no regime (null) — they are not guessed.
 * - Threshold: the `quantile` (default 0.8) of the defined rolling volatilities, linear
 *   interpolation between order statistics (Hyndman & Fan type 7, numpy's default).
 * - stressed_t = rollingVol_t > threshold (strictly); calm otherwise.
 * The classification uses the whole sample (the threshold looks ahead): it describes the
 * past; it is not a real-time signal.
 */

import { quantileLinear } from '../analytics/value-at-risk.ts';
import { BallastError, invalidInput } from '../errors.ts';

/** Options of {@link volatilityThreshold}. */
export interface VolatilityThresholdOptions {
  /** Rolling window length in periods (≥ 2). */
  readonly window: number;
  /** Quantile of the rolling volatilities used as threshold, in (0, 1). */
  readonly quantile: number;
}

/** Result of {@link volatilityThreshold}. */
export interface VolatilityThresholdResult {
  /** Rolling volatility per date (null for the first window − 1 dates). */
  readonly rollingVol: readonly (number | null)[];
  readonly threshold: number;
  /** Regime per date: true = stressed, false = calm, null = not enough history. */
  readonly stressed: readonly (boolean | null)[];
}

/** Classifies each date of `y` (rules in the file header). */
export function volatilityThreshold(
  y: ArrayLike<number>,
  options: VolatilityThresholdOptions,
): VolatilityThresholdResult {
  const { window, quantile } = options;
  if (!Number.isInteger(window) || window < 2)
    throw invalidInput('window', window, 'an integer ≥ 2 periods');
  if (!(quantile > 0 && quantile < 1))
    throw invalidInput('quantile', quantile, 'must be in (0, 1)');
  if (y.length < window + 1) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `volatility threshold: ${y.length} returns, need more than the window (${window})`,
      { count: y.length, window },
    );
  }
  const rollingVol: (number | null)[] = [];
  for (let t = 0; t < y.length; t++) {
    if (t < window - 1) {
      rollingVol.push(null);
      continue;
    }
    let mean = 0;
    for (let s = t - window + 1; s <= t; s++) mean += y[s]! / window;
    let ss = 0;
    for (let s = t - window + 1; s <= t; s++) ss += (y[s]! - mean) ** 2;
    rollingVol.push(Math.sqrt(ss / (window - 1)));
  }
  const defined = rollingVol.filter((v): v is number => v !== null);
  const threshold = quantileLinear(defined, quantile);
  return {
    rollingVol,
    threshold,
    stressed: rollingVol.map((v) => (v === null ? null : v > threshold)),
  };
}
