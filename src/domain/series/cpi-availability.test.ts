import { describe, expect, it } from 'vitest';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import { BallastError } from '../errors.ts';
import { cpiEffectiveLevels, cpiLevelKnownOn } from './cpi-availability.ts';

const calendar = createNyseCalendar();

describe('cpiEffectiveLevels', () => {
  it('dates FRED-style monthly CPI by the 15th-of-next-month rule, rolled to a session', () => {
    const levels = cpiEffectiveLevels(
      [
        { date: '2023-12-01', value: 308.7 }, // December 2023
        { date: '2024-01-01', value: 309.7 }, // January 2024
      ],
      { calendar },
    );
    // December CPI: available 2024-01-15, MLK Day (closed) → effective Tuesday 2024-01-16.
    expect(levels[0]).toMatchObject({ availableFrom: '2024-01-15', effectiveFrom: '2024-01-16' });
    // January CPI: 2024-02-15 is a Thursday session.
    expect(levels[1]).toMatchObject({ availableFrom: '2024-02-15', effectiveFrom: '2024-02-15' });
  });

  it('applies a CPI dated on a weekend month-end from the next session', () => {
    const [level] = cpiEffectiveLevels([{ date: '2024-03-31', value: 102 }], {
      calendar,
      release: { rule: 'observationDate' },
    });
    // Sunday 2024-03-31 → Monday 2024-04-01.
    expect(level?.effectiveFrom).toBe('2024-04-01');
  });

  it('prefers a recorded release date and clamps the rule day to the month length', () => {
    const levels = cpiEffectiveLevels(
      [
        { date: '2023-12-01', value: 100, availableFrom: '2024-01-11' },
        { date: '2024-01-01', value: 101 },
      ],
      { calendar, release: { rule: 'nextMonthDay', day: 31 } },
    );
    expect(levels[0]?.effectiveFrom).toBe('2024-01-11');
    expect(levels[1]?.availableFrom).toBe('2024-02-29'); // day 31 clamped to 29 Feb 2024
  });

  it('rejects bad release days and non-positive levels', () => {
    const point = [{ date: '2024-01-01', value: 100 }];
    expect(() =>
      cpiEffectiveLevels(point, { calendar, release: { rule: 'nextMonthDay', day: 0 } }),
    ).toThrow(BallastError);
    expect(() =>
      cpiEffectiveLevels(point, { calendar, release: { rule: 'nextMonthDay', day: 32 } }),
    ).toThrow(BallastError);
    expect(() => cpiEffectiveLevels([{ date: '2024-01-01', value: 0 }], { calendar })).toThrow(
      BallastError,
    );
  });
});

describe('cpiLevelKnownOn', () => {
  it('returns the latest observation already effective, never a later one', () => {
    const levels = cpiEffectiveLevels(
      [
        { date: '2023-12-01', value: 100 },
        { date: '2024-01-01', value: 101 },
      ],
      { calendar },
    );
    expect(cpiLevelKnownOn(levels, '2024-01-12')).toBeUndefined();
    expect(cpiLevelKnownOn(levels, '2024-02-14')?.value).toBe(100);
    expect(cpiLevelKnownOn(levels, '2024-02-15')?.value).toBe(101);
  });
});
