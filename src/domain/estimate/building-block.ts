/**
 * Building-block expected returns from the risk-premium decomposition (docs/conventions.md "Returns",
 * `series/decomposition`): 1 + r = (1 + π)(1 + r_real_rf)(1 + p). With user-set annual
 * expectations for inflation π, the real cash return r_real_rf and each asset's premium p_i over
 * cash, the expected nominal return compounds the blocks exactly:
 *
 *   μ_i = (1 + π)(1 + r_real_rf)(1 + p_i) − 1
 *
 * (not the additive approximation π + r_real_rf + p_i: at π = 2 %, r_real_rf = 1 %, p = 4 %
 * the exact value is 1.02 · 1.01 · 1.04 − 1 = 7.1408 %, the sum 7 %). Nominal cash is then (1 + π)(1 + r_real_rf) − 1.
 * {@link historicalBuildingBlocks} gives the realised blocks of a history as a starting point.
 */

import { BallastError, invalidInput } from '../errors.ts';
import type { ReturnComponents } from '../series/decomposition.ts';
import { assertAssetIds } from './distribution-validate.ts';
import { assertPeriodsPerYear } from './mean-input.ts';

/** User-set blocks (annual decimals). */
export interface BuildingBlockInput {
  /** Asset ids; the output follows this order. */
  readonly assets: readonly string[];
  /** Expected inflation π. */
  readonly inflationAnnual: number;
  /** Expected real return of cash, (1 + r_f)/(1 + π) − 1. */
  readonly realRiskFreeAnnual: number;
  /** Premium over cash per asset, (1 + r)/(1 + r_f) − 1; every asset needs one. */
  readonly premiumsAnnual: Readonly<Record<string, number>>;
}

function assertRate(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= -1)
    throw invalidInput(field, value, 'must be a finite rate above −1');
}

/** μ_i = (1 + π)(1 + r_real_rf)(1 + p_i) − 1 per asset (annual decimals). */
export function buildingBlockReturns(input: BuildingBlockInput): Float64Array {
  assertAssetIds(input.assets);
  assertRate('inflationAnnual', input.inflationAnnual);
  assertRate('realRiskFreeAnnual', input.realRiskFreeAnnual);
  const cashFactor = (1 + input.inflationAnnual) * (1 + input.realRiskFreeAnnual);
  return Float64Array.from(input.assets, (asset) => {
    const premium = input.premiumsAnnual[asset];
    if (premium === undefined) {
      throw invalidInput(
        `premiumsAnnual.${asset}`,
        null,
        'no premium set for this asset (none is assumed)',
      );
    }
    assertRate(`premiumsAnnual.${asset}`, premium);
    return cashFactor * (1 + premium) - 1;
  });
}

/** Realised blocks of a history, each annualised geometrically. */
export interface AnnualBuildingBlocks {
  readonly inflationAnnual: number;
  readonly realRiskFreeAnnual: number;
  readonly premiumAnnual: number;
  /** (1 + π)(1 + r_real_rf)(1 + p) − 1, equal to the geometric annual total return. */
  readonly totalAnnual: number;
}

/**
 * Geometric annualisation, (Π(1 + x_t))^(k/T) − 1, of each component of a decomposed history
 * (`decomposeReturns`). Because every period reconciles, the annual blocks reconcile too:
 * (1 + π)(1 + r_real_rf)(1 + p) = (Π(1 + r_t))^(k/T). Throws `INSUFFICIENT_DATA` when empty.
 */
export function historicalBuildingBlocks(
  components: readonly ReturnComponents[],
  options: { readonly periodsPerYear: number },
): AnnualBuildingBlocks {
  assertPeriodsPerYear(options.periodsPerYear);
  if (components.length === 0)
    throw new BallastError('INSUFFICIENT_DATA', 'building blocks need at least one period');
  const logs = { inflation: 0, realRiskFree: 0, premium: 0 };
  for (const c of components) {
    logs.inflation += Math.log1p(c.inflation);
    logs.realRiskFree += Math.log1p(c.realRiskFree);
    logs.premium += Math.log1p(c.premium);
  }
  const scale = options.periodsPerYear / components.length;
  const inflationAnnual = Math.expm1(logs.inflation * scale);
  const realRiskFreeAnnual = Math.expm1(logs.realRiskFree * scale);
  const premiumAnnual = Math.expm1(logs.premium * scale);
  return {
    inflationAnnual,
    realRiskFreeAnnual,
    premiumAnnual,
    totalAnnual: (1 + inflationAnnual) * (1 + realRiskFreeAnnual) * (1 + premiumAnnual) - 1,
  };
}
