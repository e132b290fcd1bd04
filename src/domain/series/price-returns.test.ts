import { describe, expect, it } from 'vitest';
import type { PriceBar } from '../market/types.ts';
import { priceReturns } from './price-returns.ts';

function bar(date: string, close: number, extra: Partial<PriceBar> = {}): PriceBar {
  return { date, close, dividend: 0, split: 1, ...extra };
}

describe('priceReturns', () => {
  it('corrects for splits but leaves dividends out', () => {
    const r = priceReturns([
      bar('2024-06-07', 100),
      bar('2024-06-10', 49, { split: 2, dividend: 1 }),
      bar('2024-06-11', 49, { dividend: 0.49 }),
    ]);
    // Split day: 49 / (100 / 2) − 1 = −0.02 (the 1.00 dividend is ignored).
    // Dividend day: 49 / 49 − 1 = 0.
    expect(r[0]?.value).toBeCloseTo(-0.02, 12);
    expect(r[1]?.value).toBe(0);
  });

  it('gives nothing for fewer than two bars', () => {
    expect(priceReturns([bar('2024-06-07', 100)])).toEqual([]);
    expect(priceReturns([])).toEqual([]);
  });
});
