/**
 * Fixed per-trade costs for the mean-variance objectives, and the dispatcher `optimize` uses
 * for the constraints beyond the linear model (fixed costs, tracking-error limit).
 *
 * A fixed cost F_i is paid when asset i trades at all (`model/fixed-cost-rows.ts`), charged
 * once against the annual return like proportional costs. For a trade pattern T (the assets
 * allowed to trade; the others held at w0) the problem is continuous and solved exactly by the
 * ordinary path; the optimum is the best pattern.
 *
 * - `maxReturn` (an LP) without a tracking-error limit: exact MILP (`model/fixed-cost-milp.ts`).
 * - QP objectives (HiGHS has no MIQP), and maxReturn under a tracking-error limit:
 *   with k assets carrying a fixed cost, k ≤ `exactUpTo` (default 8): every one of the 2^k
 *   patterns is solved — exact; otherwise a HEURISTIC, not guaranteed optimal: start from the
 *   better of "trade everything" and the pattern the continuous solution trades
 *   (|w_i − w0_i| > 1e-9), then best-improvement 1-flip local search (add or remove one asset
 *   from T) until no flip improves the objective. `diagnostics.solver` ends in
 *   `+fixed-cost-enumeration` or `+fixed-cost-local-search` and the message says which.
 *
 * Patterns are ranked by the objective's value at the solved weights with the true cost of
 * those weights (`transactionCost`): variance / tracking error (minimised), return net of
 * costs, utility, net Sharpe (E − cost − rf)/σ, diversification ratio (maximised). A pattern
 * that is infeasible (or has no return above rf for maxSharpe) is skipped; none feasible ⇒
 * INFEASIBLE.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError } from '../../errors.ts';
import { CHECK_TOLERANCE, transactionCost } from '../check.ts';
import { buildPortfolioModel, returnCoefficients } from '../model/portfolio-model.ts';
import { hasFixedCosts } from '../model/fixed-cost-rows.ts';
import { solveFixedCostMilp } from '../model/fixed-cost-milp.ts';
import { LP_OPTIONS } from '../model/solve-model.ts';
import { solveObjective, type ObjectiveSolution, type ObjectiveSpec } from './solve.ts';
import type { MeanVarianceObjective } from '../objectives.ts';
import type { FixedCostSearch } from '../problem.ts';
import { solveError, toSolverProblem } from '../model/solve-model.ts';
import { portfolioMetrics } from '../result.ts';
import { objectiveValue } from './objective-value.ts';
import { solveTrackingErrorLimited } from './tracking-error-limit.ts';

/** What {@link solveExtended} needs. */
export interface ExtendedSpec extends ObjectiveSpec {
  readonly fixedCostSearch?: FixedCostSearch;
}

const MINIMISED: ReadonlySet<MeanVarianceObjective['kind']> = new Set([
  'minVariance',
  'efficientReturn',
  'minTrackingError',
]);

interface Candidate {
  readonly key: string;
  readonly score: number;
  readonly solution?: ObjectiveSolution;
}

/** The continuous problem for one trade pattern. */
function solvePattern(
  highs: HighsRuntime,
  spec: ExtendedSpec,
  pattern: readonly boolean[],
): ObjectiveSolution {
  if (spec.constraints?.trackingError !== undefined)
    return solveTrackingErrorLimited(highs, { ...spec, tradePattern: pattern });
  const portfolio = buildPortfolioModel({
    assets: spec.inputs.assets,
    riskFreeRateAnnual: spec.inputs.riskFreeRateAnnual,
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
    tradePattern: pattern,
  });
  return solveObjective(highs, { ...spec, portfolio });
}

/** Lower is better: the objective at the solved weights with their true cost. */
function score(spec: ExtendedSpec, solution: ObjectiveSolution): number {
  const { inputs, objective } = spec;
  const constraints = spec.constraints ?? {};
  const n = inputs.assets.length;
  const weights = solution.x.slice(0, n);
  const cashVars = solution.portfolio.cash;
  const cash =
    cashVars === undefined ? 0 : solution.x[cashVars.lend]! - solution.x[cashVars.borrow]!;
  const metrics = portfolioMetrics(inputs, { weights, cash, constraints });
  const cost = transactionCost(weights, constraints);
  if (objective.kind === 'maxSharpe') {
    const net = metrics.expectedReturnAnnual - cost - inputs.riskFreeRateAnnual;
    return -(metrics.volatilityAnnual > 0 ? net / metrics.volatilityAnnual : -Infinity);
  }
  const value = objectiveValue(objective, { inputs, weights, metrics, cost });
  return MINIMISED.has(objective.kind) ? value : -value;
}

function exactMaxReturn(highs: HighsRuntime, spec: ExtendedSpec): ObjectiveSolution {
  const { inputs } = spec;
  const pm = buildPortfolioModel({
    assets: inputs.assets,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
    support: { integers: true },
  });
  const model = pm.builder.build();
  const r = returnCoefficients(pm, {
    mu: inputs.expectedReturnsAnnual,
    variableCount: model.variableCount,
  });
  const label = 'maxReturn';
  const problem = {
    ...toSolverProblem({ model, linear: r.map((v) => -v), label }),
    ...(model.integer === undefined ? {} : { integer: model.integer }),
  };
  const report = solveFixedCostMilp(highs, problem, {
    trades: pm.fixedCostTrades,
    options: LP_OPTIONS,
  });
  if (report.status !== 'optimal' || report.x === undefined) throw solveError(label, report);
  return { x: report.x, report, portfolio: pm, solves: 2, fixedCosts: 'exact-milp' };
}

/** Solves the QP path of the module comment over the assets `traded` (those with F_i > 0). */
function searchPatterns(
  highs: HighsRuntime,
  spec: ExtendedSpec,
  traded: readonly number[],
): ObjectiveSolution {
  const n = spec.inputs.assets.length;
  const k = traded.length;
  const seen = new Map<string, Candidate>();
  let solves = 0;
  let iterations = 0;
  let solveMs = 0;
  const evaluate = (chosen: readonly boolean[]): Candidate => {
    const key = chosen.map((v) => (v ? '1' : '0')).join('');
    const known = seen.get(key);
    if (known !== undefined) return known;
    const pattern = new Array<boolean>(n).fill(true);
    traded.forEach((asset, m) => (pattern[asset] = chosen[m]!));
    let candidate: Candidate;
    try {
      const solution = solvePattern(highs, spec, pattern);
      solves += solution.solves;
      iterations += solution.report.iterations;
      solveMs += solution.report.solveMs;
      candidate = { key, score: score(spec, solution), solution };
    } catch (error) {
      const skip =
        error instanceof BallastError &&
        (error.code === 'INFEASIBLE' || error.code === 'NO_ASSET_ABOVE_RISK_FREE');
      if (!skip) throw error;
      candidate = { key, score: Infinity };
    }
    seen.set(key, candidate);
    return candidate;
  };
  const exactUpTo = spec.fixedCostSearch?.exactUpTo ?? 8;
  let best: Candidate;
  let how: string;
  if (k <= exactUpTo) {
    best = { key: '', score: Infinity };
    for (let mask = 0; mask < 2 ** k; mask++) {
      const c = evaluate(Array.from({ length: k }, (_, m) => (mask & (1 << m)) !== 0));
      if (c.score < best.score) best = c;
    }
    how = `exact enumeration of all ${2 ** k} trade patterns of ${k} assets`;
  } else {
    const all = evaluate(new Array<boolean>(k).fill(true));
    best = all;
    if (all.solution !== undefined) {
      const x = all.solution.x;
      const w0 = spec.constraints?.turnover?.currentWeights ?? [];
      const start = evaluate(traded.map((i) => Math.abs(x[i]! - w0[i]!) > CHECK_TOLERANCE));
      if (start.score < best.score) best = start;
    }
    for (let pass = 0; pass < 4 * k; pass++) {
      const current = best.key.split('').map((ch) => ch === '1');
      let improved = best;
      for (let m = 0; m < k; m++) {
        const flipped = current.map((v, q) => (q === m ? !v : v));
        const c = evaluate(flipped);
        if (c.score < improved.score) improved = c;
      }
      if (improved === best) break;
      best = improved;
    }
    how = `HEURISTIC (not guaranteed optimal): 1-flip local search over ${seen.size} of ${2 ** k} trade patterns of ${k} assets`;
  }
  const solution = best.solution;
  if (solution === undefined) {
    throw new BallastError(
      'INFEASIBLE',
      `${spec.objective.kind}: no trade pattern admits a portfolio under the constraints (fixed costs)`,
      { patternsTried: seen.size },
    );
  }
  const suffix = k <= exactUpTo ? 'fixed-cost-enumeration' : 'fixed-cost-local-search';
  return {
    ...solution,
    report: {
      ...solution.report,
      iterations,
      solveMs,
      solver: `${solution.report.solver ?? 'qp'}+${suffix}`,
      message: `${solution.report.message}; fixed costs: ${how}`,
    },
    solves,
    fixedCosts: k <= exactUpTo ? 'exact-enumeration' : 'heuristic',
  };
}

/**
 * Solves `spec.objective` under every constraint, including fixed costs and a tracking-error
 * limit (module comment; `tracking-error-limit.ts`); without them it is `solveObjective`.
 */
export function solveExtended(highs: HighsRuntime, spec: ExtendedSpec): ObjectiveSolution {
  const c = spec.constraints;
  if (hasFixedCosts(c?.turnover)) {
    if (spec.objective.kind === 'maxReturn' && c?.trackingError === undefined)
      return exactMaxReturn(highs, spec);
    const f = c?.turnover?.fixedCost ?? 0;
    const traded = spec.inputs.assets
      .map((_, i) => i)
      .filter((i) => (typeof f === 'number' ? f : (f[i] ?? 0)) > 0);
    return searchPatterns(highs, spec, traded);
  }
  if (c?.trackingError !== undefined) return solveTrackingErrorLimited(highs, spec);
  return solveObjective(highs, spec);
}
