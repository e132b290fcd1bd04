import { describe, expect, it } from 'vitest';
import { holdingLines, holdingsBySymbol, valueHoldingLines } from './holding-lines.ts';
import type { Lot } from './types.ts';

const lot = (
  id: string,
  account: string,
  symbol: string,
  quantity: number,
  basisCents: number,
): Lot => ({
  id,
  account,
  symbol,
  acquired: '2024-01-02',
  quantity,
  basisCents,
});

const lots: Lot[] = [
  lot('L2', 'TAXABLE', 'spy', 10, 400_000),
  lot('L3', 'IRA', 'BND', 0.1, 700),
  lot('L4', 'TAXABLE', 'SPY', 5, 250_000),
  lot('L5', 'IRA', 'BND', 0.2, 1_500),
  lot('L6', 'IRA', 'XYZ', 3, 3_000),
];

describe('holding lines', () => {
  it('sums lots per account and symbol in first-appearance order, quantities rounded to 1e-9', () => {
    expect(holdingLines(lots)).toEqual([
      // 10 + 5 shares; 4 000.00 + 2 500.00 dollars of basis
      { account: 'TAXABLE', symbol: 'SPY', quantity: 15, basisCents: 650_000 },
      // 0.1 + 0.2 = 0.30000000000000004 in binary, 0.3 after rounding to 1e-9 share
      { account: 'IRA', symbol: 'BND', quantity: 0.3, basisCents: 2_200 },
      { account: 'IRA', symbol: 'XYZ', quantity: 3, basisCents: 3_000 },
    ]);
  });

  it('sums every account for the per-symbol view', () => {
    const both = [...lots, lot('L7', 'IRA', 'SPY', -15, -600_000)];
    expect(holdingsBySymbol(both).get('SPY')).toEqual({ quantity: 0, basisCents: 50_000 });
    expect(holdingsBySymbol(both).get('BND')).toEqual({ quantity: 0.3, basisCents: 2_200 });
  });

  it('values lines at a price and lists the unpriced ones apart, skipping zero lines', () => {
    const withZero = [...lots, lot('L8', 'IRA', 'GLD', 2, 100), lot('L9', 'IRA', 'GLD', -2, -100)];
    const prices = new Map([
      ['SPY', 500],
      ['BND', 70],
    ]);
    const { priced, unpriced } = valueHoldingLines(holdingLines(withZero), (s) => prices.get(s));
    // 15 × 500 = 7 500; 0.3 × 70 = 21
    expect(priced.map((l) => [l.account, l.symbol, l.marketValue])).toEqual([
      ['TAXABLE', 'SPY', 7500],
      ['IRA', 'BND', 21],
    ]);
    expect(unpriced.map((l) => l.symbol)).toEqual(['XYZ']);
  });
});
