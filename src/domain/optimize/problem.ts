/**
 * Inputs of the mean-variance family of optimisers: the assets, their annual expected returns
 * and covariance, the risk-free rate, the objective (a discriminated union) and the portfolio
 * constraints. Conventions (docs/conventions.md, "Optimisation"): decimals, annual figures, weights of
 * the portfolio's value (Σw = 1 fully invested; with a cash line Σw + cash = 1 and cash < 0 is
 * borrowing at rf + spread). Weights are never renormalised after a solve.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import type { CardinalityLimits } from './model/cardinality.ts';

/** Annual moments of the assets (μ, Σ) and the annual risk-free rate. */
export interface OptimizationInputs {
  /** Asset identifiers, one per row/column of the covariance. */
  readonly assets: readonly string[];
  /** μ: arithmetic expected returns, annual decimals (length n). */
  readonly expectedReturnsAnnual: Float64Array;
  /** Σ: covariance of annual returns (n × n, symmetric PSD). */
  readonly covarianceAnnual: Matrix;
  /** Risk-free rate, annual decimal (also the return of a positive cash line). */
  readonly riskFreeRateAnnual: number;
}

/**
 * What to optimise. All are solved exactly (QP or LP; the ratio objectives through the
 * Charnes-Cooper transformation), under the same {@link PortfolioConstraints}.
 * - `minVariance`: min wᵀΣw.
 * - `maxSharpe`: max (rᵀw − rf)/√(wᵀΣw) — the tangency portfolio; NO_ASSET_ABOVE_RISK_FREE
 *   when no asset has μ_i > rf.
 * - `efficientReturn`: min wᵀΣw s.t. expected return ≥ target.
 * - `efficientRisk`: max expected return s.t. √(wᵀΣw) ≤ target (bisection on the utility
 *   parameter, then an exact solve on the final active set; see `mean-variance-risk.ts`).
 * - `utility`: max rᵀw − (γ/2)wᵀΣw.
 * - `maxReturn`: max rᵀw (LP).
 * - `maxDiversification`: max σᵀw/√(wᵀΣw), σ_i = √Σ_ii (Choueifaty & Coignard 2008).
 * - `minTrackingError`: min (w − b)ᵀΣ(w − b) for benchmark weights b.
 * Here r is the annual return of every position: μ on assets, rf on positive cash,
 * rf + spread charged on borrowing, minus proportional transaction costs.
 */
export type Objective =
  | { readonly kind: 'minVariance' }
  | { readonly kind: 'maxSharpe' }
  | { readonly kind: 'efficientReturn'; readonly targetReturnAnnual: number }
  | { readonly kind: 'efficientRisk'; readonly targetVolatilityAnnual: number }
  | { readonly kind: 'utility'; readonly riskAversion: number }
  | { readonly kind: 'maxReturn' }
  | { readonly kind: 'maxDiversification' }
  | { readonly kind: 'minTrackingError'; readonly benchmarkWeights: readonly number[] };

/** The kinds of {@link Objective}. */
export type ObjectiveKind = Objective['kind'];

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
 * same way and need binary trade indicators (`constraints-fixed-cost.ts`): an exact MILP for
 * the linear objectives (maxReturn, CVaR, CDaR), a documented search for the QP objectives
 * (`fixed-cost.ts`).
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
 * `tracking-error-limit.ts` for minVariance, utility, maxReturn, efficientReturn and
 * minTrackingError; any other objective is INVALID_INPUT (never ignored).
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

/** Options of `optimize`: the objective, constraints and post-solve scaling. */
export interface OptimizeOptions {
  readonly objective: Objective;
  readonly constraints?: PortfolioConstraints;
  /**
   * Scale the solved risky weights along the capital allocation line to this annual
   * volatility (needs a cash line); capped at the largest scale that keeps every constraint.
   */
  readonly targetVolatilityAnnual?: number;
  /** Solver path for QPs (default `auto`: dense active set, HiGHS + polish fallback). */
  readonly method?: 'auto' | 'highs' | 'dense-active-set';
  /** Fixed-cost search of the QP objectives (`fixed-cost.ts`; default exact up to 8 assets). */
  readonly fixedCostSearch?: { readonly exactUpTo?: number };
  /**
   * At most K holdings / minimum position size: the documented top-K heuristic of
   * `cardinality-mean-variance.ts` (HiGHS has no MIQP); long-only weights only.
   */
  readonly cardinality?: CardinalityLimits;
  /** Input validation options (PSD test size limit, see `problem-validate.ts`). */
  readonly validation?: { readonly psdCheckMaxAssets?: number };
}
