import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const LPP = 'test/fixtures/peers/lpp2005rec_assets6.csv';
const moments = JSON.parse(
  readFileSync('test/fixtures/peers/lpp2005rec_assets6.moments.json', 'utf8'),
).moments as {
  assets: string[];
  mean: Record<string, number>;
  cov: number[][];
};

describe('ballast estimate', () => {
  it('matches the peer reference moments (numpy, ddof = 1) annualised × 252 on LPP2005', async () => {
    const run = await runCli(
      'estimate',
      '--returns',
      LPP,
      '--periods-per-year',
      '252',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.assets).toEqual(moments.assets);
    moments.assets.forEach((a, i) => {
      expect(r.mu[a]).toBeCloseTo(moments.mean[a]! * 252, 12);
      moments.assets.forEach((_b, j) => {
        expect(Math.abs(r.covariance[i][j] - moments.cov[i]![j]! * 252)).toBeLessThan(1e-12);
      });
    });
    expect(r.inputsHash).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    // the same inputs give the same hash; other parameters give another
    const again = JSON.parse(
      (await runCli('estimate', '--returns', LPP, '--periods-per-year', '252', '--format', 'json'))
        .stdout,
    );
    expect(again.inputsHash).toBe(r.inputsHash);
    const ewma = JSON.parse(
      (
        await runCli(
          'estimate',
          '--returns',
          LPP,
          '--covariance',
          'ewma',
          '--lambda',
          '0.97',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(ewma.inputsHash).not.toBe(r.inputsHash);
    expect(ewma.method.covariance).toBe('ewma(lambda=0.97,minPeriods=20)');
  });

  it('Black-Litterman without views returns the equilibrium prior Π = δΣw (δ = 2.5, equal weights)', async () => {
    const r = JSON.parse(
      (
        await runCli(
          'estimate',
          '--returns',
          LPP,
          '--periods-per-year',
          '252',
          '--mean',
          'black-litterman',
          '--format',
          'json',
        )
      ).stdout,
    );
    const n = r.assets.length;
    r.assets.forEach((a: string, i: number) => {
      const pi = 2.5 * r.covariance[i].reduce((s: number, x: number) => s + x / n, 0);
      expect(r.mu[a]).toBeCloseTo(pi, 14);
    });
    const withView = JSON.parse(
      (
        await runCli(
          'estimate',
          '--returns',
          LPP,
          '--periods-per-year',
          '252',
          '--mean',
          'black-litterman',
          '--view',
          'SPI=0.2',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(withView.mu.SPI).toBeGreaterThan(r.mu.SPI);
    expect(withView.mu.SPI).toBeLessThan(0.2);
  });

  it('estimates the bundled exposure universe offline, matching the upstream summary statistics', async () => {
    const { db = '' } = tempFiles({ db: '' });
    const run = await runCli(
      '--db',
      db,
      '--offline',
      'estimate',
      'universe',
      '--covariance',
      'sample',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.source).toBe('bundled');
    expect(r.assets).toHaveLength(16);
    // upstream exposure_summary_stats.csv, us_large_equity: Real_Annual_Return 9.372663028217755 %,
    // Annual_Volatility 16.355342287455848 % (monthly mean × 12, sample std × √12)
    expect(r.mu.us_large_equity).toBeCloseTo(9.372663028217755 / 100, 12);
    expect(r.volatility.us_large_equity).toBeCloseTo(16.355342287455848 / 100, 12);
  });

  it('evaluates variance and covariance forecasts walk-forward and picks a model per asset', async () => {
    const run = await runCli(
      'estimate',
      'evaluate',
      '--returns',
      LPP,
      '--horizon',
      '5',
      '--min-observations',
      '150',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.horizon).toBe(5);
    expect(r.variance.chosen.map((c: { asset: string }) => c.asset)).toEqual(moments.assets);
    expect(r.variance.rows.some((row: { modelId: string }) => row.modelId === 'sample')).toBe(true);
    expect(r.covariance.rows.filter((m: { chosen: boolean }) => m.chosen)).toHaveLength(1);
    const table = await runCli(
      'estimate',
      'evaluate',
      '--returns',
      LPP,
      '--horizon',
      '5',
      '--min-observations',
      '150',
    );
    expect(table.stdout).toContain('Chosen per asset');
  }, 60_000);

  it('rejects an unknown method and a missing input with INVALID_INPUT', async () => {
    expect((await runCli('estimate', '--returns', LPP, '--covariance', 'magic')).code).toBe(2);
    expect((await runCli('estimate')).code).toBe(2);
  });
});

describe('ballast estimate --risk-premium', () => {
  it('estimates on total, excess-of-cash and real returns side by side from stored data', async () => {
    const { tempFiles } = await import('../helpers/run-cli.ts');
    // Two hand-made price paths over 2024-01-02..2024-03-28 (NYSE days), a flat 5 % cash yield
    // and CPI levels with release dates, imported into a temp store.
    const days: string[] = [];
    for (
      let d = new Date(Date.UTC(2024, 0, 2));
      d <= new Date(Date.UTC(2024, 2, 28));
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const wd = d.getUTCDay();
      const iso = d.toISOString().slice(0, 10);
      if (wd !== 0 && wd !== 6 && !['2024-01-15', '2024-02-19'].includes(iso)) days.push(iso);
    }
    const pathA = days.map((d, i) => `${d},${(100 * (1 + 0.01 * Math.sin(i))).toFixed(4)}`);
    const pathB = days.map((d, i) => `${d},${(50 * (1 + 0.02 * Math.cos(i / 2))).toFixed(4)}`);
    const files = tempFiles({
      'store.sqlite': '',
      a: `date,close\n${pathA.join('\n')}\n`,
      b: `date,close\n${pathB.join('\n')}\n`,
      cash: 'date,value\n2023-12-29,0.05\n2024-01-31,0.05\n2024-02-29,0.05\n',
      cpi: 'date,value,available_from\n2023-11-01,307.0,2023-12-12\n2023-12-01,308.0,2024-01-11\n2024-01-01,309.0,2024-02-13\n2024-02-01,310.0,2024-03-12\n2024-03-01,311.0,2024-04-10\n',
    });
    const db = files['store.sqlite']!;
    for (const [file, symbol, kind] of [
      [files.a, 'AAA', 'prices'],
      [files.b, 'BBB', 'prices'],
      [files.cash, 'DGS3MO', 'series'],
      [files.cpi, 'CPIAUCSL', 'series'],
    ] as const) {
      expect(
        (
          await runCli(
            '--db',
            db,
            'data',
            'import',
            '--csv',
            file!,
            '--symbol',
            symbol,
            '--kind',
            kind,
          )
        ).code,
      ).toBe(0);
    }
    const run = await runCli(
      '--db',
      db,
      '--offline',
      'estimate',
      '--symbols',
      'AAA,BBB',
      '--from',
      '2024-01-03',
      '--to',
      '2024-03-28',
      '--risk-premium',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(Object.keys(r.riskPremiumView)).toEqual(['total', 'excess', 'real']);
    // a constant cash return barely changes volatility; each panel is its own estimate
    expect(r.riskPremiumView.excess.volatility.AAA).toBeCloseTo(
      r.riskPremiumView.total.volatility.AAA,
      3,
    );
    expect(r.riskPremiumView.total.volatility.AAA).toBeCloseTo(r.volatility.AAA, 12);
  });
});

describe('ballast estimate universe from the store', () => {
  it('builds exposures from stored prices by their preferred implementation, else falls back to the bundled sample', async () => {
    const { tempFiles } = await import('../helpers/run-cli.ts');
    // Hand-made daily closes (weekdays, Jan–Jun 2024): SPY and IVV for us_large_equity
    // (etf_average), IEF for broad_ust.
    const days: string[] = [];
    for (
      let d = new Date(Date.UTC(2024, 0, 2));
      d <= new Date(Date.UTC(2024, 5, 28));
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
    }
    const path = (base: number, amp: number) =>
      `date,close\n${days.map((d, i) => `${d},${(base * (1 + amp * Math.sin(i / 3))).toFixed(4)}`).join('\n')}\n`;
    const files = tempFiles({
      'store.sqlite': '',
      spy: path(470, 0.02),
      ivv: path(472, 0.021),
      ief: path(94, 0.005),
    });
    const db = files['store.sqlite']!;
    const fallback = JSON.parse(
      (await runCli('--db', db, 'estimate', 'universe', '--format', 'json')).stdout,
    );
    expect(fallback.source).toBe('bundled');
    expect((await runCli('--db', db, 'estimate', 'universe', '--source', 'store')).code).toBe(4);
    for (const [f, s] of [
      [files.spy, 'SPY'],
      [files.ivv, 'IVV'],
      [files.ief, 'IEF'],
    ] as const) {
      expect((await runCli('--db', db, 'data', 'import', '--csv', f!, '--symbol', s)).code).toBe(0);
    }
    const r = JSON.parse(
      (
        await runCli(
          '--db',
          db,
          'estimate',
          'universe',
          '--source',
          'store',
          '--covariance',
          'sample',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(r.source).toBe('store');
    expect(r.assets).toEqual(['us_large_equity', 'broad_ust']);
    expect(r.window.observations).toBeGreaterThanOrEqual(5);
    // The automatic choice reads the store whenever it holds universe data — also offline
    // (offline only stops provider calls); `--source sample` (alias `bundled`) forces the sample.
    const offline = await runCli(
      '--db',
      db,
      '--offline',
      'estimate',
      'universe',
      '--format',
      'json',
    );
    expect(JSON.parse(offline.stdout).source).toBe('store');
    const sample = await runCli(
      '--db',
      db,
      'estimate',
      'universe',
      '--source',
      'sample',
      '--format',
      'json',
    );
    expect(JSON.parse(sample.stdout).source).toBe('bundled');
  });
});
