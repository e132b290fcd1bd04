/**
 * Sample moments of a per-period return series: mean, standard deviation (divisor n − 1),
 * skewness and excess kurtosis in the three conventions the peers use. Inputs are plain
 * decimal returns (no missing values: the caller aligns first).
 */

/** Which estimator of skewness / excess kurtosis. */
export type MomentConvention = 'sampleAdjusted' | 'population' | 'fbasics';

/** Arithmetic mean Σr/n (NaN for an empty series). */
export function mean(returns: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < returns.length; i++) s += returns[i]!;
  return s / returns.length;
}

/** Central moment m_p = Σ(r − r̄)^p / n (population divisor). */
export function centralMoment(returns: ArrayLike<number>, power: number): number {
  const m = mean(returns);
  let s = 0;
  const n = returns.length;
  // Integer powers by multiplication: `**` with a variable exponent is a call to pow, and the
  // metric set takes these moments many times (a backtest sweep computes thousands of sets).
  if (power === 2)
    for (let i = 0; i < n; i++) {
      const d = returns[i]! - m;
      s += d * d;
    }
  else if (power === 3)
    for (let i = 0; i < n; i++) {
      const d = returns[i]! - m;
      s += d * d * d;
    }
  else if (power === 4)
    for (let i = 0; i < n; i++) {
      const d = returns[i]! - m;
      const d2 = d * d;
      s += d2 * d2;
    }
  else for (let i = 0; i < n; i++) s += (returns[i]! - m) ** power;
  return s / n;
}

/**
 * Sample standard deviation with divisor n − 1 (numpy `std(ddof=1)`, R `sd`,
 * PerformanceAnalytics `StdDev`). NaN for n < 2.
 */
export function sampleStdev(returns: ArrayLike<number>): number {
  const n = returns.length;
  if (n < 2) return Number.NaN;
  return Math.sqrt((centralMoment(returns, 2) * n) / (n - 1));
}

/**
 * Skewness of `returns`:
 * - `sampleAdjusted` (default): G1 = g1·√(n(n−1))/(n−2), g1 = m3/m2^1.5 (Excel SKEW, scipy
 *   `skew(bias=False)`, PerformanceAnalytics `skewness(method = "sample")`); needs n ≥ 3;
 * - `population`: g1 = m3/m2^1.5 (scipy `skew` default, empyrical);
 * - `fbasics`: m3/s³ with s the n − 1 standard deviation (fBasics/timeDate `skewness`,
 *   PerformanceAnalytics `method = "moment"` as used by its Cornish-Fisher VaR).
 * NaN when the variance is zero or n is too small.
 */
export function skewness(
  returns: ArrayLike<number>,
  convention: MomentConvention = 'sampleAdjusted',
): number {
  const n = returns.length;
  const m2 = centralMoment(returns, 2);
  const m3 = centralMoment(returns, 3);
  if (!(m2 > 0)) return Number.NaN;
  const g1 = m3 / m2 ** 1.5;
  switch (convention) {
    case 'population':
      return g1;
    case 'sampleAdjusted':
      return n < 3 ? Number.NaN : (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
    case 'fbasics':
      return m3 / sampleStdev(returns) ** 3;
  }
}

/**
 * Excess kurtosis of `returns`:
 * - `sampleAdjusted` (default): G2 = ((n+1)g2 + 6)(n−1)/((n−2)(n−3)), g2 = m4/m2² − 3
 *   (Excel KURT, scipy `kurtosis(bias=False)`); needs n ≥ 4;
 * - `population`: g2 = m4/m2² − 3 (scipy `kurtosis` default, empyrical);
 * - `fbasics`: m4/s⁴ − 3 with s the n − 1 standard deviation (fBasics `kurtosis`,
 *   PerformanceAnalytics `method = "excess"`).
 * NaN when the variance is zero or n is too small.
 */
export function excessKurtosis(
  returns: ArrayLike<number>,
  convention: MomentConvention = 'sampleAdjusted',
): number {
  const n = returns.length;
  const m2 = centralMoment(returns, 2);
  const m4 = centralMoment(returns, 4);
  if (!(m2 > 0)) return Number.NaN;
  const g2 = m4 / (m2 * m2) - 3;
  switch (convention) {
    case 'population':
      return g2;
    case 'sampleAdjusted':
      return n < 4 ? Number.NaN : (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
    case 'fbasics':
      return m4 / sampleStdev(returns) ** 4 - 3;
  }
}
