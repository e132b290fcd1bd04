/**
 * Regime detection on a market return series, with one of two documented models:
 * - `markov`: two-state Gaussian Markov switching fitted by EM (Hamilton filter, Kim
 *   smoother; `markov-switching.ts`). A date is stressed when its smoothed probability of the
 *   high-volatility state is > 0.5; the current regime probability is the filtered (real-time)
 *   probability of the last date, which equals the smoothed one there.
 * - `threshold`: rolling volatility above a quantile of its own history
 *   (`volatility-threshold.ts`); probabilities are 0/1, null before the first full window.
 * Both report per-regime mean and volatility (sample, per period) of the series itself on the
 * dates of the regime. The calm vs stressed covariance of other series on the same dates is
 * `regime-covariance.ts`.
 */

import { fitMarkovSwitching, type MarkovSwitchingFit } from './markov-switching.ts';
import { volatilityThreshold } from './volatility-threshold.ts';

export { fitMarkovSwitching, hamiltonFilter, kimSmoother } from './markov-switching.ts';
export type { MarkovSwitchingFit, MarkovSwitchingParams } from './markov-switching.ts';
export { volatilityThreshold } from './volatility-threshold.ts';
export { regimeCovariance, type RegimeStats } from './regime-covariance.ts';

/** Model choice and its options. */
export type RegimeModel =
  | { readonly model: 'markov'; readonly maxIterations?: number; readonly tolerance?: number }
  | { readonly model: 'threshold'; readonly window: number; readonly quantile: number };

/** Mean and volatility of the series on one regime's dates. */
export interface RegimeMoments {
  readonly count: number;
  readonly mean: number | null;
  readonly vol: number | null;
}

/** Result of {@link detectRegimes}. */
export interface RegimeDetection {
  readonly model: 'markov' | 'threshold';
  /** Probability of the stressed regime per date (threshold: 0 or 1; null = unknown). */
  readonly stressedProbability: readonly (number | null)[];
  /** Regime per date: true = stressed (probability > 0.5), null = unknown. */
  readonly stressed: readonly (boolean | null)[];
  /** Stressed probability on the last date. */
  readonly currentStressedProbability: number;
  readonly calm: RegimeMoments;
  readonly stressedRegime: RegimeMoments;
  /** The fitted Markov-switching model (model `markov`). */
  readonly markov?: MarkovSwitchingFit;
  /** Threshold and rolling volatilities (model `threshold`). */
  readonly threshold?: {
    readonly value: number;
    readonly window: number;
    readonly quantile: number;
  };
}

function moments(
  y: ArrayLike<number>,
  flags: readonly (boolean | null)[],
  want: boolean,
): RegimeMoments {
  const values: number[] = [];
  flags.forEach((f, t) => {
    if (f === want) values.push(y[t]!);
  });
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, vol: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const vol = n < 2 ? null : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { count: n, mean, vol };
}

/** Detects calm and stressed regimes in `y` with the chosen model. */
export function detectRegimes(y: ArrayLike<number>, options: RegimeModel): RegimeDetection {
  if (options.model === 'markov') {
    const fit = fitMarkovSwitching(y, options);
    const probability = fit.smoothed.map((p) => p[1]);
    const stressed = probability.map((p) => p > 0.5);
    return {
      model: 'markov',
      stressedProbability: probability,
      stressed,
      currentStressedProbability: fit.filtered.at(-1)![1],
      calm: moments(y, stressed, false),
      stressedRegime: moments(y, stressed, true),
      markov: fit,
    };
  }
  const t = volatilityThreshold(y, options);
  return {
    model: 'threshold',
    stressedProbability: t.stressed.map((s) => (s === null ? null : s ? 1 : 0)),
    stressed: t.stressed,
    currentStressedProbability: t.stressed.at(-1) ? 1 : 0,
    calm: moments(y, t.stressed, false),
    stressedRegime: moments(y, t.stressed, true),
    threshold: { value: t.threshold, window: options.window, quantile: options.quantile },
  };
}
