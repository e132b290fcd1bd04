/**
 * Estimated tax on a year's realised gains (docs/conventions.md "Tax reports"), netted as on
 * Schedule D: short-term and long-term gains are netted within each term, then across terms.
 *
 * - Both nets ≥ 0: short-term × (short + state + NIIT) + long-term × (long + state + NIIT).
 * - One net negative: it offsets the other; what is left keeps the character of the larger
 *   side (a net long-term gain is taxed at the long-term rate, a net short-term gain at the
 *   short-term rate).
 * - A net capital loss: up to $3,000 ($1,500 married filing separately, `lossLimit`) is deducted
 *   from ordinary income, saving (short + state) × deduction (a negative tax); the rest carries
 *   forward. NIIT is never negative.
 * An estimate with flat marginal rates — not a tax return: brackets, the 0 % long-term rate and
 * the NIIT threshold are the user's to reflect in the rates.
 */

import { invalidInput } from '../errors.ts';
import type { Cents } from '../ledger/money.ts';
import type { TaxRates } from './types.ts';

/** Capital-loss deduction against ordinary income per year (IRC §1211(b)), in cents. */
export const CAPITAL_LOSS_LIMIT_CENTS = 300_000;

/** The estimate, in cents. */
export interface TaxEstimate {
  /** Net short-term gain taxed (after netting across terms), ≥ 0. */
  readonly taxedShortTermCents: Cents;
  /** Net long-term gain taxed (after netting), ≥ 0. */
  readonly taxedLongTermCents: Cents;
  /** Net capital loss deducted from ordinary income this year, ≥ 0. */
  readonly lossDeductionCents: Cents;
  /** Net capital loss carried to next year, ≥ 0. */
  readonly carryforwardCents: Cents;
  /** Estimated tax (negative: a saving from the loss deduction), rounded to the cent. */
  readonly taxCents: Cents;
}

/** The rates of {@link TaxRates} checked: finite decimals in [0, 1). */
function checkRates(rates: TaxRates): void {
  for (const [field, rate] of Object.entries(rates)) {
    if (!Number.isFinite(rate) || rate < 0 || rate >= 1) {
      throw invalidInput(`rates.${field}`, rate, 'a tax rate is a decimal in [0, 1)');
    }
  }
}

/** Estimated tax on net short-term and long-term gains (see the module comment). */
export function estimateTax(
  gains: { readonly shortTermCents: Cents; readonly longTermCents: Cents },
  rates: TaxRates,
  lossLimitCents: Cents = CAPITAL_LOSS_LIMIT_CENTS,
): TaxEstimate {
  checkRates(rates);
  const st = gains.shortTermCents;
  const lt = gains.longTermCents;
  const net = st + lt;
  let taxedShortTermCents = 0;
  let taxedLongTermCents = 0;
  let lossDeductionCents = 0;
  let carryforwardCents = 0;
  if (st >= 0 && lt >= 0) {
    taxedShortTermCents = st;
    taxedLongTermCents = lt;
  } else if (net > 0) {
    if (st > 0) taxedShortTermCents = net;
    else taxedLongTermCents = net;
  } else {
    lossDeductionCents = Math.min(-net, lossLimitCents);
    carryforwardCents = -net - lossDeductionCents;
  }
  const ordinary = rates.shortTerm + rates.state;
  const tax =
    taxedShortTermCents * (ordinary + rates.niit) +
    taxedLongTermCents * (rates.longTerm + rates.state + rates.niit) -
    lossDeductionCents * ordinary;
  return {
    taxedShortTermCents,
    taxedLongTermCents,
    lossDeductionCents,
    carryforwardCents,
    taxCents: Math.round(tax),
  };
}
