import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { estimateUniverse } from './estimate-universe.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
const deps = () => {
  const d = testDeps({ offline: true });
  opened.push(d);
  return d;
};

describe('estimateUniverse use case', () => {
  it('estimates the bundled sample like the upstream summary statistics (monthly mean × 12, std × √12)', async () => {
    const doc = await estimateUniverse(
      { source: 'bundled', covariance: { method: 'sample' } },
      deps(),
    );
    expect(doc.source).toBe('bundled');
    expect(doc.assets).toHaveLength(16);
    expect(doc.frequency.periodsPerYear).toBe(12);
    // upstream exposure_summary_stats.csv, us_large_equity: Real_Annual_Return
    // 9.372663028217755 %, Annual_Volatility 16.355342287455848 %
    expect(doc.mu.us_large_equity).toBeCloseTo(9.372663028217755 / 100, 12);
    expect(doc.volatility.us_large_equity).toBeCloseTo(16.355342287455848 / 100, 12);
    expect(doc.warnings[0]).toMatchObject({ code: 'SAMPLE_DATA' });
  });

  it('shrinks by default: Ledoit-Wolf keeps the sample variances’ average and pulls correlations in', async () => {
    const d = deps();
    const sample = await estimateUniverse(
      { source: 'sample', covariance: { method: 'sample' } },
      d,
    );
    const shrunk = await estimateUniverse({ source: 'sample' }, d);
    expect(shrunk.method.covariance).toBe('ledoit-wolf(target=constantVariance)');
    // constant-variance target μ·I has the average sample variance on its diagonal, so the
    // trace is unchanged by shrinkage: Σ̂ = δ·μI + (1 − δ)·S ⇒ tr Σ̂ = δ·nμ + (1 − δ)·tr S = tr S
    // (Ledoit-Wolf's S uses divisor T, sample's T − 1: factor (T − 1)/T, T = 57)
    const trace = (c: number[][]) => c.reduce((s, row, i) => s + row[i]!, 0);
    expect(trace(shrunk.covariance)).toBeCloseTo((trace(sample.covariance) * 56) / 57, 12);
  });

  it('refuses the store when it holds no universe data', async () => {
    await expect(estimateUniverse({ source: 'store' }, deps())).rejects.toMatchObject({
      code: 'DATA_UNAVAILABLE',
    });
  });
});
