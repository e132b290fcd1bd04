/**
 * Univariate EWMA (RiskMetrics) variance, docs/conventions.md "Estimation":
 * σ²_{t+1} = λσ²_t + (1 − λ)r_t² with zero mean (J.P. Morgan/Reuters 1996, RiskMetrics —
 * Technical Document, §5.2.1; λ = 0.94 for daily data there).
 *
 * Seeding: σ²_{m+1} = s², the sample variance (n − 1 denominator, demeaned) of the first
 * m = `minPeriods` returns, i.e. the seed is the forecast for the first period after the seed
 * window; the recursion then runs over r_{m+1} … r_n and ends with the one-step forecast
 * σ²_{n+1}. Units: variance per period of the input returns (decimal², e.g. daily).
 * Missing data: none accepted — every return must be finite.
 */

import { BallastError, invalidInput } from '../errors.ts';

/** Options of {@link ewmaVariance}. */
export interface EwmaVarianceOptions {
  /** Decay λ ∈ (0, 1); larger λ = longer memory (half-life ln ½ / ln λ periods). */
  readonly lambda: number;
  /** Returns used to seed σ² with their sample variance (≥ 2). */
  readonly minPeriods: number;
}

/** The EWMA variance path and its one-step forecast. */
export interface EwmaVarianceResult {
  readonly lambda: number;
  readonly minPeriods: number;
  /**
   * Conditional variances σ²_t for t = m+1 … n+1 (1-based periods; length n − m + 1): entry k
   * is the forecast for period m + 1 + k made with returns up to period m + k.
   */
  readonly variances: Float64Array;
  /** σ²_{n+1}: variance forecast for the period after the last return (per period). */
  readonly nextVariance: number;
}

/** Throws `INVALID_INPUT` naming the first non-finite return. */
export function assertFiniteReturns(field: string, returns: ArrayLike<number>): void {
  for (let t = 0; t < returns.length; t++) {
    if (!Number.isFinite(returns[t]))
      throw invalidInput(`${field}[${t}]`, returns[t], 'must be finite');
  }
}

/** Sample variance (n − 1 denominator) of `x[from, to)`; caller guarantees to − from ≥ 2. */
export function sampleVariance(x: ArrayLike<number>, from = 0, to = x.length): number {
  let mean = 0;
  for (let t = from; t < to; t++) mean += x[t]!;
  mean /= to - from;
  let ss = 0;
  for (let t = from; t < to; t++) ss += (x[t]! - mean) ** 2;
  return ss / (to - from - 1);
}

/**
 * EWMA variance of a return series (see the module note for the seeding convention).
 * Throws `INVALID_INPUT` for λ ∉ (0, 1), a non-integer minPeriods < 2 or a non-finite return,
 * and `INSUFFICIENT_DATA` when there are fewer than `minPeriods` returns.
 */
export function ewmaVariance(
  returns: ArrayLike<number>,
  options: EwmaVarianceOptions,
): EwmaVarianceResult {
  const { lambda, minPeriods } = options;
  if (!(lambda > 0 && lambda < 1)) throw invalidInput('lambda', lambda, 'must be in (0, 1)');
  if (!Number.isInteger(minPeriods) || minPeriods < 2) {
    throw invalidInput('minPeriods', minPeriods, 'must be an integer ≥ 2');
  }
  assertFiniteReturns('returns', returns);
  const n = returns.length;
  if (n < minPeriods) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `EWMA variance needs at least minPeriods = ${minPeriods} returns, got ${n}`,
      { observations: n, required: minPeriods },
    );
  }
  const variances = new Float64Array(n - minPeriods + 1);
  let v = sampleVariance(returns, 0, minPeriods);
  variances[0] = v;
  for (let t = minPeriods; t < n; t++) {
    v = lambda * v + (1 - lambda) * returns[t]! ** 2;
    variances[t - minPeriods + 1] = v;
  }
  return { lambda, minPeriods, variances, nextVariance: v };
}
