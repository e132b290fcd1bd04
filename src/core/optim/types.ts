/**
 * Shared shapes of the minimisers in `core/optim`. Kernels report status instead of throwing:
 * a run that stops without meeting its tolerance returns `ok: false` with the best point found,
 * and the caller (a domain estimator) decides whether that is an error.
 */

/** A scalar objective over a point in ℝⁿ. Non-finite values are treated as +∞ (infeasible). */
export type Objective = (x: Float64Array) => number;

/** Why a minimiser stopped. `converged` is the only reason with `ok: true`. */
export type MinimizeReason = 'converged' | 'maxIterations' | 'nonFiniteStart' | 'lineSearchFailed';

/** Outcome of a minimisation: the best point seen, its value and how the run ended. */
export interface MinimizeResult {
  /** True when the stopping tolerance was met (`reason === 'converged'`). */
  readonly ok: boolean;
  /** Best point found (a fresh array; the start point is never mutated). */
  readonly x: Float64Array;
  /** Objective at `x`. */
  readonly f: number;
  /** Iterations of the method (simplex steps or quasi-Newton steps). */
  readonly iterations: number;
  /** Objective evaluations, including those for finite-difference gradients. */
  readonly evaluations: number;
  readonly reason: MinimizeReason;
}
