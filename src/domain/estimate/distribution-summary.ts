/**
 * The reader-facing view of a {@link ReturnDistribution} (what `ballast estimate --format json`
 * prints): values keyed by asset, annual volatilities and the correlation matrix.
 *
 *   volatility_i = √Σ_ii (annual),   ρ_ij = Σ_ij / (σ_i σ_j)
 *
 * A correlation involving a zero-variance asset is undefined and reported as `null` (its
 * diagonal entry included), never 0 or 1.
 */

import { toRows } from '../../core/linalg/matrix.ts';
import type { Warning } from '../warnings.ts';
import type { DistributionMethod, EstimationWindow, ReturnDistribution } from './distribution.ts';

/** JSON-ready summary of a distribution (all figures annual decimals). */
export interface DistributionSummary {
  readonly assets: string[];
  readonly mu: Record<string, number>;
  readonly covariance: number[][];
  readonly volatility: Record<string, number>;
  readonly correlation: (number | null)[][];
  readonly method: DistributionMethod;
  readonly window: EstimationWindow;
  readonly frequency: { readonly periodsPerYear: number };
  readonly warnings: Warning[];
  readonly inputsHash: string;
}

/** Annual volatilities √Σ_ii in asset order. */
export function volatilitiesAnnual(distribution: ReturnDistribution): Float64Array {
  const n = distribution.assets.length;
  return Float64Array.from({ length: n }, (_, i) =>
    Math.sqrt(distribution.covariance.data[i * n + i]!),
  );
}

/** Correlation matrix rows; `null` where a variance is zero. Values clipped to [−1, 1]. */
export function correlationRows(distribution: ReturnDistribution): (number | null)[][] {
  const n = distribution.assets.length;
  const sigma = volatilitiesAnnual(distribution);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const scale = sigma[i]! * sigma[j]!;
      if (scale === 0) return null;
      if (i === j) return 1;
      return Math.max(-1, Math.min(1, distribution.covariance.data[i * n + j]! / scale));
    }),
  );
}

/** The summary printed by the CLI; see the module comment. */
export function summariseDistribution(distribution: ReturnDistribution): DistributionSummary {
  const sigma = volatilitiesAnnual(distribution);
  const byAsset = (values: Float64Array): Record<string, number> =>
    Object.fromEntries(distribution.assets.map((asset, i) => [asset, values[i]!]));
  return {
    assets: [...distribution.assets],
    mu: byAsset(distribution.mu),
    covariance: toRows(distribution.covariance),
    volatility: byAsset(sigma),
    correlation: correlationRows(distribution),
    method: distribution.method,
    window: distribution.window,
    frequency: distribution.frequency,
    warnings: [...distribution.warnings],
    inputsHash: distribution.inputsHash,
  };
}
