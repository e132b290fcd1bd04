/**
 * The weights of each method on one window (docs/backtest.md, "Weightings"), before any
 * target-volatility scaling:
 *
 * - `equal`: 1/n each.
 * - `inverse-vol`: wᵢ = (1/σᵢ) / Σⱼ(1/σⱼ), σᵢ = √Σᵢᵢ of the window's covariance; an asset
 *   with σᵢ = 0 makes it fail (`ZERO_VOLATILITY`).
 * - `risk-parity`: the optimiser's `riskParity` objective on the window's covariance (equal
 *   risk contributions, long-only, fully invested; `src/domain/optimize/risk-budget`).
 * - `optimize`: any optimiser objective on the window's moments (μ = mean × 252, Σ the
 *   covariance × 252, rf = the cash rate; the scenario objectives take the window's daily
 *   returns as their scenarios, 252 a year), with optional weight bounds.
 *
 * A method that cannot give weights returns a failure (its code and reason) instead of
 * throwing: the caller records it and uses the fallback. Only BallastErrors are failures;
 * anything else (a bug, or a solver stand-in asking for the real runtime) propagates.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { BallastError } from '../../errors.ts';
import type { PortfolioConstraints } from '../../optimize/constraints.ts';
import { isScenarioObjective, type Objective } from '../../optimize/objectives.ts';
import { optimize } from '../../optimize/optimize.ts';
import type { WeightingMethod } from './record.ts';
import { ROWS_PER_YEAR, type WindowMoments } from './window.ts';

/** An objective without its scenarios: a scenario objective gets the window's returns. */
export type WindowObjective = Objective extends infer O
  ? O extends { readonly scenarios: unknown }
    ? Omit<O, 'scenarios'>
    : O
  : never;

/** What the optimiser methods need besides the window. */
export interface OptimizerSetup {
  /** HiGHS, for the objectives that need it (LP / MILP; risk parity never does). */
  readonly highs: HighsRuntime;
  /** `optimize` only: the objective (risk parity is `{ kind: 'riskParity' }`). */
  readonly objective?: WindowObjective;
  /** Weight bounds passed to the optimiser (every objective accepts them). */
  readonly constraints?: Pick<PortfolioConstraints, 'minWeight' | 'maxWeight'>;
  /** Annual risk-free rate of the optimiser's inputs (the cash rate). */
  readonly riskFreeRateAnnual: number;
}

/** Weights, or why there are none. */
export type MethodOutcome =
  | { readonly weights: Float64Array }
  | { readonly failure: { readonly code: string; readonly reason: string } };

/** 1/n for each of `n` assets. */
export function equalWeights(n: number): Float64Array {
  return new Float64Array(n).fill(1 / n);
}

/** Inverse-volatility weights on the window's covariance (module comment). */
export function inverseVolWeights(
  moments: WindowMoments,
  assets: readonly string[],
): MethodOutcome {
  const cov = moments.covarianceAnnual;
  const n = cov.rows;
  const inverse = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const sigma = Math.sqrt(cov.data[i * n + i]!);
    if (!(sigma > 0))
      return {
        failure: {
          code: 'ZERO_VOLATILITY',
          reason: `${assets[i]} did not move over the window (volatility 0)`,
        },
      };
    inverse[i] = 1 / sigma;
    sum += inverse[i]!;
  }
  for (let i = 0; i < n; i++) inverse[i] = inverse[i]! / sum;
  return { weights: inverse };
}

function objectiveOf(method: WeightingMethod, setup: OptimizerSetup, m: WindowMoments): Objective {
  if (method === 'risk-parity') return { kind: 'riskParity' };
  const objective = setup.objective;
  if (objective === undefined) throw new Error('optimize: an objective is required');
  if (isScenarioObjective(objective as Objective))
    return {
      ...objective,
      scenarios: { returns: m.returns, periodsPerYear: ROWS_PER_YEAR },
    } as Objective;
  return objective as Objective;
}

/** Risk parity or any objective, on the window's moments (module comment). */
export function optimizerWeights(request: {
  readonly method: 'risk-parity' | 'optimize';
  readonly moments: WindowMoments;
  readonly assets: readonly string[];
  readonly setup: OptimizerSetup;
}): MethodOutcome {
  const { method, moments, assets, setup } = request;
  try {
    const result = optimize(setup.highs, {
      inputs: {
        assets,
        expectedReturnsAnnual: moments.meanAnnual,
        covarianceAnnual: moments.covarianceAnnual,
        riskFreeRateAnnual: setup.riskFreeRateAnnual,
      },
      objective: objectiveOf(method, setup, moments),
      ...(setup.constraints === undefined ? {} : { constraints: setup.constraints }),
    });
    return { weights: Float64Array.from(result.weightsVector) };
  } catch (error) {
    if (!(error instanceof BallastError)) throw error;
    return { failure: { code: error.code, reason: error.message } };
  }
}
