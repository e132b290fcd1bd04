import { describe, expect, it } from 'vitest';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import { tradingDaysBetween } from '../calendar/trading-days.ts';
import { BallastError } from '../errors.ts';
import { asOfJoin } from './as-of-join.ts';

const days = tradingDaysBetween(createNyseCalendar(), { from: '2024-03-27', to: '2024-04-02' });

describe('asOfJoin', () => {
  const cpi = [
    { date: '2024-02-29', value: 101, availableFrom: '2024-03-12' },
    { date: '2024-03-31', value: 102, availableFrom: '2024-04-10' },
  ];

  it('carries the latest observation dated on or before each session, with its age', () => {
    // Sessions 27, 28 Mar, 1, 2 Apr. The value dated Sunday 31 Mar first shows on Monday 1 Apr.
    expect(asOfJoin(cpi, { days, key: 'date' })).toEqual([
      { date: '2024-03-27', value: 101, observedOn: '2024-02-29', ageDays: 27 },
      { date: '2024-03-28', value: 101, observedOn: '2024-02-29', ageDays: 28 },
      { date: '2024-04-01', value: 102, observedOn: '2024-03-31', ageDays: 1 },
      { date: '2024-04-02', value: 102, observedOn: '2024-03-31', ageDays: 2 },
    ]);
  });

  it('waits for the release date when keyed by availableFrom', () => {
    const joined = asOfJoin(cpi, { days, key: 'availableFrom' });
    expect(joined.every((p) => p.value === 101)).toBe(true);
  });

  it('omits days before the first value and requires release dates when keyed by them', () => {
    expect(
      asOfJoin([{ date: '2024-03-29', value: 1 }], { days, key: 'date' }).map((p) => p.date),
    ).toEqual(['2024-04-01', '2024-04-02']);
    expect(() =>
      asOfJoin([{ date: '2024-03-29', value: 1 }], { days, key: 'availableFrom' }),
    ).toThrow(BallastError);
  });
});
