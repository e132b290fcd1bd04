/**
 * Downside risk below a benchmark, over ALL periods (Markowitz 1959, "Portfolio Selection",
 * ch. IX; Estrada 2008): semivariance (1/T) Σ_t min(r_t − B_t, 0)² and its square root, the
 * downside deviation (PerformanceAnalytics `DownsideDeviation(method = "full")`, empyrical
 * `downside_risk` before annualisation, PyPortfolioOpt's `EfficientSemivariance` objective).
 * Per-period figures: multiply the deviation by √periodsPerYear for an annual one. Shared by
 * the Sortino ratio (`analytics/ratios.ts`) and the min-semivariance objective
 * (`optimize/scenario/semivariance.ts`).
 */

/**
 * Semivariance (1/T) Σ_t min(r_t − B_t, 0)² of per-period `returns` below `benchmark` (a
 * constant or one value per period). NaN for an empty sample.
 */
export function semivariance(
  returns: ArrayLike<number>,
  benchmark: number | ArrayLike<number> = 0,
): number {
  let s = 0;
  for (let t = 0; t < returns.length; t++) {
    const b = typeof benchmark === 'number' ? benchmark : benchmark[t]!;
    const d = Math.min(returns[t]! - b, 0);
    s += d * d;
  }
  return s / returns.length;
}

/** Downside deviation √semivariance (per period). */
export function downsideDeviationBelow(
  returns: ArrayLike<number>,
  benchmark: number | ArrayLike<number> = 0,
): number {
  return Math.sqrt(semivariance(returns, benchmark));
}
