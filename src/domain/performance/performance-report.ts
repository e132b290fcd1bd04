/**
 * The performance report of a portfolio history (`ballast performance`): TWR since the
 * base and by calendar period, annualised TWR, MWR, benchmark TWR and excess, P&L, per-account
 * TWR and every flag (prices carried or taken from trades, partial periods, undefined measures).
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { calendarBucket, type BucketFrequency } from '../calendar/period-bucket.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import { returnsByPeriod } from '../analytics/period-returns.ts';
import type { FlowTiming } from '../analytics/time-weighted-return.ts';
import { daysBetween } from '../calendar/iso-date.ts';
import { toBallastError } from '../errors.ts';
import type { LotMethod, Transaction } from '../ledger/types.ts';
import type { Warning } from '../warnings.ts';
import { positionAttribution, type PositionAttribution } from './attribution.ts';
import type { BenchmarkSeries } from './benchmark.ts';
import { flagWarning } from './flag-warnings.ts';
import { profitAndLoss, type PnlSummary } from './pnl.ts';
import {
  accountPoints,
  annualizeTwr,
  compound,
  dailyReturns,
  mwrOf,
  totalPoints,
  type MwrBasis,
} from './returns.ts';
import type { PortfolioHistory, PriceFlag } from './types.ts';

/** One calendar period of the report. */
export interface PeriodRow {
  /** `2024-03`, `2024-Q1` or `2024`. */
  readonly period: string;
  /** First and last history day in the period. */
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Π(1 + r_d) − 1 over the period's daily TWRs. */
  readonly twr: number;
  /** Benchmark total return from the close before `start` to the close of `end`. */
  readonly benchmarkTwr?: number;
  /** Σ external flows of the period's days. */
  readonly flows: number;
  readonly endValue: number;
}

/** Everything a report flags instead of failing. */
export type PerformanceFlag =
  | PriceFlag
  | {
      readonly kind: 'partialPeriod';
      readonly period: string;
      readonly start: IsoDate;
      readonly end: IsoDate;
    }
  | {
      readonly kind: 'benchmarkCarried';
      readonly symbol: string;
      readonly date: IsoDate;
      readonly priceDate: IsoDate;
    }
  | { readonly kind: 'undefinedMeasure'; readonly measure: string; readonly reason: string };

/** The report (money in dollars, returns as decimals). */
export interface PerformanceReport {
  /** First day whose return counts, and last day (trading days). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Close of the base day (the trading day before `from`); 0 from inception. */
  readonly startValue: number;
  readonly endValue: number;
  readonly netFlows: number;
  readonly twr: number;
  /** Geometric annual TWR; null when the window is a year or shorter (not annualised, GIPS). */
  readonly twrAnnualized: number | null;
  /**
   * Money-weighted return ({@link mwrOf}): the annual XIRR (Actual/365) when the window is
   * longer than a year, else the window's own return, not annualised (`mwrBasis` says which);
   * null with an `undefinedMeasure` flag when XIRR has no answer.
   */
  readonly mwr: number | null;
  /** `annual` (XIRR per year) or `period` (the window's own money-weighted return). */
  readonly mwrBasis: MwrBasis;
  /** Calendar days from the base close to `to`; returns are annualised only above 365. */
  readonly windowDays: number;
  readonly benchmark?: { readonly symbol: string; readonly twr: number; readonly excess: number };
  readonly periods: readonly PeriodRow[];
  readonly pnl: PnlSummary;
  readonly accounts: readonly {
    readonly account: string;
    readonly endValue: number;
    readonly twr: number | null;
  }[];
  /** Carino-linked contributions by position, over the window and the same periods. */
  readonly attribution: PositionAttribution;
  readonly flags: readonly PerformanceFlag[];
  /** Every flag as a {@link Warning} (same order). */
  readonly warnings: readonly Warning[];
}

/** Options of {@link performanceReport}. */
export interface PerformanceOptions {
  readonly transactions: readonly Transaction[];
  readonly history: PortfolioHistory;
  readonly calendar: TradingCalendar;
  /** Calendar buckets of the period table. */
  readonly frequency: Exclude<BucketFrequency, 'weekly'>;
  readonly flowTiming?: FlowTiming;
  readonly benchmark?: BenchmarkSeries;
  readonly lotMethod?: LotMethod;
}

/** Period label: `2024-03` (monthly), `2024-Q1` (quarterly), `2024` (annual). */
export function periodLabel(date: IsoDate, frequency: PerformanceOptions['frequency']): string {
  if (frequency === 'monthly') return date.slice(0, 7);
  if (frequency === 'annual') return date.slice(0, 4);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

interface Bucket {
  readonly key: IsoDate;
  /** The close before the bucket's first day (benchmark start). */
  readonly base: IsoDate;
  readonly start: IsoDate;
  end: IsoDate;
  flows: number;
  endValue: number;
}

function periodRows(options: PerformanceOptions, flags: PerformanceFlag[]): PeriodRow[] {
  const { days } = options.history;
  const { frequency, benchmark } = options;
  const daily = dailyReturns(totalPoints(days), options.flowTiming);
  const resampled = returnsByPeriod(daily, { frequency, calendar: options.calendar });
  const buckets: Bucket[] = [];
  for (let i = 1; i < days.length; i++) {
    const day = days[i]!;
    const key = calendarBucket(day.date, frequency).start;
    const last = buckets.at(-1);
    if (last?.key === key) {
      last.end = day.date;
      last.flows += day.flow;
      last.endValue = day.value;
    } else {
      const base = days[i - 1]!.date;
      buckets.push({
        key,
        base,
        start: day.date,
        end: day.date,
        flows: day.flow,
        endValue: day.value,
      });
    }
  }
  const rows = buckets.map((b, i): PeriodRow => ({
    period: periodLabel(b.start, frequency),
    start: b.start,
    end: b.end,
    twr: resampled.points[i]!.value,
    ...(benchmark ? { benchmarkTwr: benchmark.returnBetween(b.base, b.end) } : {}),
    flows: b.flows,
    endValue: b.endValue,
  }));
  const partial = (row: PeriodRow | undefined): void => {
    if (row && !flags.some((f) => f.kind === 'partialPeriod' && f.period === row.period))
      flags.push({ kind: 'partialPeriod', period: row.period, start: row.start, end: row.end });
  };
  if (resampled.flags.partialFirstBucket) partial(rows[0]);
  if (resampled.flags.partialLastBucket) partial(rows.at(-1));
  return rows;
}

function accountRows(
  options: PerformanceOptions,
  flags: PerformanceFlag[],
): PerformanceReport['accounts'] {
  const { days } = options.history;
  const last = days.at(-1)!;
  return last.accounts.map((a) => {
    try {
      return {
        account: a.account,
        endValue: a.value,
        twr: compound(dailyReturns(accountPoints(days, a.account), options.flowTiming)),
      };
    } catch (e) {
      flags.push({
        kind: 'undefinedMeasure',
        measure: `twr of account ${a.account}`,
        reason: toBallastError(e).message,
      });
      return { account: a.account, endValue: a.value, twr: null };
    }
  });
}

/**
 * Builds the {@link PerformanceReport} of `options.history`:
 * - TWR = Π(1 + r_d) − 1 over the daily chain-linked returns ({@link dailyReturns}); annualised
 *   geometrically on the observation count when the window is longer than a year;
 * - periods compound the daily returns inside calendar buckets (`analytics/returnsByPeriod`;
 *   a partial first/last period is kept and flagged);
 * - MWR = XIRR of −start value, −flows, +end value ({@link mwrOf}): annual for a window longer
 *   than a year, the window's own return otherwise (GIPS: never annualised under a year);
 * - benchmark: total return from adjusted closes over the same window and periods; excess is
 *   the arithmetic difference portfolio TWR − benchmark TWR;
 * - attribution: {@link positionAttribution} over the same periods;
 * - P&L: {@link profitAndLoss}; accounts: each account's own TWR on its own flows (internal
 *   transfers are flows of the account), `null` with a flag when undefined.
 *
 * @throws BallastError INVALID_INPUT when the portfolio's TWR is undefined (see {@link dailyReturns}),
 *   DATA_UNAVAILABLE when the benchmark has no close on or before the base day.
 */
export function performanceReport(options: PerformanceOptions): PerformanceReport {
  const { days } = options.history;
  const { frequency } = options;
  const flags: PerformanceFlag[] = [...options.history.flags];
  const first = days[0]!;
  const last = days.at(-1)!;
  const points = totalPoints(days);
  const daily = dailyReturns(points, options.flowTiming);
  const twr = compound(daily);
  const mwr = mwrOf(points);
  if ('reason' in mwr) flags.push({ kind: 'undefinedMeasure', measure: 'mwr', reason: mwr.reason });
  const periods = periodRows(options, flags);
  const bench = options.benchmark;
  const benchTwr = bench?.returnBetween(first.date, last.date);
  if (bench)
    for (const c of [...bench.carried.values()].sort((a, b) => (a.date < b.date ? -1 : 1)))
      flags.push({ kind: 'benchmarkCarried', symbol: bench.symbol, ...c });
  const accounts = accountRows(options, flags);
  return {
    from: days[1]!.date,
    to: last.date,
    startValue: first.value,
    endValue: last.value,
    netFlows: days.slice(1).reduce((s, d) => s + d.flow, 0),
    twr,
    twrAnnualized: annualizeTwr(twr, { from: first.date, to: last.date, n: daily.length }),
    mwr: 'mwr' in mwr ? mwr.mwr : null,
    mwrBasis: mwr.basis,
    windowDays: daysBetween(first.date, last.date),
    ...(bench && benchTwr !== undefined
      ? { benchmark: { symbol: bench.symbol, twr: benchTwr, excess: twr - benchTwr } }
      : {}),
    periods,
    pnl: profitAndLoss({
      transactions: options.transactions,
      days,
      ...(options.lotMethod ? { lotMethod: options.lotMethod } : {}),
    }),
    accounts,
    attribution: positionAttribution({
      transactions: options.transactions,
      history: options.history,
      ...(options.flowTiming ? { flowTiming: options.flowTiming } : {}),
      periodOf: (date) => periodLabel(date, frequency),
    }),
    flags,
    warnings: flags.map(flagWarning),
  };
}
