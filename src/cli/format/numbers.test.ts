import { describe, expect, it } from 'vitest';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity } from './numbers.ts';

describe('number formats', () => {
  it('prices: two to four decimals with separators, as toLocaleString gives them', () => {
    const values = [0, 1, 21.1364, 28.56623, 1234567.891, -0.00004, 0.5, 72.5, 1e9 / 3];
    for (const x of values) {
      expect(fmtPrice(x)).toBe(
        x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
      );
    }
    // By hand: 28.56623 rounds to four decimals; 72.5 keeps two; thousands get commas.
    expect(fmtPrice(28.56623)).toBe('28.5662');
    expect(fmtPrice(72.5)).toBe('72.50');
    expect(fmtPrice(1234567.891)).toBe('1,234,567.891');
  });

  it('money, percent and quantity by hand', () => {
    expect(fmtMoney(-1234.5)).toBe('-1,234.50');
    expect(fmtMoney(-0)).toBe('0.00');
    expect(fmtPercent(0.1234)).toBe('12.3%');
    expect(fmtQuantity(356.123456789)).toBe('356.123457');
  });
});
