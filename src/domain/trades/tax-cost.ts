/**
 * Estimated tax of planned trades (docs/tax-aware-trades.md, "Tax cost"): flat rates on the
 * realised gains of taxable accounts, short-term and long-term apart, losses counted at their own
 * term's rate (a negative tax is a saving). No netting across terms, no carry-forward, no $3 000
 * limit on deducted losses: an estimate to compare proposals, not a tax return. Trades in a
 * traditional or Roth IRA have no tax cost.
 */

import { invalidInput } from '../errors.ts';
import type { TaxType } from '../ledger/accounts.ts';
import { roundHalfAway, type Cents } from '../ledger/money.ts';
import type { PlannedTrade, PlanTax, TaxRates, WashSaleRisk } from './types.ts';

/**
 * Default rates: the top US federal rates (ordinary income 37 % for short-term gains, 20 % for
 * long-term gains), before the 3.8 % net investment income tax and any state tax.
 */
export const DEFAULT_TAX_RATES: TaxRates = { short: 0.37, long: 0.2 };

/** The tax type of `account`: as listed, else `taxable`. */
export function taxTypeOf(taxTypes: ReadonlyMap<string, TaxType>, account: string): TaxType {
  return taxTypes.get(account) ?? 'taxable';
}

/** Rates with defaults filled in; INVALID_INPUT naming `taxRates.short|long` unless in [0, 1]. */
export function resolveTaxRates(rates: Partial<TaxRates> = {}): TaxRates {
  const out = { ...DEFAULT_TAX_RATES, ...rates };
  for (const term of ['short', 'long'] as const) {
    const r = out[term];
    if (!Number.isFinite(r) || r < 0 || r > 1)
      throw invalidInput(`taxRates.${term}`, r, 'a tax rate is a decimal in [0, 1]');
  }
  return out;
}

/**
 * Estimated tax of realised gains in cents: `round(short × rates.short + long × rates.long)`
 * half away from zero; 0 outside a taxable account.
 */
export function estimatedTaxCents(
  gains: { readonly shortCents: Cents; readonly longCents: Cents },
  rates: TaxRates,
  taxType: TaxType = 'taxable',
): Cents {
  if (taxType !== 'taxable') return 0;
  return roundHalfAway(gains.shortCents * rates.short + gains.longCents * rates.long);
}

/** Net realised gains (short + long) of the trades in taxable accounts, in cents. */
export function taxableNetGainCents(trades: readonly PlannedTrade[]): Cents {
  return trades
    .filter((t) => t.taxType === 'taxable')
    .reduce((s, t) => s + t.realizedShortTermCents + t.realizedLongTermCents, 0);
}

/** The plan's tax summary: taxable gains by term and Σ of the trades' estimated tax. */
export function planTax(
  trades: readonly PlannedTrade[],
  extra: {
    readonly rates: TaxRates;
    readonly budgetCents?: Cents | undefined;
    readonly washSaleRisks: readonly WashSaleRisk[];
  },
): PlanTax {
  const taxable = trades.filter((t) => t.taxType === 'taxable');
  return {
    rates: extra.rates,
    shortTermGainCents: taxable.reduce((s, t) => s + t.realizedShortTermCents, 0),
    longTermGainCents: taxable.reduce((s, t) => s + t.realizedLongTermCents, 0),
    estimatedTaxCents: trades.reduce((s, t) => s + t.estimatedTaxCents, 0),
    ...(extra.budgetCents === undefined ? {} : { budgetCents: extra.budgetCents }),
    washSaleRisks: extra.washSaleRisks,
  };
}
