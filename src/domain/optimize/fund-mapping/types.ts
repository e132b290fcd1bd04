/**
 * Shapes of stage 2 of the leverage-aware pipeline: target exposures x* → fund
 * weights w. Weights and exposures are decimals of total portfolio value (1.0 = 100 %);
 * annual figures say so in their names.
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import type { Warning } from '../../warnings.ts';
import type { ConstraintCheck } from '../check.ts';

/** Exposure covariance Σ over `ids` (annualised, decimals²), the risk metric of the mapping. */
export interface ExposureCovariance {
  /** Exposure ids, the order of the matrix rows and columns. */
  readonly ids: readonly string[];
  /** ids.length × ids.length symmetric positive semidefinite matrix. */
  readonly matrix: Matrix;
}

/** Fund → exposure id → economic exposure per $1 of NAV (docs/conventions.md; financing leg excluded). */
export type FundExposureTable = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Inputs of {@link mapExposuresToFunds}. */
export interface FundMappingInput {
  /** x*: exposure id → target weight; ids must be covariance ids, missing ids target 0. */
  readonly targetExposures: Readonly<Record<string, number>>;
  readonly covariance: ExposureCovariance;
  readonly funds: FundExposureTable;
}

/** Bounds on a fund's total weight over accounts (defaults: lower 0, upper +∞). */
export interface FundBounds {
  readonly lower?: number;
  readonly upper?: number;
}

/** An account and the funds it can hold. */
export interface FundAccount {
  readonly id: string;
  /** Share of total portfolio value held in the account; over accounts they sum to 1. */
  readonly valueFraction: number;
  /** Funds available in this account (default: every available fund). */
  readonly funds?: readonly string[];
  /** Whether this account may borrow (default true when borrowing is allowed at all). */
  readonly canBorrow?: boolean;
}

/** Borrowing through the cash line: cash may go down to −maxFraction (of portfolio value). */
export interface BorrowingPolicy {
  /** Largest total borrowing (decimal of portfolio value, ≥ 0). */
  readonly maxFraction: number;
  /** Annual cost per unit borrowed above the cash return already in x* (default 0). */
  readonly costAnnual?: number;
}

/** Proportional costs, added to the tracking variance (PyPortfolioOpt's cost convention). */
export interface FundMappingCosts {
  /** One-off cost per unit of |W_f − current_f| (decimal, 0.001 = 10 bps); a number for all. */
  readonly transaction?: number | Readonly<Record<string, number>>;
  /** Current fund weights the transaction costs are measured from (default 0). */
  readonly currentWeights?: Readonly<Record<string, number>>;
  /** Annual holding cost per unit |W_f| (expense ratio); a number for all funds. */
  readonly holdingAnnual?: number | Readonly<Record<string, number>>;
}

/** Options of {@link mapExposuresToFunds}. */
export interface FundMappingOptions {
  /** Funds the mapping may use (default: every fund of the table). */
  readonly availableFunds?: readonly string[];
  /** Accounts with their available funds (default: one account holding everything). */
  readonly accounts?: readonly FundAccount[];
  /** Per-fund bounds on total weight, by fund symbol. */
  readonly bounds?: Readonly<Record<string, FundBounds>>;
  /** Omitted: no borrowing (cash line ≥ 0 in every account). */
  readonly borrowing?: BorrowingPolicy;
  /** Notional cap Σ_f |W_f| ≤ cap (decimal; 1.5 = 150 % of portfolio value). */
  readonly notionalCap?: number;
  /**
   * Minimum position: each (fund, account) weight is 0 or at least this in absolute value.
   * Met by a documented greedy heuristic (HiGHS has no MIQP), see `minimums.ts`.
   */
  readonly minimumPosition?: number;
  readonly costs?: FundMappingCosts;
  /**
   * The cash exposure id: achieved cash = its fund exposures + (1 − Σ w). Default `cash_rate`
   * when it is a covariance id; `null` to treat no exposure as cash.
   */
  readonly cashExposureId?: string | null;
}

/** A fund weight in one account. */
export interface FundPosition {
  readonly fund: string;
  readonly account: string;
  readonly weight: number;
}

/** What the minimum-position heuristic decided for one position that was below the minimum. */
export interface MinimumDecision {
  readonly fund: string;
  readonly account: string;
  /** Weight before the decision. */
  readonly relaxedWeight: number;
  readonly decision: 'dropped' | 'raised';
}

/** Result of {@link mapExposuresToFunds}. */
export interface FundMappingResult {
  readonly status: 'optimal';
  /** Total weight per usable fund (accounts summed), fund symbols sorted. */
  readonly weightsByFund: Readonly<Record<string, number>>;
  /** Non-zero positions by fund then account. */
  readonly positions: readonly FundPosition[];
  /** 1 − Σ w (negative = borrowing). */
  readonly cashWeight: number;
  readonly cashByAccount: Readonly<Record<string, number>>;
  /** Achieved x = Eᵀw (+ the cash line on the cash exposure), by covariance id. */
  readonly achievedExposures: Readonly<Record<string, number>>;
  readonly targetExposures: Readonly<Record<string, number>>;
  /** achieved − target, by covariance id. */
  readonly exposureGaps: Readonly<Record<string, number>>;
  /** √((x − x*)ᵀΣ(x − x*)), annual when Σ is. */
  readonly trackingErrorAnnual: number;
  /** Σ |w| over positions. */
  readonly totalNotional: number;
  /** Σ_k |x_k| over non-cash exposures. */
  readonly grossEconomicExposure: number;
  /** Cost terms at the solution (decimals): one-off transaction, annual holding and borrowing. */
  readonly costs: {
    readonly transaction: number;
    readonly holdingAnnual: number;
    readonly borrowingAnnual: number;
  };
  /** Tracking variance + costs at the solution. */
  readonly objective: number;
  readonly minimumPositions: readonly MinimumDecision[];
  /** Funds left out, with the reason (e.g. an exposure Σ does not cover). */
  readonly excludedFunds: readonly { readonly fund: string; readonly reason: string }[];
  /** Every user constraint checked on the weights (all hold: a violation is an error). */
  readonly constraintsChecked: readonly ConstraintCheck[];
  readonly diagnostics: {
    readonly solver: string;
    readonly solves: number;
    readonly iterations: number;
    readonly solveMs: number;
    /** True when the final point came from the KKT polish on HiGHS's active set. */
    readonly polished: boolean;
  };
  /** E.g. `EXPOSURE_UNREACHABLE`: a target no usable fund can reach. */
  readonly warnings: readonly Warning[];
}
