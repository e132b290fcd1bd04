import { describe, expect, it } from 'vitest';
import { readMoments } from '../../src/app/moments.ts';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

// The hand panel of src/app/estimate-moments.test.ts: annual μ = (0.12, 0.06),
// Σ = diag(5.6e-3, 2e-3); with the factor file Σ_AB = −6e-4 (arithmetic shown there).
const files = tempFiles({
  'r.csv':
    'date,A,B\n2024-01-31,0.01,0\n2024-02-29,0.03,0.02\n2024-03-31,-0.02,0.01\n2024-04-30,0.02,-0.01\n',
  'f.csv': 'date,mkt\n2024-01-31,0.01\n2024-02-29,0.02\n2024-03-31,-0.01\n2024-04-30,0.02\n',
});

describe('ballast estimate model flags', () => {
  it('fits the factor covariance from --factor-returns', async () => {
    const run = await runCli(
      'estimate',
      '--returns',
      files['r.csv']!,
      '--covariance',
      'factor',
      '--factor-returns',
      files['f.csv']!,
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.method.covariance).toBe('factor(k=1)');
    expect(doc.covariance[0][1]).toBeCloseTo(-6e-4, 15);
    expect(doc.covariance[0][0]).toBeCloseTo(5.6e-3, 15);
    const missing = await runCli(
      'estimate',
      '--returns',
      files['r.csv']!,
      '--covariance',
      'factor',
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--factor-returns');
  });

  it('compounds the return decomposition of --mean building-block', async () => {
    const run = await runCli(
      'estimate',
      '--returns',
      files['r.csv']!,
      '--mean',
      'building-block',
      '--inflation',
      '0.02',
      '--real-risk-free',
      '0.01',
      '--premiums',
      'A=0.04,B=0.02',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.mu.A).toBeCloseTo(1.02 * 1.01 * 1.04 - 1, 15);
    expect(doc.mu.B).toBeCloseTo(1.02 * 1.01 * 1.02 - 1, 15);
    const partial = await runCli(
      'estimate',
      '--returns',
      files['r.csv']!,
      '--mean',
      'building-block',
      '--inflation',
      '0.02',
    );
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('--premiums');
  });

  it('prints one CSV row per asset, and JSON that reads back as moments with --rf', async () => {
    const csv = await runCli('estimate', '--returns', files['r.csv']!, '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('asset,expected_return_annual,volatility_annual');
    expect(lines).toHaveLength(3);
    const [asset, mu, vol] = lines[1]!.split(',');
    expect(asset).toBe('A');
    expect(Number(mu)).toBeCloseTo(0.12, 14);
    expect(Number(vol)).toBeCloseTo(Math.sqrt(5.6e-3), 14);
    const json = await runCli(
      'estimate',
      '--returns',
      files['r.csv']!,
      '--rf',
      '0.03',
      '--format',
      'json',
    );
    const moments = readMoments({ text: json.stdout, name: 'estimate.json' });
    expect(moments.riskFreeRateAnnual).toBe(0.03);
    expect(moments.expectedReturnsAnnual[1]).toBeCloseTo(0.06, 14);
  });

  it('prints csv for evaluate and universe, and rejects an unknown covariance naming the flag', async () => {
    const universe = await runCli(
      '--offline',
      'estimate',
      'universe',
      '--source',
      'sample',
      '--format',
      'csv',
    );
    expect(universe.code).toBe(0);
    expect(universe.stdout.split('\n')[1]).toMatch(/^us_large_equity,/);
    const months = Array.from({ length: 30 }, (_, t) =>
      new Date(Date.UTC(2020, t + 1, 0)).toISOString().slice(0, 10),
    );
    const { long } = tempFiles({
      long: `date,x\n${months.map((d, t) => `${d},${0.01 * Math.sin(t + 1)}`).join('\n')}\n`,
    });
    const evaluate = await runCli(
      'estimate',
      'evaluate',
      '--returns',
      long!,
      '--horizon',
      '1',
      '--min-observations',
      '28',
      '--format',
      'csv',
    );
    expect(evaluate.code).toBe(0);
    const rows = evaluate.stdout.trim().split('\n');
    expect(rows[0]).toBe('asset,model,mean_qlike,relative_qlike,mean_mse,origins,failures,chosen');
    expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual([
      'sample',
      'ewma-0.8',
      'ewma-0.9',
      'ewma-0.95',
      'garch',
    ]);
    const bad = await runCli('estimate', '--returns', files['r.csv']!, '--covariance', 'magic');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--covariance');
  });
});
