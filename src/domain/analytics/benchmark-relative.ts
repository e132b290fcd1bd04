/**
 * Benchmark-relative measures of a per-period simple return series r against a benchmark b on
 * the SAME aligned periods (the caller aligns; equal lengths are required). Risk-free rates
 * are per period; annual figures say so.
 *
 * Which convention Ballast follows, where the peers differ (docs/analytics.md):
 * - alpha: Jensen's alpha, ANNUAL, from geometric annualised returns (PerformanceAnalytics
 *   `CAPM.jensenAlpha`) — not `CAPM.alpha`, the per-period OLS intercept (that one is
 *   `ballast factors`' `alpha`);
 * - tracking error: sample sd(r − b) × √k (PerformanceAnalytics `TrackingError`);
 * - information ratio: (R_p − R_b) / tracking error with geometric annualised returns
 *   (PerformanceAnalytics `InformationRatio` = `ActivePremium` / `TrackingError`);
 * - capture: ratio of ARITHMETIC means over the up / down periods of the benchmark
 *   (PerformanceAnalytics `UpDownRatios(method = "Capture")`) — not the geometric form of
 *   empyrical `up_capture` / `down_capture` (annualised returns of the subsets).
 */

import { invalidInput } from '../errors.ts';
import { annualizedReturn, checkPeriodsPerYear } from './annualize.ts';
import { mean, sampleStdev } from './moments.ts';

/** Portfolio and benchmark returns on the same periods. */
export interface RelativeInput {
  readonly returns: ArrayLike<number>;
  readonly benchmark: ArrayLike<number>;
}

function checkAligned(input: RelativeInput): number {
  const n = input.returns.length;
  if (n !== input.benchmark.length)
    throw invalidInput('benchmark', input.benchmark.length, `must have ${n} aligned periods`);
  return n;
}

/**
 * CAPM beta cov(r − rf, b − rf)/var(b − rf) (both n − 1; a constant rf cancels):
 * PerformanceAnalytics `CAPM.beta`, empyrical `beta`. Null when the benchmark is constant.
 */
export function beta(input: RelativeInput): number | null {
  const n = checkAligned(input);
  const mr = mean(input.returns);
  const mb = mean(input.benchmark);
  let cov = 0;
  let varB = 0;
  for (let i = 0; i < n; i++) {
    const db = input.benchmark[i]! - mb;
    cov += (input.returns[i]! - mr) * db;
    varB += db * db;
  }
  return varB > 0 ? cov / varB : null;
}

/** Options of {@link jensenAlpha}. */
export interface AlphaOptions {
  readonly periodsPerYear: number;
  /** Per-period risk-free rate (default 0). */
  readonly riskFreePerPeriod?: number;
}

/**
 * Jensen's alpha, ANNUALISED: R_p − R_f − β(R_b − R_f) where R_p, R_b are the geometric
 * annualised returns (Π(1+r))^(k/n) − 1 and R_f = (1 + rf)^k − 1 (PerformanceAnalytics
 * `CAPM.jensenAlpha`). Not PerformanceAnalytics `CAPM.alpha` (the per-period intercept
 * r̄ − β b̄ of the excess-return regression). Null when beta is undefined.
 *
 * @example
 * ```ts
 * // r = (0.03, −0.01, 0.02, −0.02), b = (0.02, −0.02, 0.01, −0.01), monthly: β = 1.2,
 * // R_p = 1.01929212³ − 1, R_b = 0.99950004³ − 1 → 0.0607990542311726
 * jensenAlpha({ returns: r, benchmark: b }, { periodsPerYear: 12 });
 * ```
 */
export function jensenAlpha(input: RelativeInput, options: AlphaOptions): number | null {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  const b = beta(input);
  if (b === null) return null;
  const rfAnnual = (1 + (options.riskFreePerPeriod ?? 0)) ** k - 1;
  const rp = annualizedReturn(input.returns, k);
  const rb = annualizedReturn(input.benchmark, k);
  return rp - rfAnnual - b * (rb - rfAnnual);
}

function activeReturns(input: RelativeInput): Float64Array {
  const n = checkAligned(input);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = input.returns[i]! - input.benchmark[i]!;
  return out;
}

/**
 * Annualised tracking error stdev(r − b)·√k, n − 1 divisor (PerformanceAnalytics
 * `TrackingError`: sd × √scale). Example: r − b = (0.01, 0.01, 0.01, −0.01) monthly has sd 0.01
 * and a tracking error of 0.01·√12 = 0.0346.
 */
export function trackingError(input: RelativeInput, periodsPerYear: number): number {
  return sampleStdev(activeReturns(input)) * Math.sqrt(checkPeriodsPerYear(periodsPerYear));
}

/**
 * Information ratio: active premium / tracking error, the active premium being the
 * difference of geometric annualised returns R_p − R_b (PerformanceAnalytics
 * `InformationRatio` / `ActivePremium`). Null on zero tracking error.
 */
export function informationRatio(input: RelativeInput, periodsPerYear: number): number | null {
  const te = trackingError(input, periodsPerYear);
  const premium =
    annualizedReturn(input.returns, periodsPerYear) -
    annualizedReturn(input.benchmark, periodsPerYear);
  return te > 0 ? premium / te : null;
}

/** Up- and down-market capture ratios. */
export interface CaptureRatios {
  /** mean(r | b > 0) / mean(b | b > 0); null without an up period. */
  readonly upCapture: number | null;
  /** mean(r | b < 0) / mean(b | b < 0); null without a down period. */
  readonly downCapture: number | null;
}

/**
 * Up/down capture with arithmetic means over the periods where the benchmark rose / fell
 * (PerformanceAnalytics `UpDownRatios(method = "Capture")`; periods with b = 0 are in
 * neither): the ratio of means, never the geometric form. empyrical's `up_capture` uses
 * annualised returns of the subsets instead, which gives a different number (e.g. 1.76 instead
 * of 5/3 on r = (0.03, 0.02), b = (0.02, 0.01)).
 */
export function captureRatios(input: RelativeInput): CaptureRatios {
  const n = checkAligned(input);
  const acc = { upR: 0, upB: 0, up: 0, downR: 0, downB: 0, down: 0 };
  for (let i = 0; i < n; i++) {
    const b = input.benchmark[i]!;
    const r = input.returns[i]!;
    if (b > 0) {
      acc.upR += r;
      acc.upB += b;
      acc.up++;
    } else if (b < 0) {
      acc.downR += r;
      acc.downB += b;
      acc.down++;
    }
  }
  return {
    upCapture: acc.up > 0 ? acc.upR / acc.upB : null,
    downCapture: acc.down > 0 ? acc.downR / acc.downB : null,
  };
}
