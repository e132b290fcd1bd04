/**
 * The trailing estimation window of a rebalance (docs/backtest.md, "Weightings"): the
 * `lookback` daily simple returns of the rows strictly before the rebalance row t — returns
 * of rows t − L … t − 1, from the closes of rows t − L − 1 … t − 1 — so the targets of row t
 * never read its own close nor any later one. Its moments come from the estimation layer
 * (`src/domain/estimate`): the covariance by the chosen model, annualised with 252 rows a
 * year, and the arithmetic mean × 252.
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import { annualizeCovariance } from '../../estimate/annualize-covariance.ts';
import { estimateCovariance, type CovarianceMethod } from '../../estimate/estimate-covariance.ts';
import type { PriceMatrix } from '../types.ts';

/** Rows of the price matrix in a year (docs/backtest.md, "Prices"). */
export const ROWS_PER_YEAR = 252;

/** The covariance models a weighting may use (the estimators that need no other data). */
export type WindowCovariance = Extract<
  CovarianceMethod,
  { method: 'sample' } | { method: 'ledoitWolf' } | { method: 'oas' }
>;

/** The returns of a window and their annual moments. */
export interface WindowMoments {
  /** L × n daily simple returns, oldest first, columns in the strategy's asset order. */
  readonly returns: Matrix;
  /** Annual covariance (per-row estimate × 252). */
  readonly covarianceAnnual: Matrix;
  /** Annual arithmetic mean returns (mean × 252). */
  readonly meanAnnual: Float64Array;
}

/** Whether row `row` has `lookback` returns strictly before it (row ≥ lookback + 1). */
export function hasWindow(row: number, lookback: number): boolean {
  return row - lookback - 1 >= 0;
}

/** Where a window is taken: the matrix, the strategy's columns and the rebalance row. */
export interface WindowSource {
  readonly market: PriceMatrix;
  /** Column of `market` of each asset, in the strategy's order. */
  readonly columns: readonly number[];
  readonly row: number;
}

/**
 * The L × n returns of rows `row − lookback … row − 1` of `columns` (module comment). The
 * caller checks {@link hasWindow} first.
 */
export function windowReturns(source: WindowSource, lookback: number): Matrix {
  const { market, columns, row } = source;
  const n = columns.length;
  const data = new Float64Array(lookback * n);
  const first = row - lookback;
  for (let j = 0; j < n; j++) {
    const close = market.closes[columns[j]!]!;
    for (let s = 0; s < lookback; s++) {
      const t = first + s;
      data[s * n + j] = close[t]! / close[t - 1]! - 1;
    }
  }
  return { rows: lookback, cols: n, data };
}

/** The window's returns and annual moments (module comment). */
export function windowMoments(
  source: WindowSource,
  options: { readonly lookback: number; readonly covariance: WindowCovariance },
): WindowMoments {
  const returns = windowReturns(source, options.lookback);
  const perRow = estimateCovariance(returns, options.covariance).covariance;
  const n = returns.cols;
  const meanAnnual = new Float64Array(n);
  for (let s = 0; s < returns.rows; s++)
    for (let j = 0; j < n; j++) meanAnnual[j] = meanAnnual[j]! + returns.data[s * n + j]!;
  for (let j = 0; j < n; j++) meanAnnual[j] = (meanAnnual[j]! / returns.rows) * ROWS_PER_YEAR;
  return {
    returns,
    covarianceAnnual: annualizeCovariance(perRow, ROWS_PER_YEAR),
    meanAnnual,
  };
}

/** √(wᵀΣw): the volatility of weights `w` under the covariance Σ (annual when Σ is). */
export function portfolioVolatility(w: ArrayLike<number>, cov: Matrix): number {
  const n = cov.rows;
  let v = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov.data[i * n + j]! * w[j]!;
    v += w[i]! * row;
  }
  return Math.sqrt(Math.max(0, v));
}
