/**
 * The mean-variance efficient frontier: N portfolios with target returns evenly spaced from
 * the minimum-variance portfolio's return to the maximum attainable return, each solved
 * exactly (min wᵀΣw s.t. return ≥ target), plus the tangency portfolio and the capital
 * allocation line E(σ) = rf + Sharpe_tangency · σ. Volatility is non-decreasing along the
 * points (property-tested). Returns are net of one-off transaction costs when turnover costs
 * are configured (the same return the `targetReturn` constraint uses).
 */

import type { HighsRuntime } from '../../core/solvers/highs';
import { BallastError, invalidInput } from '../errors';
import { optimize } from './problem-optimize';
import type { OptimizeOptions, OptimizationInputs, PortfolioConstraints } from './problem';
import type { OptimizationResult } from './result';

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
  readonly method?: OptimizeOptions['method'];
}

const point = (r: OptimizationResult): FrontierPoint => ({
  expectedReturnAnnual: r.expectedReturnAnnual - r.transactionCost,
  volatilityAnnual: r.volatilityAnnual,
  sharpe: r.sharpe,
  weights: r.weights,
});

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
  const run = (objective: OptimizeOptions['objective']): OptimizationResult => {
    const r = optimize(highs, inputs, { ...base, objective });
    solves += r.diagnostics.solves;
    solveMs += r.diagnostics.solveMs;
    return r;
  };
  const low = run({ kind: 'minVariance' });
  const high = run({ kind: 'maxReturn' });
  const rLow = low.expectedReturnAnnual - low.transactionCost;
  const rHigh = high.expectedReturnAnnual - high.transactionCost;
  const points: FrontierPoint[] = [point(low)];
  for (let k = 1; k < count; k++) {
    const last = k === count - 1;
    const target = last
      ? rHigh - 1e-12 * (1 + Math.abs(rHigh))
      : rLow + ((rHigh - rLow) * k) / (count - 1);
    if (target <= rLow) {
      points.push(point(low));
      continue;
    }
    points.push(point(run({ kind: 'efficientReturn', targetReturnAnnual: target })));
  }
  let tangency: FrontierPoint | undefined;
  try {
    tangency = point(run({ kind: 'maxSharpe' }));
  } catch (error) {
    if (!(error instanceof BallastError) || error.code !== 'NO_ASSET_ABOVE_RISK_FREE') throw error;
  }
  return {
    points,
    minVariance: point(low),
    maxReturn: point(high),
    ...(tangency === undefined
      ? {}
      : {
          tangency,
          capitalAllocationLine: {
            riskFreeRateAnnual: inputs.riskFreeRateAnnual,
            slope: tangency.sharpe,
          },
        }),
    diagnostics: { solves, solveMs },
  };
}
