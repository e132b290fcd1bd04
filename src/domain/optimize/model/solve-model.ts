/**
 * Solving a built portfolio model: assembles the {@link SolverProblem}, calls the solver entry
 * point (`solveProblem`: dense active set or HiGHS + polish) and turns a non-optimal outcome
 * into the registry's error (INFEASIBLE, UNBOUNDED, SOLVER_FAILED) with the solver's reason.
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import { isPositiveSemidefinite } from '../../../core/linalg/positive-semidefinite.ts';
import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { solveProblem, type QpMethod } from '../../../core/solvers/solve-qp.ts';
import type { SolveOptions, SolveResult, SolverProblem } from '../../../core/solvers/types.ts';
import { BallastError } from '../../errors.ts';
import type { LinearModel } from '../../../core/solvers/model-builder.ts';

/**
 * HiGHS options of the scenario programs: feasibility tolerances tightened from HiGHS's
 * 1e-7 to 1e-10 so that every verified constraint (`CHECK_TOLERANCE`, 1e-9) holds on the returned
 * vertex.
 */
export const LP_OPTIONS: SolveOptions = {
  highsOptions: { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 },
};

/** What {@link solveModel} needs: the model, the objective terms and a label for messages. */
export interface ModelSolveSpec {
  readonly model: LinearModel;
  /** Hessian on the leading variables (omit for an LP). */
  readonly hessian?: Matrix;
  /** Linear objective, one coefficient per model variable. */
  readonly linear: Float64Array;
  /** What is being solved, for error messages (e.g. `minVariance`). */
  readonly label: string;
  readonly method?: QpMethod;
  /** Feasible start for the dense kernel (a parametric search's previous solution). */
  readonly start?: Float64Array;
}

/** A successful solve: the full variable vector and the solver's report. */
export interface SolvedModel {
  readonly x: Float64Array;
  readonly report: SolveResult;
}

/** The solver problem of a model and objective terms. */
export function toSolverProblem(spec: ModelSolveSpec): SolverProblem {
  const { model } = spec;
  return {
    n: model.variableCount,
    ...(spec.hessian === undefined ? {} : { hessian: spec.hessian }),
    linear: spec.linear,
    lower: model.lower,
    upper: model.upper,
    constraints: model.constraints,
  };
}

/** Infeasible variable bounds (min > max) named before any solve, or undefined. */
export function contradictoryBounds(model: LinearModel): string | undefined {
  for (let j = 0; j < model.variableCount; j++) {
    if (model.lower[j]! > model.upper[j]!) {
      return `${model.variableNames[j] ?? j}: min ${model.lower[j]} > max ${model.upper[j]}`;
    }
  }
  return undefined;
}

/** The error for a non-optimal solve of `label`. */
export function solveError(label: string, report: SolveResult): BallastError {
  const details = { objective: label, solverStatus: report.status, solverMessage: report.message };
  switch (report.status) {
    case 'infeasible':
      return new BallastError(
        'INFEASIBLE',
        `${label}: the constraints admit no portfolio (${report.message})`,
        details,
      );
    case 'unbounded':
      return new BallastError(
        'UNBOUNDED',
        `${label}: the objective is unbounded under the constraints — add bounds, a budget or a leverage cap (${report.message})`,
        details,
      );
    default:
      return new BallastError(
        'SOLVER_FAILED',
        `${label}: solver stopped with ${report.status} (${report.message})`,
        details,
      );
  }
}

/** Solves the model; throws INFEASIBLE / UNBOUNDED / SOLVER_FAILED (BallastError) otherwise. */
export function solveModel(highs: HighsRuntime, spec: ModelSolveSpec): SolvedModel {
  const bad = contradictoryBounds(spec.model);
  if (bad !== undefined) {
    throw new BallastError('INFEASIBLE', `${spec.label}: contradictory bounds (${bad})`, {
      objective: spec.label,
    });
  }
  const report = solveProblem(highs, toSolverProblem(spec), {
    ...(spec.method === undefined ? {} : { method: spec.method }),
    ...(spec.start === undefined ? {} : { start: spec.start }),
  });
  if (report.status !== 'optimal' || report.x === undefined) throw solveError(spec.label, report);
  // HiGHS's QP solver may stop at a stationary point of a non-convex QP; the dense kernel
  // detects negative curvature itself, so only the fallback path pays for this O(n³) test.
  if (spec.hessian !== undefined && report.solver?.startsWith('highs-qp') === true) {
    if (!isPositiveSemidefinite(spec.hessian)) {
      throw new BallastError(
        'SOLVER_FAILED',
        `${spec.label}: the covariance is not positive semidefinite`,
        {
          objective: spec.label,
        },
      );
    }
  }
  return { x: report.x, report };
}
