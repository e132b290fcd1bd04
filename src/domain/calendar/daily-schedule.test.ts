import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { newYorkDaylightTime, nextDailyRun, parseLocalTime } from './daily-schedule.ts';
import { createNyseCalendar } from './trading-calendar.ts';

const nyse = createNyseCalendar();
const at1830 = { hour: 18, minute: 30 };

describe('newYorkDaylightTime', () => {
  it('follows the second Sunday of March and the first Sunday of November', () => {
    // 2024: daylight time from Sunday 2024-03-10 through Saturday 2024-11-02.
    expect(newYorkDaylightTime('2024-03-09')).toBe(false);
    expect(newYorkDaylightTime('2024-03-10')).toBe(true);
    expect(newYorkDaylightTime('2024-11-02')).toBe(true);
    expect(newYorkDaylightTime('2024-11-03')).toBe(false);
    // 2026: 2026-03-08 to 2026-11-01.
    expect(newYorkDaylightTime('2026-03-07')).toBe(false);
    expect(newYorkDaylightTime('2026-03-08')).toBe(true);
    expect(newYorkDaylightTime('2026-10-31')).toBe(true);
    expect(newYorkDaylightTime('2026-11-01')).toBe(false);
  });
});

describe('nextDailyRun at 18:30 New York on NYSE trading days', () => {
  it.each([
    // Friday 18:00 EDT (UTC−4) → the same evening, 22:30 UTC.
    ['2024-06-07T22:00:00.000Z', '2024-06-07T22:30:00.000Z'],
    // Friday 19:00 EDT → Monday 2024-06-10 18:30 EDT.
    ['2024-06-07T23:00:00.000Z', '2024-06-10T22:30:00.000Z'],
    // Monday 22:00 EDT (02:00 UTC on Tuesday) → Tuesday 18:30 EDT.
    ['2024-06-11T02:00:00.000Z', '2024-06-11T22:30:00.000Z'],
    // Tuesday 19:00 EDT; Wednesday 2024-06-19 is Juneteenth (NYSE closed) → Thursday.
    ['2024-06-18T23:00:00.000Z', '2024-06-20T22:30:00.000Z'],
    // Friday 18:00 EST (UTC−5) → 23:30 UTC.
    ['2024-12-06T23:00:00.000Z', '2024-12-06T23:30:00.000Z'],
    // Friday 2024-11-01 19:00 EDT → Monday 2024-11-04 18:30 EST, after the switch.
    ['2024-11-01T23:00:00.000Z', '2024-11-04T23:30:00.000Z'],
    // Exactly at the run time counts as past; 2025-01-01 is a holiday → 2025-01-02.
    ['2024-12-31T23:30:00.000Z', '2025-01-02T23:30:00.000Z'],
  ])('after %s → %s', (now, next) => {
    expect(nextDailyRun(now, at1830, nyse)).toBe(next);
  });
});

describe('parseLocalTime', () => {
  it('reads HH:MM and refuses times outside 03:00–23:59 by field', () => {
    expect(parseLocalTime('--daily', '18:30')).toEqual({ hour: 18, minute: 30 });
    for (const bad of ['02:30', '24:00', '18:60', '6:30', 'evening']) {
      try {
        parseLocalTime('--daily', bad);
        expect.unreachable(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(BallastError);
        expect((e as BallastError).details).toMatchObject({ field: '--daily', value: bad });
      }
    }
  });
});
