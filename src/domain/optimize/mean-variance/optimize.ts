/**
 * The optimisation entry point: validate, solve the objective exactly, optionally scale to a
 * target volatility, verify every constraint on the returned weights and report metrics. A
 * result passes every check (tolerance 1e-9) or the call throws a BallastError (INVALID_INPUT,
 * INFEASIBLE, UNBOUNDED, NO_ASSET_ABOVE_RISK_FREE, SOLVER_FAILED). Never renormalises.
 */

import { optimizeWithCardinality } from './cardinality.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError } from '../../errors.ts';
import { checkConstraints, transactionCost } from '../check.ts';
import { solveExtended } from './fixed-cost-search.ts';
import type { OptimizationInputs, OptimizeOptions } from '../problem.ts';
import { validateInputs } from '../validate.ts';
import { byAsset, portfolioMetrics, type OptimizationResult } from '../result.ts';
import { objectiveChecks, objectiveValue } from './objective-value.ts';
import { scaleToVolatility } from './scale.ts';

/**
 * Optimises `inputs` for `options.objective` under `options.constraints` (default long-only,
 * fully invested). Synchronous given a loaded HiGHS runtime (see {@link optimizeAsync}).
 */
export function optimize(
  highs: HighsRuntime,
  inputs: OptimizationInputs,
  options: OptimizeOptions,
): OptimizationResult {
  if (options.cardinality !== undefined) {
    const { cardinality: limits, ...rest } = options;
    return optimizeWithCardinality(optimize, highs, { inputs, options: rest, limits });
  }
  validateInputs(inputs, options.validation ?? {});
  const constraints = options.constraints ?? {};
  const solved = solveExtended(highs, {
    inputs,
    objective: options.objective,
    constraints,
    ...(options.method === undefined ? {} : { method: options.method }),
    ...(options.fixedCostSearch === undefined ? {} : { fixedCostSearch: options.fixedCostSearch }),
  });
  const n = inputs.assets.length;
  let weights: Float64Array = solved.x.slice(0, n);
  const cashVars = solved.portfolio.cash;
  let cash = cashVars === undefined ? 0 : solved.x[cashVars.lend]! - solved.x[cashVars.borrow]!;
  let scaling: { factor: number; capped: boolean } | undefined;
  if (options.targetVolatilityAnnual !== undefined) {
    const scaled = scaleToVolatility(inputs, {
      weights,
      constraints,
      targetVolatilityAnnual: options.targetVolatilityAnnual,
    });
    ({ weights, cash } = scaled);
    scaling = { factor: scaled.factor, capped: scaled.capped };
  }
  const metrics = portfolioMetrics(inputs, { weights, cash, constraints });
  const cost = transactionCost(weights, constraints);
  const extra = scaling === undefined ? objectiveChecks(options.objective, { metrics, cost }) : [];
  const checks = checkConstraints({
    assets: inputs.assets,
    weights,
    cash,
    constraints,
    extra,
    covarianceAnnual: inputs.covarianceAnnual,
  });
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    throw new BallastError(
      'SOLVER_FAILED',
      `${options.objective.kind}: the solution violates ${failed.map((c) => `${c.name} by ${-c.slack}`).join(', ')}`,
      { failed, solver: solved.report.solver ?? 'unknown', message: solved.report.message },
    );
  }
  return {
    status: 'optimal',
    objective: options.objective.kind,
    objectiveValue: objectiveValue(options.objective, { inputs, weights, metrics, cost }),
    weights: byAsset(inputs.assets, weights),
    weightsVector: weights,
    cash,
    expectedReturnAnnual: metrics.expectedReturnAnnual,
    volatilityAnnual: metrics.volatilityAnnual,
    sharpe: metrics.sharpe,
    riskContributions: byAsset(inputs.assets, metrics.riskContributions),
    transactionCost: cost,
    constraintsChecked: checks,
    diagnostics: {
      solver: solved.report.solver ?? 'unknown',
      iterations: solved.report.iterations,
      solveMs: solved.report.solveMs,
      solves: solved.solves,
      message: solved.report.message,
      ...(scaling === undefined ? {} : { scaling }),
    },
  };
}

/** {@link optimize} with the process-wide HiGHS runtime loaded on first use. */
export async function optimizeAsync(
  inputs: OptimizationInputs,
  options: OptimizeOptions,
): Promise<OptimizationResult> {
  return optimize(await loadHighs(), inputs, options);
}
