/**
 * Historical expected returns, annualised with an explicit `periodsPerYear` k, as in
 * PyPortfolioOpt `expected_returns.mean_historical_return` (v1.5):
 *
 * - arithmetic (`compounding=False`): μ_i = k · (1/T) Σ_t r_{i,t}
 * - geometric (`compounding=True`, docs/conventions.md "Annualised return"):
 *   μ_i = (Π_t (1 + r_{i,t}))^(k/T) − 1, evaluated as expm1((k/T) Σ_t log1p(r_{i,t})).
 *
 * Inputs are simple per-period returns (decimals) on common dates; outputs are annual decimals
 * in the panel's asset order. No missing values are allowed (align first).
 */

import type { AlignedTable } from '../series/align-common.ts';
import { assertPeriodsPerYear, assertReturnPanel, columnMean } from './mean-input.ts';

/** Options shared by the historical estimators. */
export interface AnnualisationOptions {
  /** Return periods per year (252 daily, 52 weekly, 12 monthly, 4, 1). */
  readonly periodsPerYear: number;
}

/**
 * Arithmetic mean × k per asset (annual decimals). Reference: PyPortfolioOpt
 * `mean_historical_return(returns, returns_data=True, compounding=False, frequency=k)`.
 * Throws `INSUFFICIENT_DATA` on an empty panel.
 */
export function arithmeticMeanReturns(
  returns: AlignedTable,
  options: AnnualisationOptions,
): Float64Array {
  assertPeriodsPerYear(options.periodsPerYear);
  assertReturnPanel(returns, { minObservations: 1, estimator: 'arithmetic mean' });
  return Float64Array.from(
    returns.columns,
    (column) => columnMean(column) * options.periodsPerYear,
  );
}

/**
 * Geometric (compound annual growth) return per asset: (Π(1 + r))^(k/T) − 1 on the T
 * observations. Reference: PyPortfolioOpt `mean_historical_return(..., compounding=True)`.
 */
export function geometricMeanReturns(
  returns: AlignedTable,
  options: AnnualisationOptions,
): Float64Array {
  assertPeriodsPerYear(options.periodsPerYear);
  assertReturnPanel(returns, { minObservations: 1, estimator: 'geometric mean' });
  return Float64Array.from(returns.columns, (column) => {
    let logGrowth = 0;
    for (const value of column) logGrowth += Math.log1p(value);
    return Math.expm1((logGrowth * options.periodsPerYear) / column.length);
  });
}
