/**
 * The after-tax view of a performance window (docs/tax.md "After-tax return"): the tax the
 * window's realised gains and income would cost at the user's flat marginal rates, and the
 * window's Modified Dietz return before and after that tax.
 *
 * - Realised gains are the taxable accounts' lot slices disposed of after the base close up to
 *   the last day, from a ledger replayed **with** the wash-sale rule (disallowed losses added
 *   back, terms from the wash-adjusted holding period; docs/conventions.md "Wash sales").
 *   Traditional and Roth IRA accounts owe nothing here (withdrawals are not modelled).
 * - The window is treated as **one tax year**: its short- and long-term gains are netted as on
 *   Schedule D and at most $3,000 of a net loss is deducted ({@link estimateTax}) — a window
 *   spanning several calendar years is estimated as if it were one.
 * - Dividends (cash and reinvested) of taxable accounts are assumed **qualified**: taxed at
 *   long-term + state + NIIT. Interest credited to taxable accounts is ordinary: short-term +
 *   state + NIIT; margin interest debits are not deducted (investment interest expense needs
 *   itemising, Form 4952), so the estimate errs high.
 * - Returns are Modified Dietz over the window with the day weights of {@link modifiedDietz}
 *   (flows at the start of their day, whatever the report's flow timing); the tax is an
 *   outflow at the end of the window (weight 0), so it lowers the numerator only:
 *   after-tax = (change − tax) / denominator, pre-tax = change / denominator, and the drag
 *   pre-tax − after-tax = tax / denominator. A net loss deduction is a negative tax: the
 *   after-tax return is then the higher one and the drag negative. Null when the
 *   denominator is not positive.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { TaxType } from '../ledger/accounts.ts';
import { tradeValueCents, type Cents } from '../ledger/money.ts';
import type { RealizedSlice, Transaction } from '../ledger/types.ts';
import { estimateTax } from '../tax/estimate-tax.ts';
import { gainRows, gainTotals } from '../tax/gains.ts';
import type { TaxRates } from '../tax/types.ts';
import type { HistoryDay } from './types.ts';
import { modifiedDietz } from './value-changes.ts';

/** Options of {@link afterTaxReturn}. */
export interface AfterTaxOptions {
  /** The window's history: `days[0]` the base close, the last day the window's end. */
  readonly days: readonly HistoryDay[];
  /** Realised slices of the ledger replayed with the wash-sale rule (any dates). */
  readonly realized: readonly RealizedSlice[];
  /** The ledger, for the income of taxable accounts. */
  readonly transactions: readonly Transaction[];
  /** Tax treatment by account; accounts not listed are taxable. */
  readonly taxTypes: ReadonlyMap<string, TaxType>;
  readonly rates: TaxRates;
}

/** The after-tax view (money in cents, returns as decimals). */
export interface AfterTax {
  /** Net realised gains of taxable accounts in the window, wash sales applied. */
  readonly realizedShortTermCents: Cents;
  readonly realizedLongTermCents: Cents;
  /** Dividends (cash and reinvested) of taxable accounts in the window. */
  readonly dividendsCents: Cents;
  /** Interest credited to taxable accounts in the window (debits left out). */
  readonly interestCents: Cents;
  /** Tax on the gains (Schedule D netting) + dividends and interest at their rates. */
  readonly estimatedTaxCents: Cents;
  /** Modified Dietz net of the tax; null when the denominator is not positive. */
  readonly return: number | null;
  /** Modified Dietz before tax. */
  readonly pretaxReturn: number | null;
  /** pretaxReturn − return. */
  readonly drag: number | null;
}

/** Dividends and interest credited to taxable accounts in (base, end]. */
function taxableIncome(
  options: AfterTaxOptions,
  base: IsoDate,
  end: IsoDate,
): { dividendsCents: Cents; interestCents: Cents } {
  let dividendsCents = 0;
  let interestCents = 0;
  for (const tx of options.transactions) {
    if (tx.date <= base || tx.date > end) continue;
    if ((options.taxTypes.get(tx.account) ?? 'taxable') !== 'taxable') continue;
    if (tx.type === 'dividend') dividendsCents += tx.amountCents;
    else if (tx.type === 'reinvest') dividendsCents += tradeValueCents(tx.quantity, tx.price);
    else if (tx.type === 'interest' && tx.amountCents > 0) interestCents += tx.amountCents;
  }
  return { dividendsCents, interestCents };
}

/** The after-tax view of the window `options.days` (see the module comment). */
export function afterTaxReturn(options: AfterTaxOptions): AfterTax {
  const { days, rates } = options;
  const base = days[0]!.date;
  const end = days.at(-1)!.date;
  const rows = gainRows(options.realized, { taxTypes: options.taxTypes }).filter(
    (r) => r.disposed > base && r.disposed <= end,
  );
  const gains = gainTotals(rows);
  const { dividendsCents, interestCents } = taxableIncome(options, base, end);
  const gainsTax = estimateTax(gains, rates).taxCents;
  const incomeTax =
    dividendsCents * (rates.longTerm + rates.state + rates.niit) +
    interestCents * (rates.shortTerm + rates.state + rates.niit);
  const estimatedTaxCents = gainsTax + Math.round(incomeTax);
  const { change, denominator } = modifiedDietz(days, 0, days.length - 1);
  const tax = estimatedTaxCents / 100;
  const defined = denominator > 0;
  return {
    realizedShortTermCents: gains.shortTermCents,
    realizedLongTermCents: gains.longTermCents,
    dividendsCents,
    interestCents,
    estimatedTaxCents,
    return: defined ? (change - tax) / denominator : null,
    pretaxReturn: defined ? change / denominator : null,
    drag: defined ? tax / denominator : null,
  };
}
