import { describe, expect, it } from 'vitest';
import { ROWS_PER_YEAR } from '../domain/backtest/summary.ts';
import { addDays } from '../domain/calendar/iso-date.ts';
import type { BacktestPath } from './backtest.ts';
import { backtestRollingOption, ROLLING_ROWS, rollingWindowFits } from './backtest-rolling.ts';
import { PALETTE, timeOf } from './chart-style.ts';
import { renderSvg } from './render.ts';

const path = (name: string, values: readonly number[]): BacktestPath => ({
  name,
  start: '2024-01-01',
  returns: values.map((value, i) => ({ date: addDays('2024-01-01', i + 1), value })),
});

type Series = { name: string; data: [number, number][]; lineStyle: { type?: string } };
const seriesOf = (option: object): Series[] => (option as { series: Series[] }).series;

describe('the rolling return of a backtest', () => {
  it('compounds each window of rows, dated by its last row (by hand, window 2)', () => {
    // (1.1)(1.0) − 1 = 10 %, (1.0)(0.9) − 1 = −10 %, (0.9)(1.2) − 1 = 8 %.
    const option = backtestRollingOption(
      { strategies: [path('A', [0.1, 0, -0.1, 0.2])], benchmark: path('M', [0.5, -0.5, 0, 0]) },
      2,
    );
    const [a, m] = seriesOf(option);
    expect(a!.data.map(([t]) => t)).toEqual(['2024-01-03', '2024-01-04', '2024-01-05'].map(timeOf));
    expect(a!.data.map(([, v]) => v)).toEqual([10, -10, 8]);
    // M: (1.5)(0.5) − 1 = −25 %, then 0.5 − 1 = −50 %, then 0 %.
    expect(m!.data.map(([, v]) => v)).toEqual([-25, -50, 0]);
    expect(m!.name).toBe('M');
    expect(m!.lineStyle.type).toBe('dashed');
  });

  it('uses 252 rows by default and draws no line for a path shorter than the window', () => {
    expect(ROLLING_ROWS).toBe(ROWS_PER_YEAR);
    expect(ROWS_PER_YEAR).toBe(252);
    const long = path(
      'long',
      Array.from({ length: 253 }, () => 0.001),
    );
    const input = { strategies: [long, path('short', [0.01, 0.02])] };
    expect(rollingWindowFits(input)).toBe(true);
    expect(rollingWindowFits({ strategies: [path('short', [0.01])] })).toBe(false);
    const [l, s] = seriesOf(backtestRollingOption(input));
    // 253 returns give 2 windows of 252: 1.001^252 − 1 each.
    expect(l!.data).toHaveLength(2);
    expect(l!.data[0]![1]).toBeCloseTo((1.001 ** 252 - 1) * 100, 3);
    expect(s!.data).toEqual([]);
  });

  it('renders one line per path in the palette, the benchmark grey, and names the window', () => {
    const svg = renderSvg(
      backtestRollingOption(
        { strategies: [path('A', [0.1, 0, -0.1, 0.2])], benchmark: path('M', [0.1, 0, 0, 0]) },
        2,
      ),
      { width: 800, height: 500 },
    );
    expect(svg).toContain('Backtest: rolling 2-row return (TWR)');
    expect(svg).toContain(`stroke="${PALETTE[0]}"`);
    expect(svg).toContain(`stroke="${PALETTE[6]}"`);
  });
});
