/**
 * Drawdown objectives on historical scenarios (Chekhlov, Uryasev & Zabarankin 2005; LP of
 * `drawdown-lp.ts`), drawdowns measured on cumulative uncompounded returns c_t = Σ_{s≤t} r_pᵀ
 * (per-period decimals; the start value 0 counts as a peak):
 *
 * - `minCdar`: min CDaR_α (the mean of the worst (1−α)T drawdowns, fractional convention
 *   of `measures/tail-risk.ts`), optionally with `targetReturnAnnual` and a `maxDrawdown` cap;
 * - `minMaxDrawdown`: min max_t D_t, optionally with `targetReturnAnnual`;
 * - `maxReturnDrawdown`: max μᵀw subject to `maxDrawdown` and/or `maxCdar` (at least one).
 *
 * Optional cardinality makes it a MILP (`model/cardinality.ts`). Reported CDaR and max
 * drawdown are recomputed from the returned weights (`measures/drawdown.ts`).
 */

import { stackRows } from '../../../core/solvers/csr-builder.ts';
import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import type { SolverProblem } from '../../../core/solvers/types.ts';
import { invalidInput } from '../../errors.ts';
import { uncompoundedDrawdownRisk } from '../../measures/drawdown.ts';
import { checkConfidence } from '../../measures/tail-risk.ts';
import { solveWithCardinality } from '../model/cardinality.ts';
import { solveFixedCostMilp } from '../model/fixed-cost-milp.ts';
import {
  addTargetReturnRow,
  buildPortfolioModel,
  returnCoefficients,
  type PortfolioModel,
} from '../model/portfolio-model.ts';
import { LP_OPTIONS, solveError } from '../model/solve-model.ts';
import type { DrawdownObjective } from '../objectives.ts';
import type { OptimizationProblem } from '../problem.ts';
import type { FamilySolution } from '../result-build.ts';
import { drawdownBlock, withBlockBounds, type DrawdownLayout } from './drawdown-lp.ts';
import { diagnosticsOf, scenarioOutcome } from './outcome.ts';
import { cashReturnsPerPeriod, checkScenarios } from './scenario-lp.ts';

/** A drawdown problem. */
export type CdarProblem = OptimizationProblem<DrawdownObjective>;

function limit(name: string, v: number | undefined): number | undefined {
  if (v !== undefined && !(v >= 0 && Number.isFinite(v)))
    throw invalidInput(`objective.${name}`, v, 'must be a finite number ≥ 0');
  return v;
}

/** What the result needs from the model build. */
export interface CdarParts {
  readonly portfolio: PortfolioModel;
  readonly cash: ReadonlyMap<number, number>;
  readonly confidence: number;
  readonly target: number | undefined;
  readonly maxDrawdown: number | undefined;
  readonly maxCdar: number | undefined;
}

/** The LP of `problem` (no solve), its variable layout and what the result needs. */
export function buildCdarProgram(problem: CdarProblem): {
  problem: SolverProblem;
  layout: DrawdownLayout;
  parts: CdarParts;
} {
  const { inputs, objective } = problem;
  const scenarios = objective.scenarios.returns;
  checkScenarios(objective.scenarios, inputs.assets);
  const confidence = checkConfidence(
    objective.kind === 'minMaxDrawdown' ? 0.95 : (objective.confidence ?? 0.95),
    'objective.confidence',
  );
  const maxDrawdown = limit(
    'maxDrawdown',
    objective.kind === 'minMaxDrawdown' ? undefined : objective.maxDrawdown,
  );
  const maxCdar = limit(
    'maxCdar',
    objective.kind === 'maxReturnDrawdown' ? objective.maxCdar : undefined,
  );
  if (
    objective.kind === 'maxReturnDrawdown' &&
    maxDrawdown === undefined &&
    maxCdar === undefined
  ) {
    throw invalidInput(
      'objective.maxDrawdown',
      undefined,
      'maxReturnDrawdown needs maxDrawdown and/or maxCdar',
    );
  }
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(problem.constraints === undefined ? {} : { constraints: problem.constraints }),
    support: { integers: true },
  });
  const target = objective.kind === 'maxReturnDrawdown' ? undefined : objective.targetReturnAnnual;
  if (target !== undefined)
    addTargetReturnRow(pm, { mu: inputs.expectedReturnsAnnual, targetReturnAnnual: target });
  const model = pm.builder.build();
  const cash = cashReturnsPerPeriod(pm, objective.scenarios.periodsPerYear);
  const block = drawdownBlock({
    scenarios,
    base: model.variableCount,
    cash,
    confidence,
    ...(maxCdar === undefined ? {} : { maxCdar }),
  });
  const { layout } = block;
  const { lower, upper } = withBlockBounds(model, block);
  if (maxDrawdown !== undefined) upper[layout.maxDrawdown] = maxDrawdown;
  const linear = new Float64Array(layout.variableCount);
  const t = scenarios.rows;
  if (objective.kind === 'minCdar') {
    linear[layout.zeta] = 1;
    for (let s = 0; s < t; s++) linear[layout.tail + s] = 1 / ((1 - confidence) * t);
  } else if (objective.kind === 'minMaxDrawdown') {
    linear[layout.maxDrawdown] = 1;
  } else {
    const r = returnCoefficients(pm, {
      mu: inputs.expectedReturnsAnnual,
      variableCount: model.variableCount,
    });
    r.forEach((v, j) => (linear[j] = -v));
  }
  return {
    problem: {
      n: layout.variableCount,
      linear,
      lower,
      upper,
      constraints: stackRows(model.constraints, block.rows),
      ...(model.integer === undefined
        ? {}
        : {
            integer: [
              ...model.integer,
              ...new Array<boolean>(layout.variableCount - model.variableCount).fill(false),
            ],
          }),
    },
    layout,
    parts: { portfolio: pm, cash, target, confidence, maxDrawdown, maxCdar },
  };
}

/**
 * A drawdown problem as a family solution (module comment). `objectiveValue`: CDaR_α for
 * `minCdar`, the max drawdown for `minMaxDrawdown`, the annual expected return for
 * `maxReturnDrawdown`. Limits checked: `targetReturn`, `maxDrawdown`, `maxCdar` when set.
 * Throws `INVALID_INPUT`, `INFEASIBLE`, `UNBOUNDED` or `SOLVER_FAILED`.
 */
export function solveCdarProblem(highs: HighsRuntime, problem: CdarProblem): FamilySolution {
  const { problem: program, parts } = buildCdarProgram(problem);
  const limits = problem.cardinality;
  const n = problem.inputs.assets.length;
  const report =
    limits === undefined
      ? solveFixedCostMilp(highs, program, {
          trades: parts.portfolio.fixedCostTrades,
          options: LP_OPTIONS,
        })
      : solveWithCardinality(highs, program, { assets: n, limits, options: LP_OPTIONS });
  const kind = problem.objective.kind;
  if (report.status !== 'optimal' || report.x === undefined) throw solveError(kind, report);
  const solved = scenarioOutcome({
    portfolio: parts.portfolio,
    scenarioCash: parts.cash,
    x: report.x,
    report,
  });
  const risk = uncompoundedDrawdownRisk(
    solved.periodReturns(problem.objective.scenarios.returns),
    parts.confidence,
  );
  const cdar = risk.conditionalDrawdownAtRisk;
  const maxDd = risk.maxDrawdown;
  const { target } = parts;
  return {
    weights: solved.weights,
    cash: solved.cash,
    diagnostics: diagnosticsOf(report, {
      solves: limits === undefined ? 1 : 2,
      fixedCosts: parts.portfolio.fixedCostTrades.length > 0,
    }),
    riskMeasures: { confidence: parts.confidence, cdar, maxDrawdown: maxDd },
    objectiveValue: (m) =>
      kind === 'minCdar' ? cdar : kind === 'minMaxDrawdown' ? maxDd : m.expectedReturnAnnual,
    limits: (m) => [
      ...(parts.maxDrawdown === undefined
        ? []
        : [{ name: 'maxDrawdown', slack: parts.maxDrawdown - maxDd }]),
      ...(parts.maxCdar === undefined ? [] : [{ name: 'maxCdar', slack: parts.maxCdar - cdar }]),
      ...(target === undefined
        ? []
        : [{ name: 'targetReturn', slack: m.expectedReturnAnnual - m.transactionCost - target }]),
    ],
  };
}
