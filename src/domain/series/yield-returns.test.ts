import { describe, expect, it } from 'vitest';
import { tradingDaysBetween } from '../calendar/trading-days.ts';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import { BallastError } from '../errors.ts';
import type { SeriesPoint } from '../market/types.ts';
import { resampleReturns } from './resample.ts';
import { dailyReturnFromYield, yieldToDailyReturns } from './yield-returns.ts';

const nyse = createNyseCalendar();

function constantYields(from: string, to: string, value: number): SeriesPoint[] {
  return tradingDaysBetween(nyse, { from, to }).map((date) => ({ date, value }));
}

describe('yieldToDailyReturns', () => {
  it('compounds a constant 5 % over the 252 sessions of 2024 to exactly 5 %', () => {
    const yields = constantYields('2023-12-29', '2024-12-31', 0.05);
    const r = yieldToDailyReturns(yields, { calendar: nyse, from: '2024-01-02', to: '2024-12-31' });
    // r = 1.05^(1/252) − 1 per session; (1 + r)^252 = 1.05.
    expect(r).toHaveLength(252);
    const growth = r.reduce((g, p) => g * (1 + p.value), 1);
    expect(Math.abs(growth - 1.05)).toBeLessThan(1e-12);
  });

  it('accrues the earlier yield on the last day of a month whose yield changes that day', () => {
    const yields = [
      ...constantYields('2023-12-29', '2024-01-30', 0.05),
      { date: '2024-01-31', value: 0.06 },
      { date: '2024-02-01', value: 0.06 },
    ];
    const r = yieldToDailyReturns(yields, { calendar: nyse, from: '2024-01-02', to: '2024-02-01' });
    const jan31 = r.find((p) => p.date === '2024-01-31')?.value;
    const feb1 = r.find((p) => p.date === '2024-02-01')?.value;
    // 31 Jan accrues the yield known at the close of 30 Jan: 1.05^(1/252) − 1.
    expect(jan31).toBeCloseTo(1.05 ** (1 / 252) - 1, 15);
    // The 6 % observed on 31 Jan is first used on 1 Feb: 1.06^(1/252) − 1.
    expect(feb1).toBeCloseTo(1.06 ** (1 / 252) - 1, 15);
    // January 2024 has 21 sessions (1 Jan and MLK Day closed): 1.05^(21/252) − 1.
    const monthly = resampleReturns(r, { frequency: 'monthly', calendar: nyse });
    expect(monthly.points[0]?.value).toBeCloseTo(1.05 ** (21 / 252) - 1, 14);
  });

  it('uses a yield only from the session after its observation (Good Friday observation)', () => {
    const yields = [
      { date: '2024-03-28', value: 0.05 },
      { date: '2024-03-29', value: 0.07 }, // bond market open, NYSE closed
    ];
    const r = yieldToDailyReturns(yields, { calendar: nyse, to: '2024-04-02' });
    // 1 Apr: period starts at the close of 28 Mar → 5 %; 2 Apr: starts 1 Apr → 7 %.
    expect(r.map((p) => p.date)).toEqual(['2024-04-01', '2024-04-02']);
    expect(r[0]?.value).toBeCloseTo(dailyReturnFromYield(0.05), 15);
    expect(r[1]?.value).toBeCloseTo(dailyReturnFromYield(0.07), 15);
  });

  it('respects availableFrom and omits days before any yield is known', () => {
    const yields = [
      { date: '2024-01-02', value: 0.04, availableFrom: '2024-01-03' },
      { date: '2024-01-03', value: 0.05, availableFrom: '2024-01-05' },
    ];
    const r = yieldToDailyReturns(yields, { calendar: nyse, from: '2024-01-02', to: '2024-01-08' });
    // 2 Jan, 3 Jan: nothing known at the previous close. 4 Jan: 4 % (known 3 Jan).
    // 5 Jan: still 4 % (5 % known only from 5 Jan). 8 Jan: 5 %.
    expect(r.map((p) => p.date)).toEqual(['2024-01-04', '2024-01-05', '2024-01-08']);
    expect(r[1]?.value).toBeCloseTo(dailyReturnFromYield(0.04), 15);
    expect(r[2]?.value).toBeCloseTo(dailyReturnFromYield(0.05), 15);
  });

  it('accepts an explicit accrual basis and validates its inputs', () => {
    expect(dailyReturnFromYield(0.05, 1)).toBeCloseTo(0.05, 15);
    expect(yieldToDailyReturns([], { calendar: nyse })).toEqual([]);
    expect(() =>
      yieldToDailyReturns([{ date: '2024-01-02', value: -1 }], { calendar: nyse }),
    ).toThrow(BallastError);
    expect(() =>
      yieldToDailyReturns([{ date: '2024-01-02', value: 0.05 }], {
        calendar: nyse,
        tradingDaysPerYear: 0,
      }),
    ).toThrow(BallastError);
  });
});
