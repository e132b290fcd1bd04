/**
 * Multivariate Student t fitted by maximum likelihood in its degrees of freedom ν (docs/
 * simulate.md, "student-t"). Location μ = the sample mean and scale S = Σ·(ν − 2)/ν with Σ the
 * sample covariance (n − 1), so the fitted t has exactly the sample covariance for every ν;
 * ν alone is chosen to maximise the log-likelihood
 *
 *   ℓ(ν) = n[lnΓ((ν+k)/2) − lnΓ(ν/2) − (k/2)·ln(π(ν − 2))] − (n/2)·ln|Σ|
 *          − ((ν+k)/2)·Σ_t ln(1 + m_t/(ν − 2)),   m_t = (x_t − μ)ᵀ Σ⁻¹ (x_t − μ),
 *
 * (the t density with d_t/ν = m_t/(ν − 2)), over ν ∈ [2.05, 1000]: a grid of 200 points evenly
 * spaced in ln(ν − 2), then golden-section search between the best point's neighbours.
 * ν at the upper end means the data are as thin-tailed as a normal.
 */

import { invalidInput } from '../errors.ts';

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error ~1e-15). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Squared Mahalanobis distances m_t and ln|Σ| from a positive-definite factor L (LLᵀ = Σ). */
function mahalanobis(
  columns: readonly ArrayLike<number>[],
  mean: Float64Array,
  lower: Float64Array,
): { m: Float64Array; logDet: number } {
  const k = columns.length;
  const n = columns[0]!.length;
  let logDet = 0;
  for (let i = 0; i < k; i++) {
    const d = lower[i * k + i]!;
    if (!(d > 0))
      throw invalidInput(
        'returns',
        columns.length,
        'student-t needs a positive-definite sample covariance (no constant or collinear columns)',
      );
    logDet += 2 * Math.log(d);
  }
  const m = new Float64Array(n);
  const y = new Float64Array(k);
  for (let t = 0; t < n; t++) {
    let s = 0;
    for (let i = 0; i < k; i++) {
      let v = columns[i]![t]! - mean[i]!;
      for (let j = 0; j < i; j++) v -= lower[i * k + j]! * y[j]!;
      y[i] = v / lower[i * k + i]!;
      s += y[i]! * y[i]!;
    }
    m[t] = s;
  }
  return { m, logDet };
}

/** ℓ(ν) of the module comment. */
function logLikelihood(
  nu: number,
  k: number,
  { m, logDet }: { m: Float64Array; logDet: number },
): number {
  const n = m.length;
  let s = 0;
  for (let t = 0; t < n; t++) s += Math.log1p(m[t]! / (nu - 2));
  return (
    n * (lnGamma((nu + k) / 2) - lnGamma(nu / 2) - (k / 2) * Math.log(Math.PI * (nu - 2))) -
    (n / 2) * logDet -
    ((nu + k) / 2) * s
  );
}

/** Lowest and highest ν searched. */
export const DF_RANGE = [2.05, 1000] as const;

/**
 * The maximum-likelihood ν of `columns` given their sample mean and the lower factor of their
 * sample covariance (module comment). INVALID_INPUT when Σ is singular.
 */
export function fitStudentTDf(
  columns: readonly ArrayLike<number>[],
  mean: Float64Array,
  lower: Float64Array,
): number {
  const k = columns.length;
  const distances = mahalanobis(columns, mean, lower);
  const f = (x: number): number => logLikelihood(2 + Math.exp(x), k, distances);
  const lo = Math.log(DF_RANGE[0] - 2);
  const hi = Math.log(DF_RANGE[1] - 2);
  const steps = 200;
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const v = f(lo + ((hi - lo) * i) / steps);
    if (v > bestValue) [best, bestValue] = [i, v];
  }
  let a = lo + ((hi - lo) * Math.max(0, best - 1)) / steps;
  let b = lo + ((hi - lo) * Math.min(steps, best + 1)) / steps;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let it = 0; it < 200 && b - a > 1e-9; it++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return 2 + Math.exp((a + b) / 2);
}
