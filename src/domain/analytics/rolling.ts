/**
 * Rolling (trailing-window) metrics over a per-period simple return series. Entry j of each
 * output covers the N periods ending at period j + N − 1 (length n − N + 1; empty when n < N),
 * so output j belongs to the date of period j + N − 1. Same conventions as the whole-sample
 * measures (PerformanceAnalytics `apply.rolling`, empyrical `roll_*`).
 */

import { invalidInput } from '../errors.ts';
import { checkPeriodsPerYear } from './annualize.ts';

/** Window N (≥ 2) and k. */
export interface RollingOptions {
  readonly window: number;
  readonly periodsPerYear: number;
  /** Per-period risk-free rate for the rolling Sharpe (default 0). */
  readonly riskFreePerPeriod?: number;
}

function windows(n: number, window: number): number {
  if (!(Number.isInteger(window) && window >= 2))
    throw invalidInput('window', window, 'must be an integer ≥ 2');
  return Math.max(0, n - window + 1);
}

/** Compounded return over each window, Π(1 + r) − 1 (not annualised). */
export function rollingReturn(returns: ArrayLike<number>, options: RollingOptions): Float64Array {
  const { window } = options;
  const out = new Float64Array(windows(returns.length, window));
  for (let j = 0; j < out.length; j++) {
    let g = 1;
    for (let i = j; i < j + window; i++) g *= 1 + returns[i]!;
    out[j] = g - 1;
  }
  return out;
}

/**
 * Windowed mean and n − 1 variance of x, and covariance with y when given, by sliding sums of
 * deviations from the first value (shifted data keep the cancellation error small for returns).
 */
function slidingMoments(
  x: ArrayLike<number>,
  window: number,
  y: ArrayLike<number> = x,
): {
  mean: Float64Array;
  variance: Float64Array;
  covariance: Float64Array;
  varianceY: Float64Array;
} {
  const count = windows(x.length, window);
  const res = {
    mean: new Float64Array(count),
    variance: new Float64Array(count),
    covariance: new Float64Array(count),
    varianceY: new Float64Array(count),
  };
  const sx = x[0] ?? 0;
  const sy = y[0] ?? 0;
  let a = 0; // Σ(x − sx)
  let b = 0; // Σ(y − sy)
  let aa = 0;
  let ab = 0;
  let bb = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - sx;
    const dy = y[i]! - sy;
    a += dx;
    b += dy;
    aa += dx * dx;
    ab += dx * dy;
    bb += dy * dy;
    if (i >= window) {
      const ox = x[i - window]! - sx;
      const oy = y[i - window]! - sy;
      a -= ox;
      b -= oy;
      aa -= ox * ox;
      ab -= ox * oy;
      bb -= oy * oy;
    }
    const j = i - window + 1;
    if (j < 0) continue;
    res.mean[j] = sx + a / window;
    res.variance[j] = Math.max(0, (aa - (a * a) / window) / (window - 1));
    res.covariance[j] = (ab - (a * b) / window) / (window - 1);
    res.varianceY[j] = Math.max(0, (bb - (b * b) / window) / (window - 1));
  }
  return res;
}

/** Annualised volatility of each window: stdev (n − 1) × √k. */
export function rollingVolatility(
  returns: ArrayLike<number>,
  options: RollingOptions,
): Float64Array {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  return slidingMoments(returns, options.window).variance.map((v) => Math.sqrt(v * k));
}

/** Annualised Sharpe of each window, (mean − rf)/stdev·√k; NaN on a zero-variance window. */
export function rollingSharpe(returns: ArrayLike<number>, options: RollingOptions): Float64Array {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  const rf = options.riskFreePerPeriod ?? 0;
  const m = slidingMoments(returns, options.window);
  return m.mean.map((mu, j) => {
    const sd = Math.sqrt(m.variance[j]!);
    return sd > 0 ? ((mu - rf) / sd) * Math.sqrt(k) : Number.NaN;
  });
}

/** Beta of each window, cov(r, b)/var(b); NaN on a constant-benchmark window. */
export function rollingBeta(
  input: { readonly returns: ArrayLike<number>; readonly benchmark: ArrayLike<number> },
  options: RollingOptions,
): Float64Array {
  if (input.returns.length !== input.benchmark.length)
    throw invalidInput('benchmark', input.benchmark.length, 'must align with returns');
  const m = slidingMoments(input.returns, options.window, input.benchmark);
  return m.covariance.map((c, j) => (m.varianceY[j]! > 0 ? c / m.varianceY[j]! : Number.NaN));
}

/**
 * Maximum drawdown inside each window, on the window's wealth path including its start value
 * (the value before the window's first period). O(n·N).
 */
export function rollingMaxDrawdown(
  returns: ArrayLike<number>,
  options: RollingOptions,
): Float64Array {
  const { window } = options;
  const out = new Float64Array(windows(returns.length, window));
  for (let j = 0; j < out.length; j++) {
    let wealth = 1;
    let peak = 1;
    let depth = 0;
    for (let i = j; i < j + window; i++) {
      wealth *= 1 + returns[i]!;
      if (wealth > peak) peak = wealth;
      else depth = Math.max(depth, 1 - wealth / peak);
    }
    out[j] = depth;
  }
  return out;
}
