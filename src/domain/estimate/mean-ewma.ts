/**
 * Exponentially weighted mean return, PyPortfolioOpt `expected_returns.ema_historical_return`
 * (v1.5) convention, which uses pandas `ewm(span=s).mean()` with `adjust=True`:
 *
 *   α = 2 / (s + 1),   w_j = (1 − α)^j for the j-th most recent return (j = 0 … T−1),
 *   m_i = Σ_j w_j r_{i,T−1−j} / Σ_j w_j          (per-period EWMA mean at the last date)
 *
 * annualised with k = `periodsPerYear` either by compounding, (1 + m_i)^k − 1
 * (`compounding: true`, PyPortfolioOpt's default), or linearly, k · m_i. Default span 500
 * (PyPortfolioOpt's default, in periods of the panel).
 */

import type { AlignedTable } from '../series/align-common.ts';
import { invalidInput } from '../errors.ts';
import { assertPeriodsPerYear, assertReturnPanel } from './mean-input.ts';

/** Options of {@link ewmaMeanReturns}. */
export interface EwmaMeanOptions {
  /** Return periods per year. */
  readonly periodsPerYear: number;
  /** Span s ≥ 1 in periods; α = 2/(s + 1). Default 500. */
  readonly span?: number;
  /** Annualise by (1 + m)^k − 1 (true, default) or k · m (false). */
  readonly compounding?: boolean;
}

/** Default EWMA span in periods (PyPortfolioOpt). */
export const DEFAULT_EWMA_SPAN = 500;

/** Per-period EWMA mean of one column with smoothing α (pandas `adjust=True`). */
export function ewmaMean(column: Float64Array, alpha: number): number {
  let weight = 1;
  let weighted = 0;
  let total = 0;
  for (let t = column.length - 1; t >= 0; t--) {
    weighted += weight * column[t]!;
    total += weight;
    weight *= 1 - alpha;
  }
  return weighted / total;
}

/** Annual EWMA expected returns per asset (decimals), see the module comment. */
export function ewmaMeanReturns(returns: AlignedTable, options: EwmaMeanOptions): Float64Array {
  assertPeriodsPerYear(options.periodsPerYear);
  const span = options.span ?? DEFAULT_EWMA_SPAN;
  if (!Number.isFinite(span) || span < 1) {
    throw invalidInput('span', span, 'must be a finite number ≥ 1 (periods)');
  }
  assertReturnPanel(returns, { minObservations: 1, estimator: 'EWMA mean' });
  const alpha = 2 / (span + 1);
  const k = options.periodsPerYear;
  const compounding = options.compounding ?? true;
  return Float64Array.from(returns.columns, (column) => {
    const m = ewmaMean(column, alpha);
    return compounding ? (1 + m) ** k - 1 : m * k;
  });
}
