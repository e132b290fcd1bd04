import { describe, expect, it } from 'vitest';
import { ewmaVariance, sampleVariance } from '../ewma-variance.ts';
import { fitGarch } from '../garch.ts';
import { simulateGarch } from '../garch-simulate.ts';
import { horizonVariance } from '../horizon.ts';
import {
  defaultVarianceForecasters,
  ewmaForecaster,
  garchForecaster,
  sampleVarianceForecaster,
} from './forecasters.ts';

const { returns } = simulateGarch({
  omega: 2e-6,
  alpha: 0.08,
  beta: 0.9,
  observations: 600,
  seed: 5,
});

describe('univariate variance forecasters', () => {
  it('sample: h·s² over the whole window or the last `lookback` returns', () => {
    expect(sampleVarianceForecaster().forecast(returns, 5)).toBeCloseTo(
      5 * sampleVariance(returns),
      18,
    );
    const last = sampleVarianceForecaster({ lookback: 100 });
    expect(last).toMatchObject({ id: 'sample-100', parameters: { lookback: 100 } });
    expect(last.forecast(returns, 1)).toBeCloseTo(sampleVariance(returns.subarray(500)), 18);
    expect(() => last.forecast(returns.subarray(0, 1), 1)).toThrow(/needs 2 returns/);
    expect(() => sampleVarianceForecaster({ lookback: 1 })).toThrow(/lookback/);
  });

  it('EWMA: h·σ²_{t+1}', () => {
    const f = ewmaForecaster({ lambda: 0.94 });
    const next = ewmaVariance(returns, { lambda: 0.94, minPeriods: 20 }).nextVariance;
    expect(f.forecast(returns, 21)).toBeCloseTo(21 * next, 18);
    expect(f).toMatchObject({ id: 'ewma-0.94', family: 'ewma', label: 'EWMA λ = 0.94' });
  });

  it('GARCH: the mean-reverting h-step sum from a fit on the window', () => {
    const fit = fitGarch(returns);
    expect(garchForecaster().forecast(returns, 10)).toBeCloseTo(
      horizonVariance({ kind: 'garch', ...fit }, 10),
      16,
    );
  });

  it('default set: sample baseline first, lookbacks, λ grid, then GARCH (optional)', () => {
    expect(defaultVarianceForecasters({ sampleLookbacks: [63] }).map((f) => f.id)).toEqual([
      'sample',
      'sample-63',
      'ewma-0.94',
      'ewma-0.97',
      'ewma-0.99',
      'garch',
    ]);
    expect(defaultVarianceForecasters({ garch: false, lambdas: [0.9] }).map((f) => f.id)).toEqual([
      'sample',
      'ewma-0.9',
    ]);
    expect(defaultVarianceForecasters({ garch: { minObservations: 100 } }).at(-1)?.id).toBe(
      'garch',
    );
  });
});
