import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { loadMoments } from './load-moments.ts';

// The hand panel of estimate-moments.test.ts: annual μ = (0.12, 0.06), Σ = diag(5.6e-3, 2e-3).
const text =
  'date,A,B\n2024-01-31,0.01,0\n2024-02-29,0.03,0.02\n2024-03-31,-0.02,0.01\n2024-04-30,0.02,-0.01\n';

describe('loadMoments', () => {
  it('estimates a panel, and reads the same moments back from the estimate’s JSON', async () => {
    const deps = testDeps();
    try {
      const estimated = await loadMoments(
        {
          kind: 'estimate',
          panel: { kind: 'file', file: { text } },
          spec: { riskFreeRateAnnual: 0.01 },
        },
        deps,
      );
      expect(estimated.moments.expectedReturnsAnnual[0]).toBeCloseTo(0.12, 14);
      expect(estimated.moments.covarianceAnnual.data[3]).toBeCloseTo(2e-3, 15);
      const file = await loadMoments(
        {
          kind: 'file',
          moments: { text: JSON.stringify({ ...estimated.summary, riskFreeRateAnnual: 0.01 }) },
        },
        deps,
      );
      expect(file.moments).toEqual(estimated.moments);
      expect(file.summary).toBeUndefined();
    } finally {
      await deps.close();
    }
  });
});
