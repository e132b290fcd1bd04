import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { estimate } from './estimate.ts';

// numpy 1.24.2 sample moments (divisor T − 1) of the LPP2005 panel, recorded in the fixture
const LPP = 'test/fixtures/peers/lpp2005rec_assets6.csv';
const numpy = JSON.parse(
  readFileSync('test/fixtures/peers/lpp2005rec_assets6.moments.json', 'utf8'),
).moments as { assets: string[]; mean: Record<string, number>; cov: number[][] };

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
const deps = (...args: Parameters<typeof testDeps>) => {
  const d = testDeps(...args);
  opened.push(d);
  return d;
};

describe('estimate use case', () => {
  it('matches numpy’s sample moments × 252 on LPP2005 and states the window', async () => {
    const doc = await estimate(
      { panel: { kind: 'file', file: { path: LPP } }, periodsPerYear: 252 },
      deps(),
    );
    expect(doc.assets).toEqual(numpy.assets);
    numpy.assets.forEach((a, i) => {
      expect(doc.mu[a]).toBeCloseTo(numpy.mean[a]! * 252, 12);
      numpy.assets.forEach((_, j) => {
        expect(Math.abs(doc.covariance[i]![j]! - numpy.cov[i]![j]! * 252)).toBeLessThan(1e-12);
      });
    });
    const lines = readFileSync(LPP, 'utf8').trim().split('\n');
    expect(doc.window).toEqual({
      from: lines[1]!.split(',')[0],
      to: lines.at(-1)!.split(',')[0],
      observations: lines.length - 1,
    });
    expect(doc.warnings).toEqual([]);
    expect(doc.riskFreeRateAnnual).toBeUndefined();
  });

  it('carries a given rf into the document (the moments file) and into CAPM', async () => {
    const doc = await estimate(
      {
        panel: { kind: 'file', file: { path: LPP } },
        mean: { method: 'capm' },
        riskFreeRateAnnual: 0.015,
      },
      deps(),
    );
    expect(doc.riskFreeRateAnnual).toBe(0.015);
    expect(doc.method.parameters).toMatchObject({ riskFreeRateAnnual: 0.015 });
  });

  it('refuses the risk-premium view for a file panel, naming the field', async () => {
    await expect(
      estimate({ panel: { kind: 'file', file: { path: LPP } }, riskPremium: true }, deps()),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'riskPremium' } });
  });

  it('names a missing file by its field', async () => {
    await expect(
      estimate({ panel: { kind: 'file', file: { path: '/nonexistent/r.csv' } } }, deps()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'file' } });
  });
});
