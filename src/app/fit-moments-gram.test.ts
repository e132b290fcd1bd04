import { describe, expect, it } from 'vitest';
import type { AlignedTable } from '../domain/series/align-common.ts';
import { fitMoments } from './estimate-moments.ts';

/**
 * The 2-asset, 4-month panel of estimate-moments.test.ts: centred cross-products Σ dA² =
 * 1.4e-3, Σ dB² = 5e-4, Σ dA·dB = 0 (hand arithmetic there); sample covariance × 12 months:
 * diag(5.6e-3, 2e-3).
 */
const table: AlignedTable = {
  ids: ['A', 'B'],
  dates: ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'],
  columns: [
    Float64Array.from([0.01, 0.03, -0.02, 0.02]),
    Float64Array.from([0, 0.02, 0.01, -0.01]),
  ],
};
/** Twice the true cross-products: a covariance of twice the true one shows they were used. */
const doubled = {
  count: 4,
  means: Float64Array.of(0.01, 0.005),
  gram: Float64Array.of(2.8e-3, 0, 0, 1e-3),
};

const covarianceOf = (fitted: ReturnType<typeof fitMoments>) =>
  Array.from(fitted.moments.covarianceAnnual.data);

describe('fitMoments with the centred cross-products of the panel', () => {
  it('takes the sample covariance from them', () => {
    const fitted = fitMoments({ table, centredGram: doubled }, {});
    const c = covarianceOf(fitted);
    expect(c[0]).toBeCloseTo(2 * 5.6e-3, 15);
    expect(c[3]).toBeCloseTo(2 * 2e-3, 15);
    expect(c[1]).toBe(0);
    expect(fitted.method.covariance).toBe('sample(ddof=1)');
    expect(fitted.moments.expectedReturnsAnnual[0]).toBeCloseTo(0.12, 14);
  });

  it('ignores them when they describe other rows or another model is asked for', () => {
    const plain = covarianceOf(fitMoments({ table }, {}));
    expect(plain[0]).toBeCloseTo(5.6e-3, 15);
    const otherRows = { ...doubled, count: 3 };
    expect(covarianceOf(fitMoments({ table, centredGram: otherRows }, {}))).toEqual(plain);
    const lw = { covariance: { method: 'ledoit-wolf' } } as const;
    expect(covarianceOf(fitMoments({ table, centredGram: doubled }, lw))).toEqual(
      covarianceOf(fitMoments({ table }, lw)),
    );
  });
});
