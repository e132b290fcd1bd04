import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import {
  subPeriodReturns,
  timeWeightedReturn,
  type FlowTiming,
  type ValuationPoint,
} from './time-weighted-return.ts';
import { moneyWeightedReturn } from './xirr.ts';

describe('timeWeightedReturn', () => {
  it("reproduces docs/conventions.md's example: deposit between values 110 and 210 gives 21.00 %", () => {
    // 100 → 110 (+10 %), deposit 100 at the start of day 3 (base 210), 210 → 231 (+10 %):
    // 1.10 × 1.10 − 1 = 21 %; subtracting the flow from the values would say (231−100)/100 = 31 %.
    const points: ValuationPoint[] = [
      { date: '2024-01-02', value: 100 },
      { date: '2024-01-03', value: 110 },
      { date: '2024-01-04', value: 231, flow: 100 },
    ];
    expect(timeWeightedReturn(points)).toBeCloseTo(0.21, 14);
  });

  it('treats an end-of-day flow as arriving after the close', () => {
    const points: ValuationPoint[] = [
      { date: '2024-01-02', value: 100 },
      { date: '2024-01-03', value: 210, flow: 100 },
    ];
    expect(subPeriodReturns(points, 'endOfDay')[0]!.value).toBeCloseTo(0.1, 15);
    expect(subPeriodReturns(points, 'startOfDay')[0]!.value).toBeCloseTo(210 / 200 - 1, 15);
  });

  it('rejects unsorted dates and a non-positive base', () => {
    expect(() =>
      timeWeightedReturn([
        { date: '2024-01-02', value: 1 },
        { date: '2024-01-01', value: 1 },
      ]),
    ).toThrow(BallastError);
    expect(() =>
      timeWeightedReturn([
        { date: '2024-01-01', value: 0 },
        { date: '2024-01-02', value: 1 },
      ]),
    ).toThrow(/positive/);
  });
});

/**
 * Valuations every 30 days generated from fixed per-period returns and arbitrary deposits,
 * `flows[i]` entering at the start of period i (`startOfDay`) or at the end of it (`endOfDay`).
 */
function valuations(
  returns: readonly number[],
  flows: readonly number[],
  timing: FlowTiming = 'startOfDay',
): ValuationPoint[] {
  const start = '2024-01-01';
  const points: ValuationPoint[] = [{ date: start, value: 1000 }];
  let value = 1000;
  returns.forEach((r, i) => {
    const flow = flows[i] ?? 0;
    value = timing === 'startOfDay' ? (value + flow) * (1 + r) : value * (1 + r) + flow;
    points.push({ date: addDays(start, 30 * (i + 1)), value, flow });
  });
  return points;
}

describe('TWR versus MWR (property)', () => {
  const returnsArb = fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), {
    minLength: 2,
    maxLength: 12,
  });
  const timingArb = fc.constantFrom<FlowTiming>('startOfDay', 'endOfDay');

  it('TWR depends only on the per-period returns, not on the size or timing of flows', () => {
    fc.assert(
      fc.property(
        returnsArb,
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 12 }),
        timingArb,
        (returns, flows, timing) => {
          const expected = returns.reduce((g, r) => g * (1 + r), 1) - 1;
          const twr = timeWeightedReturn(valuations(returns, flows, timing), timing);
          expect(twr).toBeCloseTo(expected, 10);
        },
      ),
    );
  });

  it('MWR moves with a deposit when the periods earn different returns', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        fc.double({ min: 500, max: 5000, noNaN: true }),
        (r1, gap, deposit) => {
          // A deposit at the end of period 1 (day 30) is invested over the better period 2 only,
          // which pulls the money-weighted rate up; the time-weighted return does not move.
          const returns = [r1, r1 + gap];
          const none = valuations(returns, [0, 0], 'endOfDay');
          const withDeposit = valuations(returns, [deposit, 0], 'endOfDay');
          expect(moneyWeightedReturn(withDeposit) - moneyWeightedReturn(none)).toBeGreaterThan(
            1e-6,
          );
          expect(timeWeightedReturn(withDeposit, 'endOfDay')).toBeCloseTo(
            timeWeightedReturn(none, 'endOfDay'),
            12,
          );
        },
      ),
    );
  });
});
