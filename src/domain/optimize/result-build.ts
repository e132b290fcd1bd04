/**
 * From a family's solution to the one {@link OptimizationResult}: metrics from the annual μ and
 * Σ of the inputs, the checks of every constraint (plus the objective's own limits and the
 * cardinality limits) on the returned weights, the failure policy of `check.ts` (a violated
 * check is an error, never a result) and the structured diagnostics. Every family — mean
 * variance, scenarios, risk budgets, hierarchical — ends here, so every result is built and
 * verified the same way.
 */

import type { Warning } from '../warnings.ts';
import { cardinalityMethodOf } from './capabilities.ts';
import {
  checkConstraints,
  requireChecksHold,
  transactionCost,
  type SlackCheck,
  type ViolationReport,
} from './check.ts';
import { cardinalityChecks } from './model/cardinality.ts';
import type { OptimizationProblem } from './problem.ts';
import {
  byAsset,
  portfolioMetrics,
  type OptimizationDiagnostics,
  type OptimizationResult,
  type RiskMeasures,
} from './result.ts';
import type { RiskBudgetReport } from './risk-budget/solve.ts';

/** Annual figures of the returned weights an objective value or limit is computed from. */
export interface ResultMetrics {
  readonly expectedReturnAnnual: number;
  readonly volatilityAnnual: number;
  readonly sharpe: number;
  /** One-off cost of trading from the current weights (0 without turnover). */
  readonly transactionCost: number;
}

/** What a family solver returns: weights, cash and how to read them. */
export interface FamilySolution {
  readonly weights: Float64Array;
  /** Net cash (negative = borrowing); 0 when fully invested. */
  readonly cash: number;
  /** Solver diagnostics (`cardinality` is added here from the capability table). */
  readonly diagnostics: OptimizationDiagnostics;
  /** The objective's value at the returned weights. */
  readonly objectiveValue: (metrics: ResultMetrics) => number;
  /** Limits the objective itself imposes (e.g. `targetReturn`), as slacks. */
  readonly limits?: (metrics: ResultMetrics) => readonly SlackCheck[];
  readonly riskMeasures?: RiskMeasures;
  readonly convergence?: RiskBudgetReport;
  readonly warnings?: readonly Warning[];
  /** How a violated check is reported (default SOLVER_FAILED). */
  readonly violation?: Pick<ViolationReport, 'code' | 'hint'>;
}

/**
 * The verified result of `solution` for `problem`. Throws (`requireChecksHold`) when a check
 * fails: the weights are never adjusted.
 */
export function buildResult(
  problem: OptimizationProblem,
  solution: FamilySolution,
): OptimizationResult {
  const { inputs, objective, cardinality } = problem;
  const constraints = problem.constraints ?? {};
  const { weights, cash } = solution;
  const metrics = portfolioMetrics(inputs, { weights, cash, constraints });
  const readings: ResultMetrics = {
    expectedReturnAnnual: metrics.expectedReturnAnnual,
    volatilityAnnual: metrics.volatilityAnnual,
    sharpe: metrics.sharpe,
    transactionCost: transactionCost(weights, constraints),
  };
  const checks = checkConstraints({
    assets: inputs.assets,
    weights,
    cash,
    constraints,
    covarianceAnnual: inputs.covarianceAnnual,
    extra: [
      ...(solution.limits?.(readings) ?? []),
      ...(cardinality === undefined ? [] : cardinalityChecks(weights, cardinality)),
    ],
  });
  const d = solution.diagnostics;
  requireChecksHold(checks, {
    label: objective.kind,
    ...solution.violation,
    details: { solver: d.solver, message: d.message },
  });
  const method = cardinality === undefined ? undefined : cardinalityMethodOf(objective.kind);
  const warnings: Warning[] = [...(solution.warnings ?? [])];
  if (method === 'heuristic') {
    warnings.push({
      code: 'CARDINALITY_HEURISTIC',
      message: `${objective.kind}: the cardinality limits were met by the top-K heuristic (keep the largest weights of the unrestricted solution, re-solve), not guaranteed optimal`,
      details: { objective: objective.kind, ...cardinality },
    });
  }
  return {
    status: 'optimal',
    objective: objective.kind,
    objectiveValue: solution.objectiveValue(readings),
    weights: byAsset(inputs.assets, weights),
    weightsVector: weights,
    cash,
    expectedReturnAnnual: readings.expectedReturnAnnual,
    volatilityAnnual: readings.volatilityAnnual,
    sharpe: readings.sharpe,
    riskContributions: byAsset(inputs.assets, metrics.riskContributions),
    transactionCost: readings.transactionCost,
    riskMeasures: solution.riskMeasures ?? {},
    constraintsChecked: checks,
    ...(solution.convergence === undefined ? {} : { convergence: solution.convergence }),
    diagnostics: { ...d, ...(method === undefined ? {} : { cardinality: method }) },
    warnings,
  };
}
