import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalAt } from './decimal.ts';

const read = (s: string): number => decimalAt(s, 0, s.length);

describe('decimalAt', () => {
  it('reads plain decimals and exponents as Number() does', () => {
    expect(read('0.1')).toBe(0.1);
    expect(read('-0.02')).toBe(-0.02);
    expect(read('+3')).toBe(3);
    expect(read('1.')).toBe(1);
    expect(read('.5')).toBe(0.5);
    expect(read('5.2E-05')).toBe(0.000052);
    expect(read('12e2')).toBe(1200);
    expect(Object.is(read('-0'), -0)).toBe(true);
    expect(read('1e999')).toBe(Infinity);
    expect(read('0e99999999')).toBe(0);
  });

  it('refuses what is not a decimal', () => {
    for (const s of [
      '',
      '.',
      '+',
      '-',
      'e5',
      '1e',
      '1e+',
      '1.2.3',
      '0x1',
      '1,5',
      '5%',
      ' 1',
      'NaN',
    ]) {
      expect(read(s), s).toBeNaN();
    }
  });

  it('rounds 16-19 digit cells correctly, ties to even (2^53 + 1 and 2^53 + 3)', () => {
    expect(read('9007199254740993.0')).toBe(9007199254740992);
    expect(read('9007199254740995.0')).toBe(9007199254740996);
    expect(read('0.30000000000000004441')).toBe(0.30000000000000004);
  });

  it('gives back every double from its shortest decimal form (String(x); −0 prints as 0)', () => {
    const double = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        double.filter((x) => !Object.is(x, -0)),
        (x) => {
          expect(Object.is(read(String(x)), x)).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('equals Number() on random decimal strings of up to 25 digits with exponents', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: n });
    const text = fc
      .record({
        sign: fc.constantFrom('', '-', '+'),
        whole: digits(12),
        fraction: fc.option(digits(25), { nil: undefined }),
        exponent: fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
      })
      .map(
        ({ sign, whole, fraction, exponent }) =>
          sign +
          whole.join('') +
          (fraction === undefined ? '' : `.${fraction.join('')}`) +
          (exponent === undefined ? '' : `e${exponent}`),
      );
    fc.assert(
      fc.property(text, (s) => {
        const expected = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
        expect(Object.is(read(s), expected)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
