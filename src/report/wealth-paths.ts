/**
 * Dated wealth paths W_0 = 1, W_t = W_{t−1}(1 + r_t) of a return series and an optional
 * benchmark (`valuesFromReturns`), the common input of the growth, drawdown and analysis
 * charts. With a benchmark both series are first joined on the dates they share (nothing is
 * filled); how many periods the join dropped is reported in `note` for the chart subtitle.
 * The benchmark's path is named "NAME (benchmark)".
 *
 * W_0 belongs to the start of the first period, which a return series does not date: it is
 * plotted one period before the first return, the period being the spacing of the first two
 * dates (one day for a single return). This is a plotting position, not a data point.
 */

import { addDays, daysBetween, type IsoDate } from '../domain/calendar/iso-date.ts';
import { valuesFromReturns } from '../domain/analytics/drawdown.ts';
import { invalidInput } from '../domain/errors.ts';
import { alignCommon } from '../domain/series/align-common.ts';
import type { ReturnSeries } from '../domain/series/types.ts';

/** A named simple-return series (decimals, ascending dates). */
export interface NamedReturns {
  readonly name: string;
  readonly returns: ReturnSeries;
}

/** Input of the growth/drawdown charts: the analysed series and an optional benchmark. */
export interface PerformanceChartInput {
  readonly series: NamedReturns;
  readonly benchmark?: NamedReturns;
}

/** One wealth path: n + 1 dates (start position first) and n + 1 values starting at 1. */
export interface WealthPath {
  readonly name: string;
  readonly dates: readonly IsoDate[];
  readonly values: Float64Array;
}

/** Wealth paths of the series (first) and the benchmark, and a note on dropped periods. */
export interface WealthPaths {
  readonly paths: readonly WealthPath[];
  readonly note?: string;
}

function startDate(dates: readonly IsoDate[]): IsoDate {
  const first = dates[0]!;
  const spacing = dates.length > 1 ? daysBetween(first, dates[1]!) : 1;
  return addDays(first, -spacing);
}

function path(name: string, dates: readonly IsoDate[], returns: ArrayLike<number>): WealthPath {
  return { name, dates: [startDate(dates), ...dates], values: valuesFromReturns(returns) };
}

/**
 * Builds the wealth paths (see the module comment). Throws `INVALID_INPUT` on an empty series
 * and `INSUFFICIENT_DATA` when series and benchmark share no date.
 */
export function wealthPaths(input: PerformanceChartInput): WealthPaths {
  const { series, benchmark } = input;
  if (series.returns.length === 0)
    throw invalidInput('series.returns', series.name, 'at least one return is needed to chart');
  if (!benchmark)
    return {
      paths: [
        path(
          series.name,
          series.returns.map((p) => p.date),
          series.returns.map((p) => p.value),
        ),
      ],
    };
  const table = alignCommon([
    { id: series.name, series: series.returns },
    { id: `${benchmark.name} (benchmark)`, series: benchmark.returns },
  ]);
  const dropped = Math.max(series.returns.length, benchmark.returns.length) - table.dates.length;
  return {
    paths: [
      path(series.name, table.dates, table.columns[0]!),
      path(`${benchmark.name} (benchmark)`, table.dates, table.columns[1]!),
    ],
    ...(dropped > 0
      ? {
          note: `${table.dates.length} common periods (${series.returns.length} in ${series.name}, ${benchmark.returns.length} in ${benchmark.name})`,
        }
      : {}),
  };
}
