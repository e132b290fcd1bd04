/**
 * `analyze` weights and the cash line: weights that do not sum to 1 are refused unless the cash
 * line `CASH` is explicit, whose return is its annual rate (plus the borrowing spread when
 * negative) converted per period as (1 + c)^(1/k) − 1. Expected values by hand below.
 */

import { describe, expect, it } from 'vitest';
import { BallastError } from '../domain/errors.ts';
import { analyze } from './analyze.ts';

/** Half-yearly periods (k = 2 given): a rate of 2.01 % a year is 1 % a period (1.01² = 1.0201). */
const RETURNS = [
  'date,A,B',
  '2024-01-31,0.02,0.01',
  '2024-07-31,-0.01,0.02',
  '2025-01-31,0.03,-0.01',
];
const returns = { text: RETURNS.join('\n'), name: 'r.csv' };

async function refusal(work: Promise<unknown>): Promise<BallastError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

const w = (pairs: [string, number][]) => pairs.map(([symbol, weight]) => ({ symbol, weight }));

describe('analyze weights that do not sum to 1', () => {
  it('A=0.6,B=0.6 (sum 1.2, no cash line) is INVALID_INPUT naming the cash line to add', async () => {
    const e = await refusal(
      analyze({
        returns,
        weights: w([
          ['A', 0.6],
          ['B', 0.6],
        ]),
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toMatchObject({ field: 'weights', value: 'A=0.6,B=0.6' });
    expect(e.message).toContain('sum to 1.2, not 1');
    expect(e.message).toContain('CASH=-0.2');
  });

  it('A=0.3,B=0.3 (sum 0.6, no cash line) is INVALID_INPUT suggesting CASH=0.4', async () => {
    const e = await refusal(
      analyze({
        returns,
        weights: w([
          ['A', 0.3],
          ['B', 0.3],
        ]),
      }),
    );
    expect(e.details['field']).toBe('weights');
    expect(e.message).toContain('sum to 0.6, not 1');
    expect(e.message).toContain('CASH=0.4');
  });

  it('A=0.6,B=0.6,CASH=-0.3 (sum 0.9 with the cash line) is INVALID_INPUT', async () => {
    const e = await refusal(
      analyze({
        returns,
        weights: w([
          ['A', 0.6],
          ['B', 0.6],
          ['CASH', -0.3],
        ]),
      }),
    );
    expect(e.details['field']).toBe('weights');
    expect(e.message).toContain('with the cash line sum to 0.9');
  });

  it('a cash rate without a cash line is INVALID_INPUT naming cashRateAnnual', async () => {
    const e = await refusal(
      analyze({
        returns,
        weights: w([
          ['A', 0.5],
          ['B', 0.5],
        ]),
        cashRateAnnual: 0.04,
      }),
    );
    expect(e.details).toMatchObject({ field: 'cashRateAnnual', value: 0.04 });
    const spread = await refusal(analyze({ returns, column: 'A', borrowSpreadAnnual: 0.01 }));
    expect(spread.details['field']).toBe('borrowSpreadAnnual');
  });

  it('accepts a sum within 1e-9 of 1 (0.1 + 0.2 + 0.7 in binary)', async () => {
    const doc = await analyze({
      returns: { text: 'date,A,B,C\n2024-01-31,0.01,0.02,0.03\n2024-07-31,0.01,0.02,0.03\n' },
      weights: w([
        ['A', 0.1],
        ['B', 0.2],
        ['C', 0.7],
      ]),
      periodsPerYear: 2,
    });
    // 0.1·0.01 + 0.2·0.02 + 0.7·0.03 = 0.001 + 0.004 + 0.021 = 0.026 each period.
    expect(doc.metrics.totalReturn).toBeCloseTo(1.026 ** 2 - 1, 14);
  });
});

describe('analyze with an explicit cash line', () => {
  it('A=0.6,B=0.6,CASH=-0.2 borrows at cash rate + spread, per period', async () => {
    const doc = await analyze({
      returns,
      weights: w([
        ['A', 0.6],
        ['B', 0.6],
        ['CASH', -0.2],
      ]),
      periodsPerYear: 2,
      cashRateAnnual: 0.01,
      borrowSpreadAnnual: 0.0101,
    });
    // Borrowing pays 0.01 + 0.0101 = 0.0201 a year = 1.0201^(1/2) − 1 = 0.01 a period.
    expect(doc.cashLine).toMatchObject({ weight: -0.2, periodsPerYear: 2 });
    expect(doc.cashLine!.rateAnnual).toBeCloseTo(0.0201, 15);
    expect(doc.cashLine!.ratePerPeriod).toBeCloseTo(0.01, 15);
    // 0.6·0.02 + 0.6·0.01 − 0.2·0.01 = 0.016; −0.006 + 0.012 − 0.002 = 0.004;
    // 0.018 − 0.006 − 0.002 = 0.010 → total 1.016 × 1.004 × 1.010 − 1 = 0.03026464.
    expect(doc.metrics.totalReturn).toBeCloseTo(0.03026464, 14);
    expect(doc.periods).toBe(3);
    expect(doc.window).toEqual({ from: '2024-01-31', to: '2025-01-31', periods: 3 });
  });

  it('A=0.5,B=0.3,CASH=0.2 earns the cash rate (no spread on a positive line)', async () => {
    const doc = await analyze({
      returns,
      weights: w([
        ['A', 0.5],
        ['B', 0.3],
        ['CASH', 0.2],
      ]),
      periodsPerYear: 2,
      cashRateAnnual: 0.0201,
      borrowSpreadAnnual: 0.05,
    });
    // Cash earns 1 % a period: 0.010 + 0.003 + 0.002 = 0.015; −0.005 + 0.006 + 0.002 = 0.003;
    // 0.015 − 0.003 + 0.002 = 0.014 → total 1.015 × 1.003 × 1.014 − 1 = 0.03229763.
    expect(doc.metrics.totalReturn).toBeCloseTo(0.03229763, 14);
    expect(doc.cashLine!.rateAnnual).toBeCloseTo(0.0201, 15);
  });

  it('a cash line at the default rate 0 adds nothing: A=0.6,B=0.6,CASH=-0.2', async () => {
    const doc = await analyze({
      returns,
      weights: w([
        ['A', 0.6],
        ['B', 0.6],
        ['CASH', -0.2],
      ]),
    });
    // k inferred from the dates (gaps of 182–184 days: k = 1); 0.018, 0.006, 0.012.
    expect(doc.cashLine).toEqual({
      weight: -0.2,
      rateAnnual: 0,
      ratePerPeriod: 0,
      periodsPerYear: 1,
    });
    expect(doc.metrics.totalReturn).toBeCloseTo(1.018 * 1.006 * 1.012 - 1, 14);
  });

  it('a returns file with its own CASH column keeps it as a column and takes no rate', async () => {
    const text = 'date,A,CASH\n2024-01-31,0.02,0.001\n2024-07-31,-0.01,0.002\n';
    const doc = await analyze({
      returns: { text },
      weights: w([
        ['A', 0.5],
        ['CASH', 0.5],
      ]),
      periodsPerYear: 2,
    });
    // 0.5·0.02 + 0.5·0.001 = 0.0105; 0.5·(−0.01) + 0.5·0.002 = −0.004.
    expect(doc.metrics.totalReturn).toBeCloseTo(1.0105 * 0.996 - 1, 14);
    expect(doc.cashLine).toBeUndefined();
    const e = await refusal(
      analyze({
        returns: { text },
        weights: w([
          ['A', 0.5],
          ['CASH', 0.5],
        ]),
        cashRateAnnual: 0.02,
      }),
    );
    expect(e.details['field']).toBe('cashRateAnnual');
  });
});
