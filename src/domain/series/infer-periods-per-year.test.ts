import { describe, expect, it } from 'vitest';
import { inferPeriodsPerYear } from './infer-periods-per-year.ts';

describe('inferPeriodsPerYear', () => {
  it('maps the median calendar gap to 252, 52, 12, 4 or 1', () => {
    // business days with a weekend: gaps 1, 1, 3, 1 → median 1 → daily
    expect(
      inferPeriodsPerYear(['2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09']),
    ).toBe(252);
    expect(inferPeriodsPerYear(['2024-01-05', '2024-01-12', '2024-01-19'])).toBe(52);
    // month ends: gaps 29, 31, 30 → median 30 → monthly
    expect(inferPeriodsPerYear(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'])).toBe(12);
    expect(inferPeriodsPerYear(['2024-03-31', '2024-06-30', '2024-09-30'])).toBe(4);
    expect(inferPeriodsPerYear(['2022-12-31', '2023-12-31', '2024-12-31'])).toBe(1);
  });

  it('asks for periodsPerYear when fewer than two dates are given', () => {
    expect(() => inferPeriodsPerYear(['2024-01-31'])).toThrow(/give periodsPerYear/);
  });
});
