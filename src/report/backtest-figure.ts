/**
 * The CLI's `backtest --chart` figure: three panels sharing the date axis — growth of $1 of
 * each strategy's daily TWR (top), its drawdown (middle; both as `backtest.ts` draws them) and
 * the rolling 12-month return (bottom; as `backtest-rolling.ts` draws it: the trailing
 * {@link ROLLING_ROWS} rows compounded, dated by the window's last row). One colour per strategy,
 * the benchmark grey and dashed; a strategy's growth and rolling lines share its legend entry.
 *
 * When no path has {@link ROLLING_ROWS} daily returns there is no 12-month window to roll: the
 * figure is the two panels of {@link backtestOption} and {@link BacktestFigure.note} says why
 * (the dashboard shows the same sentence in place of its rolling chart).
 */

import { backtestOption, type BacktestChartInput } from './backtest.ts';
import { backtestRollingOption, ROLLING_ROWS, rollingWindowFits } from './backtest-rolling.ts';
import { timeAxis, timeOf, valueAxis, type ChartOption } from './chart-style.ts';
import type { ChartSize } from './render.ts';

/** Pixel size of the three-panel figure (taller than the two-panel default, 960 × 600). */
export const BACKTEST_FIGURE_SIZE: ChartSize = { width: 960, height: 840 };

/** Pixel size of the two-panel figure (the CLI's default chart size). */
const TWO_PANEL_SIZE: ChartSize = { width: 960, height: 600 };

/** What {@link backtestFigure} draws. */
export interface BacktestFigure {
  readonly option: ChartOption;
  /** The size the figure is laid out for. */
  readonly size: ChartSize;
  /** Whether the rolling return panel is drawn. */
  readonly rolling: boolean;
  /** Why the rolling panel is missing, when it is. */
  readonly note?: string;
}

/**
 * Growth of $1, drawdown and rolling `window`-row return (default {@link ROLLING_ROWS}, 12
 * months) of every strategy and the benchmark (module comment).
 */
export function backtestFigure(
  input: BacktestChartInput,
  window: number = ROLLING_ROWS,
): BacktestFigure {
  const base = backtestOption(input);
  if (!rollingWindowFits(input, window)) {
    const longest = Math.max(
      0,
      ...[...input.strategies, ...(input.benchmark ? [input.benchmark] : [])].map(
        (p) => p.returns.length,
      ),
    );
    return {
      option: base,
      size: TWO_PANEL_SIZE,
      rolling: false,
      note: `no rolling ${window === ROLLING_ROWS ? '12-month' : `${window}-row`} return panel: the longest path has ${longest} daily returns, fewer than the window's ${window}`,
    };
  }
  const rolling = (backtestRollingOption(input, window).series as Record<string, unknown>[]).map(
    (s) => ({ ...s, xAxisIndex: 2, yAxisIndex: 2 }),
  );
  // The rolling lines start a year in: the three panels are given the same date range.
  const paths = [...input.strategies, ...(input.benchmark ? [input.benchmark] : [])];
  const range = {
    min: Math.min(...paths.map((p) => timeOf(p.start))),
    max: Math.max(...paths.map((p) => timeOf(p.returns.at(-1)?.date ?? p.start))),
  };
  const label =
    window === ROLLING_ROWS ? 'Rolling 12-month return' : `Rolling ${window}-row return`;
  return {
    option: {
      ...base,
      title: {
        ...(base.title as Record<string, unknown>),
        text: `Backtest: growth of $1 (TWR), drawdown and ${label.toLowerCase()}`,
      },
      grid: [
        { left: 72, right: 32, top: 56, height: '38%' },
        { left: 72, right: 32, top: '50%', height: '18%' },
        { left: 72, right: 32, top: '74%', bottom: 72 },
      ],
      xAxis: [0, 1, 2].map((i) => ({ ...timeAxis(i), ...range })),
      yAxis: [
        ...(base.yAxis as Record<string, unknown>[]),
        valueAxis(label, { percent: true, scale: true, gridIndex: 2 }),
      ],
      series: [...(base.series as Record<string, unknown>[]), ...rolling],
    },
    size: BACKTEST_FIGURE_SIZE,
    rolling: true,
  };
}
