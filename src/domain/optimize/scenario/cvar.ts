/**
 * Minimum CVaR and mean-CVaR portfolios by the Rockafellar-Uryasev linear program
 * (Rockafellar & Uryasev 2000, "Optimization of conditional value-at-risk", J. Risk 2(3),
 * eq. 17; PyPortfolioOpt `EfficientCVaR`, Riskfolio-Lib `CVaR`) over T equally likely
 * historical scenarios r_t (per-period returns):
 *
 *   min  ζ + 1/((1−α)T) Σ_t u_t
 *   s.t. u_t ≥ −r_tᵀw − ζ,  u_t ≥ 0,  ζ free,  w ∈ portfolio constraints
 *
 * whose optimum is CVaR_α of the optimal portfolio (per period, positive = loss) and ζ a VaR_α.
 * Objectives:
 * - `minCvar`: the program above, optionally with μᵀw ≥ `targetReturnAnnual` (annual μ; the
 *   `targetReturn` row of the mean-variance family);
 * - `meanCvar`: max μ_pᵀw − λ·CVaR_α, i.e. min λ(ζ + Σu/((1−α)T)) − μ_pᵀw with μ_p = μ/k the
 *   per-period expected return (k = periods per year) and risk aversion λ > 0.
 * With a cash line, cash earns rf/k (borrowing costs (rf + spread)/k) in every scenario.
 * Optional cardinality (max holdings, minimum position) turns the LP into a MILP
 * (`model/cardinality.ts`). The CVaR reported is recomputed from the returned weights
 * (`measures/tail-risk.ts`), not read from the solver.
 */

import { CsrBuilder, extend, stackRows } from '../../../core/solvers/csr-builder.ts';
import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import type { SolverProblem } from '../../../core/solvers/types.ts';
import { invalidInput } from '../../errors.ts';
import { checkConfidence, tailRisk } from '../../measures/tail-risk.ts';
import { solveWithCardinality } from '../model/cardinality.ts';
import { solveFixedCostMilp } from '../model/fixed-cost-milp.ts';
import {
  addTargetReturnRow,
  buildPortfolioModel,
  returnCoefficients,
} from '../model/portfolio-model.ts';
import { LP_OPTIONS, solveError } from '../model/solve-model.ts';
import type { CvarObjective } from '../objectives.ts';
import type { OptimizationProblem } from '../problem.ts';
import type { FamilySolution } from '../result-build.ts';
import {
  diagnosticsOf,
  scenarioOutcome,
  type ScenarioOutcome,
  type ScenarioSolution,
} from './outcome.ts';
import { cashReturnsPerPeriod, checkScenarios, pushScenarioReturn } from './scenario-lp.ts';

/** A CVaR problem. */
export type CvarProblem = OptimizationProblem<CvarObjective>;

/** The assembled LP (without cardinality) and where its variables live. */
export interface CvarProgram {
  readonly problem: SolverProblem;
  /** Index of ζ; u_t follow it at ζ + 1 + t. */
  readonly zeta: number;
  readonly outcome: Omit<ScenarioOutcome, 'x' | 'report'>;
}

/**
 * Builds the Rockafellar-Uryasev program of `problem` on the portfolio model of its
 * constraints (no solve). Throws `INVALID_INPUT` for bad scenarios, α or λ.
 */
export function buildCvarProgram(problem: CvarProblem): CvarProgram {
  const { inputs, objective } = problem;
  const { returns: scenarios, periodsPerYear } = objective.scenarios;
  checkScenarios(objective.scenarios, inputs.assets);
  const alpha = checkConfidence(objective.confidence ?? 0.95, 'objective.confidence');
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(problem.constraints === undefined ? {} : { constraints: problem.constraints }),
    support: { integers: true },
  });
  const target = objective.kind === 'minCvar' ? objective.targetReturnAnnual : undefined;
  if (target !== undefined)
    addTargetReturnRow(pm, { mu: inputs.expectedReturnsAnnual, targetReturnAnnual: target });
  const base = pm.builder.build();
  const t = scenarios.rows;
  const zeta = base.variableCount;
  const cash = cashReturnsPerPeriod(pm, periodsPerYear);
  const block = new CsrBuilder(t * (scenarios.cols + cash.size + 2));
  for (let s = 0; s < t; s++) {
    // r_tᵀw + ζ + u_t ≥ 0  ⇔  u_t ≥ −r_tᵀw − ζ
    pushScenarioReturn(block, { scenarios, t: s, cash });
    block.push(zeta, 1);
    block.push(zeta + 1 + s, 1);
    block.endRow(0, Infinity);
  }
  const nv = zeta + 1 + t;
  const tailWeight = 1 / ((1 - alpha) * t);
  const linear = new Float64Array(nv);
  let lambda = 1;
  if (objective.kind === 'meanCvar') {
    lambda = objective.riskAversion;
    if (!(lambda > 0) || !Number.isFinite(lambda))
      throw invalidInput('objective.riskAversion', lambda, 'must be a finite number > 0');
    const r = returnCoefficients(pm, { mu: inputs.expectedReturnsAnnual, variableCount: zeta });
    for (let j = 0; j < zeta; j++) linear[j] = -r[j]! / periodsPerYear;
  }
  linear[zeta] = lambda;
  for (let s = 0; s < t; s++) linear[zeta + 1 + s] = lambda * tailWeight;
  const lower = extend(base.lower, [-Infinity, ...new Float64Array(t)]);
  const upper = extend(base.upper, new Float64Array(t + 1).fill(Infinity));
  return {
    problem: {
      n: nv,
      linear,
      lower,
      upper,
      constraints: stackRows(base.constraints, block.build()),
      ...(base.integer === undefined
        ? {}
        : { integer: [...base.integer, ...new Array<boolean>(t + 1).fill(false)] }),
    },
    zeta,
    outcome: { portfolio: pm, scenarioCash: cash },
  };
}

/** Solution of a CVaR objective: the generic scenario outcome plus the tail figures. */
export interface CvarSolution extends ScenarioSolution {
  readonly confidence: number;
  /** CVaR_α of the returned portfolio (per period, positive = loss), recomputed from weights. */
  readonly cvar: number;
  /** VaR_α of the returned portfolio (per period, positive = loss). */
  readonly valueAtRisk: number;
  /** The LP's own CVaR estimate ζ + Σu/((1−α)T) (for diagnostics). */
  readonly cvarFromSolver: number;
}

/**
 * Solves a CVaR problem (cardinality as an exact MILP, fixed costs as an exact MILP). Throws
 * `INVALID_INPUT` for bad inputs and `INFEASIBLE`, `UNBOUNDED` or `SOLVER_FAILED` (with the
 * solver's reason) when HiGHS does not return an optimum.
 */
export function solveCvar(highs: HighsRuntime, problem: CvarProblem): CvarSolution {
  const program = buildCvarProgram(problem);
  const limits = problem.cardinality;
  const report =
    limits === undefined
      ? solveFixedCostMilp(highs, program.problem, {
          trades: program.outcome.portfolio.fixedCostTrades,
          options: LP_OPTIONS,
        })
      : solveWithCardinality(highs, program.problem, {
          assets: problem.inputs.assets.length,
          limits,
          options: LP_OPTIONS,
        });
  if (report.status !== 'optimal' || report.x === undefined)
    throw solveError(problem.objective.kind, report);
  const outcome = scenarioOutcome({ ...program.outcome, x: report.x, report });
  const alpha = problem.objective.confidence ?? 0.95;
  const scenarios = problem.objective.scenarios.returns;
  const tail = tailRisk(
    outcome.periodReturns(scenarios).map((r) => -r),
    alpha,
  );
  const t = scenarios.rows;
  let fromSolver = report.x[program.zeta]!;
  for (let s = 0; s < t; s++) fromSolver += report.x[program.zeta + 1 + s]! / ((1 - alpha) * t);
  return {
    ...outcome,
    confidence: alpha,
    cvar: tail.conditionalValueAtRisk,
    valueAtRisk: tail.valueAtRisk,
    cvarFromSolver: fromSolver,
  };
}

/**
 * A CVaR problem as a family solution: `objectiveValue` is CVaR_α for `minCvar` and
 * μ_pᵀw − λ·CVaR_α (per period, μ_p = annual expected return / periods per year) for
 * `meanCvar`; a return target adds the `targetReturn` check (net of one-off costs).
 */
export function solveCvarProblem(highs: HighsRuntime, problem: CvarProblem): FamilySolution {
  const solved = solveCvar(highs, problem);
  const { objective } = problem;
  const target = objective.kind === 'minCvar' ? objective.targetReturnAnnual : undefined;
  return {
    weights: solved.weights,
    cash: solved.cash,
    diagnostics: diagnosticsOf(solved.report, {
      solves: problem.cardinality === undefined ? 1 : 2,
      fixedCosts: solved.portfolio.fixedCostTrades.length > 0,
    }),
    riskMeasures: {
      confidence: solved.confidence,
      cvar: solved.cvar,
      valueAtRisk: solved.valueAtRisk,
    },
    objectiveValue: (m) =>
      objective.kind === 'minCvar'
        ? solved.cvar
        : m.expectedReturnAnnual / objective.scenarios.periodsPerYear -
          objective.riskAversion * solved.cvar,
    ...(target === undefined
      ? {}
      : {
          limits: (m) => [
            { name: 'targetReturn', slack: m.expectedReturnAnnual - m.transactionCost - target },
          ],
        }),
  };
}
