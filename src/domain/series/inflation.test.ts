import { describe, expect, it } from 'vitest';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import { tradingDaysBetween } from '../calendar/trading-days.ts';
import { BallastError } from '../errors.ts';
import { dailyInflation, periodInflation } from './inflation.ts';
import { resampleReturns } from './resample.ts';

// Tolerance: inflation rates to 1e-14.
const RATE = 14;
const calendar = createNyseCalendar();
const growth = (s: readonly { value: number }[]) => s.reduce((g, p) => g * (1 + p.value), 1) - 1;

describe('dailyInflation with month-end dated CPI (release = observation date)', () => {
  const cpi = [
    { date: '2024-01-31', value: 100 },
    { date: '2024-02-29', value: 101 },
    { date: '2024-03-31', value: 102 }, // a Sunday: applies from Monday 2024-04-01
    { date: '2024-04-30', value: 103 },
  ];
  const options = {
    calendar,
    from: '2024-02-01',
    to: '2024-04-30',
    release: { rule: 'observationDate' as const },
  };

  it('spreads each month’s log-change evenly over its sessions', () => {
    const { points } = dailyInflation(cpi, options);
    const feb = points.filter((p) => p.date < '2024-03-01');
    // February 2024 has 20 sessions (21 weekdays − Presidents Day): each day 1.01^(1/20) − 1.
    expect(feb).toHaveLength(20);
    expect(feb[0]?.value).toBeCloseTo(1.01 ** (1 / 20) - 1, RATE);
    expect(growth(feb)).toBeCloseTo(0.01, RATE);
  });

  it('applies the CPI dated Sunday 2024-03-31 from the next session, not in March', () => {
    const { points, monthsWithoutRelease } = dailyInflation(cpi, options);
    // At March's last session (Thu 28th; Good Friday closed) the latest effective level is
    // still February's 101, so March accrues 101/101 − 1 = 0 and is reported.
    expect(points.filter((p) => p.date.startsWith('2024-03')).every((p) => p.value === 0)).toBe(
      true,
    );
    expect(monthsWithoutRelease).toEqual(['2024-03-01']);
    // April: 103/101 − 1 = 0.0198019…, over 22 sessions.
    const april = points.filter((p) => p.date.startsWith('2024-04'));
    expect(april).toHaveLength(22);
    expect(growth(april)).toBeCloseTo(103 / 101 - 1, RATE);
    // The 102 level is usable on 2024-04-01 and not on 2024-03-28.
    const at = (start: string, end: string) =>
      periodInflation(cpi, { calendar, start, end, release: { rule: 'observationDate' } });
    expect(at('2024-03-28', '2024-04-01')).toBeCloseTo(102 / 101 - 1, RATE);
    expect(at('2024-02-29', '2024-03-28')).toBe(0);
  });
});

describe('dailyInflation with FRED-style CPI and the default release lag', () => {
  const cpi = [
    { date: '2023-11-01', value: 99.8 }, // available 2023-12-15
    { date: '2023-12-01', value: 100 }, // available 2024-01-15 (MLK Day) → 2024-01-16
    { date: '2024-01-01', value: 100.5 }, // available 2024-02-15
    { date: '2024-02-01', value: 101 }, // available 2024-03-15
  ];

  it('uses only CPI published by each month end, so monthly inflation = level ratio', () => {
    const { points } = dailyInflation(cpi, { calendar, from: '2024-01-02', to: '2024-03-28' });
    const monthly = resampleReturns(points, { frequency: 'monthly', calendar }).points;
    // January: known at 29 Dec = Nov (99.8); at 31 Jan = Dec (100) → 100/99.8 − 1.
    // February: Dec (100) → Jan (100.5) = 0.5 %. March: Jan (100.5) → Feb (101).
    expect(monthly.map((p) => p.date)).toEqual(['2024-01-31', '2024-02-29', '2024-03-28']);
    expect(monthly[0]?.value).toBeCloseTo(100 / 99.8 - 1, RATE);
    expect(monthly[1]?.value).toBeCloseTo(0.005, RATE);
    expect(monthly[2]?.value).toBeCloseTo(101 / 100.5 - 1, RATE);
  });

  it('omits months before any CPI is known and after the last release', () => {
    const { points, monthsWithoutRelease } = dailyInflation(cpi, {
      calendar,
      from: '2023-11-01',
      to: '2024-05-31',
    });
    // November 2023: nothing known at 31 Oct → omitted. December: Nov level known at 15 Dec
    // but nothing at 30 Nov → omitted. April/May 2024: no release after Feb's → omitted.
    expect(points[0]?.date).toBe('2024-01-02');
    expect(points.at(-1)?.date).toBe('2024-03-28');
    expect(monthsWithoutRelease).toEqual([]);
  });

  it('spreads a running month over its sessions so far', () => {
    const { points } = dailyInflation(cpi, { calendar, from: '2024-03-01', to: '2024-03-15' });
    // Through 15 Mar the Feb level (effective 15 Mar) is known: 101/100.5 over 11 sessions.
    const sessions = tradingDaysBetween(calendar, { from: '2024-03-01', to: '2024-03-15' });
    expect(points).toHaveLength(sessions.length);
    expect(growth(points)).toBeCloseTo(101 / 100.5 - 1, RATE);
  });

  it('refuses a period starting before any CPI is published', () => {
    expect(() =>
      periodInflation(cpi, { calendar, start: '2023-12-01', end: '2024-03-28' }),
    ).toThrow(BallastError);
  });
});
