/**
 * Solving the asset-location program with HiGHS through the solver wrapper: an LP, or — with
 * a minimum position — a MILP by branch-and-cut whose open/closed pattern is then fixed and the
 * LP re-solved, so the returned point is an exact LP vertex without integrality-tolerance dust
 * (the scheme of `optimize/model/fixed-cost-milp.ts`). Every row of the returned point is
 * checked to 1e-9 of the household total (docs/conventions.md, "Tolerances").
 */

import { solve, type HighsRuntime } from '../../core/solvers/highs.ts';
import type { LinearModel } from '../../core/solvers/model-builder.ts';
import type { SolveResult, SolverProblem } from '../../core/solvers/types.ts';
import { BallastError } from '../errors.ts';
import { LP_OPTIONS } from '../optimize/model/solve-model.ts';
import { buildLocationModel, type LocationModel, type LocationModelSpec } from './build-model.ts';
import type { PreparedLocation } from './prepare.ts';

/** Relative MIP gap of the minimum-position program. */
export const LOCATION_MIP_GAP = 1e-9;

/** Row residual allowed on a returned point, in units of the household total. */
export const LOCATION_CHECK_TOLERANCE = 1e-9;

/** A solve of one program: the solver's report and the model it solved. */
export interface LocationSolve {
  readonly report: SolveResult;
  readonly built: LocationModel;
  readonly kind: 'lp' | 'milp';
}

function problemOf(model: LinearModel, linear: Float64Array): SolverProblem {
  return {
    n: model.variableCount,
    linear,
    lower: model.lower,
    upper: model.upper,
    constraints: model.constraints,
    ...(model.integer === undefined ? {} : { integer: model.integer }),
  };
}

/** MILP, then the LP with the binaries fixed at their rounded values (module comment). */
function solveMilp(highs: HighsRuntime, problem: SolverProblem, firstBinary: number): SolveResult {
  const mip = solve(highs, problem, { ...LP_OPTIONS, mipGap: LOCATION_MIP_GAP });
  if (mip.status !== 'optimal' || mip.x === undefined) return mip;
  const lower = Float64Array.from(problem.lower);
  const upper = Float64Array.from(problem.upper);
  for (let j = firstBinary; j < problem.n; j++) lower[j] = upper[j] = Math.round(mip.x[j]!);
  const { integer: _integer, ...continuous } = problem;
  const lp = solve(highs, { ...continuous, lower, upper }, LP_OPTIONS);
  return {
    ...lp,
    iterations: mip.iterations + lp.iterations,
    solveMs: mip.solveMs + lp.solveMs,
    message: `${mip.message}; positions fixed, LP re-solve: ${lp.message}`,
    solver: 'highs-mip+lp',
  };
}

/** Largest violation of a row or a bound of `model` at `x`. */
export function maxViolation(model: LinearModel, x: Float64Array): number {
  let worst = 0;
  for (const row of model.rows) {
    let v = 0;
    for (let k = 0; k < row.indices.length; k++) v += row.values[k]! * x[row.indices[k]!]!;
    worst = Math.max(worst, row.lower - v, v - row.upper);
  }
  for (let j = 0; j < model.variableCount; j++)
    worst = Math.max(worst, model.lower[j]! - x[j]!, x[j]! - model.upper[j]!);
  return worst;
}

/** Builds and solves the program of `spec`; a non-optimal outcome is returned as a status. */
export function solveLocation(
  highs: HighsRuntime,
  prep: PreparedLocation,
  spec: LocationModelSpec,
): LocationSolve {
  const built = buildLocationModel(prep, spec);
  const problem = problemOf(built.model, built.linear);
  const kind = built.firstBinary === undefined ? 'lp' : 'milp';
  const report =
    built.firstBinary === undefined
      ? { ...solve(highs, problem, LP_OPTIONS), solver: 'highs-lp' }
      : solveMilp(highs, problem, built.firstBinary);
  if (report.status === 'optimal' && report.x !== undefined) {
    const worst = maxViolation(built.model, report.x);
    if (worst > LOCATION_CHECK_TOLERANCE)
      throw new BallastError(
        'SOLVER_FAILED',
        `asset location: the solver's placement breaks a constraint by ${worst} of the household total`,
        { violation: worst, solverMessage: report.message },
      );
  }
  return { report, built, kind };
}
