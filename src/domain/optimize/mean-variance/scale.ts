/**
 * Target volatility by scaling along the capital allocation line: the solved risky weights w
 * become s·w with cash 1 − s·Σw, s = σ* ÷ σ(w), capped at the largest s for which every
 * constraint still holds (the feasible scales form an interval containing 1; its end is found
 * by bisection on the constraint checker with slack ≥ −1e-14). No renormalisation: the scaled
 * portfolio is checked like any other.
 */

import { BallastError, invalidInput } from '../../errors.ts';
import { checkConstraints } from '../check.ts';
import type { PortfolioConstraints } from '../constraints.ts';
import type { OptimizationInputs } from '../problem.ts';
import { portfolioMetrics } from '../result.ts';

/** Scaled weights and cash, the factor and whether a constraint capped it. */
export interface ScaledPortfolio {
  readonly weights: Float64Array;
  readonly cash: number;
  readonly factor: number;
  readonly capped: boolean;
}

/** Scales `weights` to `targetVolatilityAnnual` under `constraints` (needs a cash line). */
export function scaleToVolatility(
  inputs: OptimizationInputs,
  spec: {
    readonly weights: Float64Array;
    readonly constraints: PortfolioConstraints;
    readonly targetVolatilityAnnual: number;
  },
): ScaledPortfolio {
  const { constraints, targetVolatilityAnnual: target } = spec;
  if (!(target > 0) || !Number.isFinite(target)) {
    throw invalidInput('targetVolatilityAnnual', target, 'must be a positive annual volatility');
  }
  if (constraints.budget?.kind !== 'cashLine') {
    throw invalidInput(
      'targetVolatilityAnnual',
      target,
      'scaling to a volatility needs a cash line budget',
    );
  }
  const at = (s: number): { weights: Float64Array; cash: number } => {
    const weights = spec.weights.map((v) => v * s);
    let net = 0;
    weights.forEach((v) => (net += v));
    return { weights, cash: 1 - net };
  };
  const feasible = (s: number): boolean =>
    checkConstraints({
      assets: inputs.assets,
      ...at(s),
      constraints,
      covarianceAnnual: inputs.covarianceAnnual,
    }).every((c) => c.slack >= -1e-14);
  const vol = portfolioMetrics(inputs, {
    weights: spec.weights,
    cash: 0,
    constraints,
  }).volatilityAnnual;
  if (!(vol > 0)) {
    throw new BallastError(
      'INFEASIBLE',
      'targetVolatilityAnnual: the solved portfolio has no risk to scale',
      {},
    );
  }
  const wanted = target / vol;
  if (feasible(wanted)) return { ...at(wanted), factor: wanted, capped: false };
  let ok = 1;
  let bad = wanted;
  for (let k = 0; k < 100 && Math.abs(bad - ok) > 1e-14 * Math.max(1, ok); k++) {
    const mid = 0.5 * (ok + bad);
    if (feasible(mid)) ok = mid;
    else bad = mid;
  }
  return { ...at(ok), factor: ok, capped: true };
}
