/**
 * Results of the risk-measure objectives (risk parity / budgets, HRP, HERC, CVaR, CDaR,
 * semivariance), in the shape of {@link OptimizationResult} (`result.ts`): weights by asset,
 * annual return / volatility / Sharpe and variance risk-contribution fractions from the
 * annual μ and Σ of the inputs, the verified constraint list and solver diagnostics, plus
 * the objective's own risk figures (per period, positive = loss). Like the mean-variance
 * family, a result passes every check (tolerance 1e-9) or the call throws SOLVER_FAILED.
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import type { SolveResult } from '../../../core/solvers/types.ts';
import { BallastError } from '../../errors.ts';
import { checkConstraints, transactionCost } from '../check.ts';
import type { PortfolioModel } from '../model/portfolio-model.ts';
import type { OptimizationInputs, PortfolioConstraints } from '../problem.ts';
import {
  byAsset,
  portfolioMetrics,
  type OptimizationDiagnostics,
  type OptimizationResult,
} from '../result.ts';
import type { RiskBudgetReport } from '../risk-budget/solve.ts';

/** The objectives of this family (the `objective` field of their results). */
export type RiskObjectiveKind =
  | 'riskParity'
  | 'hrp'
  | 'herc'
  | 'minCvar'
  | 'meanCvar'
  | 'minCdar'
  | 'minMaxDrawdown'
  | 'maxReturnDrawdown'
  | 'minSemivariance';

/** Per-period risk figures of the returned portfolio (positive = loss), when computed. */
export interface RiskMeasures {
  /** α of CVaR / CDaR. */
  readonly confidence?: number;
  /** CVaR_α of period losses (Rockafellar-Uryasev, fractional tail; `cvar-measure.ts`). */
  readonly cvar?: number;
  readonly valueAtRisk?: number;
  /** CDaR_α of the drawdowns of cumulative (uncompounded) returns. */
  readonly cdar?: number;
  /** Maximum drawdown of cumulative (uncompounded) returns. */
  readonly maxDrawdown?: number;
  /** Semivariance E[min(r_p − B, 0)²] over all periods, and its square root. */
  readonly semivariance?: number;
  readonly semideviation?: number;
}

/** An {@link OptimizationResult} of a risk-measure objective. */
export interface RiskOptimizationResult extends Omit<OptimizationResult, 'objective'> {
  readonly objective: RiskObjectiveKind;
  /** CVaR per period (positive loss) for the CVaR objectives (the CLI's `cvar` key). */
  readonly cvar?: number;
  readonly riskMeasures: RiskMeasures;
  /** Convergence report of the risk-budgeting iteration (risk parity only). */
  readonly convergence?: RiskBudgetReport;
}

/** What a solved scenario program leaves behind (before metrics and checks). */
export interface ScenarioOutcome {
  readonly portfolio: PortfolioModel;
  /** Per-period scenario return of each cash variable (index → return). */
  readonly scenarioCash: ReadonlyMap<number, number>;
  readonly x: Float64Array;
  readonly report: SolveResult;
}

/** A {@link ScenarioOutcome} with its weights, net cash and per-period portfolio returns. */
export interface ScenarioSolution extends ScenarioOutcome {
  readonly weights: Float64Array;
  readonly cash: number;
  /** r_t = Σ_j r_tj w_j + cash returns, for the T × n `scenarios`. */
  periodReturns(scenarios: Matrix): Float64Array;
}

/** Weights, cash and a per-period return function of a solved scenario program. */
export function scenarioOutcome(outcome: ScenarioOutcome): ScenarioSolution {
  const n = outcome.portfolio.assets.length;
  const { x } = outcome;
  const weights = x.slice(0, n);
  const cashVars = outcome.portfolio.cash;
  const cash = cashVars === undefined ? 0 : x[cashVars.lend]! - x[cashVars.borrow]!;
  return {
    ...outcome,
    weights,
    cash,
    periodReturns(scenarios: Matrix): Float64Array {
      let fixed = 0;
      for (const [j, rho] of outcome.scenarioCash) fixed += rho * x[j]!;
      const out = new Float64Array(scenarios.rows);
      for (let t = 0; t < scenarios.rows; t++) {
        let s = fixed;
        for (let j = 0; j < n; j++) s += scenarios.data[t * n + j]! * weights[j]!;
        out[t] = s;
      }
      return out;
    },
  };
}

/** What {@link riskResult} assembles. */
export interface RiskResultSpec {
  readonly inputs: OptimizationInputs;
  readonly constraints: PortfolioConstraints;
  readonly objective: RiskObjectiveKind;
  /** The objective's value in its natural unit (CVaR, CDaR, semivariance, residual…). */
  readonly objectiveValue: number;
  readonly weights: Float64Array;
  readonly cash: number;
  readonly diagnostics: OptimizationDiagnostics;
  readonly riskMeasures?: RiskMeasures;
  readonly targetReturnAnnual?: number;
  /** Further objective limits as slacks (≥ 0 when met), e.g. `maxDrawdown`. */
  readonly extraChecks?: readonly { readonly name: string; readonly slack: number }[];
  readonly convergence?: RiskBudgetReport;
}

/**
 * Metrics, constraint checks and the result record. Throws SOLVER_FAILED (BallastError) naming
 * every violated constraint when a check fails (the weights are never adjusted).
 */
export function riskResult(spec: RiskResultSpec): RiskOptimizationResult {
  const { inputs, constraints, weights, cash } = spec;
  const metrics = portfolioMetrics(inputs, { weights, cash, constraints });
  const cost = transactionCost(weights, constraints);
  const extra = [...(spec.extraChecks ?? [])];
  if (spec.targetReturnAnnual !== undefined) {
    extra.push({
      name: 'targetReturn',
      slack: metrics.expectedReturnAnnual - cost - spec.targetReturnAnnual,
    });
  }
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
      `${spec.objective}: the solution violates ${failed.map((c) => `${c.name} by ${-c.slack}`).join(', ')}`,
      { failed, solver: spec.diagnostics.solver, message: spec.diagnostics.message },
    );
  }
  const measures = spec.riskMeasures ?? {};
  return {
    status: 'optimal',
    objective: spec.objective,
    objectiveValue: spec.objectiveValue,
    weights: byAsset(inputs.assets, weights),
    weightsVector: weights,
    cash,
    expectedReturnAnnual: metrics.expectedReturnAnnual,
    volatilityAnnual: metrics.volatilityAnnual,
    sharpe: metrics.sharpe,
    riskContributions: byAsset(inputs.assets, metrics.riskContributions),
    transactionCost: cost,
    constraintsChecked: checks,
    diagnostics: spec.diagnostics,
    ...(measures.cvar === undefined ? {} : { cvar: measures.cvar }),
    riskMeasures: measures,
    ...(spec.convergence === undefined ? {} : { convergence: spec.convergence }),
  };
}

/** Diagnostics of one solver report. */
export function diagnosticsOf(report: SolveResult, solves = 1): OptimizationDiagnostics {
  return {
    solver: report.solver ?? 'highs',
    iterations: report.iterations,
    solveMs: report.solveMs,
    solves,
    message: report.message,
  };
}
