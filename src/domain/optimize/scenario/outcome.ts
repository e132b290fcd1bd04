/**
 * What a solved scenario program leaves behind: the weights, the net cash and the per-period
 * portfolio return of every scenario (cash included at its per-period rate), from which the
 * scenario objectives recompute their risk measure on the returned weights rather than trust
 * the solver's objective.
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import type { SolveResult } from '../../../core/solvers/types.ts';
import type { PortfolioModel } from '../model/portfolio-model.ts';
import type { OptimizationDiagnostics } from '../result.ts';

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

/**
 * Diagnostics of one solver report. `fixedCosts` is `exact-milp` when the program carried
 * fixed-cost trade binaries (solved by `model/fixed-cost-milp.ts`).
 */
export function diagnosticsOf(
  report: SolveResult,
  spec: { readonly solves?: number; readonly fixedCosts?: boolean } = {},
): OptimizationDiagnostics {
  return {
    solver: report.solver ?? 'highs',
    iterations: report.iterations,
    solveMs: report.solveMs,
    solves: spec.solves ?? 1,
    message: report.message,
    ...(spec.fixedCosts === true ? { fixedCosts: 'exact-milp' as const } : {}),
  };
}
