/**
 * The `performance` chart: growth of $1 of the portfolio's daily TWR over its drawdown
 * (`report/analysis`), with the benchmark's daily total return on the same days when one is
 * given.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { BenchmarkSeries } from '../domain/performance/benchmark.ts';
import type { PerformanceReport } from '../domain/performance/performance-report.ts';
import type { PortfolioHistory } from '../domain/performance/types.ts';
import type { ReturnSeries } from '../domain/series/types.ts';
import { analysisOption } from '../report/analysis.ts';
import type { ChartOption } from '../report/chart-style.ts';

/** Name of the portfolio's line in the chart (its legend entry). */
export const PORTFOLIO_SERIES_NAME = 'Portfolio (TWR)';

/**
 * The benchmark's daily total returns on the portfolio's days: A(d)/A(d−1) − 1 from its adjusted
 * closes, `base` being the portfolio's base day for the first return.
 */
export function benchmarkDailyReturns(
  benchmark: BenchmarkSeries,
  days: { base: IsoDate; dates: readonly IsoDate[] },
): ReturnSeries {
  let previous = days.base;
  return days.dates.map((date) => {
    const value = benchmark.returnBetween(previous, date);
    previous = date;
    return { date, value };
  });
}

/**
 * The daily series behind the chart, for a client that draws it itself (the dashboard, with
 * the same `src/report` builders): each day's portfolio TWR, and the benchmark's total return
 * over the same days when one is given (decimals, one per date, ascending).
 */
export interface DailySeries {
  readonly dates: readonly IsoDate[];
  readonly portfolio: readonly number[];
  readonly benchmark?: { readonly symbol: string; readonly returns: readonly number[] };
}

/** The {@link DailySeries} of a report. */
export function dailySeries(input: {
  readonly report: PerformanceReport;
  readonly history: PortfolioHistory;
  readonly benchmark?: BenchmarkSeries | undefined;
}): DailySeries {
  const days = input.report.attribution.days;
  const dates = days.map((d) => d.date);
  const bench = input.benchmark;
  return {
    dates,
    portfolio: days.map((d) => d.twr),
    ...(bench
      ? {
          benchmark: {
            symbol: bench.symbol,
            returns: benchmarkDailyReturns(bench, { base: input.history.days[0]!.date, dates }).map(
              (r) => r.value,
            ),
          },
        }
      : {}),
  };
}

/** The chart option of a report (module comment). */
export function performanceChart(input: {
  readonly report: PerformanceReport;
  readonly history: PortfolioHistory;
  readonly benchmark?: BenchmarkSeries | undefined;
}): ChartOption {
  const daily = input.report.attribution.days.map((d) => ({ date: d.date, value: d.twr }));
  const bench = input.benchmark;
  return analysisOption({
    series: { name: PORTFOLIO_SERIES_NAME, returns: daily },
    ...(bench
      ? {
          benchmark: {
            name: bench.symbol,
            returns: benchmarkDailyReturns(bench, {
              base: input.history.days[0]!.date,
              dates: daily.map((d) => d.date),
            }),
          },
        }
      : {}),
  });
}
