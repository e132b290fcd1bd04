import { describe, expect, it } from 'vitest';
import { BallastError } from '../domain/errors.ts';
import {
  covarianceMethodOf,
  marketWeightsOf,
  meanMethodOf,
  parseEstimationSpec,
} from './estimation-spec.ts';

describe('estimation specs', () => {
  it('applies the documented defaults', () => {
    expect(parseEstimationSpec({})).toEqual({
      covariance: { method: 'sample' },
      mean: { method: 'historical' },
      horizon: 1,
    });
    expect(parseEstimationSpec({ covariance: { method: 'ewma' } }).covariance).toEqual({
      method: 'ewma',
      lambda: 0.94,
      minPeriods: 20,
    });
  });

  it('maps every covariance name onto the domain method', () => {
    const of = (raw: Parameters<typeof parseEstimationSpec>[0]) =>
      covarianceMethodOf(parseEstimationSpec(raw).covariance);
    expect(of({ covariance: { method: 'ledoit-wolf' } })).toEqual({
      method: 'ledoitWolf',
      target: 'constantVariance',
    });
    expect(of({ covariance: { method: 'ledoit-wolf', target: 'single-factor' } })).toEqual({
      method: 'ledoitWolf',
      target: 'singleFactor',
    });
    expect(of({ covariance: { method: 'ledoit-wolf-constant-correlation' } })).toEqual({
      method: 'ledoitWolf',
      target: 'constantCorrelation',
    });
    expect(of({ covariance: { method: 'semicovariance' } })).toEqual({
      method: 'semicovariance',
      benchmark: 0,
    });
    expect(of({ covariance: { method: 'garch' } })).toEqual({ method: 'garch' });
    expect(() => of({ covariance: { method: 'factor', factorReturns: { text: '' } } })).toThrow(
      /factor returns are required/,
    );
  });

  it('names the field and value of a bad model', () => {
    let error: unknown;
    try {
      parseEstimationSpec({ covariance: { method: 'magic' } } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BallastError);
    expect((error as BallastError).details).toMatchObject({ field: 'covariance.method' });
    expect(() => parseEstimationSpec({ mean: { method: 'ewma', span: 0 } })).toThrow(/^mean\.span/);
    expect(() => parseEstimationSpec({ horizon: 1.5 })).toThrow(/^horizon/);
  });

  it('builds Black-Litterman prior weights by asset, case-insensitively, and refuses unknown ones', () => {
    expect(Array.from(marketWeightsOf({ b: 0.25, A: 0.75 }, ['A', 'B', 'C']))).toEqual([
      0.75, 0.25, 0,
    ]);
    expect(Array.from(marketWeightsOf(undefined, ['A', 'B']))).toEqual([0.5, 0.5]);
    expect(() => marketWeightsOf({ Z: 1 }, ['A'])).toThrow(/mean\.marketWeights\.Z/);
  });

  it('matches view names to the panel ids and passes rf to CAPM', () => {
    const cov = { rows: 1, cols: 1, data: Float64Array.from([0.04]) };
    const ctx = { assets: ['us_large_equity'], covarianceAnnual: cov, riskFreeRateAnnual: 0.03 };
    const spec = parseEstimationSpec({
      mean: {
        method: 'black-litterman',
        views: [{ kind: 'absolute', asset: 'US_LARGE_EQUITY', returnAnnual: 0.07 }],
      },
    });
    const bl = meanMethodOf(spec.mean, ctx);
    expect(bl).toMatchObject({
      method: 'blackLitterman',
      views: [{ kind: 'absolute', asset: 'us_large_equity', returnAnnual: 0.07 }],
      tau: 0.05,
      prior: { kind: 'equilibrium', riskAversion: 2.5, riskFreeRateAnnual: 0.03 },
    });
    expect(meanMethodOf({ method: 'capm' }, ctx)).toEqual({
      method: 'capm',
      riskFreeRateAnnual: 0.03,
    });
  });
});
