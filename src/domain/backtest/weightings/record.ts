/**
 * What a weighting tells the engine about each set of targets it gives (docs/backtest.md,
 * "Weightings"): the method, the weights and, when the method could not give its own weights
 * on that row, the fallback used and why. Failed rebalances are data, not errors.
 */

import type { IsoDate } from '../../calendar/iso-date.ts';
import type { TacticalSignal } from './tactical.ts';

/** The weightings a strategy can use (docs/backtest.md, "Weightings"). */
export type WeightingMethod =
  'fixed' | 'equal' | 'inverse-vol' | 'risk-parity' | 'optimize' | 'multi-period';

/** What replaces the method's weights when it cannot give them on a row. */
export type FallbackKind = 'weights' | 'equal';

/**
 * Why the method's own weights were not used on a row, and what was used instead:
 * `INSUFFICIENT_HISTORY` (fewer than `lookback` returns before the row), `ZERO_VOLATILITY`
 * (inverse volatility with an asset that did not move), or the optimiser's error code
 * (`INFEASIBLE`, `NO_ASSET_ABOVE_RISK_FREE`, `SOLVER_FAILED`, …) with its message.
 */
export interface WeightingFallback {
  readonly code: string;
  readonly reason: string;
  readonly used: FallbackKind;
}

/**
 * One set of targets a weighting gave: on the first row, on each rebalance candidate and on
 * each contribution (whether or not bands then let the strategy trade).
 */
export interface WeightingRecord {
  readonly row: number;
  readonly date: IsoDate;
  readonly method: WeightingMethod;
  /** The targets given, after any target-volatility scaling (fractions of value). */
  readonly weights: Float64Array;
  /** Annual ex-ante volatility √(wᵀΣw) of the weights before scaling (target volatility). */
  readonly exAnteVol?: number;
  /** The scale applied for the target volatility (after the leverage cap). */
  readonly scale?: number;
  readonly fallback?: WeightingFallback;
  /** What the tactical overlay saw on the row ("tactical.ts"), when there is one. */
  readonly signal?: TacticalSignal;
}
