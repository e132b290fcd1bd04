import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { moneyWeightedReturn, xirr, xnpv, type DatedFlow } from './xirr.ts';

describe('xirr', () => {
  it("equals the spreadsheet XIRR of Microsoft's documented example, 0.373362535", () => {
    // Excel/LibreOffice XIRR on these flows returns 0.373362535 (Excel's XIRR help page).
    // By hand, Actual/365 from 2008-01-01 (days 0, 60, 303, 411, 456) at x = 0.373362535:
    //   −10000 + 2750/1.373362535^(60/365) + 4250/…^(303/365) + 3250/…^(411/365) + 2750/…^(456/365)
    //   = −10000 + 2610.2558 + 3265.9411 + 2273.7015 + 1850.1016 = −0.0000086 ≈ 0.
    const flows: DatedFlow[] = [
      { date: '2008-01-01', amount: -10000 },
      { date: '2008-03-01', amount: 2750 },
      { date: '2008-10-30', amount: 4250 },
      { date: '2009-02-15', amount: 3250 },
      { date: '2009-04-01', amount: 2750 },
    ];
    const rate = xirr(flows);
    expect(rate).toBeCloseTo(0.373362535, 8);
    expect(Math.abs(xnpv(flows, rate))).toBeLessThan(1e-8);
    expect(xirr([...flows].reverse())).toBeCloseTo(rate, 12);
  });

  it('gives exactly 10 % for −1000 then +1100 one 365-day year later', () => {
    expect(
      xirr([
        { date: '2023-01-01', amount: -1000 },
        { date: '2024-01-01', amount: 1100 },
      ]),
    ).toBeCloseTo(0.1, 12);
  });

  it('with yearDays D gives the rate per D-day period: −1000 then +1100 ten days later is 10 %', () => {
    const flows: DatedFlow[] = [
      { date: '2024-03-01', amount: -1000 },
      { date: '2024-03-11', amount: 1100 },
    ];
    // Per 10 days: 1100/1000 − 1 = 0.1; per 365 days the same flows give 1.1^36.5 − 1.
    expect(xirr(flows, { yearDays: 10 })).toBeCloseTo(0.1, 12);
    expect(xirr(flows) / (1.1 ** 36.5 - 1)).toBeCloseTo(1, 9);
    expect(() => xirr(flows, { yearDays: 0 })).toThrow(/yearDays/);
  });

  it('finds a deep loss through the bracketing fallback', () => {
    // −1000 then +5 after 365 days: 5/1000 − 1 = −99.5 % (Newton from 10 % overshoots below −1).
    const flows: DatedFlow[] = [
      { date: '2023-01-01', amount: -1000 },
      { date: '2024-01-01', amount: 5 },
    ];
    expect(xirr(flows)).toBeCloseTo(-0.995, 10);
  });

  it('says INSUFFICIENT_DATA for flows of one sign or a single date', () => {
    const err = (flows: DatedFlow[]): unknown => {
      try {
        xirr(flows);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const oneSign = err([
      { date: '2023-01-01', amount: 100 },
      { date: '2024-01-01', amount: 100 },
    ]);
    expect(oneSign).toBeInstanceOf(BallastError);
    expect((oneSign as BallastError).code).toBe('INSUFFICIENT_DATA');
    expect(
      (
        err([
          { date: '2023-01-01', amount: -1 },
          { date: '2023-01-01', amount: 2 },
        ]) as BallastError
      ).code,
    ).toBe('INSUFFICIENT_DATA');
  });

  it('says SOLVER_FAILED when the NPV never changes sign', () => {
    // −1, +3, −3 (years 0, 1, 2): NPV(x) = −1 + 3v − 3v² < 0 for every discount factor v.
    let caught: unknown;
    try {
      xirr([
        { date: '2020-01-01', amount: -1 },
        { date: '2020-12-31', amount: 3 },
        { date: '2021-12-31', amount: -3 },
      ]);
    } catch (e) {
      caught = e;
    }
    expect((caught as BallastError).code).toBe('SOLVER_FAILED');
  });
});

describe('moneyWeightedReturn', () => {
  it('pays in the first value and the deposits and receives the last value', () => {
    const mwr = moneyWeightedReturn([
      { date: '2023-01-01', value: 1000 },
      { date: '2024-01-01', value: 1100 },
    ]);
    expect(mwr).toBeCloseTo(0.1, 12);
    expect(() => moneyWeightedReturn([{ date: '2023-01-01', value: 1 }])).toThrow(BallastError);
  });
});
