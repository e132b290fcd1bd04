import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const HOLDINGS = 'test/fixtures/risk/holdings.csv';
const FUNDS = 'test/fixtures/risk/funds.yaml';
const SAMPLE = 'data/samples/exposure_real_returns_monthly.csv';

const db = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-risk-')), 'store.sqlite');

/** Columns of the bundled sample, parsed with a plain split (independent of the CSV reader). */
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

/** Sample covariance (divisor n − 1) of two columns, by a two-pass loop. */
function cov(a: readonly number[], b: readonly number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  return a.reduce((s, v, t) => s + (v - ma) * (b[t]! - mb), 0) / (a.length - 1);
}

interface Contribution {
  component: number;
  percent: number;
}

const run = (...args: string[]) =>
  runCli('--db', db(), '--offline', 'risk', '--holdings', HOLDINGS, '--funds', FUNDS, ...args);

describe('ballast risk (bundled sample returns, offline)', () => {
  it('decomposes σ by position and exposure; σ matches an independent sample covariance', async () => {
    const out = await run('--covariance', 'sample', '--format', 'json');
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout);
    // NAV = 100·60 + 200·25 + 100·90 + 10·50 − 2 500 + 500 = 18 500 (XYZ counts in NAV).
    expect(r.nav).toBe(18500);
    expect(r.covariance).toEqual({
      method: 'sample(ddof=1)',
      source: 'sample',
      periods: 57,
      from: '2020-09-30',
      to: '2025-05-31',
    });
    // x = Eᵀw: US = (2·6 000 + 0.6·5 000)/18 500, intl = 0.4·5 000/18 500, UST = 9 000/18 500.
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
    expect(Math.abs(r.volatilityAnnual - sigma) / sigma).toBeLessThan(1e-12);
    expect(
      Object.fromEntries(
        r.byExposure.map((e: { exposure: string; weight: number }) => [e.exposure, e.weight]),
      ),
    ).toEqual(
      expect.objectContaining({
        us_large_equity: expect.closeTo(x['us_large_equity']!, 14),
        broad_ust: expect.closeTo(x['broad_ust']!, 14),
      }),
    );
    // Contributions add up to σ, by position (cash lines included at zero) and by exposure.
    const sum = (rows: Contribution[], key: keyof Contribution) =>
      rows.reduce((s, row) => s + row[key], 0);
    expect(Math.abs(sum(r.byPosition, 'component') - r.volatilityAnnual)).toBeLessThan(1e-12);
    expect(Math.abs(sum(r.byExposure, 'component') - r.volatilityAnnual)).toBeLessThan(1e-12);
    expect(sum(r.byPosition, 'percent')).toBeCloseTo(1, 12);
    expect(
      r.byPosition.map((p: { symbol: string; account: string }) => `${p.account}:${p.symbol}`),
    ).toEqual(['TAXABLE:LEV2', 'TAXABLE:GLOBAL', 'IRA:BOND', 'TAXABLE:CASH', 'IRA:CASH']);
    // LEV2: weight 6 000/18 500; marginal = 2 × marginal of us_large_equity.
    const lev = r.byPosition[0];
    const us = r.byExposure.find((e: { exposure: string }) => e.exposure === 'us_large_equity');
    expect(lev.weight).toBeCloseTo(6000 / 18500, 15);
    expect(lev.marginal).toBeCloseTo(2 * us.marginal, 14);
    // Gaussian, zero mean: VaR_1y = −qnorm(0.05)·σ (R: qnorm(0.05) = −1.6448536269514722).
    expect(r.valueAtRisk.oneYear.var).toBeCloseTo(1.6448536269514722 * sigma, 12);
    expect(r.valueAtRisk.oneMonth.var).toBeCloseTo(
      1.6448536269514722 * sigma * Math.sqrt(1 / 12),
      12,
    );
    expect(r.unexplained).toEqual([expect.objectContaining({ symbol: 'XYZ', marketValue: 500 })]);
    expect(r.diversificationRatio).toBeGreaterThan(1);
    expect(r.effectiveBets).toBeGreaterThanOrEqual(1);
    // The correlation of the exposures held, from the same sample covariance (the annualising
    // factor 12 cancels): ρ_ij = cov_ij / √(var_i var_j), checked against the two-pass loop.
    expect(r.correlation.labels).toEqual(r.byExposure.map((e: { exposure: string }) => e.exposure));
    const at = (i: string) => r.correlation.labels.indexOf(i);
    r.correlation.labels.forEach((i: string) => {
      r.correlation.labels.forEach((j: string) => {
        const [a, b] = [c.get(i)!, c.get(j)!];
        const rho = cov(a, b) / Math.sqrt(cov(a, a) * cov(b, b));
        expect(r.correlation.matrix[at(i)][at(j)], `${i}×${j}`).toBeCloseTo(rho, 12);
      });
    });
    expect(r.correlation.matrix[at('broad_ust')][at('broad_ust')]).toBe(1);
  });

  it('prints tables with Ledoit-Wolf by default and still adds up', async () => {
    const json = await run('--format', 'json', '--confidence', '0.99');
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.covariance.method).toMatch(/^ledoit-wolf/);
    expect(r.valueAtRisk.confidence).toBe(0.99);
    expect(
      Math.abs(
        r.byPosition.reduce((s: number, p: Contribution) => s + p.component, 0) -
          r.volatilityAnnual,
      ),
    ).toBeLessThan(1e-12);
    const table = await run('--covariance', 'ewma');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Volatility \(annual\)/);
    expect(table.stdout).toMatch(/us_large_equity/);
    expect(table.stdout).toMatch(/Unexplained \(NOT in the risk figures\):\n {2}XYZ/);
  });

  it('names held exposures the covariance does not cover instead of padding them', async () => {
    const { h } = tempFiles({
      h: 'symbol,quantity,cost_basis,acquired,account,price\nMACRO,10,100,2024-01-10,A,10\n',
    });
    const out = await runCli('--db', db(), '--offline', 'risk', '--holdings', h!, '--funds', FUNDS);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/DATA_UNAVAILABLE.*global_macro \(MACRO\)/);
  });

  it('rejects an unknown covariance method or source', async () => {
    const bad = await run('--covariance', 'garch');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--covariance: expected one of sample, ledoit-wolf, ewma/);
    const src = await run('--source', 'bundled');
    expect(src.stderr).toMatch(/--source: expected one of auto, store, sample/);
    const store = await run('--source', 'store');
    expect(store.code).not.toBe(0);
    expect(store.stderr).toMatch(/DATA_UNAVAILABLE.*store holds no data/);
    const none = await runCli('--db', db(), '--offline', 'risk');
    expect(none.stderr).toMatch(/--holdings or --transactions/);
  });
});

describe('ballast risk --chart', () => {
  it('writes the exposure contributions as bars with each exposure named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-risk-chart-'));
    const out = await run('--covariance', 'sample', '--chart', join(dir, 'risk.svg'));
    expect(out.code, out.stderr).toBe(0);
    const svg = readFileSync(join(dir, 'risk.svg'), 'utf8');
    expect(svg).toContain('Risk contributions');
    for (const id of ['us_large_equity', 'intl_developed_large_equity', 'broad_ust'])
      expect(svg).toContain(id);
    // One bar per exposure held: three labels "… % of σ".
    expect(svg.match(/% of σ/g)).toHaveLength(3);
    expect(out.stderr).toMatch(/chart: wrote .*risk\.svg \(svg/);
  });

  it('rejects a chart file with another extension before any work', async () => {
    const out = await run('--chart', 'risk.jpg');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/INVALID_INPUT.*--chart.*risk\.jpg/);
  });
});
