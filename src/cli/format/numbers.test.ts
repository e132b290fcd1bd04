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

  it('percentages exactly as Intl.NumberFormat prints them (ties, grouping, −0, tiny, huge)', () => {
    const intl = new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const edges = [
      -0,
      0,
      -0.0001,
      0.00125,
      0.0125,
      0.1235,
      0.12345,
      1.0005,
      123.456,
      1e-10,
      0.99995,
      12345678.9,
      0.0005,
      0.00049999999999999,
      1e21,
      5e-324,
      9.9995,
      -9.9995,
      NaN,
      -Infinity,
    ];
    for (const x of edges) expect(fmtPercent(x)).toBe(intl.format(x));
    // By hand: 0.0125 is 1.25 % and rounds half away from zero; 1.0005 is 100.05 % (its
    // shortest decimal, not its binary value 1.000499…); −0.0001 keeps its minus sign.
    expect(fmtPercent(0.0125)).toBe('1.3%');
    expect(fmtPercent(1.0005)).toBe('100.1%');
    expect(fmtPercent(-0.0001)).toBe('-0.0%');
    expect(fmtPercent(123.456)).toBe('12,345.6%');
    // 20,000 numbers from 1e-8 to 1e4, a third of them written to a tie at the second decimal.
    let seed = 7; // Park–Miller minimal standard generator
    const random = { nextFloat: () => (seed = (seed * 16807) % 2147483647) / 2147483647 };
    let differ = 0;
    for (let i = 0; i < 20_000; i++) {
      const e = Math.floor(random.nextFloat() * 12) - 8;
      let x = (random.nextFloat() - 0.3) * 10 ** e;
      if (i % 3 === 0) x = Math.round(x * 10 ** (4 - e)) / 10 ** (4 - e) + 0.0005 * 10 ** e;
      if (fmtPercent(x) !== intl.format(x)) differ++;
    }
    expect(differ).toBe(0);
  });
});
