import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
} from './iso-date.ts';

describe('ISO date day arithmetic', () => {
  it('numbers 1970-01-01 as day 0 and 2000-03-01 as day 11 017', () => {
    // 30 years × 365 + 7 leap days (72, 76, 80, 84, 88, 92, 96) = 10 957 days to 2000-01-01,
    // + 31 (Jan) + 29 (Feb 2000 is leap) = 11 017.
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(toDayNumber('1969-12-31')).toBe(-1);
  });

  it('round-trips every day number between years 1600 and 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(isIsoDate(date)).toBe(true);
        expect(toDayNumber(date)).toBe(n);
      }),
    );
  });

  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
  });

  it('keeps the anniversary convention of addYears (29 Feb → 28 Feb)', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2023-03-15', 1)).toBe('2024-03-15');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29'); // leap February
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2024-06-20', -3)).toBe('2024-03-20');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15'); // across a year
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-05-31', 0)).toBe('2024-05-31');
    expect(() => addMonths('2024-02-30', 1)).toThrow(RangeError);
  });

  it('rejects malformed dates', () => {
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(() => toDayNumber('2024-13-01')).toThrow(RangeError);
    expect(() => addYears('nope', 1)).toThrow(RangeError);
    expect(formatIsoDate(987, 3, 4)).toBe('0987-03-04');
  });
});
