import { describe, expect, it } from 'vitest';
import { daysUntilLongTerm, holdingTerm, longTermFrom } from './holding-period.ts';

describe('holding period: long-term when held more than one year, by calendar', () => {
  it('is long-term from the day after the first anniversary', () => {
    // bought 2023-03-15: the anniversary is 2024-03-15 (still short), long-term from 2024-03-16
    expect(longTermFrom('2023-03-15')).toBe('2024-03-16');
    expect(holdingTerm('2023-03-15', '2024-03-15')).toBe('short');
    expect(holdingTerm('2023-03-15', '2024-03-16')).toBe('long');
    expect(daysUntilLongTerm('2023-03-15', '2024-03-15')).toBe(1);
    expect(daysUntilLongTerm('2023-03-15', '2024-03-16')).toBe(0);
    expect(daysUntilLongTerm('2023-03-15', '2025-01-01')).toBe(0);
  });

  it('counts a leap day between acquisition and the anniversary', () => {
    // bought 2023-03-01 → long-term from 2024-03-02; on 2024-02-28: Feb 28 → 29 → Mar 1 → Mar 2 = 3
    // days (2024 is a leap year); on the leap day itself 2 days
    expect(longTermFrom('2023-03-01')).toBe('2024-03-02');
    expect(daysUntilLongTerm('2023-03-01', '2024-02-28')).toBe(3);
    expect(daysUntilLongTerm('2023-03-01', '2024-02-29')).toBe(2);
    // bought on the day it is asked: 366 days in 2024-03-01 → 2025-03-02 (no leap day in between)
    expect(daysUntilLongTerm('2024-03-01', '2024-03-01')).toBe(366);
  });

  it('gives a lot bought on 29 February its anniversary on 28 February of a common year', () => {
    // bought 2024-02-29: anniversary 2025-02-28, long-term from 2025-03-01
    expect(longTermFrom('2024-02-29')).toBe('2025-03-01');
    expect(holdingTerm('2024-02-29', '2025-02-28')).toBe('short');
    expect(holdingTerm('2024-02-29', '2025-03-01')).toBe('long');
    expect(daysUntilLongTerm('2024-02-29', '2025-02-28')).toBe(1);
    expect(daysUntilLongTerm('2024-02-29', '2025-03-01')).toBe(0);
  });
});
