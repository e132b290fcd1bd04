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

  it('computes benchmark-relative metrics on the common dates, against R 4.2.2 and hand sums', () => {
    const report = computeMetrics(portfolio, { periodsPerYear: 12, benchmark: benchmark.slice(1) });
    expect(report.benchmarkPeriods).toBe(5);
    // Common dates Feb..Jun: r = (−0.01, 0.03, −0.04, 0.01, 0.05), b = (−0.02, 0.02, −0.03, 0, 0.04),
    // means 0.008 and 0.002. Deviations r: (−0.018, 0.022, −0.048, 0.002, 0.042),
    // b: (−0.022, 0.018, −0.032, −0.002, 0.038).
    //   Σ dr·db = 0.000396 + 0.000396 + 0.001536 − 0.000004 + 0.001596 = 0.00392
    //   Σ db²   = 0.000484 + 0.000324 + 0.001024 + 0.000004 + 0.001444 = 0.00328
    //   β = 0.00392 / 0.00328 = 49/41 (R: coef(lm(r ~ b))[2] = 1.1951219512195117)
    // Active a = r − b = (0.01, 0.01, −0.01, 0.01, 0.01): mean 0.006, Σ(a − ā)² = 4·0.004² + 0.016²
    //   = 0.00032, sample variance 0.00008 → TE = √(0.00008 · 12) = √0.00096 (R: sd(r − b)·√12
    //   = 0.030983866769659335; PerformanceAnalytics TrackingError: sd × √scale).
    // Geometric annualised (k/n = 12/5): Π(1 + r) = 0.99·1.03·0.96·1.01·1.05 = 1.038136176,
    //   Π(1 + b) = 0.98·1.02·0.97·1.00·1.04 = 1.00839648 → R_p = 1.038136176^2.4 − 1
    //   = 0.09398251423137505, R_b = 1.00839648^2.4 − 1 = 0.020270125904638947 (R: prod(1 + x)^(12/5) − 1).
    // Jensen's α (PerformanceAnalytics CAPM.jensenAlpha, rf = 0): R_p − β R_b = 0.06975724180875778
    //   — annual, not CAPM.alpha's per-period intercept (R: coef(lm(r ~ b))[1] = 0.0056097560975609737).
    // Information ratio (PerformanceAnalytics InformationRatio = ActivePremium / TrackingError):
    //   (R_p − R_b) / TE = 0.07371238832673610 / 0.030983866769659335 = 2.3790571033218577.
    // Capture (UpDownRatios method "Capture", arithmetic means): up where b > 0 (0.02, 0.04):
    //   (0.03 + 0.05)/(0.02 + 0.04) = 4/3; down where b < 0 (−0.02, −0.03): (−0.01 − 0.04)/(−0.05)
    //   = 1; the period with b = 0 is in neither.
    const m = report.metrics;
    expect(m.beta).toBeCloseTo(49 / 41, 14);
    expect(m.trackingError).toBeCloseTo(Math.sqrt(0.00096), 14);
    expect(m.trackingError).toBeCloseTo(0.030983866769659335, 14);
    expect(m.alpha).toBeCloseTo(0.06975724180875778, 13);
    expect(m.informationRatio).toBeCloseTo(2.3790571033218577, 12);
    expect(m.upCapture).toBeCloseTo(4 / 3, 14);
    expect(m.downCapture).toBeCloseTo(1, 14);
    // A second, independent route to the annualised returns: exp((12/5) Σ ln(1 + x)) − 1.
    const annual = (x: number[]) =>
      Math.exp((12 / 5) * x.reduce((s, v) => s + Math.log1p(v), 0)) - 1;
    const rp = annual([-0.01, 0.03, -0.04, 0.01, 0.05]);
    const rb = annual([-0.02, 0.02, -0.03, 0, 0.04]);
    expect(m.alpha).toBeCloseTo(rp - (49 / 41) * rb, 13);
    expect(m.informationRatio).toBeCloseTo((rp - rb) / Math.sqrt(0.00096), 12);
    // January has no benchmark return: the relative metrics say so.
    // Six monthly periods are less than a year: the annualised figures extrapolate them.
    expect(report.warnings).toEqual([
      {
        code: 'ANNUALISED_UNDER_A_YEAR',
        message: `returns: 6 periods at 12 a year cover less than a year; the annualised figures extrapolate them (totalReturn is the window's own return)`,
        details: { field: 'returns', periods: 6, periodsPerYear: 12 },
      },
      {
        code: 'DATES_DROPPED',
        message:
          'benchmark-relative metrics: 1 of 6 dates dropped (the benchmark has no return on them; the other metrics use every date); 5 used',
        details: { field: 'benchmark', dropped: 1, total: 6, dates: ['2024-01-31'] },
      },
    ]);
    expect(
      computeMetrics(portfolio, { periodsPerYear: 12, benchmark }).warnings.map((w) => w.code),
    ).toEqual(['ANNUALISED_UNDER_A_YEAR']);
  });

  it('warns ANNUALISED_UNDER_A_YEAR below k periods and not at k', () => {
    // Six periods: under a year at k = 12 or 7, exactly a year at k = 6 (bimonthly).
    expect(computeMetrics(portfolio, { periodsPerYear: 12 }).warnings[0]).toMatchObject({
      code: 'ANNUALISED_UNDER_A_YEAR',
      details: { field: 'returns', periods: 6, periodsPerYear: 12 },
    });
    expect(computeMetrics(portfolio, { periodsPerYear: 6 }).warnings).toEqual([]);
    expect(computeMetrics(portfolio, { periodsPerYear: 7 }).warnings).toHaveLength(1);
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

  it('throws INSUFFICIENT_DATA for one period or no shared benchmark dates, INVALID_INPUT for k = 0', () => {
    const codeOf = (work: () => unknown): unknown => {
      try {
        work();
      } catch (e) {
        return e instanceof BallastError ? [e.code, e.details['field']] : e;
      }
      return 'no error';
    };
    expect(codeOf(() => computeMetrics(series([0.01]), { periodsPerYear: 12 }))).toEqual([
      'INSUFFICIENT_DATA',
      'returns',
    ]);
    const disjoint = [{ date: '2030-01-31', value: 0 }];
    expect(
      codeOf(() => computeMetrics(portfolio, { periodsPerYear: 12, benchmark: disjoint })),
    ).toEqual(['INSUFFICIENT_DATA', 'benchmark']);
    // One shared date is not enough for a covariance either.
    expect(
      codeOf(() =>
        computeMetrics(portfolio, { periodsPerYear: 12, benchmark: benchmark.slice(0, 1) }),
      ),
    ).toEqual(['INSUFFICIENT_DATA', 'benchmark']);
    expect(codeOf(() => computeMetrics(portfolio, { periodsPerYear: 0 }))).toEqual([
      'INVALID_INPUT',
      'periodsPerYear',
    ]);
  });
});
