import { describe, expect, it } from 'vitest';
import { monthEnd, monthStart, nextMonthStart } from './month-bounds.ts';

describe('month bounds', () => {
  it('finds first and last days, leap Februaries included', () => {
    expect(monthStart('2024-02-10')).toBe('2024-02-01');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2023-02-10')).toBe('2023-02-28');
    expect(monthEnd('2024-04-30')).toBe('2024-04-30');
    expect(nextMonthStart('2024-12-15')).toBe('2025-01-01');
    expect(nextMonthStart('2024-01-31')).toBe('2024-02-01');
  });

  it('rejects a malformed date', () => {
    expect(() => monthEnd('2024-02-30')).toThrow(RangeError);
  });
});
