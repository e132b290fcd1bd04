/**
 * `ballast factors` and `ballast funds check` through the CLI.
 *
 * Golden values: statsmodels 0.13.5 / numpy 1.24.2 (Debian 12 /usr/bin/python3), printed by
 * test/fixtures/factors/factor_regression_reference.py (ALT ~ 1 + SBI + SPI + SII on
 * test/fixtures/peers/lpp2005rec_assets6.csv). The funds-check data are constructed in the test
 * (fund = c + α + Σ β_k (e_k − c) + u, u orthogonalised by Gram-Schmidt), so β and α are known.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const db = () => join(mkdtempSync(join(tmpdir(), 'ballast-factors-')), 'store.sqlite');
const cli = (...args: string[]) => runCli('--db', db(), '--offline', ...args);
const PEERS = 'test/fixtures/peers/lpp2005rec_assets6.csv';
const rel = (actual: number, expected: number, tol = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));

describe('ballast factors', () => {
  const params = [
    0.0004335149840337539, -0.43322580425259477, 0.5002732746495971, 0.013530121797345083,
  ];

  it('matches statsmodels OLS (classical) on ALT ~ SBI + SPI + SII', async () => {
    const run = await cli(
      'factors',
      '--returns',
      PEERS,
      '--column',
      'ALT',
      '--factors',
      'SBI,SPI,SII',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.observations).toBe(377);
    expect([out.from, out.to]).toEqual(['2005-11-01', '2007-04-11']);
    expect(out.periodsPerYear).toBe(252); // inferred from daily dates
    rel(out.alpha, params[0]!);
    rel(out.alphaAnnual, params[0]! * 252);
    rel(out.alphaTStat, 2.0290167838837423);
    rel(out.betas.SBI.beta, params[1]!);
    rel(out.betas.SPI.beta, params[2]!);
    rel(out.betas.SII.beta, params[3]!);
    rel(out.betas.SPI.se, 0.028288121597195376);
    rel(out.betas.SBI.t, -2.5462521732407852);
    rel(out.rSquared, 0.4803881805815696);
    rel(out.adjRSquared, 0.4762089970473732);
    rel(out.residualVolAnnual, 0.004113994848160982 * Math.sqrt(252));
    expect(out.standardErrors).toBe('classical');
  });

  it('--hac 5 matches statsmodels cov_type="HAC", maxlags=5; the table names the s.e.', async () => {
    const run = await cli(
      'factors',
      '--returns',
      PEERS,
      '--column',
      'alt',
      '--factors',
      'SBI, SPI ,SII',
      '--hac',
      '5',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    rel(out.alphaTStat, 2.1585894375117327);
    rel(out.betas.SPI.se, 0.034147782872849475);
    rel(out.betas.SII.t, 0.17870299988027735);
    expect(out.hacLags).toBe(5);
    const table = await cli(
      'factors',
      '--returns',
      PEERS,
      '--column',
      'ALT',
      '--factors',
      'SPI',
      '--hac',
      'auto',
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('NW(5) s.e.');
    expect(table.stdout).toContain('377 observations 2005-11-01..2007-04-11, k = 252');
  });

  it('--rf and --factor-returns: hand case y = (1,3,2,5) on x = (0,1,2,3)', async () => {
    // Raw: β = 1.1, α = 1.1 (Sxx = 5, Sxy = 5.5). --rf 0.1268250301319698 annual with k = 12 is
    // 0.01 per month ((1.01)^12 − 1); excess on both sides: α' = α − 0.01·(1 − 1.1) = 1.101.
    const f = tempFiles({
      'y.csv': 'date,Y\n2020-01-31,1\n2020-02-29,3\n2020-03-31,2\n2020-04-30,5\n',
      'x.csv': 'date,X\n2020-01-31,0\n2020-02-29,1\n2020-03-31,2\n2020-04-30,3\n2020-05-29,9\n',
    });
    const base = [
      'factors',
      '--returns',
      f['y.csv']!,
      '--column',
      'Y',
      '--factor-returns',
      f['x.csv']!,
      '--factors',
      'X',
    ];
    const run = await cli(...base, '--rf', String(1.01 ** 12 - 1), '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.periodsPerYear).toBe(12);
    expect(out.observations).toBe(4);
    rel(out.betas.X.beta, 1.1, 1e-12);
    rel(out.alpha, 1.101, 1e-12);
    expect(out.excess).toBe('returns-and-factors');
    const only = JSON.parse(
      (await cli(...base, '--rf', String(1.01 ** 12 - 1), '--factors-excess', '--format', 'json'))
        .stdout,
    );
    rel(only.alpha, 1.09, 1e-12);
  });

  it('errors: unknown column, collinear factors, duplicate factor, bad --hac', async () => {
    const unknown = await cli(
      'factors',
      '--returns',
      PEERS,
      '--column',
      'ALT',
      '--factors',
      'SBI,NOPE',
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('error [INVALID_INPUT]: --factors: no such column');
    expect(unknown.stderr).toContain('NOPE');
    const f = tempFiles({
      'c.csv':
        'date,Y,A,B\n2020-01-31,1,0,0\n2020-02-29,3,1,2\n2020-03-31,2,2,4\n2020-04-30,5,3,6\n2020-05-29,4,1,2\n',
    });
    const collinear = await cli(
      'factors',
      '--returns',
      f['c.csv']!,
      '--column',
      'Y',
      '--factors',
      'A,B',
    );
    expect(collinear.code).not.toBe(0);
    expect(collinear.stderr).toContain(
      'error [INVALID_INPUT]: --factors: singular design: collinear factors A, B',
    );
    const twice = await cli(
      'factors',
      '--returns',
      PEERS,
      '--column',
      'ALT',
      '--factors',
      'SBI,sbi',
    );
    expect(twice.stderr).toContain('--factors: lists SBI twice');
    const self = await cli(
      'factors',
      '--returns',
      PEERS,
      '--column',
      'ALT',
      '--factors',
      'SBI,ALT',
    );
    expect(self.stderr).toContain('includes the regressed column ALT');
    const hac = await cli(
      'factors',
      '--returns',
      PEERS,
      '--column',
      'ALT',
      '--factors',
      'SBI',
      '--hac',
      '-1',
    );
    expect(hac.stderr).toContain('--hac');
  });
});

// --- funds check -------------------------------------------------------------------------

const N = 12;
const dates = Array.from({ length: N }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}-28`);
const eq = [0.02, -0.01, 0.03, 0.015, -0.025, 0.01, 0.005, -0.02, 0.04, 0.0, 0.012, -0.008];
const bond = [0.004, 0.006, -0.003, 0.002, 0.008, -0.001, 0.003, 0.005, -0.004, 0.001, 0.0, 0.002];
const cash = [
  0.001, 0.001, 0.0011, 0.0011, 0.0012, 0.0012, 0.0013, 0.0013, 0.0012, 0.0012, 0.0011, 0.001,
];
const noise = [
  0.003, -0.002, 0.001, -0.004, 0.002, 0.0, 0.001, 0.003, -0.001, -0.002, 0.002, -0.003,
];
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** u minus its projection on span{columns} (modified Gram-Schmidt). */
function orthogonalize(u: readonly number[], columns: readonly (readonly number[])[]): number[] {
  const basis: number[][] = [];
  for (const c of columns) {
    let v = [...c];
    for (const q of basis) v = v.map((x, i) => x - dot(c, q) * q[i]!);
    basis.push(v.map((x) => x / Math.sqrt(dot(v, v))));
  }
  return basis.reduce((r, q) => r.map((x, i) => x - dot(r, q) * q[i]!), [...u]);
}

const exEq = eq.map((x, t) => x - cash[t]!);
const exBond = bond.map((x, t) => x - cash[t]!);
const u = orthogonalize(noise, [Array<number>(N).fill(1), exEq, exBond]);
const ALPHA = -0.0005;
// Fund = c + α + 1.05 (eq − c) + 0.96 (bond − c) + u: β = (1.05, 0.96) vs loadings (1, 1).
const fund = cash.map((c, t) => c + ALPHA + 1.05 * exEq[t]! + 0.96 * exBond[t]! + u[t]!);

const FUNDS_YAML = `funds:
  STACK:
    name: Test stocks + bonds 2x
    category: Test
    exposures: { us_large_equity: 1.0, broad_ust: 1.0 }
    provenance: test fixture
    validatedBy: null
`;

function checkFiles() {
  const rows = dates.map((d, t) => `${d},${fund[t]}`);
  const exRows = dates.map((d, t) => `${d},${eq[t]},${bond[t]},${cash[t]}`);
  return tempFiles({
    'funds.yaml': FUNDS_YAML,
    'fund.csv': `date,STACK\n${rows.join('\n')}\n`,
    'exposures.csv': `date,us_large_equity,broad_ust,cash_rate\n${exRows.join('\n')}\n`,
  });
}

describe('ballast funds check', () => {
  it('betas vs loadings, R², tracking error with the financing leg, IR, verdict', async () => {
    const f = checkFiles();
    const run = await cli(
      'funds',
      'check',
      '--fund',
      'stack',
      '--returns',
      f['fund.csv']!,
      '--exposure-returns',
      f['exposures.csv']!,
      '--funds',
      f['funds.yaml']!,
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.symbol).toBe('STACK');
    expect(out.periodsPerYear).toBe(12);
    expect(out.observations).toBe(12);
    expect(out.exposures[0].id).toBe('us_large_equity');
    expect(out.exposures[0].beta).toBeCloseTo(1.05, 10);
    expect(out.exposures[0].difference).toBeCloseTo(0.05, 10);
    expect(out.exposures[1].beta).toBeCloseTo(0.96, 10);
    expect(out.alpha).toBeCloseTo(ALPHA, 12);
    // Independent: RSS = Σu², TSS of the excess fund return, IR = α·12 / (√(RSS/9)·√12).
    const ex = fund.map((x, t) => x - cash[t]!);
    const m = ex.reduce((s, x) => s + x, 0) / N;
    const tss = ex.reduce((s, x) => s + (x - m) ** 2, 0);
    expect(out.rSquared).toBeCloseTo(1 - dot(u, u) / tss, 10);
    expect(out.informationRatio).toBeCloseTo((ALPHA * 12) / Math.sqrt((dot(u, u) / 9) * 12), 8);
    // Implied = eq + bond − (2 − 1)·cash.
    const active = fund.map((x, t) => x - (eq[t]! + bond[t]! - cash[t]!));
    const am = active.reduce((s, x) => s + x, 0) / N;
    const te = Math.sqrt((active.reduce((s, x) => s + (x - am) ** 2, 0) / (N - 1)) * 12);
    expect(out.trackingErrorAnnual).toBeCloseTo(te, 12);
    expect(out.financing).toEqual({ modelled: true, netExposure: 2, grossExposure: 2 });
    expect(out.verdict).toBe('consistent');
    const strict = await cli(
      'funds',
      'check',
      '--fund',
      'STACK',
      '--returns',
      f['fund.csv']!,
      '--exposure-returns',
      f['exposures.csv']!,
      '--funds',
      f['funds.yaml']!,
      '--max-beta-gap',
      '0.045',
    );
    expect(strict.code, strict.stderr).toBe(0);
    expect(strict.stdout).toContain(
      'verdict: inconsistent (us_large_equity: |β 1.050 − loading 1| = 0.050 > 0.045)',
    );
    expect(strict.stdout).toContain('financing leg modelled');
  });

  it('errors: fund not in definitions, missing fund column, missing exposure column', async () => {
    const f = checkFiles();
    const absent = await cli(
      'funds',
      'check',
      '--fund',
      'NOPE',
      '--returns',
      f['fund.csv']!,
      '--funds',
      f['funds.yaml']!,
    );
    expect(absent.code).not.toBe(0);
    expect(absent.stderr).toContain('error [NOT_FOUND]: --fund: NOPE is not defined in');
    const noColumn = await cli('funds', 'check', '--fund', 'RSSB', '--returns', f['fund.csv']!);
    expect(noColumn.stderr).toContain('error [INVALID_INPUT]: --fund: no such column');
    const noExposure = await cli(
      'funds',
      'check',
      '--fund',
      'STACK',
      '--returns',
      f['fund.csv']!,
      '--funds',
      f['funds.yaml']!,
    );
    expect(noExposure.stderr).toContain(
      'error [DATA_UNAVAILABLE]: STACK: no return series for exposures us_large_equity, broad_ust of its definition',
    );
  });
});
