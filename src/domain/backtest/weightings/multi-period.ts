/**
 * Multi-period optimisation with transaction costs (Boyd et al. 2017, "Multi-Period Trading via
 * Convex Optimization"), the `multi-period` weighting (docs/backtest.md, "Multi-period"): on a
 * rebalance row the weights of the next H periods are solved together and only the first is
 * traded; the next rebalance solves again from where the portfolio then is (rolling horizon).
 *
 * With w₀ the current weights (holdings at the previous close over their value; all cash on the
 * first row), per-period forecasts μₚ = μ/P and Σₚ = Σ/P (the window's annual moments over P,
 * the rebalances a year of the strategy's schedule), the program is
 *
 *   maximise Σ_{h=1..H} [ μₚᵀw_h − (γ/2) w_hᵀΣₚw_h − κ‖w_h − w_{h−1}‖₁ ]
 *   subject to 1ᵀw_h = 1, lo ≤ w_h ≤ hi (long-only, fully invested)
 *
 * κ the proportional cost of a trade (the strategy's `costBps` / 10,000 unless given), γ the
 * risk aversion (as `utility`'s). H = 1 is the single-period trade-off with costs; with the same
 * forecasts over the horizon a larger H spreads a trade's cost over the periods it pays off in,
 * so it trades sooner and further. Solved as one QP: w_h − w_{h−1} = u_h − v_h with u, v ≥ 0
 * (the ℓ₁ cost linear in u + v), the Hessian γΣₚ block-diagonal on the w's.
 *
 * Two assets of equal variance σₚ², w = (½ + δ, ½ − δ) from w₀ = (½, ½): each period gives
 * (m₁ − m₂)δ − γσₚ²δ² and the path costs 2κ·max δ, so the optimum holds one δ over the horizon,
 * δ* = (m₁ − m₂ − 2κ/H) / (2γσₚ²) (`multi-period.test.ts`).
 */

import { CsrBuilder } from '../../../core/solvers/csr-builder.ts';
import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { solveProblem } from '../../../core/solvers/solve-qp.ts';
import type { MethodOutcome } from './methods.ts';
import type { WindowMoments } from './window.ts';

/** The settings of a multi-period weighting. */
export interface MultiPeriodSetup {
  readonly highs: HighsRuntime;
  /** Periods solved together (H ≥ 1). */
  readonly horizon: number;
  /** γ of the per-period objective (> 0). */
  readonly riskAversion: number;
  /** κ, the cost per unit of weight traded (a decimal, ≥ 0). */
  readonly tradeCost: number;
  /** Rebalances a year (P): 252 daily, 52 weekly, 12 monthly, 4 quarterly, 1 annual. */
  readonly periodsPerYear: number;
  /** Bounds on every weight, or per asset (default 0 and 1). */
  readonly minWeight?: number | readonly number[];
  readonly maxWeight?: number | readonly number[];
}

/** The bound of asset `i`. */
const boundOf = (b: number | readonly number[] | undefined, i: number, fallback: number) =>
  b === undefined ? fallback : typeof b === 'number' ? b : b[i]!;

/**
 * The first period's weights of the multi-period program (module comment), or why there are
 * none (`SOLVER_FAILED` with the solver's status).
 */
export function multiPeriodWeights(
  moments: WindowMoments,
  current: Float64Array,
  setup: MultiPeriodSetup,
): MethodOutcome {
  const n = current.length;
  const H = setup.horizon;
  const P = setup.periodsPerYear;
  const k = n * H;
  const total = 3 * k;
  const cov = moments.covarianceAnnual.data;
  const hessian = new Float64Array(k * k);
  for (let h = 0; h < H; h++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        hessian[(h * n + i) * k + h * n + j] = (setup.riskAversion * cov[i * n + j]!) / P;
  const linear = new Float64Array(total);
  for (let h = 0; h < H; h++)
    for (let i = 0; i < n; i++) linear[h * n + i] = -moments.meanAnnual[i]! / P;
  linear.fill(setup.tradeCost, k);
  const rows = new CsrBuilder(4 * k + k);
  for (let h = 0; h < H; h++)
    for (let i = 0; i < n; i++) {
      const w = h * n + i;
      rows.push(w, 1);
      if (h > 0) rows.push(w - n, -1);
      rows.push(k + w, -1);
      rows.push(2 * k + w, 1);
      const rhs = h === 0 ? current[i]! : 0;
      rows.endRow(rhs, rhs);
    }
  for (let h = 0; h < H; h++) {
    for (let i = 0; i < n; i++) rows.push(h * n + i, 1);
    rows.endRow(1, 1);
  }
  const lower = new Float64Array(total);
  const upper = new Float64Array(total).fill(Infinity);
  for (let h = 0; h < H; h++)
    for (let i = 0; i < n; i++) {
      lower[h * n + i] = boundOf(setup.minWeight, i, 0);
      upper[h * n + i] = boundOf(setup.maxWeight, i, 1);
    }
  const result = solveProblem(setup.highs, {
    n: total,
    hessian: { rows: k, cols: k, data: hessian },
    linear,
    constraints: rows.build(),
    lower,
    upper,
  });
  if (result.status !== 'optimal' || result.x === undefined)
    return {
      failure: {
        code: result.status === 'infeasible' ? 'INFEASIBLE' : 'SOLVER_FAILED',
        reason: `the multi-period program ended ${result.status}: ${result.message}`,
      },
    };
  const weights = result.x.slice(0, n);
  // The solver's rounding may leave −1e-12 where a bound is active.
  for (let i = 0; i < n; i++) weights[i] = Math.max(lower[i]!, Math.min(upper[i]!, weights[i]!));
  return { weights };
}
