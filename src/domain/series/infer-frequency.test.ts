import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { inferPeriodsPerYear } from './infer-frequency.ts';

describe('inferPeriodsPerYear', () => {
  it('reads the median gap: business days 252, weeks 52, month ends 12, quarters 4, years 1', () => {
    // gaps 1, 1, 1, 3 (a weekend), 1 → median 1 day → daily
    expect(
      inferPeriodsPerYear([
        '2024-01-02',
        '2024-01-03',
        '2024-01-04',
        '2024-01-05',
        '2024-01-08',
        '2024-01-09',
      ]),
    ).toBe(252);
    expect(inferPeriodsPerYear(['2024-01-05', '2024-01-12', '2024-01-19'])).toBe(52);
    // gaps 29, 31, 30 days; one missing month (61 days) does not move the median
    expect(
      inferPeriodsPerYear(['2024-01-31', '2024-02-29', '2024-03-31', '2024-05-31', '2024-06-30']),
    ).toBe(12);
    expect(inferPeriodsPerYear(['2024-03-31', '2024-06-30', '2024-09-30'])).toBe(4);
    expect(inferPeriodsPerYear(['2022-12-31', '2023-12-31'])).toBe(1);
  });

  it('needs two dates, naming the periodsPerYear field', () => {
    let error: unknown;
    try {
      inferPeriodsPerYear(['2024-01-31']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BallastError);
    expect((error as BallastError).code).toBe('INSUFFICIENT_DATA');
    expect((error as BallastError).details).toMatchObject({ field: 'periodsPerYear' });
  });
});
