import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import type { PriceBar } from '../market/types.ts';
import { logReturns, toLogReturns, toSimpleReturns } from './log-returns.ts';

function bar(date: string, close: number, extra: Partial<PriceBar> = {}): PriceBar {
  return { date, close, dividend: 0, split: 1, ...extra };
}

describe('log returns', () => {
  it('takes ln(1 + total return): dividend day 100 → 99 + 1.50 gives ln 1.005', () => {
    const r = logReturns([bar('2024-03-14', 100), bar('2024-03-15', 99, { dividend: 1.5 })], {
      method: 'unadjusted',
    });
    // ln((99 + 1.5) / 100) = ln(1.005) = 0.0049875415…
    expect(r[0]?.value).toBeCloseTo(Math.log(1.005), 14);
  });

  it('converts simple ↔ log and back', () => {
    const simple = [
      { date: '2024-01-02', value: 0.1 },
      { date: '2024-01-03', value: -0.5 },
    ];
    const log = toLogReturns(simple);
    // ln 1.1 = 0.0953101798…, ln 0.5 = −0.6931471806…
    expect(log[0]?.value).toBeCloseTo(0.0953101798043249, 14);
    expect(log[1]?.value).toBeCloseTo(-Math.LN2, 14);
    expect(toSimpleReturns(log)[1]?.value).toBeCloseTo(-0.5, 14);
  });

  it('rejects a simple return of −100 % or worse', () => {
    expect(() => toLogReturns([{ date: '2024-01-02', value: -1 }])).toThrow(BallastError);
  });
});
