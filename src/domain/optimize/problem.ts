/**
 * One optimisation problem, as data: the assets' annual moments, one objective of any family
 * (`objectives.ts`), the portfolio constraints and cardinality limits (`constraints.ts`) and
 * the few solver settings a caller may choose. `optimize(highs, problem)` (`optimize.ts`)
 * solves every problem this type can describe; which constraint goes with which objective is
 * decided by `capabilities.ts` and anything unsupported is INVALID_INPUT naming the field,
 * never ignored. Conventions: docs/conventions.md, "Optimisation" (decimals, annual figures,
 * weights of the portfolio's value, never renormalised after a solve).
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import type { CardinalityLimits, PortfolioConstraints } from './constraints.ts';
import type { Objective } from './objectives.ts';

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

/** Search of the fixed-cost trade patterns for the quadratic objectives. */
export interface FixedCostSearch {
  /** Enumerate every trade pattern when at most this many assets have a fixed cost (default 8). */
  readonly exactUpTo?: number;
}

/** Solver path for QPs: `auto` (default) = dense active set, HiGHS + KKT polish as fallback. */
export type QpPath = 'auto' | 'highs' | 'dense-active-set';

/**
 * The problem `optimize` solves. Everything but `inputs` and `objective` is optional:
 * long-only and fully invested by default.
 *
 * @example
 * ```ts
 * const problem: OptimizationProblem = {
 *   inputs: { assets: ['A', 'B'], expectedReturnsAnnual, covarianceAnnual, riskFreeRateAnnual: 0.02 },
 *   objective: { kind: 'minCvar', scenarios: { returns, periodsPerYear: 252 }, confidence: 0.95 },
 *   constraints: { maxWeight: 0.6 },
 *   cardinality: { maxAssets: 1 },
 * };
 * ```
 */
export interface OptimizationProblem<O extends Objective = Objective> {
  readonly inputs: OptimizationInputs;
  readonly objective: O;
  /** Portfolio constraints; default long-only 0 ≤ w ≤ 1, fully invested. */
  readonly constraints?: PortfolioConstraints;
  /** At most K holdings / a minimum position size (long-only weights only). */
  readonly cardinality?: CardinalityLimits;
  /**
   * Mean-variance objectives with a cash line: scale the solved risky weights along the
   * capital allocation line to this annual volatility, capped at the largest scale that keeps
   * every constraint (`mean-variance/scale.ts`).
   */
  readonly targetVolatilityAnnual?: number;
  /** QP solver path of the mean-variance family. */
  readonly method?: QpPath;
  /** Fixed-cost search of the quadratic objectives (default exact up to 8 assets). */
  readonly fixedCostSearch?: FixedCostSearch;
  /** Input validation: test Σ for PSD only up to this many assets (default 200; `validate.ts`). */
  readonly validation?: { readonly psdCheckMaxAssets?: number };
}
