import { describe, expect, it } from 'vitest';
import { readPeerPanel } from '../../../test/helpers/peer-panels.ts';
import { portfolioReturns } from '../measures/tail-risk.ts';
import { annualizedVolatility, totalReturn } from './annualize.ts';
import { beta } from './benchmark-relative.ts';
import { maxDrawdown, valuesFromReturns } from './drawdown.ts';
import {
  rollingBeta,
  rollingMaxDrawdown,
  rollingReturn,
  rollingSharpe,
  rollingVolatility,
} from './rolling.ts';
import { sharpeRatio } from './ratios.ts';

describe('rolling metrics equal the whole-sample measures on each window', () => {
  const panel = readPeerPanel('smallcap_stocks20');
  const r = portfolioReturns(panel.returns, new Float64Array(20).fill(0.05));
  const b = Float64Array.from({ length: 60 }, (_, t) => panel.returns.data[t * 20]!);
  const options = { window: 12, periodsPerYear: 12, riskFreePerPeriod: 0.001 };

  it('has n − N + 1 windows, window j ending at period j + N − 1', () => {
    expect(rollingReturn(r, options)).toHaveLength(49);
    expect(rollingReturn(r.subarray(0, 5), options)).toHaveLength(0);
    expect(() => rollingReturn(r, { ...options, window: 1 })).toThrow(/window/);
  });

  it('matches return, volatility, Sharpe, beta and max drawdown recomputed per window (1e-10)', () => {
    const ret = rollingReturn(r, options);
    const vol = rollingVolatility(r, options);
    const sharpe = rollingSharpe(r, options);
    const betas = rollingBeta({ returns: r, benchmark: b }, options);
    const dd = rollingMaxDrawdown(r, options);
    for (let j = 0; j < ret.length; j++) {
      const w = r.subarray(j, j + 12);
      const wb = b.subarray(j, j + 12);
      expect(ret[j]).toBeCloseTo(totalReturn(w), 12);
      expect(Math.abs(vol[j]! - annualizedVolatility(w, 12))).toBeLessThan(1e-10);
      expect(Math.abs(sharpe[j]! - sharpeRatio(w, options)!)).toBeLessThan(1e-10);
      expect(Math.abs(betas[j]! - beta({ returns: w, benchmark: wb })!)).toBeLessThan(1e-10);
      expect(dd[j]).toBeCloseTo(maxDrawdown(valuesFromReturns(w))?.depth ?? 0, 14);
    }
  });

  it('reports NaN for a zero-variance window', () => {
    expect(Number.isNaN(rollingSharpe([0.01, 0.01, 0.01], { ...options, window: 2 })[0])).toBe(
      true,
    );
    expect(
      Number.isNaN(
        rollingBeta({ returns: [1, 2], benchmark: [0, 0] }, { ...options, window: 2 })[0],
      ),
    ).toBe(true);
    expect(() => rollingBeta({ returns: [1, 2], benchmark: [0] }, options)).toThrow(/benchmark/);
  });
});
