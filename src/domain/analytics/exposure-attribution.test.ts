import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../core/linalg/matrix.ts';
import {
  alignExposureAttribution,
  linkExposureAttribution,
  periodExposureAttribution,
} from './exposure-attribution.ts';

const m = (rows: number, cols: number, values: number[]): Matrix => ({
  rows,
  cols,
  data: Float64Array.from(values),
});
const sum = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0);

/**
 * Two funds, two periods. L = 2× equity (E_L = [2, 0], net 2: borrows $1 per $1 at c);
 * B = plain bond fund (E_B = [0, 1], net 1: no financing). Columns: [L, B]; exposures
 * [eq, bond].
 *   t1: w = (0.6, 0.4), x_eq = 0.02, x_bond = 0.005, c = 0.001, r_L = 0.0385, r_B = 0.006
 *   t2: w = (0.5, 0.5), x_eq = −0.01, x_bond = 0.01, c = 0.002, r_L = −0.025, r_B = 0.01
 */
const example = {
  weights: m(2, 2, [0.6, 0.4, 0.5, 0.5]),
  fundReturns: m(2, 2, [0.0385, 0.006, -0.025, 0.01]),
  loadings: m(2, 2, [2, 0, 0, 1]),
  exposureReturns: m(2, 2, [0.02, 0.005, -0.01, 0.01]),
  cashReturns: [0.001, 0.002],
};

describe('periodExposureAttribution: hand-computed two-period example with a 2× fund', () => {
  const p = periodExposureAttribution(example);

  it('period 1: R = 0.6·0.0385 + 0.4·0.006 = 0.0255, split into exposure, financing, residual', () => {
    expect(p.portfolioReturns[0]).toBeCloseTo(0.0255, 15);
    // C_eq = 0.6·2·0.02 = 0.024; C_bond = 0.4·1·0.005 = 0.002.
    expect(p.exposureContributions.data[0]).toBeCloseTo(0.024, 15);
    expect(p.exposureContributions.data[1]).toBeCloseTo(0.002, 15);
    // F = −0.6·(2 − 1)·0.001 − 0.4·(1 − 1)·0.001 = −0.0006.
    expect(p.financing![0]).toBeCloseTo(-0.0006, 15);
    // I_L = 0.6·(0.0385 − 0.04 + 0.001) = −0.0003; I_B = 0.4·(0.006 − 0.005) = 0.0004.
    expect(p.implementation.data[0]).toBeCloseTo(-0.0003, 15);
    expect(p.implementation.data[1]).toBeCloseTo(0.0004, 15);
    // 0.024 + 0.002 − 0.0006 − 0.0003 + 0.0004 = 0.0255.
  });

  it('period 2: R = 0.5·(−0.025) + 0.5·0.01 = −0.0075', () => {
    expect(p.portfolioReturns[1]).toBeCloseTo(-0.0075, 15);
    // C_eq = 0.5·2·(−0.01) = −0.01; C_bond = 0.5·0.01 = 0.005; F = −0.5·1·0.002 = −0.001.
    expect(p.exposureContributions.data[2]).toBeCloseTo(-0.01, 15);
    expect(p.exposureContributions.data[3]).toBeCloseTo(0.005, 15);
    expect(p.financing![1]).toBeCloseTo(-0.001, 15);
    // I_L = 0.5·(−0.025 + 0.02 + 0.002) = −0.0015; I_B = 0.5·(0.01 − 0.01) = 0.
    expect(p.implementation.data[2]).toBeCloseTo(-0.0015, 15);
    expect(p.implementation.data[3]).toBeCloseTo(0, 15);
  });

  it('Carino-links to the compounded 1.0255·0.9925 − 1 = 0.01780875', () => {
    const linked = linkExposureAttribution(p);
    expect(linked.totalReturn).toBeCloseTo(0.01780875, 14);
    // k_1 = ln(1.0255)/0.0255, k_2 = ln(0.9925)/(−0.0075), K = ln(1.01780875)/0.01780875.
    const k1 = Math.log(1.0255) / 0.0255;
    const k2 = Math.log(0.9925) / -0.0075;
    const K = Math.log(1.01780875) / 0.01780875;
    const link = (a: number, b: number): number => (k1 * a + k2 * b) / K;
    expect(linked.exposures[0]).toBeCloseTo(link(0.024, -0.01), 14);
    expect(linked.exposures[1]).toBeCloseTo(link(0.002, 0.005), 14);
    expect(linked.financing).toBeCloseTo(link(-0.0006, -0.001), 14);
    expect(linked.implementation[0]).toBeCloseTo(link(-0.0003, -0.0015), 14);
    expect(linked.implementation[1]).toBeCloseTo(link(0.0004, 0), 14);
    const lines = sum(linked.exposures) + linked.financing! + sum(linked.implementation);
    expect(Math.abs(lines - 0.01780875)).toBeLessThanOrEqual(1e-12);
  });

  it('without a cash series the financing leg stays in the 2× fund’s implementation line', () => {
    const q = periodExposureAttribution({
      weights: example.weights,
      fundReturns: example.fundReturns,
      loadings: example.loadings,
      exposureReturns: example.exposureReturns,
    });
    expect(q.financing).toBeUndefined();
    // I_L,1 = 0.6·(0.0385 − 0.04) = −0.0009 = −0.0003 (residual) − 0.0006 (financing).
    expect(q.implementation.data[0]).toBeCloseTo(-0.0009, 15);
    expect(linkExposureAttribution(q).financing).toBeUndefined();
  });

  it('rejects mismatched shapes and non-finite values', () => {
    expect(() => periodExposureAttribution({ ...example, loadings: m(2, 1, [2, 0]) })).toThrowError(
      /loadings: must be 2×1|exposureReturns: must be 2×1/,
    );
    expect(() =>
      periodExposureAttribution({ ...example, weights: m(1, 2, [0.6, 0.4]) }),
    ).toThrowError(/weights: must be 2×2/);
    expect(() => periodExposureAttribution({ ...example, cashReturns: [0.001] })).toThrowError(
      /cashReturns/,
    );
    expect(() =>
      periodExposureAttribution({ ...example, weights: m(2, 2, [0.6, NaN, 0.5, 0.5]) }),
    ).toThrowError(/weights\[1\]: must be finite/);
  });

  it('refuses to link a period that loses everything', () => {
    const q = periodExposureAttribution({
      weights: m(1, 1, [1]),
      fundReturns: m(1, 1, [-1]),
      loadings: m(1, 1, [1]),
      exposureReturns: m(1, 1, [-1]),
    });
    expect(() => linkExposureAttribution(q)).toThrowError(/R_t > −1/);
  });
});

describe('exposure attribution (property)', () => {
  const ret = fc.double({ min: -0.3, max: 0.3, noNaN: true });
  it('lines add up to R_t each period and linked lines to the compounded total (1e-12)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.infiniteStream(fc.double({ min: -1, max: 3, noNaN: true })),
        fc.infiniteStream(ret),
        (n, K, T, withCash, loads, rets) => {
          const take = (s: IterableIterator<number>, k: number): number[] =>
            Array.from({ length: k }, () => s.next().value as number);
          const weightRow = take(loads, n).map((x) => x / 3);
          const input = {
            weights: m(T, n, Array.from({ length: T }, () => weightRow).flat()),
            fundReturns: m(T, n, take(rets, T * n)),
            loadings: m(n, K, take(loads, n * K)),
            exposureReturns: m(T, K, take(rets, T * K)),
            ...(withCash ? { cashReturns: take(rets, T).map((x) => x / 10) } : {}),
          };
          const p = periodExposureAttribution(input);
          for (let t = 0; t < T; t++) {
            let lines = p.financing?.[t] ?? 0;
            for (let e = 0; e < K; e++) lines += p.exposureContributions.data[t * K + e]!;
            for (let f = 0; f < n; f++) lines += p.implementation.data[t * n + f]!;
            // R_t recomputed here from its definition, not taken from the function.
            let r = 0;
            for (let f = 0; f < n; f++)
              r += input.weights.data[t * n + f]! * input.fundReturns.data[t * n + f]!;
            expect(Math.abs(lines - r)).toBeLessThanOrEqual(1e-12);
          }
          let growth = 1;
          for (let t = 0; t < T; t++) growth *= 1 + p.portfolioReturns[t]!;
          if (!(growth > 0) || p.portfolioReturns.some((r) => !(r > -1))) return;
          const l = linkExposureAttribution(p);
          const total = sum(l.exposures) + (l.financing ?? 0) + sum(l.implementation);
          expect(Math.abs(total - (growth - 1))).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('alignExposureAttribution', () => {
  const fund = (values: [string, number][]) => values.map(([date, value]) => ({ date, value }));

  it('keeps only the dates every used series shares (2024-01-03: no equity return, dropped)', () => {
    const aligned = alignExposureAttribution({
      funds: [
        {
          id: 'L',
          series: fund([
            ['2024-01-02', 0.0385],
            ['2024-01-03', 0.01],
            ['2024-01-04', -0.025],
          ]),
        },
        {
          id: 'B',
          series: fund([
            ['2024-01-02', 0.006],
            ['2024-01-03', 0],
            ['2024-01-04', 0.01],
          ]),
        },
      ],
      exposureIds: ['eq', 'bond'],
      exposureReturns: new Map([
        [
          'eq',
          fund([
            ['2024-01-01', 0.5],
            ['2024-01-02', 0.02],
            ['2024-01-04', -0.01],
          ]),
        ],
        [
          'bond',
          fund([
            ['2024-01-02', 0.005],
            ['2024-01-03', 0],
            ['2024-01-04', 0.01],
          ]),
        ],
        // Not loaded by any fund: ignored, does not restrict the dates.
        ['gold', fund([['2024-01-04', 0.03]])],
      ]),
      cashReturns: fund([
        ['2024-01-02', 0.001],
        ['2024-01-03', 0.001],
        ['2024-01-04', 0.002],
      ]),
    });
    expect(aligned.dates).toEqual(['2024-01-02', '2024-01-04']);
    expect(Array.from(aligned.fundReturns.data)).toEqual([0.0385, 0.006, -0.025, 0.01]);
    expect(Array.from(aligned.exposureReturns.data)).toEqual([0.02, 0.005, -0.01, 0.01]);
    expect(Array.from(aligned.cashReturns!)).toEqual([0.001, 0.002]);
    // Both funds have 3 dates; the equity series lacks the 3rd of January: counted, not filled.
    expect(aligned.warnings).toEqual([
      {
        code: 'DATES_DROPPED',
        message:
          'attribution: 1 of 3 dates dropped (not every loaded exposure and the cash series has a return on them); 2 used',
        details: { field: 'exposureReturns', dropped: 1, total: 3, dates: ['2024-01-03'] },
      },
    ]);
  });

  it('serves a cash_rate loading from the cash series when no exposure series is named so', () => {
    const aligned = alignExposureAttribution({
      funds: [{ id: 'BIL', series: fund([['2024-01-02', 0.0011]]) }],
      exposureIds: ['cash_rate'],
      exposureReturns: new Map(),
      cashReturns: fund([['2024-01-02', 0.001]]),
    });
    expect(Array.from(aligned.exposureReturns.data)).toEqual([0.001]);
    expect(aligned.cashReturns).toBeDefined();
    expect(aligned.warnings).toEqual([]);
  });

  it('names every loaded exposure that has no series (DATA_UNAVAILABLE), never a zero fill', () => {
    expect(() =>
      alignExposureAttribution({
        funds: [{ id: 'L', series: fund([['2024-01-02', 0.01]]) }],
        exposureIds: ['eq', 'cash_rate', 'gold'],
        exposureReturns: new Map([['eq', fund([['2024-01-02', 0.005]])]]),
      }),
    ).toThrowError(/no return series for exposures cash_rate, gold/);
  });

  it('fails with INSUFFICIENT_DATA when the series share no date', () => {
    expect(() =>
      alignExposureAttribution({
        funds: [{ id: 'L', series: fund([['2024-01-02', 0.01]]) }],
        exposureIds: ['eq'],
        exposureReturns: new Map([['eq', fund([['2024-01-03', 0.005]])]]),
      }),
    ).toThrowError(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });
});
