/**
 * The Backtest page's charts, drawn by the `src/report` builders (the CLI's `--chart` figure and
 * the rolling return): growth of $1 of each strategy's daily TWR over its drawdown, and the
 * rolling 12-month (252-row) return. Here the document's daily returns only change shape.
 */
import { backtestOption, type BacktestChartInput } from '../../../../src/report/backtest.ts';
import {
  backtestRollingOption,
  rollingWindowFits,
} from '../../../../src/report/backtest-rolling.ts';
import type { ChartOption } from '../../../../src/report/chart-style.ts';
import type { BacktestDocument, BacktestStrategyDocument } from '../../api/documents.ts';

export { ROLLING_ROWS } from '../../../../src/report/backtest-rolling.ts';

/** The chart input of a document: every strategy and the benchmark from the first row. */
export function chartInput(doc: BacktestDocument): BacktestChartInput {
  const path = (s: BacktestStrategyDocument) => ({
    name: s.name,
    start: doc.window.from,
    returns: s.returns,
  });
  return {
    strategies: doc.strategies.map(path),
    ...(doc.benchmark === undefined ? {} : { benchmark: path(doc.benchmark) }),
  };
}

/**
 * A builder's option as the page lays it out — presentation only, never a figure changed: no
 * room for the title strip (the panel names the chart), the legend in the axis colour (which the
 * dark theme lightens) and, on a narrow screen, a narrower right margin and the legend on one
 * scrolling line (it would wrap over the axis).
 */
export function laidOut(option: ChartOption, narrow: boolean): ChartOption {
  const grids = (Array.isArray(option.grid) ? option.grid : [option.grid]).map((g, i) => ({
    ...(g as Record<string, unknown>),
    ...(i === 0 ? { top: 24 } : {}),
    ...(narrow ? { right: 12 } : {}),
  }));
  const given = option.legend as Record<string, unknown> | undefined;
  const legend =
    given === undefined
      ? {}
      : {
          legend: {
            ...given,
            textStyle: { color: '#374151' },
            ...(narrow ? { type: 'scroll', bottom: 4 } : {}),
          },
        };
  return {
    ...option,
    grid: Array.isArray(option.grid) ? grids : grids[0],
    ...legend,
  } as ChartOption;
}

/** Growth of $1 over drawdown (src/report/backtest.ts). */
export const growthChart = (input: BacktestChartInput): ChartOption => backtestOption(input);

/** Rolling 12-month return (src/report/backtest-rolling.ts); null when no path is long enough. */
export const rollingChart = (input: BacktestChartInput): ChartOption | null =>
  rollingWindowFits(input) ? backtestRollingOption(input) : null;
