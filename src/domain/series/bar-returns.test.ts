import { describe, expect, it } from 'vitest';
import type { PriceBar } from '../market/types.ts';
import { barReturns } from './bar-returns.ts';

const bars: PriceBar[] = [
  { date: '2024-03-14', close: 100, adjClose: 98, dividend: 0, split: 1 },
  { date: '2024-03-15', close: 99, adjClose: 98.49, dividend: 1.5, split: 1 },
];

describe('barReturns', () => {
  it('dispatches on kind', () => {
    // total: (99 + 1.5)/100 − 1 = 0.005; price: 99/100 − 1 = −0.01; log: ln 1.005.
    expect(barReturns(bars, { kind: 'total', method: 'unadjusted' })[0]?.value).toBeCloseTo(
      0.005,
      12,
    );
    expect(barReturns(bars, { kind: 'total', method: 'adjusted' })[0]?.value).toBeCloseTo(
      0.005,
      12,
    );
    expect(barReturns(bars, { kind: 'price' })[0]?.value).toBeCloseTo(-0.01, 12);
    expect(barReturns(bars, { kind: 'log', method: 'unadjusted' })[0]?.value).toBeCloseTo(
      Math.log(1.005),
      12,
    );
  });
});
