/**
 * One solve of the stage-2 QP with the HiGHS wrapper, followed by the KKT polish, with the
 * outcome as data (the minimum-position heuristic needs infeasible branches as values) and a
 * conversion of failures into the error registry for callers that must stop.
 */

import { solve, type HighsRuntime } from '../../../core/solvers/highs.ts';
import type { SolveResult, SolverProblem, SolveStatus } from '../../../core/solvers/types.ts';
import { BallastError } from '../../errors.ts';
import { buildMappingModel, type MappingModel, type PositionOverrides } from './problem.ts';
import { polishOnActiveSet, qpObjective } from './polish.ts';
import type { MappingSetup } from './setup.ts';
import type { FundMappingOptions } from './types.ts';

/** A successful solve: the point, its QP objective (without the constant) and the model. */
export interface MappingSolution {
  readonly ok: true;
  readonly x: Float64Array;
  readonly objective: number;
  readonly built: MappingModel;
  readonly overrides: PositionOverrides;
  readonly polished: boolean;
}

/** A solve that did not reach an optimum. */
export interface MappingFailure {
  readonly ok: false;
  readonly status: SolveStatus;
  readonly message: string;
}

/** Running totals over every solve of one mapping. */
export interface SolveTally {
  solves: number;
  iterations: number;
  solveMs: number;
  solver: string;
}

/** What {@link solveMapping} needs besides the overrides. */
export interface MappingSolver {
  readonly highs: HighsRuntime;
  readonly setup: MappingSetup;
  readonly options: FundMappingOptions;
  readonly tally: SolveTally;
}

/** Wall-clock limit of one solve attempt, seconds. */
const TIME_LIMIT_SECONDS = 10;
/** HiGHS QP iteration limit of one attempt (these problems need tens of iterations). */
const QP_ITERATION_LIMIT = 20_000;

/**
 * Objective scales tried in turn, relative to 1 / max(|H_ij|, |c_j|) (the minimiser does not
 * depend on the scale). HiGHS 1.15's QP active-set solver cycles without end when the
 * objective's coefficients are small in absolute terms (measured: 1 variable, H = 0.0038,
 * c = −3.6e-4, one row: 1.2 million iterations ending at a wrong vertex; the same problem × 10
 * solves in 2 iterations; a 4-variable case normalised to max |H| = 1 still cycled, × 1000
 * solved in 2). Its stationarity tolerance is absolute too, so larger scales are also more
 * accurate. A scale that hits the iteration or time limit is retried with the next.
 */
const SCALES = [1e3, 1e5, 1, 1e7] as const;

/** `problem` with its objective (H and c) multiplied by `factor / max(|H_ij|, |c_j|)`. */
export function scaleObjective(problem: SolverProblem, factor: number): SolverProblem {
  let largest = 0;
  for (const v of problem.linear) largest = Math.max(largest, Math.abs(v));
  for (const v of problem.hessian?.data ?? []) largest = Math.max(largest, Math.abs(v));
  if (!(largest > 0) || !Number.isFinite(largest)) return problem;
  const s = factor / largest;
  const h = problem.hessian;
  return {
    ...problem,
    linear: problem.linear.map((v) => v * s),
    ...(h === undefined ? {} : { hessian: { ...h, data: h.data.map((v) => v * s) } }),
  };
}

function solveScaled(solver: MappingSolver, problem: SolverProblem): SolveResult {
  let result: SolveResult | undefined;
  for (const factor of SCALES) {
    result = solve(solver.highs, scaleObjective(problem, factor), {
      timeLimitSeconds: TIME_LIMIT_SECONDS,
      highsOptions: { qp_iteration_limit: QP_ITERATION_LIMIT },
    });
    solver.tally.solves += 1;
    solver.tally.iterations += result.iterations;
    solver.tally.solveMs += result.solveMs;
    solver.tally.solver = result.solver ?? 'highs-qp';
    if (result.status !== 'iteration_limit' && result.status !== 'time_limit') return result;
  }
  return result!;
}

/** Builds and solves the QP with `overrides`, polishing the optimum on its active set. */
export function solveMapping(
  solver: MappingSolver,
  overrides: PositionOverrides = new Map(),
): MappingSolution | MappingFailure {
  const built = buildMappingModel(solver.setup, solver.options, overrides);
  const result = solveScaled(solver, built.problem);
  if (result.status !== 'optimal' || result.x === undefined) {
    return { ok: false, status: result.status, message: result.message };
  }
  const polished = polishOnActiveSet(built.problem, result.x);
  const x = polished ?? result.x;
  return {
    ok: true,
    x,
    objective: qpObjective(built.problem, x),
    built,
    overrides,
    polished: polished !== undefined,
  };
}

/** The registry error for a failed solve (`what` names the step, e.g. `fund mapping`). */
export function failureError(failure: MappingFailure, what: string): BallastError {
  const code =
    failure.status === 'infeasible'
      ? 'INFEASIBLE'
      : failure.status === 'unbounded'
        ? 'UNBOUNDED'
        : 'SOLVER_FAILED';
  const hint =
    code === 'INFEASIBLE'
      ? ': fund bounds, account budgets, borrowing and the notional cap admit no fund weights'
      : '';
  return new BallastError(
    code,
    `${what}: solver status ${failure.status} (${failure.message})${hint}`,
    {
      status: failure.status,
      message: failure.message,
    },
  );
}
