/**
 * Drawdowns of a value (wealth) series INCLUDING its start value (docs/conventions.md): the drawdown at
 * t is 1 − V_t / max_{s≤t} V_s (a positive decimal), so a loss in the very first period counts
 * from the starting capital. Indexes are positions in the value series (0 = start value); a
 * value series built from n returns has n + 1 entries ({@link valuesFromReturns}). The series
 * themselves live in `measures/drawdown.ts`, beside the uncompounded drawdowns of the optimiser.
 */

import { drawdownSeries } from '../measures/drawdown.ts';

export { drawdownSeries, valuesFromReturns } from '../measures/drawdown.ts';

/** One drawdown episode, from a running peak to the first value back at or above it. */
export interface DrawdownEpisode {
  /** Depth 1 − V_trough/V_peak (0.25 = 25 %). */
  readonly depth: number;
  /** Index of the peak value (the last running maximum before the decline). */
  readonly peakIndex: number;
  /** Index of the lowest value of the episode. */
  readonly troughIndex: number;
  /** First index after the trough with V ≥ V_peak, or null while not recovered. */
  readonly recoveryIndex: number | null;
  /** Periods from peak to trough. */
  readonly peakToTroughPeriods: number;
  /** Periods from peak to recovery, or from peak to the last value when not recovered. */
  readonly durationPeriods: number;
}

/**
 * Every drawdown episode of `values` in time order (PerformanceAnalytics `findDrawdowns`,
 * here on values with the start value as a possible peak). An episode starts when a value
 * falls below the running peak and ends at the first value back at or above that peak.
 */
export function drawdownEpisodes(values: ArrayLike<number>): DrawdownEpisode[] {
  const episodes: DrawdownEpisode[] = [];
  const last = values.length - 1;
  let peakIndex = 0;
  let troughIndex = -1;
  const close = (recoveryIndex: number | null): void => {
    const peak = values[peakIndex]!;
    episodes.push({
      depth: 1 - values[troughIndex]! / peak,
      peakIndex,
      troughIndex,
      recoveryIndex,
      peakToTroughPeriods: troughIndex - peakIndex,
      durationPeriods: (recoveryIndex ?? last) - peakIndex,
    });
  };
  for (let i = 1; i <= last; i++) {
    const v = values[i]!;
    if (v >= values[peakIndex]!) {
      if (troughIndex >= 0) close(i);
      peakIndex = i;
      troughIndex = -1;
    } else if (troughIndex < 0 || v < values[troughIndex]!) troughIndex = i;
  }
  if (troughIndex >= 0) close(null);
  return episodes;
}

/**
 * The maximum drawdown of `values` (start value included), or null when the series never
 * falls below a running peak. Ties keep the earliest episode.
 */
export function maxDrawdown(values: ArrayLike<number>): DrawdownEpisode | null {
  let worst: DrawdownEpisode | null = null;
  for (const e of drawdownEpisodes(values)) if (worst === null || e.depth > worst.depth) worst = e;
  return worst;
}

/** The `topN` deepest episodes, deepest first (PerformanceAnalytics `table.Drawdowns`). */
export function drawdownTable(values: ArrayLike<number>, topN: number): DrawdownEpisode[] {
  return drawdownEpisodes(values)
    .sort((a, b) => b.depth - a.depth || a.peakIndex - b.peakIndex)
    .slice(0, Math.max(0, topN));
}

/**
 * Ulcer index √(Σ_{t=1..n} d_t² / n) over the n values after the start (decimals, not percent):
 * PerformanceAnalytics `UlcerIndex` (Martin 1987). quantstats divides by n − 1 instead.
 */
export function ulcerIndex(values: ArrayLike<number>): number {
  const d = drawdownSeries(values);
  let s = 0;
  for (let i = 1; i < d.length; i++) s += d[i]! * d[i]!;
  return Math.sqrt(s / (d.length - 1));
}
