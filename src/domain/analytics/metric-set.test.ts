import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import type { ReturnSeries } from '../series/types.ts';
import { computeMetrics } from './metric-set.ts';

const dates = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30'];
const series = (values: number[]): ReturnSeries =>
  values.map((value, i) => ({ date: dates[i]!, value }));

describe('computeMetrics', () => {
  const portfolio = series([0.02, -0.01, 0.03, -0.04, 0.01, 0.05]);
  const benchmark = series([0.01, -0.02, 0.02, -0.03, 0.0, 0.04]);

  it('names every CLI metric in its conventions and reports nulls without a benchmark', () => {
    const report = computeMetrics(portfolio, { periodsPerYear: 12 });
    expect(report.periods).toBe(6);
    expect(report.benchmarkPeriods).toBe(0);
    expect(report.metrics.beta).toBeNull();
    expect(report.metrics.alpha).toBeNull();
    expect(Object.keys(report.conventions).sort()).toEqual(Object.keys(report.metrics).sort());
    // By hand: Π(1+r) = 1.02·0.99·1.03·0.96·1.01·1.05.
    expect(report.metrics.totalReturn).toBeCloseTo(1.02 * 0.99 * 1.03 * 0.96 * 1.01 * 1.05 - 1, 14);
    // Omega at 0: gains 0.11 / losses 0.05.
    expect(report.metrics.omega).toBeCloseTo(0.11 / 0.05, 12);
    expect(report.supplementary.hitRate).toBeCloseTo(4 / 6, 15);
    expect(report.supplementary.bestPeriod).toEqual({ date: '2024-06-30', value: 0.05 });
    expect(report.supplementary.worstPeriod).toEqual({ date: '2024-04-30', value: -0.04 });
    // Drawdown: peak after March (1.02·0.99·1.03), trough in April, recovered in June.
    expect(report.metrics.maxDrawdown).toBeCloseTo(0.04, 14);
    expect(report.metrics.maxDrawdownPeak).toBe('2024-03-31');
    expect(report.metrics.maxDrawdownTrough).toBe('2024-04-30');
    expect(report.metrics.maxDrawdownRecovery).toBe('2024-06-30');
  });

  it('computes benchmark-relative metrics on the common dates', () => {
    const report = computeMetrics(portfolio, { periodsPerYear: 12, benchmark: benchmark.slice(1) });
    expect(report.benchmarkPeriods).toBe(5);
    const m = report.metrics;
    expect(m.beta).toBeGreaterThan(0);
    expect(m.trackingError).toBeGreaterThan(0);
    expect(m.upCapture).toBeCloseTo((0.03 + 0.05) / (0.02 + 0.04), 14);
    expect(m.downCapture).toBeCloseTo((-0.01 - 0.04) / (-0.02 - 0.03), 14);
    expect(m.alpha).not.toBeNull();
    expect(m.informationRatio).not.toBeNull();
  });

  it('converts the annual risk-free rate per period geometrically', () => {
    const report = computeMetrics(portfolio, { periodsPerYear: 12, riskFreeRateAnnual: 0.05 });
    expect(report.supplementary.riskFreePerPeriod).toBeCloseTo(1.05 ** (1 / 12) - 1, 15);
    expect(report.metrics.sharpe).toBeLessThan(
      computeMetrics(portfolio, { periodsPerYear: 12 }).metrics.sharpe!,
    );
  });

  it('reports null Sharpe, Sortino and moments on a constant series, "start" for a first-day peak', () => {
    const flat = computeMetrics(series([0.01, 0.01, 0.01]), { periodsPerYear: 12 });
    expect(flat.metrics.sharpe).toBeNull();
    expect(flat.metrics.sortino).toBeNull();
    expect(flat.metrics.skewness).toBeNull();
    expect(flat.metrics.calmar).toBeNull();
    expect(flat.metrics.maxDrawdownPeak).toBeNull();
    const falling = computeMetrics(series([-0.01, 0.005]), { periodsPerYear: 12 });
    expect(falling.metrics.maxDrawdownPeak).toBe('start');
    expect(falling.metrics.maxDrawdownRecovery).toBeNull();
  });

  it('throws INSUFFICIENT_DATA for one period or no shared benchmark dates', () => {
    expect(() => computeMetrics(series([0.01]), { periodsPerYear: 12 })).toThrow(BallastError);
    expect(() =>
      computeMetrics(portfolio, {
        periodsPerYear: 12,
        benchmark: [{ date: '2030-01-31', value: 0 }],
      }),
    ).toThrow(/common/);
    expect(() => computeMetrics(portfolio, { periodsPerYear: 0 })).toThrow(/periodsPerYear/);
  });
});
