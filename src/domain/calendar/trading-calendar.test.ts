import { describe, expect, it } from 'vitest';
import {
  createHolidayCalendar,
  createNyseCalendar,
  createWeekdayCalendar,
} from './trading-calendar.ts';
import { tradingDaysBetween } from './trading-days.ts';

const count = (year: number) =>
  tradingDaysBetween(createNyseCalendar(), { from: `${year}-01-01`, to: `${year}-12-31` }).length;

describe('trading calendars', () => {
  it('counts NYSE sessions per year as published (2012: Sandy; 2018: Bush mourning day)', () => {
    // 2024: 262 weekdays − 10 holidays = 252; 2023: 260 − 10 = 250; 2022: 260 − 9 = 251.
    expect(count(2024)).toBe(252);
    expect(count(2023)).toBe(250);
    expect(count(2022)).toBe(251);
    expect(count(2012)).toBe(250);
    expect(count(2018)).toBe(251);
  });

  it('opens every weekday on the weekday calendar and never on weekends', () => {
    const weekdays = createWeekdayCalendar();
    expect(weekdays.isTradingDay('2024-03-29')).toBe(true);
    expect(weekdays.isTradingDay('2024-03-30')).toBe(false);
  });

  it('asks a custom holiday rule once per year', () => {
    let calls = 0;
    const calendar = createHolidayCalendar({
      name: 'custom',
      holidaysOf: (year) => {
        calls += 1;
        return [{ date: `${year}-05-01`, name: 'Labour Day' }];
      },
    });
    expect(calendar.isTradingDay('2024-05-01')).toBe(false);
    expect(calendar.isTradingDay('2024-05-02')).toBe(true);
    expect(calls).toBe(1);
  });
});
