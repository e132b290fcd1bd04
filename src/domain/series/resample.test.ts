import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tradingDaysBetween } from '../calendar/trading-days.ts';
import { createHolidayCalendar, createNyseCalendar } from '../calendar/trading-calendar.ts';
import { resampleReturns } from './resample.ts';

// Tolerance: compounded returns to 1e-12.
const RETURN = 12;
const nyse = createNyseCalendar();

describe('resampleReturns', () => {
  it('compounds monthly and keeps a partial first month, flagged', () => {
    const daily = [
      { date: '2024-01-30', value: 0.01 }, // January starts late: first session was 2024-01-02
      { date: '2024-01-31', value: 0.02 },
      { date: '2024-02-01', value: -0.01 }, // first session of February
      { date: '2024-02-29', value: 0.03 },
      { date: '2024-03-01', value: 0.005 },
      { date: '2024-03-28', value: 0.01 }, // last session of March (29th is Good Friday)
    ];
    const monthly = resampleReturns(daily, { frequency: 'monthly', calendar: nyse });
    // Jan: 1.01 × 1.02 − 1 = 0.0302; Feb: 0.99 × 1.03 − 1 = 0.0197; Mar: 1.005 × 1.01 − 1 = 0.01505.
    expect(monthly.points.map((p) => p.date)).toEqual(['2024-01-31', '2024-02-29', '2024-03-28']);
    expect(monthly.points[0]?.value).toBeCloseTo(0.0302, RETURN);
    expect(monthly.points[1]?.value).toBeCloseTo(0.0197, RETURN);
    expect(monthly.points[2]?.value).toBeCloseTo(0.01505, RETURN);
    expect(monthly.flags).toEqual({ partialFirstBucket: true, partialLastBucket: false });
  });

  it('labels weeks by their last session and a running last week by its last observation', () => {
    const daily = [
      { date: '2024-03-25', value: 0.01 },
      { date: '2024-03-28', value: 0.01 },
      { date: '2024-04-01', value: -0.02 },
      { date: '2024-04-03', value: 0.01 },
    ];
    const weekly = resampleReturns(daily, { frequency: 'weekly', calendar: nyse });
    // Week of Good Friday ends Thursday: 1.01² − 1 = 0.0201. Next week stops on Wednesday:
    // 0.98 × 1.01 − 1 = −0.0102, labelled 2024-04-03 and flagged partial.
    expect(weekly.points).toEqual([
      { date: '2024-03-28', value: expect.closeTo(0.0201, RETURN) as number },
      { date: '2024-04-03', value: expect.closeTo(-0.0102, RETURN) as number },
    ]);
    expect(weekly.flags).toEqual({ partialFirstBucket: false, partialLastBucket: true });
  });

  it('sums log returns instead of compounding them', () => {
    const log = [
      { date: '2024-01-02', value: 0.01 },
      { date: '2024-12-31', value: 0.02 },
    ];
    const annual = resampleReturns(log, { frequency: 'annual', calendar: nyse, scale: 'log' });
    expect(annual.points).toEqual([
      { date: '2024-12-31', value: expect.closeTo(0.03, 14) as number },
    ]);
  });

  it('moves the label to an observation on a closed day after the last session', () => {
    const calendar = createHolidayCalendar({
      name: 'closed week',
      holidaysOf: () =>
        ['2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12'].map((date) => ({
          date,
          name: 'x',
        })),
    });
    const series = [
      { date: '2024-03-29', value: 0.01 },
      { date: '2024-03-30', value: 0.01 }, // a Saturday observation
      { date: '2024-04-13', value: 0.02 }, // a week without sessions at all
    ];
    const weekly = resampleReturns(series, { frequency: 'weekly', calendar });
    expect(weekly.points.map((p) => p.date)).toEqual(['2024-03-30', '2024-04-13']);
  });

  it('returns daily series unchanged', () => {
    const daily = [{ date: '2024-01-02', value: 0.01 }];
    expect(resampleReturns(daily, { frequency: 'daily', calendar: nyse })).toEqual({
      points: daily,
      flags: { partialFirstBucket: false, partialLastBucket: false },
    });
  });

  it('preserves total growth across any frequency (Π over buckets = Π over days)', () => {
    const days = tradingDaysBetween(nyse, { from: '2023-11-15', to: '2024-05-10' });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), {
          minLength: days.length,
          maxLength: days.length,
        }),
        fc.constantFrom(
          'weekly' as const,
          'monthly' as const,
          'quarterly' as const,
          'annual' as const,
        ),
        (values, frequency) => {
          const daily = days.map((date, i) => ({ date, value: values[i] ?? 0 }));
          const resampled = resampleReturns(daily, { frequency, calendar: nyse });
          const growth = (s: readonly { value: number }[]) =>
            s.reduce((g, p) => g * (1 + p.value), 1);
          expect(growth(resampled.points)).toBeCloseTo(growth(daily), 12);
          // 2023-11-15 is a Wednesday: the first bucket is partial at every frequency.
          expect(resampled.flags.partialFirstBucket).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });
});
