/**
 * Value at risk and conditional value at risk of a per-period simple return series at
 * confidence α (0.95 → the 5 % left tail). All figures are per-period LOSSES: positive = loss.
 */

import { checkConfidence, tailRisk } from '../measures/tail-risk.ts';
import {
  centralMoment,
  excessKurtosis,
  mean,
  sampleStdev,
  skewness,
  type MomentConvention,
} from './moments.ts';
import { normalPdf, normalQuantile } from './normal-distribution.ts';

/**
 * The p-quantile of `values` with linear interpolation between order statistics: h = (n−1)p,
 * x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)) (Hyndman & Fan type 7, numpy/R default).
 */
export function quantileLinear(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Historical VaR: −quantile(r, 1 − α), type-7 linear interpolation (empyrical `value_at_risk`). */
export function varHistorical(returns: ArrayLike<number>, confidence: number): number {
  return -quantileLinear(returns, 1 - checkConfidence(confidence));
}

/**
 * Historical CVaR (expected shortfall, tail mean): −mean(r_t | r_t ≤ −VaR_hist), the mean of
 * the losses at or beyond the type-7 VaR (docs/conventions.md; empyrical `conditional_value_at_risk`
 * uses the same tail r ≤ quantile).
 */
export function cvarHistorical(returns: ArrayLike<number>, confidence: number): number {
  const cut = -varHistorical(returns, confidence);
  let s = 0;
  let count = 0;
  for (let i = 0; i < returns.length; i++) {
    if (returns[i]! <= cut) {
      s += returns[i]!;
      count++;
    }
  }
  return -s / count;
}

/**
 * Lower empirical VaR: the loss of the k-th worst period, k = ⌈(1 − α)n⌉ (Hyndman & Fan type
 * 1; the reference's `var_hist_lower_empirical`). (1 − α)n is rounded to 1e-9 before the
 * ceiling so that α = 0.95, n = 60 gives k = 3 although 1 − 0.95 is 0.05000000000000004 in
 * binary (the reference counts 3 too).
 */
export function varHistoricalLowerEmpirical(
  returns: ArrayLike<number>,
  confidence: number,
): number {
  const sorted = Float64Array.from(returns).sort();
  const tail = (1 - checkConfidence(confidence)) * sorted.length;
  const k = Math.max(1, Math.ceil(Math.round(tail * 1e9) / 1e9));
  return -sorted[Math.min(k, sorted.length) - 1]!;
}

/**
 * Rockafellar-Uryasev CVaR: min_ζ ζ + mean(max(−r − ζ, 0))/(1 − α), the mean of the worst
 * (1 − α)n periods counting the boundary period fractionally (fPortfolio `cvarRisk`; the
 * min-CVaR LP objective, shared with `measures/tail-risk.ts`).
 */
export function cvarRockafellarUryasev(returns: ArrayLike<number>, confidence: number): number {
  return tailRisk(
    Array.from(returns, (r) => -r),
    confidence,
  ).conditionalValueAtRisk;
}

/**
 * Gaussian (parametric normal) VaR: −(μ + z_{1−α}·s) with μ the mean, s the n − 1 standard
 * deviation, z = Φ⁻¹(1 − α) (PerformanceAnalytics `VaR(method = "gaussian")`).
 */
export function varGaussian(returns: ArrayLike<number>, confidence: number): number {
  const z = normalQuantile(1 - checkConfidence(confidence));
  return -(mean(returns) + z * sampleStdev(returns));
}

/**
 * Gaussian CVaR (expected shortfall): −μ + s·φ(z_{1−α})/(1 − α) (PerformanceAnalytics
 * `ES(method = "gaussian")`).
 */
export function cvarGaussian(returns: ArrayLike<number>, confidence: number): number {
  const z = normalQuantile(1 - checkConfidence(confidence));
  return -mean(returns) + (sampleStdev(returns) * normalPdf(z)) / (1 - confidence);
}

/** Moments convention of the Cornish-Fisher expansion (default `fbasics`, PerformanceAnalytics). */
export interface CornishFisherOptions {
  readonly confidence: number;
  readonly moments?: MomentConvention;
}

/**
 * Cornish-Fisher quantile z_cf = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36 with
 * z = Φ⁻¹(1 − α), S the skewness and K the excess kurtosis (Zangari 1996; Favre & Galeano 2002).
 */
export function cornishFisherQuantile(z: number, moments: { skew: number; kurt: number }): number {
  const { skew: s, kurt: k } = moments;
  return (
    z + ((z * z - 1) * s) / 6 + ((z ** 3 - 3 * z) * k) / 24 - ((2 * z ** 3 - 5 * z) * s * s) / 36
  );
}

/**
 * Cornish-Fisher (modified) VaR: −(μ + z_cf·s), s the n − 1 standard deviation. Default
 * moments `fbasics` (m3/s³, m4/s⁴ − 3: PerformanceAnalytics `VaR(method = "modified")`, the
 * reference's `var_cornish_fisher`); `population` gives `var_cornish_fisher_population_moments`.
 */
export function varCornishFisher(
  returns: ArrayLike<number>,
  options: CornishFisherOptions,
): number {
  const convention = options.moments ?? 'fbasics';
  const z = normalQuantile(1 - checkConfidence(options.confidence));
  const zcf = cornishFisherQuantile(z, {
    skew: skewness(returns, convention),
    kurt: excessKurtosis(returns, convention),
  });
  return -(mean(returns) + zcf * sampleStdev(returns));
}

/** Options of {@link cvarCornishFisher}. */
export interface ModifiedExpectedShortfallOptions {
  readonly confidence: number;
  /**
   * true (default, PerformanceAnalytics `operational = TRUE`): floor the tail mean at the
   * Cornish-Fisher quantile so that CVaR ≥ the modified VaR; false: the raw Edgeworth tail mean.
   */
  readonly operational?: boolean;
}

/**
 * The mean of a standardised variable below h under the second-order Edgeworth density
 * φ(z)[1 + S·He₃(z)/6 + K·He₄(z)/24 + S²·He₆(z)/72], divided by the tail probability α:
 * E_G = −φ(h)[1 + h³S/6 + (h⁶ − 9h⁴ + 9h² + 3)S²/72 + (h⁴ − 2h² − 1)K/24] / α
 * (Boudt, Peterson & Croux 2008, appendix; PerformanceAnalytics `operES.CornishFisher`).
 */
export function edgeworthTailMean(
  h: number,
  moments: { skew: number; kurt: number; alpha: number },
): number {
  const { skew: s, kurt: k, alpha } = moments;
  const h2 = h * h;
  const bracket =
    1 +
    (h2 * h * s) / 6 +
    ((h2 ** 3 - 9 * h2 * h2 + 9 * h2 + 3) * s * s) / 72 +
    ((h2 * h2 - 2 * h2 - 1) * k) / 24;
  return (-normalPdf(h) * bracket) / alpha;
}

/**
 * Cornish-Fisher (modified) CVaR / expected shortfall of Boudt, Peterson & Croux (2008,
 * "Estimation and decomposition of downside risk for portfolios with non-normal returns",
 * Journal of Risk 11(2)), as PerformanceAnalytics `ES(method = "modified")` with its default
 * `operational = TRUE` (`operES.CornishFisher`, R/PortfolioRisk.R):
 * - population moments m_p = Σ(r − r̄)^p/n, skew S = m3/m2^1.5, excess kurtosis K = m4/m2² − 3,
 *   scale σ = √m2 (divisor n — unlike {@link varCornishFisher}, which uses the n − 1 stdev);
 *   S = K = 0 when m2 = 0 (PerformanceAnalytics `.skewEst` / `.kurtEst`);
 * - α = 1 − confidence, z = Φ⁻¹(α), h = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36;
 * - E_G = {@link edgeworthTailMean}(h), the Edgeworth tail mean of the standardised return;
 * - CVaR = −r̄ − σ·min(E_G, h): the floor keeps it at or above the modified VaR −r̄ − σh
 *   (`operational = false` gives −r̄ − σ·E_G, PerformanceAnalytics `ES.CornishFisher`).
 * Per-period loss, positive = loss; equals the Gaussian CVaR −r̄ + σφ(z)/α when S = K = 0.
 */
export function cvarCornishFisher(
  returns: ArrayLike<number>,
  options: ModifiedExpectedShortfallOptions,
): number {
  const alpha = 1 - checkConfidence(options.confidence);
  const z = normalQuantile(alpha);
  const m2 = centralMoment(returns, 2);
  const skew = m2 > 0 ? centralMoment(returns, 3) / m2 ** 1.5 : 0;
  const kurt = m2 > 0 ? centralMoment(returns, 4) / (m2 * m2) - 3 : 0;
  const h = cornishFisherQuantile(z, { skew, kurt });
  const tail = edgeworthTailMean(h, { skew, kurt, alpha });
  const standardised = options.operational === false ? tail : Math.min(tail, h);
  return -mean(returns) - Math.sqrt(m2) * standardised;
}
