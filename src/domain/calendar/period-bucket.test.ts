import { describe, expect, it } from 'vitest';
import { bucketTradingBounds, calendarBucket } from './period-bucket.ts';
import { createNyseCalendar } from './trading-calendar.ts';

const nyse = createNyseCalendar();

describe('calendar buckets', () => {
  it('uses ISO weeks (Monday–Sunday), months, quarters and years', () => {
    expect(calendarBucket('2024-03-28', 'weekly')).toEqual({
      start: '2024-03-25',
      end: '2024-03-31',
    });
    expect(calendarBucket('2024-03-31', 'weekly')).toEqual({
      start: '2024-03-25',
      end: '2024-03-31',
    });
    expect(calendarBucket('2024-02-10', 'monthly')).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(calendarBucket('2024-05-10', 'quarterly')).toEqual({
      start: '2024-04-01',
      end: '2024-06-30',
    });
    expect(calendarBucket('2024-12-10', 'quarterly')).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
    });
    expect(calendarBucket('2024-05-10', 'annual')).toEqual({
      start: '2024-01-01',
      end: '2024-12-31',
    });
    expect(() => calendarBucket('2024-02-30', 'monthly')).toThrow(RangeError);
  });

  it('finds the first and last sessions of a bucket (Good Friday week ends Thursday)', () => {
    expect(bucketTradingBounds(nyse, { start: '2024-03-25', end: '2024-03-31' })).toEqual({
      first: '2024-03-25',
      last: '2024-03-28',
    });
    expect(bucketTradingBounds(nyse, { start: '2024-03-30', end: '2024-03-31' })).toBeUndefined();
  });
});
