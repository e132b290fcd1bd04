/**
 * Risk-adjusted return ratios over a per-period simple return series: Sharpe (arithmetic and
 * geometric), downside deviation, Sortino, Calmar, Omega. Ratios whose denominator is zero
 * are `null` (undefined, never 0 or ∞ — docs/conventions.md).
 */

import { annualizedReturn, annualizedVolatility, checkPeriodsPerYear } from './annualize.ts';
import { mean, sampleStdev } from './moments.ts';
import { downsideDeviationBelow } from '../measures/semivariance.ts';

/** Per-period inputs shared by the ratios. */
export interface RatioOptions {
  /** k: 252 daily, 52, 12, 4, 1. */
  readonly periodsPerYear: number;
  /** Risk-free rate PER PERIOD (convert an annual rate with `riskFreePerPeriod`); default 0. */
  readonly riskFreePerPeriod?: number;
}

function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator > 0 && Number.isFinite(denominator) ? numerator / denominator : null;
}

/**
 * Annualised Sharpe ratio: mean(r − rf)·k / (stdev(r − rf)·√k) = mean(r − rf)/stdev·√k with
 * the n − 1 standard deviation (empyrical `sharpe_ratio`; PerformanceAnalytics
 * `SharpeRatio.annualized(geometric = FALSE)`). A constant rf leaves the stdev unchanged.
 * Null on zero variance.
 */
export function sharpeRatio(returns: ArrayLike<number>, options: RatioOptions): number | null {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  const rf = options.riskFreePerPeriod ?? 0;
  return ratioOrNull((mean(returns) - rf) * Math.sqrt(k), sampleStdev(returns));
}

/**
 * Geometric Sharpe ratio: (annualised geometric return − ((1 + rf)^k − 1)) / annualised
 * volatility (PerformanceAnalytics `SharpeRatio.annualized(geometric = TRUE)`; the reference's
 * `sharpe_annualized_geometric`). Null on zero variance.
 */
export function sharpeRatioGeometric(
  returns: ArrayLike<number>,
  options: RatioOptions,
): number | null {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  const rfAnnual = (1 + (options.riskFreePerPeriod ?? 0)) ** k - 1;
  return ratioOrNull(annualizedReturn(returns, k) - rfAnnual, annualizedVolatility(returns, k));
}

/**
 * Per-period downside deviation √(Σ_t min(r_t − MAR, 0)² / n) over ALL n periods (the
 * "full" method of PerformanceAnalytics `DownsideDeviation`; empyrical `downside_risk` before
 * its √k annualisation). MAR is per period.
 */
export function downsideDeviation(returns: ArrayLike<number>, mar: number): number {
  return downsideDeviationBelow(returns, mar);
}

/**
 * Annualised Sortino ratio (docs/conventions.md): (mean(r) − MAR)·k / (downsideDeviation(r, MAR)·√k)
 * with MAR defaulting to the per-period risk-free rate — empyrical `sortino_ratio` with
 * `required_return = rf` (PerformanceAnalytics `SortinoRatio` is the same ratio, not
 * annualised, with MAR = 0 by default). Null when no period falls below MAR.
 */
export function sortinoRatio(
  returns: ArrayLike<number>,
  options: RatioOptions & { readonly minimumAcceptableReturn?: number },
): number | null {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  const mar = options.minimumAcceptableReturn ?? options.riskFreePerPeriod ?? 0;
  return ratioOrNull((mean(returns) - mar) * Math.sqrt(k), downsideDeviation(returns, mar));
}

/**
 * Calmar ratio: geometric annualised return / maximum drawdown (depth as a positive decimal,
 * start value included) over the whole sample (PerformanceAnalytics `CalmarRatio`, empyrical
 * `calmar_ratio`). Null when there is no drawdown.
 */
export function calmarRatio(
  annualizedReturnValue: number,
  maxDrawdownDepth: number,
): number | null {
  return ratioOrNull(annualizedReturnValue, maxDrawdownDepth);
}

/**
 * Omega ratio at per-period threshold L (default 0): Σ max(r − L, 0) / Σ max(L − r, 0)
 * (Keating & Shadwick 2002; empyrical `omega_ratio` with `required_return` already per
 * period; PerformanceAnalytics `Omega(method = "simple")`). Null when no period is below L.
 */
export function omegaRatio(returns: ArrayLike<number>, threshold = 0): number | null {
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < returns.length; i++) {
    const d = returns[i]! - threshold;
    if (d > 0) gains += d;
    else losses -= d;
  }
  return ratioOrNull(gains, losses);
}
