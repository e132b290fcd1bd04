/**
 * The tax model of asset location (docs/asset-location.md, "Tax model"): the yearly tax drag
 * of an exposure held in a taxable account and the after-tax value at the horizon of $1 placed
 * in an account.
 *
 * Drag per $1 of exposure k in a taxable account (decimal per year):
 *
 *   drag_k = y_k (1 − q_k) t_ord + y_k q_k t_qual + τ_k g_k t_cg
 *
 * with y the yield, q its qualified share, τ the turnover and g the realised-gain share of the
 * value turned over. A fund with economic exposures e_fk (per $1 of NAV, several for a levered
 * or return-stacked fund) has return r_f = Σ_k e_fk r_k and drag d_f = Σ_k e_fk drag_k: every
 * exposure counts (the financing cost of embedded leverage is already in the exposures'
 * returns as the fund definitions state it, config/funds.yaml).
 *
 * After-tax value at horizon H of $1 (statement dollar) placed in fund f:
 *
 *   taxable      (1 + r_f − d_f)^H         (drag paid every year from the fund, no tax at H)
 *   roth         (1 + r_f)^H
 *   traditional  (1 − t_w) (1 + r_f)^H     (the whole balance withdrawn and taxed at H)
 *
 * The taxable line leaves unrealised gains untaxed at H (held on, or stepped up); turnover
 * realises gains yearly through drag_k.
 */

import { invalidInput } from '../errors.ts';
import type { AccountTaxType, ExposureProfile, LocationTaxRates } from './types.ts';

/** Tax drag per $1 of an exposure in a taxable account (decimal per year; module comment). */
export function exposureTaxDrag(profile: ExposureProfile, rates: LocationTaxRates): number {
  const y = profile.yieldAnnual;
  const q = profile.qualifiedShare;
  return (
    y * (1 - q) * rates.ordinaryRate +
    y * q * rates.qualifiedRate +
    profile.turnoverAnnual * profile.realisedGainShare * rates.capitalGainsRate
  );
}

/** Return and drag per $1 of a mix of exposures (a fund's definition, or the target mix). */
export interface MixFigures {
  /** r = Σ_k e_k r_k, decimal per year. */
  readonly returnAnnual: number;
  /** d = Σ_k e_k drag_k, decimal per year. */
  readonly dragAnnual: number;
}

/**
 * Return and drag of `mix` (exposure id → economic exposure per $1). Throws INVALID_INPUT
 * naming `exposures.<id>` when an exposure of the mix has no profile.
 */
export function mixFigures(
  mix: Readonly<Record<string, number>>,
  profiles: Readonly<Record<string, ExposureProfile>>,
  rates: LocationTaxRates,
): MixFigures {
  let returnAnnual = 0;
  let dragAnnual = 0;
  for (const [k, e] of Object.entries(mix)) {
    if (e === 0) continue;
    const profile = profiles[k];
    if (profile === undefined)
      throw invalidInput(`exposures.${k}`, null, 'no return and tax profile for this exposure');
    returnAnnual += e * profile.expectedReturnAnnual;
    dragAnnual += e * exposureTaxDrag(profile, rates);
  }
  return { returnAnnual, dragAnnual };
}

/**
 * After-tax dollars at the horizon of $1 placed in an account of `type` holding a mix with
 * `figures` (module comment). Throws INVALID_INPUT naming `field` when the yearly growth
 * factor is not positive (a mix that loses everything within a year).
 */
export function afterTaxValuePerDollar(
  type: AccountTaxType,
  figures: MixFigures,
  spec: { readonly rates: LocationTaxRates; readonly field: string },
): number {
  const { rates } = spec;
  const growth = 1 + figures.returnAnnual - (type === 'taxable' ? figures.dragAnnual : 0);
  if (!(growth > 0))
    throw invalidInput(spec.field, growth, 'yearly growth factor 1 + r − drag must be positive');
  const value = growth ** rates.horizonYears;
  return type === 'traditional' ? (1 - rates.withdrawalRate) * value : value;
}
