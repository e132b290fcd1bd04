/**
 * The mean-variance efficient frontier: N portfolios with target returns evenly spaced from
 * the minimum-variance portfolio's return to the maximum attainable return, each solved
 * exactly (min wᵀΣw s.t. return ≥ target), plus the tangency portfolio and the capital
 * allocation line E(σ) = rf + Sharpe_tangency · σ. Volatility is non-decreasing along the
 * points (property-tested). Returns are net of one-off transaction costs when turnover costs
 * are configured (the same return the `targetReturn` constraint uses).
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError, invalidInput } from '../../errors.ts';
import { optimize } from '../optimize.ts';
import type { PortfolioConstraints } from '../constraints.ts';
import type { MeanVarianceObjective } from '../objectives.ts';
import type { OptimizationInputs, QpPath } from '../problem.ts';
import type { OptimizationResult } from '../result.ts';

/** One portfolio on the frontier. */
export interface FrontierPoint {
  readonly expectedReturnAnnual: number;
  readonly volatilityAnnual: number;
  readonly sharpe: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** The frontier, its end points, the tangency portfolio and the CAL. */
export interface EfficientFrontier {
  readonly points: readonly FrontierPoint[];
  readonly minVariance: FrontierPoint;
  readonly maxReturn: FrontierPoint;
  /** Undefined when no feasible portfolio beats the risk-free rate. */
  readonly tangency?: FrontierPoint;
  /** E(σ) = rf + slope·σ through the tangency portfolio (undefined without tangency). */
  readonly capitalAllocationLine?: { readonly riskFreeRateAnnual: number; readonly slope: number };
  readonly diagnostics: { readonly solves: number; readonly solveMs: number };
}

/** Options of {@link efficientFrontier}. */
export interface FrontierOptions {
  /** Number of points (≥ 2). */
  readonly points: number;
  readonly constraints?: PortfolioConstraints;
  readonly method?: QpPath;
  /** Called after each solve (at most N + 1: the points and the tangency portfolio). */
  readonly onSolve?: () => void;
}

/** A result as a frontier point (return net of one-off transaction costs). */
export const frontierPoint = (r: OptimizationResult): FrontierPoint => ({
  expectedReturnAnnual: r.expectedReturnAnnual - r.transactionCost,
  volatilityAnnual: r.volatilityAnnual,
  sharpe: r.sharpe,
  weights: r.weights,
});
const point = frontierPoint;

/**
 * Target returns of points 1…N−1 between the minimum-variance return `low` and the maximum
 * return `high`: r_k = low + (high − low)·k/(N − 1), the last one pulled in by
 * 1e-12·(1 + |high|) so it stays feasible. A target ≤ `low` means "the minimum-variance point".
 */
export function frontierTargets(low: number, high: number, count: number): number[] {
  return Array.from({ length: count - 1 }, (_, i) => {
    const k = i + 1;
    return k === count - 1
      ? high - 1e-12 * (1 + Math.abs(high))
      : low + ((high - low) * k) / (count - 1);
  });
}

/** The frontier document from its points and the optional tangency portfolio. */
export function assembleFrontier(parts: {
  points: FrontierPoint[];
  low: OptimizationResult;
  high: OptimizationResult;
  tangency: FrontierPoint | undefined;
  riskFreeRateAnnual: number;
  diagnostics: { solves: number; solveMs: number };
}): EfficientFrontier {
  const { tangency } = parts;
  return {
    points: parts.points,
    minVariance: point(parts.low),
    maxReturn: point(parts.high),
    ...(tangency === undefined
      ? {}
      : {
          tangency,
          capitalAllocationLine: {
            riskFreeRateAnnual: parts.riskFreeRateAnnual,
            slope: tangency.sharpe,
          },
        }),
    diagnostics: parts.diagnostics,
  };
}

/** Computes the efficient frontier (see the module comment); errors as in `optimize`. */
export function efficientFrontier(
  highs: HighsRuntime,
  inputs: OptimizationInputs,
  options: FrontierOptions,
): EfficientFrontier {
  const count = options.points;
  if (!Number.isInteger(count) || count < 2)
    throw invalidInput('points', count, 'must be an integer ≥ 2');
  const base = {
    ...(options.constraints === undefined ? {} : { constraints: options.constraints }),
    ...(options.method === undefined ? {} : { method: options.method }),
  };
  let solves = 0;
  let solveMs = 0;
  const run = (objective: MeanVarianceObjective): OptimizationResult => {
    const r = optimize(highs, { inputs, ...base, objective });
    solves += r.diagnostics.solves;
    solveMs += r.diagnostics.solveMs;
    options.onSolve?.();
    return r;
  };
  const low = run({ kind: 'minVariance' });
  const high = run({ kind: 'maxReturn' });
  const rLow = low.expectedReturnAnnual - low.transactionCost;
  const rHigh = high.expectedReturnAnnual - high.transactionCost;
  const points: FrontierPoint[] = [point(low)];
  for (const target of frontierTargets(rLow, rHigh, count)) {
    points.push(
      target <= rLow
        ? point(low)
        : point(run({ kind: 'efficientReturn', targetReturnAnnual: target })),
    );
  }
  let tangency: FrontierPoint | undefined;
  try {
    tangency = point(run({ kind: 'maxSharpe' }));
  } catch (error) {
    if (!(error instanceof BallastError) || error.code !== 'NO_ASSET_ABOVE_RISK_FREE') throw error;
  }
  return assembleFrontier({
    points,
    low,
    high,
    tangency,
    riskFreeRateAnnual: inputs.riskFreeRateAnnual,
    diagnostics: { solves, solveMs },
  });
}
