import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { rejection } from '../../../test/helpers/broker-fixtures.ts';
import { cents, decimal, isoDate, usDate } from './values.ts';

const at = { file: 'f.csv', line: 7 };

describe('broker cell values', () => {
  it('reads money as Schwab, Fidelity and IBKR write it, in whole cents', () => {
    expect(cents('$1,234.50', at, 'Amount')).toBe(123450);
    expect(cents('-$6,900.00', at, 'Amount')).toBe(-690000);
    expect(cents('$-6.90', at, 'Amount')).toBe(-690);
    expect(cents('($6.90)', at, 'Amount')).toBe(-690);
    expect(cents('1234.5', at, 'Amount')).toBe(123450);
    expect(cents('-0.36', at, 'Amount')).toBe(-36);
    // 0.125 → 12.5 cents → 13 (half away from zero); 0.1249 → 12
    expect(cents('0.125', at, 'Amount')).toBe(13);
    expect(cents('0.1249', at, 'Amount')).toBe(12);
    expect(cents('', at, 'Amount')).toBeUndefined();
    expect(cents('--', at, 'Amount')).toBeUndefined();
  });

  it('refuses what is no amount, naming file, line, column and value', () => {
    for (const bad of ['$1,23.00', 'abc', '($6.90', '1.2.3']) {
      const error = rejection(() => cents(bad, at, 'Amount'));
      expect(error.message).toContain('f.csv:7: Amount:');
      expect(error.details).toMatchObject({
        field: 'Amount',
        value: bad,
        line: 7,
      });
    }
  });

  it('reads US dates, the first of "as of" dates, and ISO dates with a time', () => {
    expect(usDate('01/02/2024', at, 'Date')).toBe('2024-01-02');
    expect(usDate('3/1/2024 as of 02/28/2024', at, 'Date')).toBe('2024-03-01');
    expect(() => usDate('02/30/2024', at, 'Date')).toThrow(/f\.csv:7: Date: expected a date/);
    expect(() => usDate('2024-01-02', at, 'Date')).toThrow(BallastError);
    expect(isoDate('2024-01-10, 10:30:00', at, 'Date/Time')).toBe('2024-01-10');
    expect(isoDate('20240110', at, 'Date')).toBe('2024-01-10');
    expect(() => isoDate('2024-13-01', at, 'Date')).toThrow(BallastError);
  });

  it('reads share counts with separators and signs', () => {
    expect(decimal('1,000.5', at, 'Quantity')).toBe(1000.5);
    expect(decimal('-4', at, 'Quantity')).toBe(-4);
    expect(decimal('(3)', at, 'Quantity')).toBe(-3);
    expect(decimal('$185.50', at, 'Price')).toBe(185.5);
    expect(decimal('', at, 'Quantity')).toBeUndefined();
    expect(() => decimal('ten', at, 'Quantity')).toThrow(/Quantity: expected a number/);
  });
});
