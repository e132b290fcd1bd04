import { describe, expect, it } from 'vitest';
import { isoDayOfWeek, isWeekend } from './day-of-week.ts';

describe('isoDayOfWeek', () => {
  it('knows reference weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(isoDayOfWeek('1970-01-01')).toBe(4); // a Thursday
    expect(isoDayOfWeek('2024-03-29')).toBe(5); // Good Friday 2024
    expect(isoDayOfWeek('2022-01-01')).toBe(6); // Saturday
    expect(isoDayOfWeek('2024-03-31')).toBe(7); // Easter Sunday
    expect(isoDayOfWeek('1969-12-29')).toBe(1); // negative day numbers: a Monday
  });

  it('calls Saturday and Sunday the weekend', () => {
    expect(isWeekend('2024-03-30')).toBe(true);
    expect(isWeekend('2024-03-31')).toBe(true);
    expect(isWeekend('2024-04-01')).toBe(false);
  });
});
