import { describe, expect, it } from 'vitest';
import { BallastError } from '../../errors.ts';
import { simulateGarch } from '../garch-simulate.ts';
import { horizonVariance } from '../horizon.ts';
import {
  defaultVarianceForecasters,
  sampleVarianceForecaster,
  type VarianceForecaster,
} from './forecasters.ts';
import { realisedVariance, walkForwardVariance } from './univariate.ts';

const truth = { omega: 2e-6, alpha: 0.08, beta: 0.9 };
const sim = simulateGarch({ ...truth, observations: 5000, seed: 77 });

/** Knows the simulated path: with an expanding window, window.length is the origin index. */
function oracle(scale: number, id: string): VarianceForecaster {
  return {
    id,
    label: id,
    family: 'custom',
    parameters: { scale },
    forecast: (window, horizon) =>
      scale *
      horizonVariance(
        { kind: 'garch', ...truth, nextVariance: sim.variances[window.length] ?? NaN },
        horizon,
      ),
  };
}

describe('walk-forward variance evaluation', () => {
  it.each([1, 5, 21])(
    'the true conditional variance beats half of it on QLIKE at horizon %i (acceptance)',
    (horizon) => {
      const result = walkForwardVariance(sim.returns, {
        forecasters: [oracle(1, 'true'), oracle(0.5, 'half')],
        walkForward: { horizon, step: 5, window: { kind: 'expanding', minObservations: 500 } },
      });
      const [truthScore, half] = result.models;
      expect(result.origins.length).toBeGreaterThan(850);
      // Expected gap per origin is 1 − ln 2 ≈ 0.31 when E[realised/forecast] = 1.
      expect(truthScore?.meanQlike).toBeLessThan((half?.meanQlike ?? 0) - 0.1);
      expect(truthScore?.eligible).toBe(true);
    },
  );

  it('forecasts from the trailing window only and compares with Σ r² over the next h returns', () => {
    const r = Float64Array.from({ length: 40 }, (_, t) => 0.01 * Math.sin(t + 1));
    const seen: { length: number; last: number | undefined }[] = [];
    const spy: VarianceForecaster = {
      ...sampleVarianceForecaster(),
      id: 'spy',
      forecast: (window, horizon) => {
        seen.push({ length: window.length, last: window.at(-1) });
        return horizon * 1e-4;
      },
    };
    const result = walkForwardVariance(r, {
      forecasters: [spy],
      walkForward: { horizon: 3, step: 10, window: { kind: 'rolling', length: 15 } },
    });
    // Origins 15, 25, 35 (35 + 3 ≤ 40); each sees exactly the 15 returns before it.
    expect(result.origins).toEqual([15, 25, 35]);
    expect(seen).toEqual([
      { length: 15, last: r[14] },
      { length: 15, last: r[24] },
      { length: 15, last: r[34] },
    ]);
    const realised = (r[15] ?? 0) ** 2 + (r[16] ?? 0) ** 2 + (r[17] ?? 0) ** 2;
    expect(result.realised[0]).toBeCloseTo(realised, 18);
    expect(realisedVariance(r, { origin: 15, horizon: 3 })).toBeCloseTo(realised, 18);
    expect(result.forecasts[0]?.[0]).toBeCloseTo(3e-4, 18);
  });

  it('records forecaster failures as data, keeps scoring the others and excludes the failed model', () => {
    const short = sim.returns.subarray(0, 300);
    const result = walkForwardVariance(short, {
      forecasters: defaultVarianceForecasters({ lambdas: [0.94] }),
      walkForward: { horizon: 5, step: 20, window: { kind: 'rolling', length: 100 } },
    });
    const garch = result.models.find((m) => m.id === 'garch');
    expect(garch).toMatchObject({ eligible: false, count: 0 });
    expect(garch?.failures).toBe(result.origins.length);
    expect(result.failures[0]).toMatchObject({ modelId: 'garch', code: 'INSUFFICIENT_DATA' });
    expect(result.warnings[0]?.message).toMatch(/GARCH\(1,1\) failed at 10 of 10 origins/);
    expect(result.warnings[0]?.details).toMatchObject({ failures: 10, origins: 10 });
    expect(result.models.find((m) => m.id === 'ewma-0.94')?.eligible).toBe(true);
    expect(Number.isNaN(garch?.meanQlike)).toBe(true);
  });

  it('skips origins whose realised variance is 0 and counts them', () => {
    const r = Float64Array.from({ length: 30 }, (_, t) =>
      t >= 20 && t < 25 ? 0 : 0.01 * ((t % 3) - 1),
    );
    const result = walkForwardVariance(r, {
      forecasters: [sampleVarianceForecaster()],
      walkForward: { horizon: 5, step: 5, window: { kind: 'expanding', minObservations: 10 } },
    });
    expect(result.skippedOrigins).toBe(1);
    expect(result.origins).toEqual([10, 15, 25]);
  });

  it('turns a non-positive forecast into a failure and rethrows errors that are not BallastErrors', () => {
    const zero: VarianceForecaster = {
      ...sampleVarianceForecaster(),
      id: 'zero',
      forecast: () => 0,
    };
    const r = sim.returns.subarray(0, 60);
    const design = { horizon: 1, step: 10, window: { kind: 'rolling', length: 20 } } as const;
    const result = walkForwardVariance(r, {
      forecasters: [sampleVarianceForecaster(), zero],
      walkForward: design,
    });
    expect(result.failures[0]?.message).toMatch(/not a finite positive number/);
    const bug: VarianceForecaster = {
      ...zero,
      id: 'bug',
      forecast: () => {
        throw new TypeError('bug');
      },
    };
    expect(() => walkForwardVariance(r, { forecasters: [bug], walkForward: design })).toThrow(
      TypeError,
    );
  });

  it('rejects duplicate ids, no models and non-finite returns', () => {
    const design = { horizon: 1, step: 1, window: { kind: 'rolling', length: 5 } } as const;
    const s = sampleVarianceForecaster();
    expect(() =>
      walkForwardVariance(sim.returns, { forecasters: [s, s], walkForward: design }),
    ).toThrow(/unique/);
    expect(() =>
      walkForwardVariance(sim.returns, { forecasters: [], walkForward: design }),
    ).toThrow(BallastError);
    expect(() =>
      walkForwardVariance([0.1, NaN], { forecasters: [s], walkForward: design }),
    ).toThrow(/returns\[1\]/);
  });

  it('throws INSUFFICIENT_DATA when every model fails', () => {
    const never: VarianceForecaster = {
      ...sampleVarianceForecaster(),
      forecast: () => {
        throw new BallastError('SOLVER_FAILED', 'no');
      },
    };
    const design = { horizon: 1, step: 5, window: { kind: 'rolling', length: 5 } } as const;
    expect(() =>
      walkForwardVariance(sim.returns.subarray(0, 30), {
        forecasters: [never],
        walkForward: design,
      }),
    ).toThrow(/no usable origin \(e\.g\. sample: no\)/);
  });
});
