import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { risk, riskChart } from './risk.ts';
import { errorOf, testDeps } from './test-helpers.ts';

const HOLDINGS = { path: 'test/fixtures/risk/holdings.csv' };
const FUNDS = { path: 'test/fixtures/risk/funds.yaml' };
const SAMPLE = 'data/samples/exposure_real_returns_monthly.csv';
const deps = testDeps();
afterAll(() => deps.close());

/** Columns of the bundled sample by a plain split (independent of the CSV reader). */
function sampleColumns(): Map<string, number[]> {
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8').trim().split('\n');
  const names = header!.split(',');
  const columns = new Map<string, number[]>(names.slice(1).map((n) => [n, []]));
  for (const row of rows) {
    const cells = row.split(',');
    names.slice(1).forEach((n, j) => columns.get(n)!.push(Number(cells[j + 1])));
  }
  return columns;
}

/** Sample covariance (divisor n − 1) by a two-pass loop. */
function cov(a: readonly number[], b: readonly number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  return a.reduce((s, v, t) => s + (v - ma) * (b[t]! - mb), 0) / (a.length - 1);
}

describe('risk use case', () => {
  it('σ of the exposures equals an independent sample covariance, and contributions add up', async () => {
    const doc = await risk(
      { holdings: HOLDINGS, funds: FUNDS, covariance: 'sample', source: 'sample' },
      deps,
    );
    // NAV = 100·60 + 200·25 + 100·90 + 10·50 − 2 500 + 500 = 18 500 (XYZ is in NAV, no risk line)
    expect(doc.nav).toBe(18500);
    // x = Eᵀw: US = (2·6 000 + 0.6·5 000)/18 500, intl = 0.4·5 000/18 500, UST = 9 000/18 500
    const x: Record<string, number> = {
      us_large_equity: 15000 / 18500,
      intl_developed_large_equity: 2000 / 18500,
      broad_ust: 9000 / 18500,
    };
    const c = sampleColumns();
    let variance = 0;
    for (const [i, xi] of Object.entries(x))
      for (const [j, xj] of Object.entries(x)) variance += xi * xj * 12 * cov(c.get(i)!, c.get(j)!);
    const sigma = Math.sqrt(variance);
    expect(Math.abs(doc.volatilityAnnual - sigma) / sigma).toBeLessThan(1e-12);
    // Gaussian, zero mean: VaR = −qnorm(0.05)·σ (R: qnorm(0.05) = −1.6448536269514722)
    expect(doc.valueAtRisk.oneYear.var).toBeCloseTo(1.6448536269514722 * sigma, 12);
    expect(doc.valueAtRisk.oneYear.varAmount).toBeCloseTo(1.6448536269514722 * sigma * 18500, 2);
    expect(doc.byPosition.map((p) => `${p.account}:${p.symbol}`)).toEqual([
      'TAXABLE:LEV2',
      'TAXABLE:GLOBAL',
      'IRA:BOND',
      'TAXABLE:CASH',
      'IRA:CASH',
    ]);
    const sum = doc.byExposure.reduce((s, e) => s + e.component, 0);
    expect(Math.abs(sum - sigma)).toBeLessThan(1e-12);
    expect(doc.unexplained).toEqual([expect.objectContaining({ symbol: 'XYZ', marketValue: 500 })]);
    expect(doc.warnings.map((w) => w.code)).toEqual(['SAMPLE_DATA']);
    const chart = riskChart(doc);
    expect(chart.names).toEqual(doc.byExposure.map((e) => e.exposure));
    expect([...chart.decomposition.component].reduce((s, v) => s + v, 0)).toBeCloseTo(sigma, 12);
  });

  it('names the exposures the panel lacks, and the field of a bad confidence', async () => {
    const macro = await errorOf(() =>
      risk(
        {
          holdings: {
            text: 'symbol,quantity,cost_basis,acquired,account,price\nMACRO,10,100,2024-01-10,A,10\n',
          },
          funds: FUNDS,
          source: 'sample',
        },
        deps,
      ),
    );
    expect((macro as BallastError).code).toBe('DATA_UNAVAILABLE');
    expect((macro as BallastError).message).toMatch(/global_macro \(MACRO\)/);
    const bad = await errorOf(() => risk({ holdings: HOLDINGS, confidence: 1.5 }, deps));
    expect((bad as BallastError).details).toMatchObject({ field: 'confidence', value: 1.5 });
  });

  it('refuses an empty store as the source (no sample fallback when store is asked for)', async () => {
    const e = await errorOf(() =>
      risk({ holdings: HOLDINGS, funds: FUNDS, source: 'store' }, deps),
    );
    expect((e as BallastError).code).toBe('DATA_UNAVAILABLE');
    expect((e as BallastError).message).toMatch(/store holds no data/);
  });
});
