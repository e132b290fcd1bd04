import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const HOLDINGS = join(__dirname, '..', 'fixtures', 'stress', 'holdings.csv');
// The bundled sample shipped with Ballast (data/samples, not ../shared).
const SAMPLE = join(__dirname, '..', '..', 'data', 'samples', 'exposure_real_returns_monthly.csv');

function db(): string {
  return tempFiles({ 'store.sqlite': '' })['store.sqlite']!;
}

async function stressJson(...args: string[]) {
  const run = await runCli(
    '--db',
    db(),
    '--offline',
    'stress',
    '--holdings',
    HOLDINGS,
    ...args,
    '--format',
    'json',
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

type Row = { account: string; symbol: string; value: number; pnl: number; return: number };
const bySymbol = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.symbol, r]));

// Fund definitions of config/funds.yaml used below (economic exposure per $1 of NAV):
// SPY us_large_equity 1.0; SSO us_large_equity 2.0 (2× fund); IEF broad_ust 1.0;
// RSSB us_large_equity 0.589, intl_developed_large_equity 0.266, emerging_equity 0.095,
// broad_ust 0.95. Values: SPY 10 × 500, SSO 20 × 100, IEF 50 × 95, RSSB 100 × 25.
const TOTAL = 5000 + 2000 + 4750 + 2500 - 1000; // 13 250 with the margin loan

describe('ballast stress (hypothetical)', () => {
  it('propagates equity=-0.3 through fund definitions and leverage (hand arithmetic)', async () => {
    const r = await stressJson('--shock', 'equity=-0.3');
    expect(r.scenarios).toHaveLength(1);
    const s = r.scenarios[0];
    expect(s.kind).toBe('hypothetical');
    // `equity` = every exposure of category equity_beta (held or not)
    expect(s.shocks).toEqual({
      us_large_equity: -0.3,
      us_small_equity: -0.3,
      intl_developed_large_equity: -0.3,
      intl_developed_small_equity: -0.3,
      emerging_equity: -0.3,
    });
    const p = bySymbol(s.byPosition);
    expect(p.SPY!.pnl).toBe(-1500); // 5000 × 1 × −0.3
    expect(p.SSO!.pnl).toBe(-1200); // 2000 × 2 × −0.3: the 2× fund loses 2× the shock
    expect(p.SSO!.return).toBeCloseTo(-0.6, 12);
    expect(p.IEF!.pnl).toBe(0); // no equity
    expect(p.RSSB!.pnl).toBe(-712.5); // 2500 × (0.589 + 0.266 + 0.095) × −0.3 = 2500 × 0.95 × −0.3
    expect(s.totalValue).toBe(TOTAL);
    expect(s.totalPnl).toBe(-3412.5); // −1500 − 1200 − 712.5
    expect(s.totalReturn).toBeCloseTo(-3412.5 / 13250, 12);
    const accounts = Object.fromEntries(s.byAccount.map((a: Row) => [a.account, a]));
    // TAXABLE 5000 − 1000 = 4000 loses 1500 (−37.5 %); IRA 9250 loses 1912.5
    expect(accounts.TAXABLE).toEqual({
      account: 'TAXABLE',
      value: 4000,
      pnl: -1500,
      return: -0.375,
    });
    expect(accounts.IRA.pnl).toBe(-1912.5);
    const exposures = Object.fromEntries(
      s.byExposure.map((e: { exposure: string }) => [e.exposure, e]),
    );
    // us_large_equity: 5000 + 2 × 2000 + 0.589 × 2500 = 10 472.5 → × −0.3 = −3141.75
    expect(exposures.us_large_equity.exposureValue).toBe(10472.5);
    expect(exposures.us_large_equity.pnl).toBe(-3141.75);
    expect(exposures.broad_ust).toEqual({
      exposure: 'broad_ust',
      exposureValue: 4750 + 0.95 * 2500,
      shock: 0,
      pnl: 0,
    });
    expect(s.uncovered).toEqual([]);
  });

  it('turns rates=+200bp into returns through a given duration', async () => {
    const s = (await stressJson('--shock', 'rates=+200bp', '--duration', 'broad_ust=6.5'))
      .scenarios[0];
    // r = −6.5 × 0.02 = −0.13; IEF 4750 × −0.13 = −617.5; RSSB 2500 × 0.95 × −0.13 = −308.75
    expect(s.shocks).toEqual({ broad_ust: -0.13 });
    const p = bySymbol(s.byPosition);
    expect(p.IEF!.pnl).toBe(-617.5);
    expect(p.RSSB!.pnl).toBe(-308.75);
    expect(s.totalPnl).toBe(-926.25);
  });

  it('asks for a duration instead of inventing one', async () => {
    const run = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      HOLDINGS,
      '--shock',
      'rates=+200bp',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--duration broad_ust=YEARS');
  });

  it('rejects bad shock syntax and an unknown target', async () => {
    const bad = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      HOLDINGS,
      '--shock',
      'equity:-0.3',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error \[INVALID_INPUT\]: --shock: expected target=value/);
    const unknown = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      HOLDINGS,
      '--shock',
      'crypto=-0.5',
    );
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('unknown target "crypto"');
  });
});

/** Independent compounding of the bundled CSV: the rows of months from … to, per column. */
function sampleCompounded(from: string, to: string, count: number): Record<string, number> {
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8').trim().split('\n');
  const names = header!.split(',').slice(1);
  const growth = Object.fromEntries(names.map((n) => [n, 1]));
  let months = 0;
  for (const row of rows) {
    const [date, ...cells] = row.split(',');
    const month = date!.slice(0, 7);
    if (month < from || month > to) continue;
    months += 1;
    cells.forEach((c, i) => {
      growth[names[i]!] = growth[names[i]!]! * (1 + Number(c));
    });
  }
  expect(months).toBe(count);
  return Object.fromEntries(names.map((n) => [n, growth[n]! - 1]));
}

describe('ballast stress (historical)', () => {
  it('replays rates-2022 on the bundled monthly sample (checked against the CSV)', async () => {
    const r = await stressJson('--scenario', 'rates-2022', '--source', 'sample');
    const s = r.scenarios[0];
    expect(s.window).toEqual({
      from: '2021-12-31',
      to: '2022-10-14',
      effectiveFrom: '2021-12-31',
      effectiveTo: '2022-10-31',
    });
    const expected = sampleCompounded('2022-01', '2022-10', 10);
    for (const id of [
      'us_large_equity',
      'intl_developed_large_equity',
      'emerging_equity',
      'broad_ust',
    ])
      expect(s.shocks[id]).toBeCloseTo(expected[id]!, 10);
    const e = expected;
    const pnl = {
      SPY: 5000 * e.us_large_equity!,
      SSO: 2000 * 2 * e.us_large_equity!,
      IEF: 4750 * e.broad_ust!,
      RSSB:
        2500 *
        (0.589 * e.us_large_equity! +
          0.266 * e.intl_developed_large_equity! +
          0.095 * e.emerging_equity! +
          0.95 * e.broad_ust!),
    };
    const p = bySymbol(s.byPosition);
    for (const [symbol, v] of Object.entries(pnl)) expect(p[symbol]!.pnl).toBeCloseTo(v, 2);
    const total = Object.values(pnl).reduce((a, b) => a + b, 0);
    expect(s.totalPnl).toBeCloseTo(total, 2);
    expect(s.totalReturn).toBeCloseTo(total / TOTAL, 8);
    expect(r.notes.join(' ')).toContain('REAL');
  });

  it('lists every built-in scenario when none is chosen (uncovered ones as errors)', async () => {
    const r = await stressJson();
    expect(r.scenarios.map((s: { name: string }) => s.name)).toEqual([
      'gfc-2008',
      'covid-2020',
      'rates-2022',
    ]);
    expect(r.scenarios[0].error.code).toBe('DATA_UNAVAILABLE');
    expect(r.scenarios[1].error.message).toContain('no return for 2020-02');
    expect(r.scenarios[2].totalPnl).toEqual(expect.any(Number));
  });

  it('replays a daily window from stored prices (--source store)', async () => {
    // Hand-made closes of SPY (us_large_equity's etf_average; the only member stored)
    const closes: [string, number][] = [
      ['2024-01-02', 100],
      ['2024-01-03', 101],
      ['2024-01-04', 99],
      ['2024-01-05', 102],
      ['2024-01-08', 104],
      ['2024-01-09', 103],
      ['2024-01-10', 105],
      ['2024-01-11', 106],
    ];
    const files = tempFiles({
      'store.sqlite': '',
      spy: `date,close\n${closes.map(([d, c]) => `${d},${c}`).join('\n')}\n`,
      h: 'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\n',
    });
    const base = ['--db', files['store.sqlite']!, '--offline'];
    const empty = await runCli(
      ...base,
      'stress',
      '--holdings',
      files.h!,
      '--source',
      'store',
      '--window',
      '2024-01-04:2024-01-10',
    );
    expect(empty.code).toBe(4);
    expect(
      (await runCli(...base, 'data', 'import', '--csv', files.spy!, '--symbol', 'SPY')).code,
    ).toBe(0);
    const run = await runCli(
      ...base,
      'stress',
      '--holdings',
      files.h!,
      '--source',
      'store',
      '--window',
      '2024-01-04:2024-01-10',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.source).toBe('store');
    const s = r.scenarios[0];
    // close of 2024-01-04 → close of 2024-01-10: 105 / 99 − 1 (no dividends: a price ratio)
    expect(s.shocks.us_large_equity).toBeCloseTo(105 / 99 - 1, 12);
    expect(s.window.effectiveTo).toBe('2024-01-10');
    // SPY is valued at its latest stored close (106 on 2024-01-11), which comes before the
    // holdings file's own price (500): 10 × 106 = 1 060.
    expect(s.totalValue).toBe(1060);
    expect(s.totalPnl).toBeCloseTo(1060 * (105 / 99 - 1), 2);
    expect(r.pricing.closes).toMatchObject([{ symbol: 'SPY', price: 106, date: '2024-01-11' }]);
    // a window the stored data does not cover
    const early = await runCli(
      ...base,
      'stress',
      '--holdings',
      files.h!,
      '--source',
      'store',
      '--window',
      '2023-12-01:2024-01-10',
    );
    expect(early.code).toBe(4);
    expect(early.stderr).toContain('needs data from 2023-12-01 or earlier');
  });

  it('a user window equals the same months compounded', async () => {
    const s = (await stressJson('--window', '2022-03-15:2022-05-02')).scenarios[0];
    // months overlapping (2022-03-15, 2022-05-02]: March, April, May 2022
    const e = sampleCompounded('2022-03', '2022-05', 3);
    expect(s.shocks.broad_ust).toBeCloseTo(e.broad_ust!, 12);
  });
});

describe('ballast stress (errors)', () => {
  it('names an unknown scenario', async () => {
    const run = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      HOLDINGS,
      '--scenario',
      'dotcom-2000',
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'unknown scenario "dotcom-2000"; built-in: gfc-2008, covid-2020, rates-2022',
    );
  });

  it('fails on an exposure without data, or lists it with --allow-partial', async () => {
    const files = tempFiles({
      'funds.yaml': [
        'funds:',
        '  SPY: { name: S, category: c, exposures: { us_large_equity: 1.0 }, provenance: test, validatedBy: null }',
        '  QGMIX: { name: Q, category: c, exposures: { global_macro: 1.0 }, provenance: test, validatedBy: null }',
        '',
      ].join('\n'),
      'h.csv':
        'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\nQGMIX,100,900,2024-01-10,A,10\n',
    });
    const args = [
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      files['h.csv']!,
      '--funds',
      files['funds.yaml']!,
      '--scenario',
      'rates-2022',
    ];
    const failed = await runCli(...args);
    expect(failed.code).toBe(4);
    expect(failed.stderr).toMatch(
      /DATA_UNAVAILABLE.*global_macro \(no return for 2022-01 \(no data\)\)/,
    );
    const partial = await runCli(...args, '--allow-partial', '--format', 'json');
    expect(partial.code).toBe(0);
    const s = JSON.parse(partial.stdout).scenarios[0];
    expect(s.uncovered).toEqual([
      { exposure: 'global_macro', reason: 'no return for 2022-01 (no data)' },
    ]);
    const q = s.byPosition.find((p: Row) => p.symbol === 'QGMIX');
    expect(q.pnl).toBe(0);
    expect(q.uncoveredExposures).toEqual(['global_macro']);
    // only SPY moves: 5000 × the compounded us_large_equity return
    expect(s.totalPnl).toBeCloseTo(
      5000 * sampleCompounded('2022-01', '2022-10', 10).us_large_equity!,
      2,
    );
    const table = await runCli(...args, '--allow-partial');
    expect(table.stdout).toContain('UNCOVERED (no data, contributes nothing): global_macro');
  });

  it('refuses an unpriced holding unless --allow-partial, which names it', async () => {
    const { h } = tempFiles({
      h: 'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\nIEF,5,400,2024-01-10,A,\n',
    });
    const run = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      h!,
      '--shock',
      'equity=-0.1',
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no price for IEF');
    const partial = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      h!,
      '--shock',
      'equity=-0.1',
      '--allow-partial',
      '--format',
      'json',
    );
    const r = JSON.parse(partial.stdout);
    expect(r.scenarios[0].totalValue).toBe(5000);
    expect(r.notes).toContain('UNPRICED (left out, no P&L, not in total value): IEF 5 shares');
  });

  it('refuses conflicting scenario options and a bad source', async () => {
    const both = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      HOLDINGS,
      '--shock',
      'equity=-0.1',
      '--scenario',
      'gfc-2008',
    );
    expect(both.code).toBe(2);
    const source = await runCli(
      '--db',
      db(),
      '--offline',
      'stress',
      '--holdings',
      HOLDINGS,
      '--source',
      'web',
    );
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('--source');
  });
});

describe('ballast regimes', () => {
  // MKT: ±1 % alternating, ±5 % on rows 60–89; OTHER: 0.5 × MKT + a small deterministic wiggle
  const rows = Array.from({ length: 120 }, (_, t) => {
    const m = (t % 2 ? 1 : -1) * (t >= 60 && t < 90 ? 0.05 : 0.01);
    const o = 0.5 * m + 0.002 * Math.sin(t);
    const day = new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10);
    return { day, m, o };
  });
  const csv = ['date,MKT,OTHER', ...rows.map((r) => `${r.day},${r.m},${r.o}`)].join('\n');

  it('threshold: calm vs stressed covariance equals a direct computation on the flagged dates', async () => {
    const { f } = tempFiles({ f: csv });
    const run = await runCli(
      'regimes',
      '--returns',
      f!,
      '--column',
      'mkt',
      '--model',
      'threshold',
      '--window',
      '10',
      '--quantile',
      '0.8',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    const flags = r.probabilities.map((p: { stressed: number | null }) => p.stressed);
    expect(flags.slice(0, 9).every((x: null) => x === null)).toBe(true);
    const cov = (want: number) => {
      const idx = flags.flatMap((x: number | null, t: number) => (x === want ? [t] : []));
      const mean = (k: 'm' | 'o') =>
        idx.reduce((s: number, t: number) => s + rows[t]![k], 0) / idx.length;
      const [mm, mo] = [mean('m'), mean('o')];
      return (
        idx.reduce((s: number, t: number) => s + (rows[t]!.m - mm) * (rows[t]!.o - mo), 0) /
        (idx.length - 1)
      );
    };
    expect(r.correlationRegimes.columns).toEqual(['MKT', 'OTHER']);
    expect(r.correlationRegimes.stressed.covariance[0][1]).toBeCloseTo(cov(1), 12);
    expect(r.correlationRegimes.calm.covariance[0][1]).toBeCloseTo(cov(0), 12);
    expect(r.stressed.vol).toBeGreaterThan(r.calm.vol);
  });

  it('markov: reports parameters, durations and the current regime probability', async () => {
    const { f } = tempFiles({ f: csv });
    const run = await runCli('regimes', '--returns', f!, '--column', 'MKT', '--format', 'json');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.model).toBe('markov');
    expect(r.parameters.converged).toBe(true);
    expect(r.parameters.vols[1]).toBeGreaterThan(r.parameters.vols[0]);
    const p11 = r.parameters.transition[1][1];
    expect(r.parameters.expectedDurations[1]).toBeCloseTo(1 / (1 - p11), 10);
    // the high-volatility block (rows 60–89) is the stressed regime
    expect(r.probabilities[75].stressed).toBeGreaterThan(0.5);
    expect(r.probabilities[20].stressed).toBeLessThan(0.5);
    expect(r.current.date).toBe(rows.at(-1)!.day);
    const table = await runCli('regimes', '--returns', f!, '--column', 'MKT');
    expect(table.stdout).toContain('Calm vs stressed');
    const missing = await runCli('regimes', '--returns', f!, '--column', 'XYZ');
    expect(missing.code).toBe(3);
    const model = await runCli('regimes', '--returns', f!, '--column', 'MKT', '--model', 'hmm');
    expect(model.code).toBe(2);
  });
});
