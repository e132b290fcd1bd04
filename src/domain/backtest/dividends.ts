/**
 * Cash dividends on unadjusted closes (docs/backtest.md, "Dividends"). When the closes are not
 * total-return adjusted, the dividends are given separately (per share, on the ex-date) and a
 * strategy receives them:
 *
 * - On the ex-date row (before the row is valued, after the cash interest): every share held
 *   since the previous close earns the dividend, `cash += qᵢ × amount`.
 * - `cash`: the money stays in cash (and earns the cash rate from the next row).
 * - `reinvest`: the money buys the same asset at that row's close, paying the strategy's
 *   trading cost like any purchase: the dividend D buys D / (1 + k) of the asset and pays
 *   k D / (1 + k) of costs (whole shares round down, the rest stays in cash). With k = 0 this
 *   is exactly holding the total-return adjusted close.
 * - A short position (qᵢ < 0) pays the dividend from cash; it is never reinvested.
 * - An ex-date that is not a row of the matrix is paid on the next row; one on or before the
 *   first row is not paid (the first purchase is at the first row's close, already ex); one
 *   after the last row is not paid.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { Book } from './book.ts';

/** What a strategy does with its dividends. */
export type DividendPolicy = 'cash' | 'reinvest';

/** A cash dividend per share of `symbol` with ex-date `date`. */
export interface Dividend {
  readonly date: IsoDate;
  readonly symbol: string;
  /** Money per share, > 0. */
  readonly amount: number;
}

/** A dividend due on a row: per share of the strategy's asset `asset` (its index). */
export interface DividendDue {
  readonly asset: number;
  readonly amount: number;
}

/** The dividends of one strategy, by row, and what it does with them. */
export interface DividendSchedule {
  readonly policy: DividendPolicy;
  readonly byRow: ReadonlyMap<number, readonly DividendDue[]>;
}

/** The first row whose date is on or after `date` (`dates.length` when none). */
function rowOnOrAfter(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What {@link dividendSchedule} needs. */
export interface DividendScheduleInput {
  /** The rows of the price matrix. */
  readonly dates: readonly IsoDate[];
  /** The strategy's assets, in its order. */
  readonly assets: readonly string[];
  readonly dividends: readonly Dividend[];
  readonly policy: DividendPolicy;
}

/**
 * The schedule of `dividends` for a strategy holding `assets` over rows `dates` (module
 * comment): each dividend of one of the assets on the row of its ex-date (or the next row),
 * dividends of the same asset on the same row added; other symbols are left out.
 */
export function dividendSchedule(input: DividendScheduleInput): DividendSchedule {
  const { dates, assets, dividends, policy } = input;
  const byRow = new Map<number, DividendDue[]>();
  for (const d of dividends) {
    const asset = assets.indexOf(d.symbol);
    if (asset < 0) continue;
    const row = rowOnOrAfter(dates, d.date);
    if (row === 0 || row >= dates.length) continue;
    const due = byRow.get(row) ?? [];
    const same = due.find((x) => x.asset === asset);
    if (same) due[due.indexOf(same)] = { asset, amount: same.amount + d.amount };
    else due.push({ asset, amount: d.amount });
    byRow.set(row, due);
  }
  return { policy, byRow };
}

/**
 * Pays the dividends due on `row` into `book` (module comment) and returns the money they came
 * to (negative for a short position's payment).
 */
export function payDividends(book: Book, row: number, schedule: DividendSchedule): number {
  const due = schedule.byRow.get(row);
  if (due === undefined) return 0;
  let paid = 0;
  for (const { asset, amount } of due) {
    const money = book.quantities[asset]! * amount;
    if (money === 0) continue;
    paid += money;
    if (schedule.policy === 'reinvest' && money > 0) {
      const unit = new Float64Array(book.quantities.length);
      unit[asset] = 1;
      book.contribute(row, unit, money);
    } else book.moveCash(money);
  }
  return paid;
}
