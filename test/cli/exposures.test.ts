import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const holdings = [
  'symbol,quantity,cost_basis,acquired,account,price',
  'rssb,400,9000,2024-01-10,MARGIN,25',
  'UPRO,100,8000,2024-01-10,MARGIN,100',
  'XYZ,10,900,2024-01-10,MARGIN,100',
  'ABC,5,50,2024-01-10,MARGIN,',
  'CASH,-5000,,,MARGIN,',
].join('\n');

describe('ballast exposures', () => {
  it('decomposes holdings through the shipped fund definitions (JSON contract)', async () => {
    const { h } = tempFiles({ h: holdings });
    const run = await runCli('exposures', '--holdings', h!, '--format', 'json');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    // total = 400 × 25 + 100 × 100 + 10 × 100 − 5000 = 16 000 (ABC has no price: not valued)
    expect(r.totalValue).toBe(16000);
    expect(r.cash).toBe(-5000);
    expect(
      r.positions.map((p: { symbol: string; marketValue: number; notionalWeight: number }) => [
        p.symbol,
        p.marketValue,
        p.notionalWeight,
      ]),
    ).toEqual([
      ['RSSB', 10000, 10000 / 16000],
      ['UPRO', 10000, 10000 / 16000],
      ['XYZ', 1000, 1000 / 16000],
    ]);
    const byId = Object.fromEntries(
      r.exposures.map((e: { id: string; economicValue: number }) => [e.id, e.economicValue]),
    );
    // RSSB $10 000 at 0.5 × 1.9 = 0.95 per $ of each: $9 500 Treasuries and $9 500 global
    // equity split 0.62/0.28/0.10; UPRO $10 000 × 3 = $30 000 of US large caps.
    expect(byId.broad_ust).toBeCloseTo(9500, 6);
    expect(byId.us_large_equity).toBeCloseTo(9500 * 0.62 + 30000, 6);
    expect(byId.intl_developed_large_equity).toBeCloseTo(9500 * 0.28, 6);
    expect(byId.emerging_equity).toBeCloseTo(9500 * 0.1, 6);
    const equity = r.byCategory.find((c: { id: string }) => c.id === 'equity_beta');
    expect(equity.economicValue).toBeCloseTo(9500 + 30000, 6);
    // gross = (9 500 + 9 500 + 30 000) / 16 000
    expect(r.grossEconomicExposure).toBeCloseTo(49000 / 16000, 10);
    expect(r.netEconomicExposure).toBeCloseTo(49000 / 16000, 10);
    expect(r.unexplained).toEqual([
      expect.objectContaining({ symbol: 'ABC', marketValue: null }),
      expect.objectContaining({ symbol: 'XYZ', marketValue: 1000 }),
    ]);
  });

  it('values a ledger by a prices file first and labels every price', async () => {
    const files = tempFiles({
      tx: 'date,type,symbol,quantity,price,amount,fees,account,lots\n2024-01-02,deposit,,,,1000,,,\n2024-01-03,buy,SPY,2,400,,,,\n2024-01-03,buy,GLD,1,180,,,,\n',
      p: 'symbol,price,date,source\nSPY,500,2024-06-28,broker close\n',
    });
    const r = JSON.parse(
      (
        await runCli(
          'exposures',
          '--transactions',
          files.tx!,
          '--prices',
          files.p!,
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(r.positions).toEqual([
      expect.objectContaining({
        symbol: 'GLD',
        price: 180,
        priceSource: 'last trade price (ledger)',
        marketValue: 180,
      }),
      expect.objectContaining({
        symbol: 'SPY',
        price: 500,
        priceSource: 'broker close',
        marketValue: 1000,
      }),
    ]);
    // cash 1000 − 800 − 180 = 20; total 20 + 1000 + 180 = 1200
    expect(r.totalValue).toBe(1200);
  });

  it('uses a user fund file given with --funds and prints tables and CSV', async () => {
    const files = tempFiles({
      h: 'symbol,quantity,cost_basis,acquired,account,price\nMYFUND,10,100,2024-01-02,A,10\n',
      f: 'funds:\n  MYFUND:\n    name: My fund\n    category: Test\n    exposures: { gold: 2.0 }\n    provenance: test\n    validatedBy: null\n',
    });
    const csv = await runCli(
      'exposures',
      '--holdings',
      files.h!,
      '--funds',
      files.f!,
      '--format',
      'csv',
    );
    expect(csv.stdout.trim().split('\n')).toEqual([
      'id,category,economic_value,economic_weight',
      'gold,real_assets,200,2',
    ]);
    const table = await runCli('exposures', '--holdings', files.h!, '--funds', files.f!);
    expect(table.stdout).toContain('Gross economic exposure 200.0% of total value (2.00×)');
  });

  it('requires a holdings or transactions file', async () => {
    const run = await runCli('exposures');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--holdings or --transactions');
  });
});

describe('ballast funds and universe', () => {
  it('imports a weight-style file: RSSB 0.5/0.5 × 1.9 becomes 0.95 of each, then validates', async () => {
    const sample = readFileSync(
      new URL('../fixtures/exposures/fund_universe_sample.yaml', import.meta.url),
      'utf8',
    );
    const files = tempFiles({ in: sample, out: '' });
    const run = await runCli('funds', 'import', '--weight-style', files.in!, '--out', files.out!);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote 7 fund definitions');
    const list = JSON.parse(
      (await runCli('funds', 'list', '--funds', files.out!, '--format', 'json')).stdout,
    );
    expect(list.funds.RSSB.sourceExposures).toEqual({ BONDS: 0.95, GLOBAL_EQUITY: 0.95 });
    expect(list.funds.RSSB.exposures.broad_ust).toBeCloseTo(0.95, 12);
    expect(list.funds.QMHIX.exposures).toEqual({ trend_following: 1.5 });
    const check = await runCli('funds', 'validate', files.out!);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('7 funds, 0 errors');
  });

  it('rejects a fund file naming an unknown exposure', async () => {
    const { f } = tempFiles({
      f: 'funds:\n  BAD:\n    name: Bad\n    category: Test\n    exposures: { moon_rocks: 1.0 }\n    provenance: test\n    validatedBy: null\n',
    });
    const run = await runCli('funds', 'validate', f!, '--format', 'json');
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(false);
    expect(out.issues[0]).toMatchObject({ severity: 'error', symbol: 'BAD' });
  });

  it('the shipped fund file validates and lists every exposure of the universe', async () => {
    expect((await runCli('funds', 'validate', 'config/funds.yaml')).code).toBe(0);
    const u = JSON.parse((await runCli('universe', '--format', 'json')).stdout);
    expect(u.exposures).toHaveLength(17);
    expect(u.categories).toHaveLength(5);
    expect((await runCli('universe')).stdout).toContain('etf_average SPY/IVV/VOO');
    expect((await runCli('funds', 'list')).stdout).toContain('RSSB');
  });
});
