/**
 * The one optimisation entry point: `optimize(highs, problem)` for every objective of every
 * family (`objectives.ts`). It refuses constraints the objective cannot honour
 * (`capabilities.ts`, INVALID_INPUT naming the field), validates the inputs (`validate.ts`),
 * solves the objective exactly or by its documented method (`mean-variance/`, `scenario/`,
 * `risk-budget/`, `hierarchical/`), then verifies every constraint on the returned weights and
 * builds the one {@link OptimizationResult} (`result-build.ts`). A result passes every check
 * (tolerance 1e-9) or the call throws a BallastError: INVALID_INPUT, INFEASIBLE, UNBOUNDED,
 * NO_ASSET_ABOVE_RISK_FREE or SOLVER_FAILED. Weights are never renormalised.
 */

import { loadHighs, type HighsRuntime } from '../../core/solvers/highs.ts';
import { checkCapabilities } from './capabilities.ts';
import { solveHercProblem, type HercProblem } from './hierarchical/herc.ts';
import { solveHrpProblem, type HrpProblem } from './hierarchical/hrp.ts';
import { solveMeanVariance, type MeanVarianceProblem } from './mean-variance/optimize.ts';
import { isMeanVarianceObjective } from './objectives.ts';
import type { OptimizationProblem } from './problem.ts';
import { buildResult, type FamilySolution } from './result-build.ts';
import type { OptimizationResult } from './result.ts';
import { solveRiskBudgetProblem, type RiskBudgetProblem } from './risk-budget/optimize.ts';
import { solveCdarProblem, type CdarProblem } from './scenario/cdar.ts';
import { solveCvarProblem, type CvarProblem } from './scenario/cvar.ts';
import { solveSemivarianceProblem, type SemivarianceProblem } from './scenario/semivariance.ts';
import { validateInputs } from './validate.ts';

function solveFamily(highs: HighsRuntime, problem: OptimizationProblem): FamilySolution {
  const { objective } = problem;
  if (isMeanVarianceObjective(objective))
    return solveMeanVariance(highs, problem as MeanVarianceProblem);
  switch (objective.kind) {
    case 'minCvar':
    case 'meanCvar':
      return solveCvarProblem(highs, problem as CvarProblem);
    case 'minCdar':
    case 'minMaxDrawdown':
    case 'maxReturnDrawdown':
      return solveCdarProblem(highs, problem as CdarProblem);
    case 'minSemivariance':
      return solveSemivarianceProblem(highs, problem as SemivarianceProblem);
    case 'riskParity':
    case 'riskBudget':
      return solveRiskBudgetProblem(problem as RiskBudgetProblem);
    case 'hrp':
      return solveHrpProblem(problem as HrpProblem);
    case 'herc':
      return solveHercProblem(problem as HercProblem);
  }
}

/**
 * Solves `problem` (module comment) with a loaded HiGHS runtime — synchronous, for callers
 * that hold one (the solve pool's workers, the frontier); see {@link optimizeAsync}.
 *
 * @example
 * ```ts
 * const highs = await loadHighs();
 * const r = optimize(highs, {
 *   inputs: { assets: ['A', 'B'], expectedReturnsAnnual: Float64Array.of(0.1, 0.08),
 *     covarianceAnnual: { rows: 2, cols: 2, data: Float64Array.of(0.04, 0, 0, 0.01) },
 *     riskFreeRateAnnual: 0.02 },
 *   objective: { kind: 'maxSharpe' },
 * });
 * r.weights; // { A: 0.25, B: 0.75 } (docs/conventions.md, "Optimisation")
 * ```
 */
export function optimize(highs: HighsRuntime, problem: OptimizationProblem): OptimizationResult {
  checkCapabilities(problem);
  validateInputs(problem.inputs, problem.validation ?? {});
  return buildResult(problem, solveFamily(highs, problem));
}

/**
 * {@link optimize} with the process-wide HiGHS runtime loaded on first use (the convenience
 * for library users).
 *
 * @example
 * ```ts
 * const r = await optimizeAsync({ inputs, objective: { kind: 'hrp', linkage: 'ward' } });
 * ```
 */
export async function optimizeAsync(problem: OptimizationProblem): Promise<OptimizationResult> {
  return optimize(await loadHighs(), problem);
}
