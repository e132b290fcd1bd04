/**
 * The mean-variance family as a {@link FamilySolution}: the objective solved exactly under
 * every constraint (`fixed-cost-search.ts` dispatches fixed costs and the tracking-error
 * limit, `solve.ts` the plain objectives), optionally scaled along the capital allocation line
 * to a target volatility (`scale.ts`), and — with cardinality limits — the top-K heuristic of
 * `cardinality.ts` around it. The objective's value and its own limits (`targetReturn`,
 * `targetVolatility`) are computed from the returned weights (`objective-value.ts`).
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import type { Warning } from '../../warnings.ts';
import type { MeanVarianceObjective } from '../objectives.ts';
import type { OptimizationProblem } from '../problem.ts';
import type { FamilySolution } from '../result-build.ts';
import { withCardinalityHeuristic } from './cardinality.ts';
import { solveExtended } from './fixed-cost-search.ts';
import { objectiveChecks, objectiveValue } from './objective-value.ts';
import { scaleToVolatility } from './scale.ts';

/** A mean-variance problem. */
export type MeanVarianceProblem = OptimizationProblem<MeanVarianceObjective>;

function solveContinuous(highs: HighsRuntime, problem: MeanVarianceProblem): FamilySolution {
  const { inputs, objective } = problem;
  const constraints = problem.constraints ?? {};
  const solved = solveExtended(highs, {
    inputs,
    objective,
    constraints,
    ...(problem.method === undefined ? {} : { method: problem.method }),
    ...(problem.fixedCostSearch === undefined ? {} : { fixedCostSearch: problem.fixedCostSearch }),
  });
  const n = inputs.assets.length;
  let weights: Float64Array = solved.x.slice(0, n);
  const cashVars = solved.portfolio.cash;
  let cash = cashVars === undefined ? 0 : solved.x[cashVars.lend]! - solved.x[cashVars.borrow]!;
  let scaling: { factor: number; capped: boolean } | undefined;
  if (problem.targetVolatilityAnnual !== undefined) {
    const scaled = scaleToVolatility(inputs, {
      weights,
      constraints,
      targetVolatilityAnnual: problem.targetVolatilityAnnual,
    });
    ({ weights, cash } = scaled);
    scaling = { factor: scaled.factor, capped: scaled.capped };
  }
  const warnings: Warning[] =
    solved.fixedCosts === 'heuristic'
      ? [
          {
            code: 'FIXED_COST_HEURISTIC',
            message: `${objective.kind}: the fixed trade costs were met by a local search over trade patterns, not guaranteed optimal`,
            details: { objective: objective.kind },
          },
        ]
      : [];
  const final = weights;
  return {
    weights,
    cash,
    diagnostics: {
      solver: solved.report.solver ?? 'unknown',
      iterations: solved.report.iterations,
      solveMs: solved.report.solveMs,
      solves: solved.solves,
      message: solved.report.message,
      ...(scaling === undefined ? {} : { scaling }),
      ...(solved.fixedCosts === undefined ? {} : { fixedCosts: solved.fixedCosts }),
    },
    objectiveValue: (m) =>
      objectiveValue(objective, { inputs, weights: final, metrics: m, cost: m.transactionCost }),
    ...(scaling === undefined
      ? { limits: (m) => objectiveChecks(objective, { metrics: m, cost: m.transactionCost }) }
      : {}),
    warnings,
  };
}

/**
 * Solves a mean-variance problem (module comment). Throws INVALID_INPUT, INFEASIBLE,
 * UNBOUNDED, NO_ASSET_ABOVE_RISK_FREE or SOLVER_FAILED (BallastError).
 */
export function solveMeanVariance(
  highs: HighsRuntime,
  problem: MeanVarianceProblem,
): FamilySolution {
  if (problem.cardinality === undefined) return solveContinuous(highs, problem);
  return withCardinalityHeuristic(problem, (p) => solveContinuous(highs, p));
}
