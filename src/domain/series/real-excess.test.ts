import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import {
  arithmeticExcessReturn,
  excessReturns,
  geometricExcessReturn,
  realReturn,
  realReturns,
} from './real-excess.ts';

// Tolerance: rates to 1e-14.
const RATE = 14;

describe('real and excess returns', () => {
  it('uses the exact Fisher relation for real returns', () => {
    // (1 + 0.08) / (1 + 0.03) − 1 = 1.08 / 1.03 − 1 = 0.0485436893…  (not 0.05)
    expect(realReturn(0.08, 0.03)).toBeCloseTo(0.048543689320388, RATE);
  });

  it('names both excess-return conventions', () => {
    // Geometric: 1.08 / 1.05 − 1 = 0.0285714285…; arithmetic: 0.08 − 0.05 = 0.03.
    expect(geometricExcessReturn(0.08, 0.05)).toBeCloseTo(0.028571428571429, RATE);
    expect(arithmeticExcessReturn(0.08, 0.05)).toBeCloseTo(0.03, RATE);
  });

  it('pairs series by date and reconciles: (1 + real)(1 + π) = 1 + r', () => {
    const returns = [
      { date: '2024-01-31', value: 0.02 },
      { date: '2024-02-29', value: -0.01 },
    ];
    const inflation = [
      { date: '2024-01-31', value: 0.003 },
      { date: '2024-02-29', value: 0.004 },
    ];
    const real = realReturns({ returns, inflation });
    real.forEach((p, i) => {
      const pi = inflation[i]?.value ?? 0;
      expect((1 + p.value) * (1 + pi)).toBeCloseTo(1 + (returns[i]?.value ?? 0), RATE);
    });
    const geometric = excessReturns({ returns, riskFree: inflation }, { method: 'geometric' });
    const arithmetic = excessReturns({ returns, riskFree: inflation }, { method: 'arithmetic' });
    expect(geometric[0]?.value).toBeCloseTo(1.02 / 1.003 - 1, RATE);
    expect(arithmetic[1]?.value).toBeCloseTo(-0.014, RATE);
  });

  it('errors on a missing inflation date unless told to intersect', () => {
    const returns = [
      { date: '2024-01-31', value: 0.02 },
      { date: '2024-02-29', value: -0.01 },
    ];
    const inflation = [{ date: '2024-02-29', value: 0.004 }];
    let caught: unknown;
    try {
      realReturns({ returns, inflation });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BallastError);
    expect((caught as BallastError).code).toBe('INSUFFICIENT_DATA');
    expect((caught as BallastError).message).toContain('2024-01-31');
    expect(
      realReturns({ returns, inflation }, { missing: 'intersect' }).map((p) => p.date),
    ).toEqual(['2024-02-29']);
  });
});
