import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalAt } from './decimal.ts';
import { centsDecimal, csvCell, plainDecimal } from './write-cells.ts';

/** The readers' number syntax (fields.ts `RowReader.number`): no exponent. */
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)$/;

describe('plainDecimal', () => {
  it.each([
    [0, '0'],
    [-0, '-0'],
    [1, '1'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1 / 3, '0.3333333333333333'],
    [95.4, '95.4'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-2.5e-9, '-0.0000000025'],
    [1e15, '1000000000000000'],
    [1e21, '1000000000000000000000'],
    [1.2345e22, '12345000000000000000000'],
    [Number.MIN_VALUE, `0.${'0'.repeat(323)}5`],
  ])('%s → %s', (x, text) => {
    expect(plainDecimal(x)).toBe(text);
  });

  it('is the shortest plain text that reads back as the same double, by Number() and in place', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = plainDecimal(x);
        expect(text).toMatch(PLAIN);
        expect(Object.is(Number(text), x)).toBe(true);
        expect(Object.is(decimalAt(text, 0, text.length), x)).toBe(true);
        // as short as JavaScript's own shortest round-trip digits allow
        const digits = String(x).replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
        expect(text.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '')).toBe(
          digits.replace(/0+$/, ''),
        );
      }),
      { numRuns: 3000 },
    );
  });
});

describe('centsDecimal', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [100, '1.00'],
    [-3862, '-38.62'],
    [6_000_000, '60000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [-Number.MAX_SAFE_INTEGER, '-90071992547409.91'],
  ])('%s cents → %s', (cents, text) => {
    expect(centsDecimal(cents)).toBe(text);
  });

  it('refuses what is not whole cents', () => {
    for (const x of [0.5, NaN, Infinity, 2 ** 53])
      expect(() => centsDecimal(x)).toThrow(RangeError);
  });
});

describe('csvCell', () => {
  it.each([
    ['MARGIN', 'MARGIN'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['Roth IRA; joint', 'Roth IRA; joint'],
  ])('%j → %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
});
