/**
 * The objective's own value and limits, computed from the returned weights (not taken from
 * the solver): variance for minVariance / efficientReturn, Sharpe for maxSharpe, net expected
 * return (after one-off costs) for maxReturn / efficientRisk, E − cost − (γ/2)σ² for utility,
 * the diversification ratio σᵀw/σ_p for maxDiversification and the annual tracking error
 * √((w − b)ᵀΣ(w − b)) for minTrackingError.
 */

import type { MeanVarianceObjective } from '../objectives.ts';
import type { OptimizationInputs } from '../problem.ts';
import { covarianceTimes } from '../result.ts';

/** Metrics the objective value is computed from. */
interface Metrics {
  readonly expectedReturnAnnual: number;
  readonly volatilityAnnual: number;
  readonly sharpe: number;
}

/** Value of `objective` at `weights` (see the module comment). */
export function objectiveValue(
  objective: MeanVarianceObjective,
  spec: {
    readonly inputs: OptimizationInputs;
    readonly weights: Float64Array;
    readonly metrics: Metrics;
    readonly cost: number;
  },
): number {
  const { metrics: m, inputs, weights, cost } = spec;
  const variance = m.volatilityAnnual * m.volatilityAnnual;
  switch (objective.kind) {
    case 'minVariance':
    case 'efficientReturn':
      return variance;
    case 'maxSharpe':
      return m.sharpe;
    case 'maxReturn':
    case 'efficientRisk':
      return m.expectedReturnAnnual - cost;
    case 'utility':
      return m.expectedReturnAnnual - cost - 0.5 * objective.riskAversion * variance;
    case 'maxDiversification': {
      const n = weights.length;
      let s = 0;
      weights.forEach((v, i) => (s += v * Math.sqrt(inputs.covarianceAnnual.data[i * n + i]!)));
      return m.volatilityAnnual > 0 ? s / m.volatilityAnnual : Number.NaN;
    }
    case 'minTrackingError': {
      const d = weights.map((v, i) => v - objective.benchmarkWeights[i]!);
      const sd = covarianceTimes(inputs, d);
      let te = 0;
      d.forEach((v, i) => (te += v * sd[i]!));
      return Math.sqrt(Math.max(0, te));
    }
  }
}

/** Limits the objective itself imposes, as slacks: `targetReturn`, `targetVolatility`. */
export function objectiveChecks(
  objective: MeanVarianceObjective,
  spec: { readonly metrics: Metrics; readonly cost: number },
): { name: string; slack: number }[] {
  if (objective.kind === 'efficientReturn') {
    const net = spec.metrics.expectedReturnAnnual - spec.cost;
    return [{ name: 'targetReturn', slack: net - objective.targetReturnAnnual }];
  }
  if (objective.kind === 'efficientRisk') {
    return [
      {
        name: 'targetVolatility',
        slack: objective.targetVolatilityAnnual - spec.metrics.volatilityAnnual,
      },
    ];
  }
  return [];
}
