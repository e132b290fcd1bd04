/**
 * A portfolio's change in value over the last day, one month, three months, the year to date and
 * one year, measured **only at stored closes**: both ends of a window must be trading days on
 * which every position held was valued at its own close of that day (no carried close, no trade
 * price) — otherwise the window is unavailable, with the reason, and nothing is estimated.
 *
 * On a {@link PortfolioHistory} valued with the stored closes (its price flags mark every day a
 * position was priced otherwise):
 *
 * - `to` is the latest such day on or before the as-of date, at most `maxStaleSessions` (5)
 *   trading days before the last trading day on or before it;
 * - each window starts at the close of a trading day: the one before `to` (one day); the last
 *   on or before `to` − 1 month, − 3 months, − 1 year (the same day of the month, clamped to a
 *   shorter month's end); the last of the previous calendar year (year to date);
 * - `change` = value(to) − value(from) − external flows in (from, to] (deposits − withdrawals,
 *   securities moved in or out of the portfolio): the gain, not the money added;
 * - `return` = the Modified Dietz return: change / (value(from) + Σ wᵢ Fᵢ), a flow on day tᵢ
 *   entering at the start of its day and weighted by the share of the window it is invested,
 *   wᵢ = (to − tᵢ + 1) / (to − from) in calendar days; null when the denominator is not
 *   positive.
 *
 * A window starting before the ledger's first transaction is unavailable (there is nothing to
 * measure from).
 */

import { addDays, addMonths, addYears, daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import { previousTradingDay, tradingDayOnOrBefore } from '../calendar/trading-days.ts';
import type { HistoryDay, PortfolioHistory } from './types.ts';

/** The windows measured, in order. */
export const CHANGE_PERIODS = [
  'oneDay',
  'oneMonth',
  'threeMonths',
  'yearToDate',
  'oneYear',
] as const;

/** One window's name. */
export type ChangePeriod = (typeof CHANGE_PERIODS)[number];

/** A window measured at stored closes (money in dollars, unrounded). */
export interface ValueChange {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly valueFrom: number;
  readonly valueTo: number;
  /** External flows in (from, to]. */
  readonly flows: number;
  /** valueTo − valueFrom − flows. */
  readonly change: number;
  /** Modified Dietz; null when its denominator is not positive. */
  readonly return: number | null;
}

/** A window the stored closes cannot measure. */
export interface UnavailableChange {
  /** The window's start asked for, when there was an end to measure to. */
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly change: null;
  readonly return: null;
  readonly reason: string;
}

/** One window's result. */
export type ChangeWindow = ValueChange | UnavailableChange;

/** Every window, and the end they share. */
export interface ValueChanges {
  /** The close the windows end at (null when none qualifies). */
  readonly to: IsoDate | null;
  readonly windows: Readonly<Record<ChangePeriod, ChangeWindow>>;
}

/** Options of {@link valueChanges}. */
export interface ValueChangesOptions {
  readonly asOf: IsoDate;
  readonly calendar: TradingCalendar;
  /** The ledger's first transaction date. */
  readonly firstTransaction: IsoDate;
  /** Sessions `to` may lag the last trading day on or before `asOf` (default 5). */
  readonly maxStaleSessions?: number;
}

/**
 * The first day a history must cover for {@link valueChanges} at `asOf`: three weeks before one
 * year back — the earliest window start is one year before `to` (the year-to-date start, the
 * last close of the year before `to`'s, is never earlier), and `to` may lag the as-of date by a
 * week of sessions and a window start may fall back over closed days.
 */
export function valueChangesStart(asOf: IsoDate): IsoDate {
  return addDays(addYears(asOf, -1), -21);
}

/** Symbols priced otherwise than at their own close on `date` (from the history's flags). */
function unstored(history: PortfolioHistory, date: IsoDate): string[] {
  const symbols = history.flags.filter((f) => f.from <= date && date <= f.to).map((f) => f.symbol);
  return [...new Set(symbols)].sort();
}

function unavailable(from: IsoDate | null, to: IsoDate | null, reason: string): UnavailableChange {
  return { from, to, change: null, return: null, reason };
}

/** The window's start asked for, before it is checked against the history. */
function target(period: ChangePeriod, to: IsoDate, calendar: TradingCalendar): IsoDate {
  switch (period) {
    case 'oneDay':
      return previousTradingDay(calendar, to);
    case 'oneMonth':
      return tradingDayOnOrBefore(calendar, addMonths(to, -1));
    case 'threeMonths':
      return tradingDayOnOrBefore(calendar, addMonths(to, -3));
    case 'yearToDate':
      return tradingDayOnOrBefore(calendar, `${Number(to.slice(0, 4)) - 1}-12-31`);
    case 'oneYear':
      return tradingDayOnOrBefore(calendar, addYears(to, -1));
  }
}

/** The parts of a Modified Dietz return (dollars). */
export interface ModifiedDietz {
  /** External flows in (from, to]. */
  readonly flows: number;
  /** value(to) − value(from) − flows. */
  readonly change: number;
  /** value(from) + Σ wᵢ Fᵢ: the return is change / denominator when it is positive. */
  readonly denominator: number;
}

/**
 * The Modified Dietz parts from the close of `days[i]` to the close of `days[j]` (i < j): a
 * flow of day tᵢ enters at the start of its day, weighted wᵢ = (to − tᵢ + 1) / (to − from) in
 * calendar days (the module comment).
 */
export function modifiedDietz(days: readonly HistoryDay[], i: number, j: number): ModifiedDietz {
  const from = days[i]!;
  const to = days[j]!;
  const span = daysBetween(from.date, to.date);
  let flows = 0;
  let weighted = 0;
  for (let k = i + 1; k <= j; k++) {
    const day = days[k]!;
    flows += day.flow;
    weighted += (day.flow * (daysBetween(day.date, to.date) + 1)) / span;
  }
  return { flows, change: to.value - from.value - flows, denominator: from.value + weighted };
}

/** The measured window between the history days at `i` (from) and `j` (to). */
function measure(days: readonly HistoryDay[], i: number, j: number): ValueChange {
  const { flows, change, denominator } = modifiedDietz(days, i, j);
  return {
    from: days[i]!.date,
    to: days[j]!.date,
    valueFrom: days[i]!.value,
    valueTo: days[j]!.value,
    flows,
    change,
    return: denominator > 0 ? change / denominator : null,
  };
}

/** The end of the windows: index in `days`, or the reason there is none. */
function endOf(
  history: PortfolioHistory,
  options: ValueChangesOptions,
): { index: number } | { reason: string } {
  const { days } = history;
  const lag = options.maxStaleSessions ?? 5;
  let last = days.length - 1;
  while (last >= 0 && days[last]!.date > options.asOf) last--;
  for (let k = last; k >= Math.max(1, last - lag); k--) {
    if (days[k]!.date < options.firstTransaction) break;
    if (unstored(history, days[k]!.date).length === 0) return { index: k };
  }
  const latest = days[last]?.date;
  if (latest === undefined || latest < options.firstTransaction)
    return { reason: `the ledger begins on ${options.firstTransaction}, after ${options.asOf}` };
  return {
    reason: `no trading day from ${days[Math.max(1, last - lag)]?.date ?? latest} to ${latest} has a stored close for every position held (${latest}: none for ${unstored(history, latest).join(', ')})`,
  };
}

/** The changes of `history` over every window (see the module comment). */
export function valueChanges(
  history: PortfolioHistory,
  options: ValueChangesOptions,
): ValueChanges {
  const end = endOf(history, options);
  const windows = {} as Record<ChangePeriod, ChangeWindow>;
  if ('reason' in end) {
    for (const period of CHANGE_PERIODS) windows[period] = unavailable(null, null, end.reason);
    return { to: null, windows };
  }
  const { days } = history;
  const to = days[end.index]!.date;
  for (const period of CHANGE_PERIODS) {
    const from = target(period, to, options.calendar);
    const i = days.findIndex((d) => d.date === from);
    if (from < options.firstTransaction || i < 0) {
      windows[period] = unavailable(
        from,
        to,
        `the ledger begins on ${options.firstTransaction}, after the window's start ${from}`,
      );
      continue;
    }
    const missing = unstored(history, from);
    windows[period] =
      missing.length === 0
        ? measure(days, i, end.index)
        : unavailable(from, to, `no stored close on ${from} for ${missing.join(', ')}`);
  }
  return { to, windows };
}
