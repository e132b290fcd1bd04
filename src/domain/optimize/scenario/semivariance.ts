/**
 * Minimum semivariance (Markowitz 1959, "Portfolio Selection", ch. IX; the exact problem of
 * PyPortfolioOpt 1.5 `EfficientSemivariance`, Estrada 2008): over T historical periods with
 * benchmark B_t,
 *
 *   min (1/T) Σ_t min(r_p,t − B_t, 0)²,   w ∈ portfolio constraints,
 *
 * with r_p,t = r_tᵀw (+ cash returns) — the semivariance of the portfolio itself, not the
 * semicovariance approximation wᵀΣ⁻w. PyPortfolioOpt states it as the QP min Σn_t²/T s.t.
 * r_p,t − B_t + n_t − p_t = 0, n, p ≥ 0; Ballast solves the same problem in the weight space
 * by a semismooth Newton method whose steps are exact QPs (`semivariance-newton.ts`), because
 * HiGHS 1.15's QP solver fails on the (w, n, p) form. Figures are per period: semivariance and
 * semideviation √semivariance (× √periodsPerYear for an annual figure). Optional cardinality
 * uses the documented top-K heuristic of `model/cardinality.ts` (no MIQP). The measure itself
 * (to check a solution) is `measures/semivariance.ts`.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { invalidInput } from '../../errors.ts';
import { semivariance } from '../../measures/semivariance.ts';
import { largestWeights, restrictSupport, type CardinalityLimits } from '../model/cardinality.ts';
import {
  addTargetReturnRow,
  buildPortfolioModel,
  type PortfolioModel,
} from '../model/portfolio-model.ts';
import { LP_OPTIONS, solveError } from '../model/solve-model.ts';
import type { SemivarianceObjective } from '../objectives.ts';
import type { OptimizationProblem } from '../problem.ts';
import type { FamilySolution } from '../result-build.ts';
import { diagnosticsOf, scenarioOutcome } from './outcome.ts';
import { cashReturnsPerPeriod, checkScenarios } from './scenario-lp.ts';
import {
  minimizeSemivariance,
  type SemivarianceData,
  type SemivarianceSolve,
} from './semivariance-newton.ts';

/** A minimum-semivariance problem. */
export type SemivarianceProblem = OptimizationProblem<SemivarianceObjective>;

function benchmarkSeries(objective: SemivarianceObjective): Float64Array {
  const t = objective.scenarios.returns.rows;
  const b = objective.benchmark ?? 0;
  const out = typeof b === 'number' ? new Float64Array(t).fill(b) : Float64Array.from(b);
  if (out.length !== t)
    throw invalidInput('objective.benchmark', out.length, `needs one value per period (${t})`);
  out.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw invalidInput(`objective.benchmark[${i}]`, v, 'not a finite number');
  });
  return out;
}

/** The problem data of `problem` (no solve): the portfolio polytope, a_t and B. */
export function buildSemivarianceData(problem: SemivarianceProblem): {
  data: SemivarianceData;
  portfolio: PortfolioModel;
  cash: Map<number, number>;
} {
  const { inputs, objective } = problem;
  const scenarios = objective.scenarios.returns;
  checkScenarios(objective.scenarios, inputs.assets);
  const benchmark = benchmarkSeries(objective);
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(problem.constraints === undefined ? {} : { constraints: problem.constraints }),
  });
  if (objective.targetReturnAnnual !== undefined) {
    addTargetReturnRow(pm, {
      mu: inputs.expectedReturnsAnnual,
      targetReturnAnnual: objective.targetReturnAnnual,
    });
  }
  const model = pm.builder.build();
  const cash = cashReturnsPerPeriod(pm, objective.scenarios.periodsPerYear);
  const n = scenarios.cols;
  const k = Math.max(n, ...[...cash.keys()].map((j) => j + 1));
  const t = scenarios.rows;
  const a = new Float64Array(t * k);
  for (let s = 0; s < t; s++) {
    a.set(scenarios.data.subarray(s * n, (s + 1) * n), s * k);
    for (const [j, rho] of cash) a[s * k + j] = rho;
  }
  return {
    data: { polytope: model, coefficients: { rows: t, cols: k, data: a }, benchmark },
    portfolio: pm,
    cash,
  };
}

function solveRestricted(
  highs: HighsRuntime,
  data: SemivarianceData,
  spec: { n: number; limits: CardinalityLimits },
): SemivarianceSolve {
  const first = minimizeSemivariance(highs, data, LP_OPTIONS);
  const x = first.report.x;
  if (first.report.status !== 'optimal' || x === undefined) return first;
  const p = data.polytope;
  const box = {
    n: p.variableCount,
    linear: new Float64Array(p.variableCount),
    lower: p.lower,
    upper: p.upper,
  };
  const keep = largestWeights(x, { k: spec.limits.maxAssets ?? spec.n, lower: p.lower, n: spec.n });
  const restricted = restrictSupport(box, {
    keep,
    minPositionWeight: spec.limits.minPositionWeight ?? 0,
  });
  const second = minimizeSemivariance(
    highs,
    { ...data, polytope: { ...p, lower: restricted.lower, upper: restricted.upper } },
    LP_OPTIONS,
  );
  const report = second.report;
  return {
    report: {
      ...report,
      iterations: report.iterations + first.report.iterations,
      solveMs: report.solveMs + first.report.solveMs,
      solver: `${report.solver ?? 'qp'}+cardinality-heuristic`,
    },
    qpSolves: first.qpSolves + second.qpSolves,
  };
}

function checkCardinality(limits: CardinalityLimits, lower: Float64Array, n: number): void {
  if (
    limits.maxAssets !== undefined &&
    (!Number.isInteger(limits.maxAssets) || limits.maxAssets < 1)
  )
    throw invalidInput('cardinality.maxAssets', limits.maxAssets, 'must be an integer ≥ 1');
  if (lower.subarray(0, n).some((l) => l < 0))
    throw invalidInput(
      'constraints.minWeight',
      Math.min(...lower.subarray(0, n)),
      'cardinality limits need long-only weights (min ≥ 0)',
    );
}

/**
 * A minimum-semivariance problem as a family solution. `objectiveValue` and
 * `riskMeasures.semivariance` are the per-period semivariance of the returned weights;
 * `riskMeasures.semideviation` its square root. Throws `INVALID_INPUT`, `INFEASIBLE`,
 * `UNBOUNDED` or `SOLVER_FAILED`.
 */
export function solveSemivarianceProblem(
  highs: HighsRuntime,
  problem: SemivarianceProblem,
): FamilySolution {
  const { data, portfolio, cash } = buildSemivarianceData(problem);
  const n = problem.inputs.assets.length;
  const limits = problem.cardinality;
  if (limits !== undefined) checkCardinality(limits, data.polytope.lower, n);
  const solved =
    limits === undefined
      ? minimizeSemivariance(highs, data, LP_OPTIONS)
      : solveRestricted(highs, data, { n, limits });
  const { report } = solved;
  if (report.status !== 'optimal' || report.x === undefined)
    throw solveError('minSemivariance', report);
  const outcome = scenarioOutcome({ portfolio, scenarioCash: cash, x: report.x, report });
  const value = semivariance(
    outcome.periodReturns(problem.objective.scenarios.returns),
    data.benchmark,
  );
  const target = problem.objective.targetReturnAnnual;
  return {
    weights: outcome.weights,
    cash: outcome.cash,
    diagnostics: diagnosticsOf(report, { solves: solved.qpSolves }),
    riskMeasures: { semivariance: value, semideviation: Math.sqrt(value) },
    objectiveValue: () => value,
    ...(target === undefined
      ? {}
      : {
          limits: (m) => [
            { name: 'targetReturn', slack: m.expectedReturnAnnual - m.transactionCost - target },
          ],
        }),
  };
}
