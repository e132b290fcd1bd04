/**
 * James-Stein (Efron-Morris) shrinkage of historical mean returns toward their grand mean,
 * positive-part version. With N assets, T per-period observations, sample means m_i, sample
 * variances s_i² (n − 1):
 *
 *   m̄ = (1/N) Σ_i m_i                         grand mean (the shrinkage target)
 *   v = (1/N) Σ_i s_i² / T                    pooled variance of one sample mean
 *   D = Σ_i (m_i − m̄)²                        cross-sectional dispersion of the means
 *   c = min(1, max(0, (N − 3) · v / D))        shrinkage intensity (c = 1 when D = 0)
 *   μ_i = k · (m̄ + (1 − c)(m_i − m̄))          annualised with k = periodsPerYear
 *
 * c = 0 keeps the sample means, c = 1 gives every asset the grand mean. The N − 3 factor is
 * Stein's for a target estimated from the data; with N ≤ 3 shrinkage does not dominate, so
 * c = 0 and a warning is returned. The pooled v assumes similar noise across assets (the
 * Efron-Morris equal-variance case). The intensity is scale-free, so it is the same on
 * per-period or annual figures.
 *
 * References: B. Efron & C. Morris (1973), "Stein's estimation rule and its competitors — an
 * empirical Bayes approach", JASA 68(341); P. Jorion (1986), "Bayes-Stein estimation for
 * portfolio analysis", JFQA 21(3).
 */

import type { AlignedTable } from '../series/align-common.ts';
import { warning, type Warning } from '../warnings.ts';
import {
  assertPeriodsPerYear,
  assertReturnPanel,
  columnMean,
  columnVariance,
} from './mean-input.ts';

/** Options of {@link jamesSteinMeanReturns}. */
export interface ShrinkageMeanOptions {
  /** Return periods per year. */
  readonly periodsPerYear: number;
}

/** Shrunk annual means with the intensity used and the target. */
export interface ShrinkageMeanResult {
  /** Annual expected returns per asset (decimals), panel order. */
  readonly muAnnual: Float64Array;
  /** Shrinkage intensity c ∈ [0, 1]. */
  readonly intensity: number;
  /** Grand mean k · m̄ (annual decimal), the shrinkage target. */
  readonly grandMeanAnnual: number;
  /** Why the estimate may be unexpected (e.g. too few assets to shrink). */
  readonly warnings: readonly Warning[];
}

/** James-Stein positive-part means toward the grand mean; needs T ≥ 2. See the module comment. */
export function jamesSteinMeanReturns(
  returns: AlignedTable,
  options: ShrinkageMeanOptions,
): ShrinkageMeanResult {
  assertPeriodsPerYear(options.periodsPerYear);
  assertReturnPanel(returns, { minObservations: 2, estimator: 'James-Stein mean' });
  const n = returns.columns.length;
  const t = returns.dates.length;
  const means = Float64Array.from(returns.columns, columnMean);
  const grand = columnMean(means);
  let pooled = 0;
  for (const column of returns.columns) pooled += columnVariance(column);
  const meanNoise = pooled / n / t;
  let dispersion = 0;
  for (const m of means) dispersion += (m - grand) ** 2;
  const warnings: Warning[] = [];
  let intensity: number;
  if (n <= 3) {
    intensity = 0;
    warnings.push(
      warning(
        'MEAN_SHRINKAGE_TOO_FEW_ASSETS',
        `James-Stein needs at least 4 assets to shrink; ${n} given, sample means kept`,
        { assets: n, required: 4 },
      ),
    );
  } else if (dispersion === 0) {
    intensity = 1;
  } else {
    intensity = Math.min(1, Math.max(0, ((n - 3) * meanNoise) / dispersion));
  }
  const k = options.periodsPerYear;
  const muAnnual = means.map((m) => k * (grand + (1 - intensity) * (m - grand)));
  return { muAnnual, intensity, grandMeanAnnual: k * grand, warnings };
}
