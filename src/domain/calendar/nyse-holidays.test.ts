import { describe, expect, it } from 'vitest';
import { nyseHolidays, nyseRegularHolidays } from './nyse-holidays.ts';
import { createNyseCalendar } from './trading-calendar.ts';

const nyse = createNyseCalendar();
const dates = (year: number) => nyseHolidays(year).map((h) => h.date);

describe('NYSE holidays by rule', () => {
  it('reproduces the published 2024 schedule', () => {
    expect(dates(2024)).toEqual([
      '2024-01-01',
      '2024-01-15', // MLK: third Monday
      '2024-02-19', // Presidents Day
      '2024-03-29', // Good Friday: Easter 2024-03-31 − 2
      '2024-05-27', // last Monday of May
      '2024-06-19',
      '2024-07-04',
      '2024-09-02',
      '2024-11-28', // fourth Thursday
      '2024-12-25',
    ]);
  });

  it('reproduces the published 2027 schedule with its observed days', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-03-26', // Easter 2027-03-28
      '2027-05-31',
      '2027-06-18', // Juneteenth Saturday → Friday
      '2027-07-05', // Independence Day Sunday → Monday
      '2027-09-06',
      '2027-11-25',
      '2027-12-24', // Christmas Saturday → Friday
    ]);
  });

  it('closes on the spot-check days', () => {
    expect(nyse.isTradingDay('2024-03-29')).toBe(false); // Good Friday
    expect(nyse.isTradingDay('2022-06-20')).toBe(false); // Juneteenth (Sun 19th) observed Monday
    expect(nyse.isTradingDay('2021-12-24')).toBe(false); // Christmas Saturday → Friday
    expect(nyse.isTradingDay('2027-07-05')).toBe(false); // July 4th Sunday → Monday
    expect(nyse.isTradingDay('2023-01-02')).toBe(false); // New Year Sunday → Monday
  });

  it('does not close Friday 2021-12-31 for New Year 2022 on a Saturday (NYSE Rule 7.2)', () => {
    expect(nyse.isTradingDay('2021-12-31')).toBe(true);
    expect(dates(2022)).not.toContain('2021-12-31');
    expect(dates(2022)[0]).toBe('2022-01-17'); // no New Year holiday in 2022 at all
  });

  it('starts Juneteenth in 2022 and MLK Day in 1998', () => {
    expect(nyse.isTradingDay('2021-06-18')).toBe(true);
    expect(nyseRegularHolidays(1997).map((h) => h.name)).not.toContain(
      'Martin Luther King Jr. Day',
    );
    expect(nyseRegularHolidays(1998).map((h) => h.date)).toContain('1998-01-19');
  });

  it('includes the special closures', () => {
    for (const day of [
      '2001-09-11',
      '2001-09-14',
      '2004-06-11',
      '2007-01-02',
      '2012-10-29',
      '2012-10-30',
      '2018-12-05',
      '2025-01-09',
    ]) {
      expect(nyse.isTradingDay(day), day).toBe(false);
    }
    expect(nyse.isTradingDay('2001-09-17')).toBe(true); // reopened Monday
  });
});
