/**
 * Loss functions for variance forecasts (docs/conventions.md "Estimation"; Patton 2011, "Volatility
 * forecast comparison using imperfect volatility proxies", J. Econometrics 160(1)).
 *
 * Both take the realised variance proxy σ̂² (here the sum of squared returns over the h
 * forecast periods) and the forecast σ² of the variance of the sum of those h returns — the
 * same scale, in decimal².
 *
 * - QLIKE (primary): L = σ̂²/σ² − ln(σ̂²/σ²) − 1. This is Patton's QLIKE σ̂²/σ² + ln σ² shifted
 *   by the forecast-independent term −ln σ̂² − 1 so that L ≥ 0 with L = 0 iff σ² = σ̂²; the
 *   ranking of forecasts is identical. It depends on the ratio only, so it is scale-invariant
 *   (L(cσ̂², cσ²) = L(σ̂², σ²)): losses are comparable across assets, horizons and frequencies,
 *   and robust to the noise in the proxy (Patton 2011, Prop. 1). It penalises
 *   under-prediction more than over-prediction, so it never rewards risk that merely looks small.
 * - MSE: (σ̂² − σ²)²; also robust to proxy noise but scale-dependent (decimal⁴): compare it only
 *   within one asset and horizon, never across horizons.
 */

import { invalidInput } from '../../errors.ts';

function assertPair(realised: number, forecast: number): void {
  if (!(realised >= 0) || !Number.isFinite(realised)) {
    throw invalidInput('realisedVariance', realised, 'must be finite and ≥ 0');
  }
  if (!(forecast > 0) || !Number.isFinite(forecast)) {
    throw invalidInput('forecastVariance', forecast, 'must be finite and > 0');
  }
}

/** QLIKE loss σ̂²/σ² − ln(σ̂²/σ²) − 1 (≥ 0, 0 iff equal; +∞ when σ̂² = 0). */
export function qlike(realised: number, forecast: number): number {
  assertPair(realised, forecast);
  const ratio = realised / forecast;
  return ratio === 0 ? Infinity : ratio - Math.log(ratio) - 1;
}

/** Squared error (σ̂² − σ²)², in decimal⁴ on the scale of the h-period variance. */
export function squaredError(realised: number, forecast: number): number {
  assertPair(realised, forecast);
  return (realised - forecast) ** 2;
}
