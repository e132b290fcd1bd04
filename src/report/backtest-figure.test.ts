import { describe, expect, it } from 'vitest';
import { addDays } from '../domain/calendar/iso-date.ts';
import type { BacktestPath } from './backtest.ts';
import { BACKTEST_FIGURE_SIZE, backtestFigure } from './backtest-figure.ts';
import { timeOf } from './chart-style.ts';
import { renderSvg } from './render.ts';

const path = (name: string, values: readonly number[]): BacktestPath => ({
  name,
  start: '2024-01-01',
  returns: values.map((value, i) => ({ date: addDays('2024-01-01', i + 1), value })),
});

type Series = {
  name: string;
  data: [number, number][];
  xAxisIndex: number;
  yAxisIndex: number;
  lineStyle: { type?: string };
};
const seriesOf = (option: object): Series[] => (option as { series: Series[] }).series;

describe('the backtest figure (growth, drawdown, rolling return)', () => {
  const input = {
    strategies: [path('A', [0.1, 0, -0.1, 0.2])],
    benchmark: path('M', [0.5, -0.5, 0, 0]),
  };

  it('adds a third panel with the rolling return of every path (by hand, window 2)', () => {
    const figure = backtestFigure(input, 2);
    expect(figure.rolling).toBe(true);
    expect(figure.note).toBeUndefined();
    expect(figure.size).toEqual(BACKTEST_FIGURE_SIZE);
    const option = figure.option as { grid: unknown[]; xAxis: unknown[]; yAxis: unknown[] };
    expect(option.grid).toHaveLength(3);
    expect(option.xAxis).toHaveLength(3);
    expect(option.yAxis).toHaveLength(3);
    // The panels share the dates from the first row to the last return, the rolling one too.
    for (const axis of option.xAxis)
      expect(axis).toMatchObject({ min: timeOf('2024-01-01'), max: timeOf('2024-01-05') });
    const panels = seriesOf(figure.option).map((s) => [s.name, s.xAxisIndex, s.yAxisIndex]);
    expect(panels).toEqual([
      ['A', 0, 0],
      ['A drawdown', 1, 1],
      ['M', 0, 0],
      ['M drawdown', 1, 1],
      ['A', 2, 2],
      ['M', 2, 2],
    ]);
    const [, , , , a, m] = seriesOf(figure.option);
    // A: (1.1)(1.0) − 1 = 10 %, (1.0)(0.9) − 1 = −10 %, (0.9)(1.2) − 1 = 8 %.
    expect(a!.data.map(([t]) => t)).toEqual(['2024-01-03', '2024-01-04', '2024-01-05'].map(timeOf));
    expect(a!.data.map(([, v]) => v)).toEqual([10, -10, 8]);
    // M: (1.5)(0.5) − 1 = −25 %, 0.5 × 1 − 1 = −50 %, 1 × 1 − 1 = 0 %; grey and dashed.
    expect(m!.data.map(([, v]) => v)).toEqual([-25, -50, 0]);
    expect(m!.lineStyle.type).toBe('dashed');
  });

  it('renders the three panels with their axis names', () => {
    const figure = backtestFigure(input, 2);
    const svg = renderSvg(figure.option, figure.size);
    for (const label of ['Value of $1', 'Drawdown', 'Rolling 2-row return'])
      expect(svg).toContain(label);
    expect(svg).toContain('drawdown and rolling 2-row return');
  });

  it('leaves the rolling panel out, and says why, when no path fills the window', () => {
    const figure = backtestFigure(input);
    expect(figure.rolling).toBe(false);
    expect(figure.note).toBe(
      "no rolling 12-month return panel: the longest path has 4 daily returns, fewer than the window's 252",
    );
    expect((figure.option as { grid: unknown[] }).grid).toHaveLength(2);
    expect(seriesOf(figure.option).map((s) => s.name)).toEqual([
      'A',
      'A drawdown',
      'M',
      'M drawdown',
    ]);
  });
});
