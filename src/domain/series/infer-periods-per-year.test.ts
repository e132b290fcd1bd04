import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { inferPeriodsPerYear } from './infer-periods-per-year.ts';

describe('inferPeriodsPerYear', () => {
  it('reads the median gap: days, weeks, months, quarters, years', () => {
    // Gaps 1, 1, 3 (a weekend), 1 → median 1 → daily.
    expect(
      inferPeriodsPerYear(['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-09', '2024-03-10']),
    ).toBe(252);
    expect(inferPeriodsPerYear(['2024-03-01', '2024-03-08', '2024-03-15'])).toBe(52);
    // Gaps 29, 31, 30: monthly even across February.
    expect(inferPeriodsPerYear(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'])).toBe(12);
    expect(inferPeriodsPerYear(['2024-03-31', '2024-06-30', '2024-09-30'])).toBe(4);
    expect(inferPeriodsPerYear(['2022-12-30', '2023-12-29', '2024-12-31'])).toBe(1);
    // One missing month (gap 60) among gaps of 30/31 does not move the median.
    expect(inferPeriodsPerYear(['2024-01-31', '2024-03-31', '2024-04-30', '2024-05-31'])).toBe(12);
  });

  it('needs two dates: INSUFFICIENT_DATA naming periodsPerYear', () => {
    let error: unknown;
    try {
      inferPeriodsPerYear(['2024-01-31']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BallastError);
    expect((error as BallastError).code).toBe('INSUFFICIENT_DATA');
    expect((error as BallastError).details['field']).toBe('periodsPerYear');
  });
});
