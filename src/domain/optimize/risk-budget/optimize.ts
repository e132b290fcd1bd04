/**
 * Risk parity (equal risk contribution) and custom risk budgets as a family solution
 * (Maillard, Roncalli & Teïletche 2010, "The properties of equally weighted risk contribution
 * portfolios", J. Portfolio Management 36(4); solver in `solve.ts`): long-only, fully
 * invested weights with w_i(Σw)_i/(wᵀΣw) = b_i, on the annual covariance of the inputs (the
 * weights do not depend on its scale). Equal budgets 1/n for `riskParity`, the given ones for
 * `riskBudget`.
 *
 * The risk-budgeting portfolio is unique, so constraints cannot be imposed by the solver:
 * only weight bounds are accepted (`capabilities.ts`), and they are verified — a portfolio
 * outside them is INFEASIBLE (never clipped or renormalised).
 */

import { BallastError, invalidInput } from '../../errors.ts';
import type { RiskBudgetObjective } from '../objectives.ts';
import type { OptimizationProblem } from '../problem.ts';
import type { FamilySolution } from '../result-build.ts';
import { solveRiskBudget } from './solve.ts';

/** A risk-budgeting problem. */
export type RiskBudgetProblem = OptimizationProblem<RiskBudgetObjective>;

/** The budget vector b in asset order: 1/n each, or the objective's budgets (all assets named). */
export function budgetVector(
  assets: readonly string[],
  objective: RiskBudgetObjective,
): Float64Array {
  const n = assets.length;
  if (objective.kind === 'riskParity') return new Float64Array(n).fill(1 / n);
  const budgets = objective.budgets;
  const unknown = Object.keys(budgets).filter((a) => !assets.includes(a));
  if (unknown.length > 0) throw invalidInput('objective.budgets', unknown, 'unknown assets');
  return Float64Array.from(assets, (a) => {
    const b = budgets[a];
    if (b === undefined)
      throw invalidInput(`objective.budgets.${a}`, b, 'every asset needs a budget');
    return b;
  });
}

/**
 * Risk parity / risk budgeting (module comment). `objectiveValue` is the achieved residual
 * max_i |RC_i/σ − b_i|; `convergence` the iteration report. Throws `INVALID_INPUT` (budgets),
 * `SOLVER_FAILED` (no convergence to the tolerance); bounds the unique portfolio breaks are
 * INFEASIBLE when the result is verified. No LP/QP solver is involved.
 */
export function solveRiskBudgetProblem(problem: RiskBudgetProblem): FamilySolution {
  const { inputs, objective } = problem;
  const start = performance.now();
  const b = budgetVector(inputs.assets, objective);
  const solved = solveRiskBudget(inputs.covarianceAnnual, b, {
    ...(objective.method === undefined ? {} : { method: objective.method }),
    ...(objective.tolerance === undefined ? {} : { tolerance: objective.tolerance }),
    ...(objective.maxIterations === undefined ? {} : { maxIterations: objective.maxIterations }),
  });
  const solveMs = performance.now() - start;
  const { report, weights } = solved;
  if (!report.converged) {
    throw new BallastError(
      'SOLVER_FAILED',
      `${objective.kind}: ${report.method} stopped after ${report.iterations} iterations with residual ${report.residual}`,
      { ...report },
    );
  }
  return {
    weights,
    cash: 0,
    diagnostics: {
      solver: `risk-budget-${report.method}`,
      iterations: report.iterations,
      solveMs,
      solves: 1,
      message: `residual ${report.residual.toExponential(2)}`,
    },
    objectiveValue: () => report.residual,
    convergence: report,
    violation: {
      code: 'INFEASIBLE',
      hint: 'its weights are determined by the risk budgets and cannot be bounded',
    },
  };
}
