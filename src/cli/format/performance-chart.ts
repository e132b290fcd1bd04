/**
 * `ballast performance --chart FILE`: growth of $1 of the portfolio's daily TWR over its
 * drawdown (`report/analysis`), with the benchmark's daily total return when one is given.
 */

import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { BenchmarkSeries } from '../../domain/performance/benchmark.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import type { Io } from '../io.ts';
import { writeAnalysisChart } from './chart-file.ts';

/** Name of the portfolio's line in the chart (its legend entry). */
export const PORTFOLIO_SERIES_NAME = 'Portfolio (TWR)';

/**
 * The benchmark's daily total returns on the portfolio's days: A(d)/A(d−1) − 1 from its adjusted
 * closes, `previous` being the portfolio's base day for the first return.
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

/** Renders and writes the chart (format from the extension), reporting the file on stderr. */
export async function writePerformanceChart(
  path: string,
  input: { daily: ReturnSeries; benchmark?: { name: string; daily: ReturnSeries } },
  io: Io,
): Promise<void> {
  await writeAnalysisChart(
    path,
    {
      name: PORTFOLIO_SERIES_NAME,
      series: input.daily,
      benchmark: input.benchmark && {
        name: input.benchmark.name,
        series: input.benchmark.daily,
      },
    },
    io,
  );
}
