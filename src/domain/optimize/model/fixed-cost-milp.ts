/**
 * Exact MILP solve of a linear portfolio program with fixed-cost trade binaries
 * (`fixed-cost-rows.ts`): HiGHS branch-and-cut (relative gap 1e-9), then every integer
 * variable is fixed at its rounded value — and every asset whose trade binary is 0 at its
 * current weight — and the LP re-solved, so the returned point is an exact LP vertex with no
 * integrality-tolerance dust (HiGHS accepts z = 1e-6 as 0, which would allow an uncosted trade
 * of M·1e-6). Same two-step scheme as `cardinality.ts`.
 */

import { solve, type HighsRuntime } from '../../../core/solvers/highs.ts';
import type { SolveOptions, SolveResult, SolverProblem } from '../../../core/solvers/types.ts';
import type { FixedCostTrade } from './fixed-cost-rows.ts';

/** Relative MIP gap of the fixed-cost programs (tighter than the wrapper's 1e-6). */
export const FIXED_COST_MIP_GAP = 1e-9;

/**
 * Solves `problem`: a plain LP solve without integer variables, else the MILP + fixed LP of the
 * module comment (`solver` = `highs-mip+lp`, iterations and time summed). A non-optimal MILP is
 * returned as is (the caller maps its status to an error).
 */
export function solveFixedCostMilp(
  highs: HighsRuntime,
  problem: SolverProblem,
  spec: { readonly trades: readonly FixedCostTrade[]; readonly options?: SolveOptions },
): SolveResult {
  const options = spec.options ?? {};
  const integer = problem.integer;
  if (integer?.some(Boolean) !== true) return solve(highs, problem, options);
  const mip = solve(highs, problem, { mipGap: FIXED_COST_MIP_GAP, ...options });
  if (mip.status !== 'optimal' || mip.x === undefined) return mip;
  const lower = Float64Array.from(problem.lower);
  const upper = Float64Array.from(problem.upper);
  integer.forEach((isInteger, j) => {
    if (isInteger) lower[j] = upper[j] = Math.round(mip.x![j]!);
  });
  for (const t of spec.trades) {
    if (lower[t.binary] === 0) lower[t.asset] = upper[t.asset] = t.current;
  }
  const continuous: SolverProblem = {
    n: problem.n,
    linear: problem.linear,
    lower,
    upper,
    ...(problem.constraints === undefined ? {} : { constraints: problem.constraints }),
  };
  const lp = solve(highs, continuous, options);
  return {
    ...lp,
    iterations: mip.iterations + lp.iterations,
    solveMs: mip.solveMs + lp.solveMs,
    message: `${mip.message}; trades fixed, LP re-solve: ${lp.message}`,
    solver: 'highs-mip+lp',
  };
}
