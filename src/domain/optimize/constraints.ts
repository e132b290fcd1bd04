/**
 * The constraints a portfolio problem can carry, as data. Conventions (docs/conventions.md,
 * "Optimisation", "Leverage"): weights are decimals of the portfolio's value (Σw = 1 fully
 * invested; with a cash line Σw + cash = 1 and cash < 0 is borrowing at rf + spread). Which
 * objective accepts which constraint is decided in one place, `capabilities.ts`; the linear
 * ones become rows of the portfolio model (`model/portfolio-model.ts`), and every one of them
 * is verified on the returned weights (`check.ts`).
 */

import type { Matrix } from '../../core/linalg/matrix.ts';

/** Lower and/or upper limit (omitted side = unconstrained). */
export interface Limits {
  readonly min?: number;
  readonly max?: number;
}

/**
 * How the weights are financed. `fullyInvested`: Σw = 1. `cashLine`: Σw + cash = 1 with a cash
 * position that earns rf when positive and costs rf + `borrowSpreadAnnual` when negative
 * (borrowing), limited by `maxBorrow` (≥ 0, default unlimited) and `maxCash` (default
 * unlimited).
 */
export type Budget =
  | { readonly kind: 'fullyInvested' }
  | {
      readonly kind: 'cashLine';
      readonly borrowSpreadAnnual: number;
      readonly maxBorrow?: number;
      readonly maxCash?: number;
    };

/** A linear group constraint min ≤ Σ_{a ∈ group} coefficient_a · w_a ≤ max (sector, account…). */
export interface GroupConstraint {
  readonly name: string;
  /** Members with their coefficients (1 for a plain sum). Unknown assets are INVALID_INPUT. */
  readonly coefficients: Readonly<Record<string, number>>;
  readonly min?: number;
  readonly max?: number;
}

/**
 * Economic exposure constraints on x = Eᵀw, E (n × K) the exposure of each asset per unit of
 * weight (a 3× fund has 3.0 on its index): per-exposure limits, per-category limits (sum of the
 * category's exposures) and the gross economic leverage cap Σ_k |x_k| ≤ `grossMax`.
 */
export interface ExposureConstraints {
  /** Exposure names (K), the columns of `loadings`. */
  readonly names: readonly string[];
  /** E: n × K, row i = exposures of asset i per unit weight. */
  readonly loadings: Matrix;
  readonly limits?: Readonly<Record<string, Limits>>;
  readonly categories?: readonly {
    readonly name: string;
    readonly exposures: readonly string[];
    readonly min?: number;
    readonly max?: number;
  }[];
  readonly grossMax?: number;
}

/**
 * Turnover against current weights w0 (same asset order): Σ|w − w0| ≤ `maxTurnover`, and
 * proportional costs Σ κ_i|w_i − w0_i| charged once against the annual return (PyPortfolioOpt's
 * convention for `transaction_cost`). Fixed per-trade costs Σ F_i·[w_i ≠ w0_i] are charged the
 * same way and need binary trade indicators (`model/fixed-cost-rows.ts`): an exact MILP for
 * the linear objectives (maxReturn, CVaR, CDaR), a documented search for the QP objectives
 * (`mean-variance/fixed-cost-search.ts`).
 */
export interface TurnoverConstraint {
  readonly currentWeights: readonly number[];
  readonly maxTurnover?: number;
  /** κ: cost per unit traded (decimal), common or per asset. Default 0. */
  readonly costRate?: number | readonly number[];
  /**
   * F: fixed cost of trading an asset at all (|w_i − w0_i| > 1e-9), in weight units (fixed
   * dollars / portfolio value, e.g. $10 on $100 000 = 0.0001), common or per asset. Default 0.
   */
  readonly fixedCost?: number | readonly number[];
}

/**
 * Tracking-error limit √((w − b)ᵀΣ(w − b)) ≤ `maxAnnual` against benchmark weights b (same asset
 * order, Σ annual, so the limit is an annual decimal). Solved exactly by the Lagrangian path of
 * `mean-variance/tracking-error-limit.ts`; which objectives accept it: `capabilities.ts`.
 */
export interface TrackingErrorLimit {
  readonly benchmarkWeights: readonly number[];
  readonly maxAnnual: number;
}

/**
 * Constraints of a portfolio. Defaults: long-only 0 ≤ w ≤ 1, fully invested. `longShort` makes
 * the default bounds −1 ≤ w ≤ 1 and adds the gross Σ|w| ≤ `grossMax` and net
 * `netMin` ≤ Σw ≤ `netMax` limits when given.
 */
export interface PortfolioConstraints {
  /** Per-asset lower bound: common or one per asset (negative = short allowed). */
  readonly minWeight?: number | readonly number[];
  /** Per-asset upper bound: common or one per asset. */
  readonly maxWeight?: number | readonly number[];
  readonly longShort?: {
    readonly grossMax?: number;
    readonly netMin?: number;
    readonly netMax?: number;
  };
  readonly budget?: Budget;
  readonly groups?: readonly GroupConstraint[];
  readonly exposures?: ExposureConstraints;
  readonly turnover?: TurnoverConstraint;
  /** Annual tracking-error limit against a benchmark (quadratic; see {@link TrackingErrorLimit}). */
  readonly trackingError?: TrackingErrorLimit;
}

/**
 * Cardinality limits on long-only weights (either or both): at most `maxAssets` holdings,
 * every holding at least `minPositionWeight`. Exact MILP for the linear scenario objectives,
 * a documented top-K heuristic for the quadratic ones (`capabilities.ts` says which; the
 * result's `diagnostics.cardinality` reports it).
 */
export interface CardinalityLimits {
  /** K ≥ 1: at most K non-zero weights. */
  readonly maxAssets?: number;
  /** m > 0: every held asset has weight ≥ m. */
  readonly minPositionWeight?: number;
}
