import { describe, expect, it } from 'vitest';
import { BallastError } from '../domain/errors.ts';
import { analyze, analyzeWithCharts } from './analyze.ts';

/** Monthly returns; A has no return in April (an empty cell, never a zero). */
const RETURNS = [
  'date,A,B',
  '2024-01-31,0.02,0.01',
  '2024-02-29,-0.01,0.03',
  '2024-03-31,0.04,-0.02',
  '2024-04-30,,0.01',
  '2024-05-31,0.01,0.02',
].join('\n');
const returns = { text: RETURNS, name: 'inline.csv' };

function fieldOf(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => 'no error',
    (e: unknown) => (e instanceof BallastError ? [e.code, e.details['field']] : e),
  );
}

describe('analyze use case', () => {
  it('a 50/50 portfolio on the dates both members have: metrics and k by hand', async () => {
    const doc = await analyze({
      returns,
      weights: [
        { symbol: 'a', weight: 0.5 },
        { symbol: 'B', weight: 0.5 },
      ],
    });
    // April drops out (A has no return): 0.5·(0.02 + 0.01) = 0.015, 0.5·(−0.01 + 0.03) = 0.01,
    // 0.5·(0.04 − 0.02) = 0.01, 0.5·(0.01 + 0.02) = 0.015.
    expect(doc.periods).toBe(4);
    // Date gaps 29, 31, 61 days: median 31 → monthly, k = 12.
    expect(doc.periodsPerYear).toBe(12);
    // Π(1 + p) − 1 = 1.015² × 1.01² − 1 = 1.030225 × 1.0201 − 1 = 0.0509325225.
    expect(doc.metrics.totalReturn).toBeCloseTo(0.0509325225, 14);
    // Mean 0.0125, deviations ±0.0025: sample variance 4 × 0.0025²/3 = 2.5e-5/3;
    // × 12 = 1e-4 → volatility 0.01; Sharpe (rf 0) = 0.0125 × 12 / 0.01 = 15.
    expect(doc.metrics.annualizedVolatility).toBeCloseTo(0.01, 14);
    expect(doc.metrics.sharpe).toBeCloseTo(15, 11);
    expect(doc.metrics.maxDrawdown).toBe(0);
    expect(doc.metrics.beta).toBeNull();
    // Four monthly periods are less than a year: the annualised figures say they extrapolate.
    expect(doc.warnings).toEqual([
      {
        code: 'DATES_DROPPED',
        message:
          'the portfolio: 1 of 5 dates dropped (not every member has a return on them); 4 used',
        details: { field: 'weights', dropped: 1, total: 5, dates: ['2024-04-30'] },
      },
      {
        code: 'ANNUALISED_UNDER_A_YEAR',
        message: `returns: 4 periods at 12 a year cover less than a year; the annualised figures extrapolate them (totalReturn is the window's own return)`,
        details: { field: 'returns', periods: 4, periodsPerYear: 12 },
      },
    ]);
  });

  it('one column against a benchmark column: beta and capture by hand', async () => {
    const doc = await analyze({ returns, column: 'A', benchmark: 'B', periodsPerYear: 12 });
    // Common dates: A's four. A = (0.02, −0.01, 0.04, 0.01), mean 0.015; B = (0.01, 0.03, −0.02,
    // 0.02), mean 0.01. Σ dA·dB = 0.005·0 − 0.025·0.02 + 0.025·(−0.03) − 0.005·0.01 = −0.0013;
    // Σ dB² = 0 + 0.0004 + 0.0009 + 0.0001 = 0.0014 → β = −13/14.
    expect(doc.metrics.beta).toBeCloseTo(-13 / 14, 13);
    // Up (B > 0: Jan, Feb, May): mean A 0.02/3 over mean B 0.06/3 = 1/3; down (Mar): 0.04/−0.02.
    expect(doc.metrics.upCapture).toBeCloseTo(1 / 3, 14);
    expect(doc.metrics.downCapture).toBeCloseTo(-2, 14);
    // B has every date of A: nothing dropped; four months are less than a year.
    expect(doc.warnings.map((w) => w.code)).toEqual(['ANNUALISED_UNDER_A_YEAR']);
  });

  it('rolling window 2 and the deepest drawdown', async () => {
    const doc = await analyze({ returns, column: 'A', rollingWindow: 2, drawdowns: 3 });
    // Windows (0.02, −0.01), (−0.01, 0.04), (0.04, 0.01): 1.02·0.99 − 1, 0.99·1.04 − 1, 1.04·1.01 − 1.
    expect(doc.rolling!.points.map((p) => p.date)).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-05-31',
    ]);
    const expected = [1.02 * 0.99 - 1, 0.99 * 1.04 - 1, 1.04 * 1.01 - 1];
    doc.rolling!.points.forEach((p, i) => expect(p.return).toBeCloseTo(expected[i]!, 14));
    // Wealth 1, 1.02, 1.0098, 1.050192, 1.06069392: one drawdown, 1 − 0.99 = 1 %, peak Jan,
    // trough Feb, recovered Mar.
    expect(doc.drawdowns).toHaveLength(1);
    expect(doc.drawdowns![0]).toMatchObject({
      peak: '2024-01-31',
      trough: '2024-02-29',
      recovery: '2024-03-31',
    });
    expect(doc.drawdowns![0]!.depth).toBeCloseTo(0.01, 14);
  });

  it('attributes a portfolio of exposure-id columns: position = exposure lines, no implementation', async () => {
    // Columns named after exposures of config/exposures.yaml load 1 on themselves.
    const mine = [
      'date,US_LARGE_EQUITY,BROAD_UST',
      '2024-01-31,0.02,0.01',
      '2024-02-29,-0.01,0.03',
      '2024-03-31,0.01,0.00',
    ].join('\n');
    // No bond return in March: the attribution runs on January and February only.
    const exposures = [
      'date,us_large_equity,broad_ust',
      '2024-01-31,0.02,0.01',
      '2024-02-29,-0.01,0.03',
      '2024-03-31,0.01,',
    ].join('\n');
    const doc = await analyze({
      returns: { text: mine },
      weights: [
        { symbol: 'US_LARGE_EQUITY', weight: 0.6 },
        { symbol: 'BROAD_UST', weight: 0.4 },
      ],
      attribution: { exposureReturns: { text: exposures, name: 'exposures.csv' } },
    });
    // R1 = 0.6·0.02 + 0.4·0.01 = 0.016, R2 = 0.6·(−0.01) + 0.4·0.03 = 0.006, total 1.016·1.006 − 1.
    const total = 1.016 * 1.006 - 1;
    const k1 = Math.log(1.016) / 0.016;
    const k2 = Math.log(1.006) / 0.006;
    const K = Math.log1p(total) / total;
    const a = doc.attribution!;
    expect(a).toMatchObject({ method: 'carino', periods: 2, from: '2024-01-31', to: '2024-02-29' });
    expect(a.totalReturn).toBeCloseTo(0.022096, 14);
    expect(a.byPosition['US_LARGE_EQUITY']).toBeCloseTo((k1 * 0.012 + k2 * -0.006) / K, 14);
    expect(a.byPosition['BROAD_UST']).toBeCloseTo((k1 * 0.004 + k2 * 0.012) / K, 14);
    expect(a.byExposure['us_large_equity']).toBeCloseTo(a.byPosition['US_LARGE_EQUITY']!, 14);
    const implementation = a.byExposure['implementation'] as Record<string, number>;
    expect(Math.abs(implementation['US_LARGE_EQUITY']!)).toBeLessThan(1e-15);
    expect(doc.warnings.map((w) => [w.code, w.details['field'], w.details['dropped']])).toEqual([
      ['ANNUALISED_UNDER_A_YEAR', 'returns', undefined],
      ['DATES_DROPPED', 'exposureReturns', 1],
    ]);
  });

  it('builds only the chart options asked for', async () => {
    const none = await analyzeWithCharts({ returns, column: 'B' });
    expect(none.charts).toEqual({});
    const both = await analyzeWithCharts({
      returns,
      column: 'B',
      rollingWindow: 2,
      charts: { growth: true, rolling: true },
    });
    expect(Object.keys(both.charts)).toEqual(['growth', 'rolling']);
    expect(JSON.stringify(both.charts.growth)).toContain('B: growth of $1 and drawdown');
  });

  it('names the input field of each bad input', async () => {
    expect(
      await fieldOf(() => analyze({ returns, column: 'A', weights: [{ symbol: 'A', weight: 1 }] })),
    ).toEqual(['INVALID_INPUT', 'column']);
    expect(
      await fieldOf(() =>
        analyze({
          returns,
          weights: [
            { symbol: 'A', weight: 0.5 },
            { symbol: 'Q', weight: 0.5 },
          ],
        }),
      ),
    ).toEqual(['INVALID_INPUT', 'weights[1].symbol']);
    expect(await fieldOf(() => analyze({ returns, column: 'A', rollingWindow: 5 }))).toEqual([
      'INVALID_INPUT',
      'rollingWindow',
    ]);
    expect(await fieldOf(() => analyze({ returns, column: 'A', benchmark: 'Z' }))).toEqual([
      'INVALID_INPUT',
      'benchmark',
    ]);
    expect(await fieldOf(() => analyze({ returns, charts: { rolling: true } }))).toEqual([
      'INVALID_INPUT',
      'charts.rolling',
    ]);
    expect(await fieldOf(() => analyze({ returns: { path: '/nonexistent/r.csv' } }))).toEqual([
      'NOT_FOUND',
      'returns',
    ]);
  });
});
