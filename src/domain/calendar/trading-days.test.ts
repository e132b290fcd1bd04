import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { createHolidayCalendar, createNyseCalendar } from './trading-calendar.ts';
import {
  nextTradingDay,
  previousTradingDay,
  tradingDayOnOrAfter,
  tradingDayOnOrBefore,
  tradingDaysBetween,
} from './trading-days.ts';

const nyse = createNyseCalendar();

describe('walking the NYSE calendar', () => {
  it('steps over Good Friday and the weekend', () => {
    expect(nextTradingDay(nyse, '2024-03-28')).toBe('2024-04-01');
    expect(previousTradingDay(nyse, '2024-04-01')).toBe('2024-03-28');
    expect(tradingDayOnOrAfter(nyse, '2024-03-31')).toBe('2024-04-01');
    expect(tradingDayOnOrAfter(nyse, '2024-04-01')).toBe('2024-04-01');
    expect(tradingDayOnOrBefore(nyse, '2024-03-31')).toBe('2024-03-28');
  });

  it('crosses the September 2001 closure', () => {
    expect(nextTradingDay(nyse, '2001-09-10')).toBe('2001-09-17');
  });

  it('lists inclusive ranges and nothing for an inverted range', () => {
    expect(tradingDaysBetween(nyse, { from: '2024-03-27', to: '2024-04-02' })).toEqual([
      '2024-03-27',
      '2024-03-28',
      '2024-04-01',
      '2024-04-02',
    ]);
    expect(tradingDaysBetween(nyse, { from: '2024-04-02', to: '2024-04-01' })).toEqual([]);
  });

  it('fails loudly on a calendar that never opens', () => {
    const closed = { name: 'closed', isTradingDay: () => false };
    expect(() => nextTradingDay(closed, '2024-01-01')).toThrow(BallastError);
    const holidays = createHolidayCalendar({ name: 'h', holidaysOf: () => [] });
    expect(nextTradingDay(holidays, '2024-03-29')).toBe('2024-04-01');
  });
});
