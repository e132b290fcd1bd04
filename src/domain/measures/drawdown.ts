/**
 * Drawdown measures shared by the analytics and the optimiser, in their two conventions:
 *
 * - compounded, on a value (wealth) series INCLUDING its start value (docs/conventions.md,
 *   "Risk and performance measures"): d_t = 1 − V_t / max_{s≤t} V_s, the convention of every
 *   report (`analytics/drawdown.ts` builds episodes, tables and the ulcer index on it);
 * - uncompounded, on cumulative returns c_t = Σ_{s≤t} r_s with the start value 0 counted as a
 *   peak: D_t = max(0, c_1, …, c_t) − c_t. This is the drawdown the linear programs of the
 *   drawdown objectives can express (Chekhlov, Uryasev & Zabarankin 2005, "Drawdown measure in
 *   portfolio optimization", Int. J. Theor. Appl. Finance 8(1); Riskfolio-Lib `CDaR`/`MDD`),
 *   so `optimize/scenario/cdar.ts` reports and checks its results with it.
 *
 * CDaR_α is the tail mean of the uncompounded drawdowns in the fractional convention of
 * {@link tailRisk} (the mean of the worst (1 − α)T drawdowns, the boundary one counted
 * fractionally). All figures are positive decimals (0.25 = 25 %).
 */

import { tailRisk } from './tail-risk.ts';

/** Wealth W_0 = start, W_t = W_{t−1}(1 + r_t): n + 1 values for n returns (default start 1). */
export function valuesFromReturns(returns: ArrayLike<number>, start = 1): Float64Array {
  const out = new Float64Array(returns.length + 1);
  out[0] = start;
  for (let i = 0; i < returns.length; i++) out[i + 1] = out[i]! * (1 + returns[i]!);
  return out;
}

/** Underwater series d_t = 1 − V_t / max_{s≤t} V_s (same length as `values`, d_0 = 0). */
export function drawdownSeries(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let peak = -Infinity;
  for (let i = 0; i < values.length; i++) {
    peak = Math.max(peak, values[i]!);
    out[i] = 1 - values[i]! / peak;
  }
  return out;
}

/**
 * Uncompounded drawdowns D_t = max(0, c_1, …, c_t) − c_t of the cumulative returns
 * c_t = Σ_{s≤t} r_s (one per period; the start value 0 is a peak).
 */
export function uncompoundedDrawdowns(periodReturns: ArrayLike<number>): Float64Array {
  const out = new Float64Array(periodReturns.length);
  let c = 0;
  let peak = 0;
  for (let t = 0; t < periodReturns.length; t++) {
    c += periodReturns[t]!;
    peak = Math.max(peak, c);
    out[t] = peak - c;
  }
  return out;
}

/** CDaR_α and the maximum of the uncompounded drawdowns of per-period returns. */
export interface UncompoundedDrawdownRisk {
  /** Mean of the worst (1 − α)T drawdowns, fractional convention (positive decimal). */
  readonly conditionalDrawdownAtRisk: number;
  /** max_t D_t (0 when the cumulative return never falls below a running peak). */
  readonly maxDrawdown: number;
}

/**
 * CDaR_α and the maximum drawdown of the uncompounded drawdowns of `periodReturns` (see the
 * module comment). Throws `INVALID_INPUT` for an empty sample or α outside (0, 1).
 */
export function uncompoundedDrawdownRisk(
  periodReturns: ArrayLike<number>,
  confidence: number,
): UncompoundedDrawdownRisk {
  const d = uncompoundedDrawdowns(periodReturns);
  let worst = 0;
  for (const v of d) worst = Math.max(worst, v);
  return {
    conditionalDrawdownAtRisk: tailRisk(d, confidence).conditionalValueAtRisk,
    maxDrawdown: worst,
  };
}
