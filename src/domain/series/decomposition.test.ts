import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { decomposeReturn, decomposeReturns } from './decomposition.ts';

describe('decomposeReturn', () => {
  it('splits 10 % into 3 % inflation, the real cash return and the premium', () => {
    const c = decomposeReturn({ total: 0.1, inflation: 0.03, riskFree: 0.05 });
    // real rf = 1.05 / 1.03 − 1 = 0.0194174757…; premium = 1.10 / 1.05 − 1 = 0.0476190476…
    // 1.03 × 1.0194174757 × 1.0476190476 = 1.10
    expect(c.inflation).toBe(0.03);
    expect(c.realRiskFree).toBeCloseTo(0.019417475728155, 14);
    expect(c.premium).toBeCloseTo(0.047619047619048, 14);
    expect((1 + c.inflation) * (1 + c.realRiskFree) * (1 + c.premium)).toBeCloseTo(1.1, 15);
  });

  it('reconciles exactly: (1 + π)(1 + real rf)(1 + premium) = 1 + r to 1e-14', () => {
    const rate = fc.double({ min: -0.5, max: 1, noNaN: true });
    fc.assert(
      fc.property(rate, rate, rate, (total, inflation, riskFree) => {
        const c = decomposeReturn({ total, inflation, riskFree });
        const product = (1 + c.inflation) * (1 + c.realRiskFree) * (1 + c.premium);
        expect(Math.abs(product - (1 + total))).toBeLessThanOrEqual(1e-14);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects rates at or below −100 %', () => {
    expect(() => decomposeReturn({ total: 0.1, inflation: -1, riskFree: 0 })).toThrow(BallastError);
  });
});

describe('decomposeReturns', () => {
  it('decomposes per date', () => {
    const rows = decomposeReturns({
      returns: [{ date: '2024-01-31', value: 0.1 }],
      inflation: [{ date: '2024-01-31', value: 0.03 }],
      riskFree: [{ date: '2024-01-31', value: 0.05 }],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2024-01-31', total: 0.1, inflation: 0.03 });
    expect(rows[0]?.premium).toBeCloseTo(1.1 / 1.05 - 1, 14);
  });
});
