/**
 * Profit and loss of a history window from the ledger: realised gains (by tax term) of lots
 * disposed of in the window, unrealised P&L of the open lots at the end priced as the history
 * priced them, and income and fees booked in the window.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { buildLedger } from '../ledger/ledger.ts';
import { centsToDollars } from '../ledger/money.ts';
import type { LotMethod, Transaction } from '../ledger/types.ts';
import type { HistoryDay } from './types.ts';

/** P&L of a window, in dollars. */
export interface PnlSummary {
  /** Gains of lot slices disposed of after the base day up to the end day, short-term. */
  readonly realizedShortTerm: number;
  readonly realizedLongTerm: number;
  /** Σ over open lots at the end of quantity × end price − basis (docs/conventions.md's unrealised P&L). */
  readonly unrealized: number;
  /** Dividends (cash and reinvested) + interest (negative margin interest included) in the window. */
  readonly income: number;
  /** Fees not attached to a trade (fee rows, fees on cash rows); trade fees are inside basis and proceeds. */
  readonly fees: number;
}

/**
 * P&L of the window (`days[0]` is the base close, the last day the end), from the ledger replayed
 * without the wash-sale rule: economic P&L, where a loss is realised when sold (the taxable view,
 * wash sales applied, is `after-tax.ts`). From inception with no
 * securities transferred in or out, end value − net flows = realised + unrealised + income − fees
 * to the cent (the identity the tests check).
 */
export function profitAndLoss(options: {
  readonly transactions: readonly Transaction[];
  readonly days: readonly HistoryDay[];
  readonly lotMethod?: LotMethod;
}): PnlSummary {
  const { transactions, days } = options;
  const base: IsoDate = days[0]!.date;
  const lastDay = days.at(-1)!;
  const lotMethod = options.lotMethod ?? 'fifo';
  const start = buildLedger(transactions, { lotMethod, asOf: base });
  const end = buildLedger(transactions, { lotMethod, asOf: lastDay.date });
  const prices = new Map<string, number>();
  for (const a of lastDay.accounts) for (const h of a.holdings) prices.set(h.symbol, h.price);
  let unrealized = 0;
  for (const lot of end.lots)
    unrealized += lot.quantity * prices.get(lot.symbol)! - centsToDollars(lot.basisCents);
  const realized = { short: 0, long: 0 };
  for (const s of end.realized) if (s.disposed > base) realized[s.term] += s.gainCents;
  const income = (l: typeof start): number => l.income.dividendsCents + l.income.interestCents;
  return {
    realizedShortTerm: centsToDollars(realized.short),
    realizedLongTerm: centsToDollars(realized.long),
    unrealized,
    income: centsToDollars(income(end) - income(start)),
    fees: centsToDollars(end.income.feesCents - start.income.feesCents),
  };
}
