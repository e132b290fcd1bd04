/**
 * Performance by calendar period (month, quarter, year) and since inception, from a daily
 * (or any higher-frequency) simple return series such as the TWR sub-period returns.
 * Calendar buckets compound inside the bucket, Π(1 + r) − 1, with partial first/last buckets
 * kept and flagged (docs/conventions.md; delegated to `series/resample`).
 */

import type { BucketFrequency } from '../calendar/period-bucket.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { toDayNumber } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import { BallastError } from '../errors.ts';
import { resampleReturns } from '../series/resample.ts';
import type { FlaggedSeries, ReturnSeries } from '../series/types.ts';
import { annualizedReturn, totalReturn } from './annualize.ts';

/** Compounded returns per calendar month / quarter / year (labels: the bucket's last trading day). */
export function returnsByPeriod(
  series: ReturnSeries,
  options: { readonly frequency: BucketFrequency; readonly calendar: TradingCalendar },
): FlaggedSeries {
  return resampleReturns(series, { ...options, scale: 'simple' });
}

/** Since-inception performance of a return series. */
export interface SinceInception {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly periods: number;
  /** Π(1 + r) − 1. */
  readonly totalReturn: number;
  /** (1 + total)^(k/n) − 1 on the observation count (docs/conventions.md's annualised return). */
  readonly annualizedReturn: number;
  /** (1 + total)^(365/days) − 1 on calendar days between the first and last label, Actual/365. */
  readonly annualizedReturnCalendar: number | null;
}

/**
 * Since-inception total and annualised returns. `from` is the first return's label (its period
 * starts the trading day before). Throws `INSUFFICIENT_DATA` on an empty series.
 */
export function sinceInception(
  series: ReturnSeries,
  options: { readonly periodsPerYear: number },
): SinceInception {
  const first = series[0];
  const last = series.at(-1);
  if (first === undefined || last === undefined)
    throw new BallastError('INSUFFICIENT_DATA', 'sinceInception: empty return series', {
      field: 'series',
    });
  const r = Float64Array.from(series, (p) => p.value);
  const total = totalReturn(r);
  const days = toDayNumber(last.date) - toDayNumber(first.date);
  return {
    from: first.date,
    to: last.date,
    periods: r.length,
    totalReturn: total,
    annualizedReturn: annualizedReturn(r, options.periodsPerYear),
    annualizedReturnCalendar: days > 0 ? (1 + total) ** (365 / days) - 1 : null,
  };
}
