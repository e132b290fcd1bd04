import { describe, expect, it } from 'vitest';
import { createWeekdayCalendar } from '../calendar/trading-calendar.ts';
import { returnsByPeriod, sinceInception } from './period-returns.ts';

describe('returns by period and since inception', () => {
  const daily = [
    { date: '2024-01-30', value: 0.01 },
    { date: '2024-01-31', value: 0.02 },
    { date: '2024-02-01', value: -0.01 },
    { date: '2024-02-29', value: 0.03 },
  ];

  it('compounds inside calendar months and flags the partial first month', () => {
    const monthly = returnsByPeriod(daily, {
      frequency: 'monthly',
      calendar: createWeekdayCalendar(),
    });
    expect(monthly.points).toHaveLength(2);
    expect(monthly.points[0]!.value).toBeCloseTo(1.01 * 1.02 - 1, 15);
    expect(monthly.points[1]!.value).toBeCloseTo(0.99 * 1.03 - 1, 15);
    expect(monthly.flags.partialFirstBucket).toBe(true);
  });

  it('reports the total and both annualisations since inception', () => {
    const s = sinceInception(daily, { periodsPerYear: 252 });
    const total = 1.01 * 1.02 * 0.99 * 1.03 - 1;
    expect(s.totalReturn).toBeCloseTo(total, 15);
    expect(s.annualizedReturn).toBeCloseTo((1 + total) ** (252 / 4) - 1, 10);
    expect(s.annualizedReturnCalendar).toBeCloseTo((1 + total) ** (365 / 30) - 1, 10);
    expect(() => sinceInception([], { periodsPerYear: 252 })).toThrow(/empty/);
  });
});
