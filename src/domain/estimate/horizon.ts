/**
 * Multi-period variance forecasts and annualisation (docs/conventions.md "Estimation"
 * "Horizon"). A forecast made at the end of period t gives the step variances
 * σ²_{t+1}, …, σ²_{t+h}; the variance of the sum of the next h returns (log returns add;
 * for simple returns it is the usual approximation) is their sum, since the conditional
 * covariances of a zero-mean GARCH/EWMA model are zero.
 *
 * - Flat models (sample variance, EWMA): σ²_{t+k} = σ²_{t+1} for every k, so the h-step
 *   variance is h·σ²_{t+1}.
 * - GARCH(1,1) (Bollerslev 1986): σ²_{t+k} = V_L + (α+β)^{k−1}(σ²_{t+1} − V_L) with
 *   V_L = ω/(1 − α − β); computed by the equivalent recursion σ²_{t+k+1} = ω + (α+β)σ²_{t+k},
 *   which stays valid at α+β = 1 (IGARCH: σ²_{t+k} = σ²_{t+1} + (k−1)ω).
 *
 * Units: variances are per period of the data (decimal²); annualised figures say so in their
 * name and take `periodsPerYear` explicitly (252, 52, 12, 4, 1).
 */

import { invalidInput } from '../errors.ts';

/** GARCH(1,1) parameters and the one-step-ahead variance they forecast from. */
export interface GarchForecastState {
  readonly omega: number;
  readonly alpha: number;
  readonly beta: number;
  /** σ²_{t+1}, per period. */
  readonly nextVariance: number;
}

/** The state a variance forecast is made from: a flat model or a GARCH(1,1). */
export type VarianceForecastModel =
  | { readonly kind: 'flat'; readonly nextVariance: number }
  | ({ readonly kind: 'garch' } & GarchForecastState);

function assertHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw invalidInput('horizon', horizon, 'must be an integer number of periods ≥ 1');
  }
}

/** σ²_{t+h} of a GARCH(1,1): V_L + (α+β)^{h−1}(σ²_{t+1} − V_L); h ≥ 1 (h = 1 gives σ²_{t+1}). */
export function garchStepVariance(state: GarchForecastState, horizon: number): number {
  return stepVariances({ kind: 'garch', ...state }, horizon)[horizon - 1]!;
}

/** Step variances σ²_{t+1}, …, σ²_{t+h} (length h, per period). Throws `INVALID_INPUT` for h < 1. */
export function stepVariances(model: VarianceForecastModel, horizon: number): Float64Array {
  assertHorizon(horizon);
  const out = new Float64Array(horizon);
  if (model.kind === 'flat') return out.fill(model.nextVariance);
  const persistence = model.alpha + model.beta;
  let v = model.nextVariance;
  for (let k = 0; k < horizon; k++) {
    out[k] = v;
    v = model.omega + persistence * v;
  }
  return out;
}

/** Variance over h periods = Σ of the step variances (the units of one period × h). */
export function cumulativeVariance(steps: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < steps.length; k++) total += steps[k]!;
  return total;
}

/** Variance of the sum of the next h returns under `model`: Σ_{k=1..h} σ²_{t+k}. */
export function horizonVariance(model: VarianceForecastModel, horizon: number): number {
  return cumulativeVariance(stepVariances(model, horizon));
}

function assertPeriods(periodsPerYear: number): void {
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    throw invalidInput('periodsPerYear', periodsPerYear, 'must be a finite number above 0');
  }
}

/** Annual variance from a per-period variance: σ²·periodsPerYear (i.i.d. scaling). */
export function annualizeVariance(variancePerPeriod: number, periodsPerYear: number): number {
  assertPeriods(periodsPerYear);
  return variancePerPeriod * periodsPerYear;
}

/** Annual volatility from a per-period variance: √(σ²·periodsPerYear). */
export function volatilityAnnual(variancePerPeriod: number, periodsPerYear: number): number {
  return Math.sqrt(annualizeVariance(variancePerPeriod, periodsPerYear));
}

/**
 * Annualised average variance over a horizon: (Σ_{k=1..h} σ²_{t+k} / h)·periodsPerYear — the
 * annual variance rate implied by an h-period forecast (equals annualizeVariance for flat models).
 */
export function horizonVarianceAnnual(
  model: VarianceForecastModel,
  options: { readonly horizon: number; readonly periodsPerYear: number },
): number {
  return annualizeVariance(
    horizonVariance(model, options.horizon) / options.horizon,
    options.periodsPerYear,
  );
}
