import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import type { PriceBar } from '../market/types.ts';
import { totalReturns } from './total-returns.ts';

// Tolerance: returns to 1e-12 (a few ulps of the arithmetic shown).
const RETURN = 12;

function bar(date: string, close: number, extra: Partial<PriceBar> = {}): PriceBar {
  return { date, close, dividend: 0, split: 1, ...extra };
}

function thrown(fn: () => unknown): BallastError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BallastError) return error;
    throw error;
  }
  throw new Error('expected a BallastError');
}

describe('totalReturns (unadjusted)', () => {
  it('adds the dividend on its ex-date: 100 → 99 with a 1.50 dividend is +0.5 %', () => {
    const r = totalReturns([bar('2024-03-14', 100), bar('2024-03-15', 99, { dividend: 1.5 })], {
      method: 'unadjusted',
    });
    // (99 + 1.50) / (100 / 1) − 1 = 100.5 / 100 − 1 = 0.005
    expect(r).toHaveLength(1);
    expect(r[0]?.date).toBe('2024-03-15');
    expect(r[0]?.value).toBeCloseTo(0.005, RETURN);
  });

  it('neutralises a 2-for-1 split: 100 → 50 with split 2 is 0 %', () => {
    const r = totalReturns([bar('2024-06-07', 100), bar('2024-06-10', 50, { split: 2 })], {
      method: 'unadjusted',
    });
    // (50 + 0) / (100 / 2) − 1 = 50 / 50 − 1 = 0
    expect(r[0]?.value).toBe(0);
  });

  it('keeps a −20 % crash day: 100 → 80 is −20 %', () => {
    const bars = [bar('2020-03-13', 100), bar('2020-03-16', 80), bar('2020-03-17', 84)];
    const r = totalReturns(bars, { method: 'unadjusted' });
    // 80 / 100 − 1 = −0.20; 84 / 80 − 1 = +0.05. Nothing is dropped.
    expect(r.map((p) => p.date)).toEqual(['2020-03-16', '2020-03-17']);
    expect(r[0]?.value).toBeCloseTo(-0.2, RETURN);
    expect(r[1]?.value).toBeCloseTo(0.05, RETURN);
  });

  it('compounds to the end price over the start price when nothing is paid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 31 }),
        (closes) => {
          const bars = closes.map((c, i) => bar(`2024-01-${String(i + 1).padStart(2, '0')}`, c));
          const growth = totalReturns(bars, { method: 'unadjusted' }).reduce(
            (g, p) => g * (1 + p.value),
            1,
          );
          // Π (P_t / P_{t−1}) telescopes to P_n / P_0.
          expect(growth).toBeCloseTo((closes.at(-1) ?? 0) / (closes[0] ?? 1), 9);
        },
      ),
    );
  });

  it('rejects unusable bars naming the field and date', () => {
    const unsorted = thrown(() =>
      totalReturns([bar('2024-01-03', 1), bar('2024-01-02', 1)], { method: 'unadjusted' }),
    );
    expect(unsorted.code).toBe('INVALID_INPUT');
    expect(unsorted.details.field).toBe('bars[1].date');
    expect(
      thrown(() => totalReturns([bar('2024-01-02', 0)], { method: 'unadjusted' })).message,
    ).toContain('2024-01-02');
    expect(
      thrown(() => totalReturns([bar('2024-01-02', 1, { dividend: -1 })], { method: 'unadjusted' }))
        .details.field,
    ).toBe('bars[0].dividend');
    expect(
      thrown(() => totalReturns([bar('2024-01-02', 1, { split: 0 })], { method: 'unadjusted' }))
        .details.field,
    ).toBe('bars[0].split');
    expect(thrown(() => totalReturns([bar('24-1-2', 1)], { method: 'unadjusted' })).code).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('totalReturns (adjusted)', () => {
  it('uses adjusted closes and never adds the dividend again', () => {
    const bars = [
      bar('2024-03-14', 100, { adjClose: 98 }),
      bar('2024-03-15', 99, { adjClose: 98.49, dividend: 1.5 }),
    ];
    // 98.49 / 98 − 1 = 0.005 (the 1.50 dividend is already inside the adjusted close).
    expect(totalReturns(bars, { method: 'adjusted' })[0]?.value).toBeCloseTo(0.005, RETURN);
  });

  it('names the date of a missing adjusted close', () => {
    const error = thrown(() =>
      totalReturns([bar('2024-03-14', 100, { adjClose: 98 }), bar('2024-03-15', 99)], {
        method: 'adjusted',
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('2024-03-15');
    expect(error.details.field).toBe('bars[1].adjClose');
  });

  it('rejects a non-positive adjusted close', () => {
    const error = thrown(() =>
      totalReturns([bar('2024-03-14', 100, { adjClose: 0 })], { method: 'adjusted' }),
    );
    expect(error.details.field).toBe('bars[0].adjClose');
  });
});
