import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `optimize` and `frontier` reach what `estimate` can do (every covariance and mean model, or a
 * moments file written by `estimate --format json`), custom risk budgets, the risk-free
 * column, CSV output, and say so when an input is degenerate (zero variance, rank deficiency).
 */
const LPP = 'test/fixtures/peers/lpp2005rec_assets6.csv';
const db = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-db-')), 'test.sqlite');
const run = (...args: string[]) => runCli('--db', db(), ...args);

async function json(...args: string[]) {
  const r = await run(...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** 30 seeded columns over 20 months: fewer observations than assets. */
function wide(): string {
  let seed = 5;
  const u = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.02;
  const ids = Array.from({ length: 30 }, (_, j) => `S${j}`);
  const rows = Array.from({ length: 20 }, (_, t) => {
    const d = new Date(Date.UTC(2020, t, 28)).toISOString().slice(0, 10);
    return [d, ...ids.map(() => u().toFixed(6))].join(',');
  });
  return [['date', ...ids].join(','), ...rows].join('\n');
}

describe('optimize with the models of estimate', () => {
  it('--covariance garch, ledoit-wolf and --mean building-block run and say which model', async () => {
    for (const flags of [
      ['--covariance', 'garch'],
      ['--covariance', 'ledoit-wolf', '--mean', 'shrinkage'],
      [
        '--mean',
        'building-block',
        '--inflation',
        '0.02',
        '--real-risk-free',
        '0.01',
        '--premiums',
        'SBI=0.01,SPI=0.04,SII=0.03,LMI=0.02,MPI=0.05,ALT=0.03',
      ],
    ]) {
      const out = await json('optimize', '--returns', LPP, '--objective', 'max-sharpe', ...flags);
      expect(out.status, flags.join(' ')).toBe('optimal');
    }
  });

  it('--moments FILE from estimate --format json gives the weights --returns gives with the same model', async () => {
    const est = await run('estimate', '--returns', LPP, '--covariance', 'oas', '--format', 'json');
    expect(est.code, est.stderr).toBe(0);
    const { m } = tempFiles({ m: est.stdout });
    const viaFile = await json('optimize', '--moments', m!, '--objective', 'min-variance');
    const direct = await json(
      'optimize',
      '--returns',
      LPP,
      '--covariance',
      'oas',
      '--objective',
      'min-variance',
    );
    for (const [a, w] of Object.entries(direct.weights as Record<string, number>))
      expect(viaFile.weights[a]).toBeCloseTo(w, 12);
    const clash = await run(
      'optimize',
      '--moments',
      m!,
      '--covariance',
      'ewma',
      '--objective',
      'hrp',
    );
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--covariance: not with --moments');
  });

  it('--objective risk-budget --risk-budgets: each asset carries its budget of the risk', async () => {
    const budgets = 'SBI=0.3,SPI=0.2,SII=0.2,LMI=0.1,MPI=0.1,ALT=0.1';
    const out = await json(
      'optimize',
      '--returns',
      LPP,
      '--objective',
      'risk-budget',
      '--risk-budgets',
      budgets,
    );
    for (const item of budgets.split(',')) {
      const [asset, b] = item.split('=');
      expect(out.riskContributions[asset!]).toBeCloseTo(Number(b), 6);
    }
    const missing = await run('optimize', '--returns', LPP, '--objective', 'risk-budget');
    expect(missing.stderr).toContain('--risk-budgets is required');
  });

  it('--format csv prints the weights as asset,weight,risk_contribution', async () => {
    const r = await run(
      'optimize',
      '--returns',
      LPP,
      '--objective',
      'min-variance',
      '--format',
      'csv',
    );
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('asset,weight,risk_contribution');
    expect(lines).toHaveLength(7);
    const total = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[1]), 0);
    expect(total).toBeCloseTo(1, 9);
  });
});

describe('degenerate inputs of optimize and frontier', () => {
  it('an all-zero column and a constant column are refused naming them and --returns', async () => {
    const { f } = tempFiles({
      f: 'date,A,ZERO,FLAT\n2024-01-31,0.01,0,0.002\n2024-02-29,-0.02,0,0.002\n2024-03-31,0.03,0,0.002\n',
    });
    for (const args of [['optimize', '--objective', 'max-sharpe'], ['frontier']]) {
      const r = await run(...args, '--returns', f!);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain('INVALID_INPUT');
      expect(r.stderr).toContain('--returns: columns ZERO, FLAT have zero variance');
    }
  });

  it('--risk-free-column FLAT accepts it as the risk-free asset at its mean return', async () => {
    const { f } = tempFiles({
      f: 'date,A,B,FLAT\n2024-01-31,0.01,0.02,0.002\n2024-02-29,-0.02,0.01,0.002\n2024-03-31,0.03,-0.01,0.002\n2024-04-30,0.02,0.0,0.002\n',
    });
    const out = await json(
      'optimize',
      '--returns',
      f!,
      '--periods-per-year',
      '12',
      '--objective',
      'min-variance',
      '--risk-free-column',
      'FLAT',
    );
    // 0.002 a month × 12 = 0.024 a year
    expect(out.riskFree.column).toBe('FLAT');
    expect(out.riskFree.rateAnnual).toBeCloseTo(0.024, 15);
    expect(Object.keys(out.weights)).toEqual(['A', 'B']);
  });

  it('30 assets over 20 observations: optimize and frontier warn COVARIANCE_RANK_DEFICIENT, in JSON and table', async () => {
    const { f } = tempFiles({ f: wide() });
    const doc = await json('optimize', '--returns', f!, '--objective', 'hrp');
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain(
      'COVARIANCE_RANK_DEFICIENT',
    );
    const table = await run('optimize', '--returns', f!, '--objective', 'hrp');
    expect(table.stdout).toMatch(
      /warning: sample covariance: 20 observations for 30 assets.*shrinkage/,
    );
    const fr = await run('frontier', '--returns', f!, '--points', '3');
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toContain('warning: sample covariance: 20 observations for 30 assets');
    const shrunk = await json(
      'optimize',
      '--returns',
      f!,
      '--objective',
      'hrp',
      '--covariance',
      'ledoit-wolf',
    );
    expect(shrunk.warnings).toEqual([]);
  });
});
