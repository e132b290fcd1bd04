import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * Hand-made series. SSO = 2× us_large_equity, AGG = 1× broad_ust (config/funds.yaml).
 * 2024-01-01 has no fund returns and 2024-01-04 no us_large_equity return (empty cell): both
 * drop out of the attribution, which runs on 2024-01-02 and 2024-01-03 only.
 */
const files = tempFiles({
  'returns.csv': [
    'date,SSO,AGG',
    '2024-01-02,0.0385,0.006',
    '2024-01-03,-0.025,0.01',
    '2024-01-04,0.01,0',
  ].join('\n'),
  // Mixed-case header: matched case-insensitively.
  'exposures.csv': [
    'date,US_LARGE_EQUITY,broad_ust,cash_rate',
    '2024-01-01,0.5,0.5,0.001',
    '2024-01-02,0.02,0.005,0.001',
    '2024-01-03,-0.01,0.01,0.002',
    '2024-01-04,,0,0.001',
  ].join('\n'),
  'unknown.csv': ['date,us_large_equity,broad_ust,moon_equity', '2024-01-02,0.02,0.005,0.1'].join(
    '\n',
  ),
  'nobond.csv': ['date,us_large_equity,cash_rate', '2024-01-02,0.02,0.001'].join('\n'),
});
const db = join(mkdtempSync(join(tmpdir(), 'ballast-attr-')), 'test.db');
const analyze = (...args: string[]) =>
  runCli('--db', db, '--offline', 'analyze', '--returns', files['returns.csv']!, ...args);

/*
 * Weights 0.6 SSO / 0.4 AGG, rebalanced every period.
 *   t1: R = 0.6·0.0385 + 0.4·0.006 = 0.0231 + 0.0024 = 0.0255
 *       us_large_equity 0.6·2·0.02 = 0.024; broad_ust 0.4·0.005 = 0.002;
 *       financing −0.6·(2 − 1)·0.001 = −0.0006;
 *       implementation SSO 0.6·(0.0385 − 0.04 + 0.001) = −0.0003, AGG 0.4·(0.006 − 0.005) = 0.0004
 *   t2: R = 0.6·(−0.025) + 0.4·0.01 = −0.015 + 0.004 = −0.011
 *       us_large_equity 0.6·2·(−0.01) = −0.012; broad_ust 0.4·0.01 = 0.004;
 *       financing −0.6·0.002 = −0.0012;
 *       implementation SSO 0.6·(−0.025 + 0.02 + 0.002) = −0.0018, AGG 0.4·(0.01 − 0.01) = 0
 *   total 1.0255·0.989 − 1 = 1.0255 − 0.0112805 − 1 = 0.0142195
 * Carino: k1 = ln(1.0255)/0.0255, k2 = ln(0.989)/(−0.011), K = ln(1.0142195)/0.0142195.
 */
const k1 = Math.log(1.0255) / 0.0255;
const k2 = Math.log(0.989) / -0.011;
const K = Math.log(1.0142195) / 0.0142195;
const link = (a: number, b: number): number => (k1 * a + k2 * b) / K;

describe('ballast analyze --exposure-returns', () => {
  it('attributes by position and by exposure, both adding up to the compounded return', async () => {
    const run = await analyze(
      '--weights',
      'SSO=0.6,AGG=0.4',
      '--exposure-returns',
      files['exposures.csv']!,
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.periods).toBe(3); // the metrics keep every date of the portfolio
    const a = out.attribution;
    expect(a).toMatchObject({ method: 'carino', periods: 2, from: '2024-01-02', to: '2024-01-03' });
    expect(a.totalReturn).toBeCloseTo(0.0142195, 14);
    expect(a.byPosition.SSO).toBeCloseTo(link(0.0231, -0.015), 14);
    expect(a.byPosition.AGG).toBeCloseTo(link(0.0024, 0.004), 14);
    expect(Object.keys(a.byExposure)).toEqual([
      'us_large_equity',
      'broad_ust',
      'financing',
      'implementation',
    ]);
    expect(a.byExposure.us_large_equity).toBeCloseTo(link(0.024, -0.012), 14);
    expect(a.byExposure.broad_ust).toBeCloseTo(link(0.002, 0.004), 14);
    expect(a.byExposure.financing).toBeCloseTo(link(-0.0006, -0.0012), 14);
    expect(a.byExposure.implementation.SSO).toBeCloseTo(link(-0.0003, -0.0018), 14);
    expect(a.byExposure.implementation.AGG).toBeCloseTo(link(0.0004, 0), 14);
    const exposureSum =
      a.byExposure.us_large_equity +
      a.byExposure.broad_ust +
      a.byExposure.financing +
      a.byExposure.implementation.SSO +
      a.byExposure.implementation.AGG;
    expect(Math.abs(exposureSum - 0.0142195)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(a.byPosition.SSO + a.byPosition.AGG - 0.0142195)).toBeLessThanOrEqual(1e-12);
  });

  it('prints an Attribution table after the metrics', async () => {
    const run = await analyze(
      '--weights',
      'SSO=0.6,AGG=0.4',
      '--exposure-returns',
      files['exposures.csv']!,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'Attribution (Carino-linked, 2 periods 2024-01-02..2024-01-03, rebalanced every period)',
    );
    // 0.0142195 with 6 significant digits; the financing line −0.0006·k1/K − 0.0012·k2/K.
    expect(run.stdout).toMatch(/exposure\s+total\s+0\.0142195/);
    expect(run.stdout).toMatch(
      new RegExp(`financing\\s+—\\s+${link(-0.0006, -0.0012).toPrecision(6).replace('.', '\\.')}`),
    );
  });

  it('leaves the output unchanged without --exposure-returns', async () => {
    const run = await analyze('--weights', 'SSO=0.6,AGG=0.4', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).attribution).toBeUndefined();
  });

  it('rejects an exposure column that is no exposure id', async () => {
    const run = await analyze('--exposure-returns', files['unknown.csv']!);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('moon_equity');
  });

  it('names a loaded exposure without a return series', async () => {
    const run = await analyze('--exposure-returns', files['nobond.csv']!);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no return series for exposure broad_ust');
  });

  it('rejects a fund without a definition in --funds', async () => {
    const run = await analyze(
      '--exposure-returns',
      files['exposures.csv']!,
      '--funds',
      'test/fixtures/attribution/funds.yaml',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /"AGG" is neither a fund of test\/fixtures\/attribution\/funds\.yaml/,
    );
  });

  it('uses the --funds file: SSO alone there is 2× us_large_equity', async () => {
    const run = await analyze(
      '--column',
      'SSO',
      '--exposure-returns',
      files['exposures.csv']!,
      '--funds',
      'test/fixtures/attribution/funds.yaml',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    // Weight 1: t1 2·0.02 = 0.04, t2 2·(−0.01) = −0.02; R = 0.0385, −0.025.
    const k1s = Math.log(1.0385) / 0.0385;
    const k2s = Math.log(0.975) / -0.025;
    const total = 1.0385 * 0.975 - 1;
    const Ks = Math.log1p(total) / total;
    expect(JSON.parse(run.stdout).attribution.byExposure.us_large_equity).toBeCloseTo(
      (k1s * 0.04 + k2s * -0.02) / Ks,
      14,
    );
  });

  it('needs --exposure-returns for --funds', async () => {
    const run = await analyze('--funds', 'test/fixtures/attribution/funds.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--funds: needs --exposure-returns FILE');
  });
});
