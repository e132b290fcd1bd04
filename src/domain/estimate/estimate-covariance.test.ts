import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectSymmetricPsd,
  returnsMatrixArbitrary,
  seededReturns,
} from '../../../test/helpers/matrices.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { toRows } from '../../core/linalg/matrix.ts';
import {
  describeCovarianceMethod,
  estimateCovariance,
  type CovarianceMethod,
} from './estimate-covariance.ts';
import { ledoitWolf } from './ledoit-wolf.ts';
import { sampleCovariance } from './sample-covariance.ts';

// Property tolerance: smallest eigenvalue ≥ −1e-12 × largest (rounding only); exact symmetry.

function methodsFor(returns: Matrix): CovarianceMethod[] {
  const factorReturns = seededReturns({ t: returns.rows, n: 1, seed: returns.rows * 7 + 1 });
  return [
    { method: 'sample' },
    { method: 'sample', ddof: 0 },
    { method: 'ewma', lambda: 0.9, minPeriods: 2 },
    { method: 'ledoitWolf' },
    { method: 'ledoitWolf', target: 'singleFactor' },
    { method: 'ledoitWolf', target: 'constantCorrelation' },
    { method: 'oas' },
    { method: 'semicovariance' },
    { method: 'semicovariance', benchmark: 0.001 },
    { method: 'factor', factorReturns },
    { method: 'denoised' },
  ];
}

describe('estimateCovariance', () => {
  it('returns a symmetric PSD matrix for random data, for every estimator (property)', () => {
    fc.assert(
      fc.property(returnsMatrixArbitrary({ minRows: 3, maxRows: 40, maxCols: 8 }), (returns) => {
        for (const options of methodsFor(returns)) {
          const result = estimateCovariance(returns, options);
          expect([result.covariance.rows, result.covariance.cols]).toEqual([
            returns.cols,
            returns.cols,
          ]);
          expectSymmetricPsd(result.covariance);
          expect(result.warnings.map((w) => w.code)).not.toContain('COVARIANCE_REPAIRED');
          if (result.shrinkage !== undefined) {
            expect(result.shrinkage).toBeGreaterThanOrEqual(0);
            expect(result.shrinkage).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('dispatches to the named estimator', () => {
    const returns = seededReturns({ t: 50, n: 4, seed: 17, factor: 0.3 });
    expect(toRows(estimateCovariance(returns, { method: 'ledoitWolf' }).covariance)).toEqual(
      toRows(ledoitWolf(returns).covariance),
    );
    expect(estimateCovariance(returns, { method: 'oas' }).shrinkage).toBeGreaterThan(0);
    expect(toRows(estimateCovariance(returns, { method: 'sample' }).covariance)).toEqual(
      toRows(sampleCovariance(returns).covariance),
    );
  });

  it('labels each method with its parameters', () => {
    const returns = seededReturns({ t: 5, n: 2, seed: 1 });
    expect(methodsFor(returns).map(describeCovarianceMethod)).toEqual([
      'sample(ddof=1)',
      'sample(ddof=0)',
      'ewma(lambda=0.9,minPeriods=2)',
      'ledoit-wolf(target=constantVariance)',
      'ledoit-wolf(target=singleFactor)',
      'ledoit-wolf(target=constantCorrelation)',
      'oas',
      'semicovariance(benchmark=0)',
      'semicovariance(benchmark=0.001)',
      'factor(k=1)',
      'denoised(sample,noiseVariance=1)',
    ]);
    expect(describeCovarianceMethod({ method: 'semicovariance', benchmark: [0, 0, 0, 0, 0] })).toBe(
      'semicovariance(benchmark=series)',
    );
  });

  it('passes the noise variance to the denoiser', () => {
    const returns = seededReturns({ t: 30, n: 5, seed: 23, factor: 0.5 });
    const a = estimateCovariance(returns, { method: 'denoised', noiseVariance: 0.5 });
    expectSymmetricPsd(a.covariance);
  });
});
