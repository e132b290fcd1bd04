/**
 * The Overview's charts: growth of $1 and drawdown of the portfolio's daily TWR (and the
 * benchmark's daily total return), drawn by the `src/report` builders the CLI's `--chart`
 * uses. Here the API's daily series only change shape (arrays → dated series).
 */
import { drawdownOption } from '../../../../src/report/drawdown.ts';
import { growthOfOneOption } from '../../../../src/report/growth.ts';
import type { PerformanceChartInput } from '../../../../src/report/wealth-paths.ts';
import type { ChartOption } from '../../../../src/report/chart-style.ts';
import type { PerformanceDocument } from '../../api/documents.ts';

type Daily = NonNullable<PerformanceDocument['daily']>;

/** The chart input of a daily series, or null when it has no day. */
export function chartInput(daily: Daily | undefined): PerformanceChartInput | null {
  if (daily === undefined || daily.dates.length === 0) return null;
  const dated = (values: readonly number[]) =>
    daily.dates.map((date, i) => ({ date, value: values[i]! }));
  return {
    series: { name: 'Portfolio (TWR)', returns: dated(daily.portfolio) },
    ...(daily.benchmark === undefined
      ? {}
      : { benchmark: { name: daily.benchmark.symbol, returns: dated(daily.benchmark.returns) } }),
  };
}

/** Growth of $1 (src/report/growth.ts). */
export const growthChart = (input: PerformanceChartInput): ChartOption => growthOfOneOption(input);

/** Drawdown, underwater (src/report/drawdown.ts). */
export const drawdownChart = (input: PerformanceChartInput): ChartOption => drawdownOption(input);
