import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const CSV = 'date,A,B\n2024-01-31,0.1,0.01\n2024-02-29,-0.1,0.02\n2024-03-31,0.2,0.03\n';

describe('ballast analyze --rolling', () => {
  it('reports window-2 return, volatility, Sharpe, drawdown and beta computed by hand', async () => {
    const files = tempFiles({ 'r.csv': CSV, 'db.sqlite': '' });
    const run = await runCli(
      '--db',
      files['db.sqlite']!,
      'analyze',
      '--returns',
      files['r.csv']!,
      '--column',
      'A',
      '--benchmark',
      'B',
      '--periods-per-year',
      '12',
      '--rolling',
      '2',
      '--format',
      'json',
    );
    // Four monthly periods: the one warning says the annualised figures extrapolate them.
    expect(run.stderr).toMatch(
      /^warning: returns: \d+ periods at 12 a year cover less than a year/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const { rolling } = JSON.parse(run.stdout);
    expect(rolling.window).toBe(2);
    const [p1, p2] = rolling.points;
    // Window (0.1, −0.1): 1.1 × 0.9 − 1 = −0.01; sd √((0.1² + 0.1²)/1) = √0.02, × √12;
    // mean 0 → Sharpe 0; wealth 1, 1.1, 0.99 → drawdown 1 − 0.99/1.1 = 0.1;
    // beta: deviations (0.1, −0.1) vs (−0.005, 0.005): cov −0.001 / var 0.00005 = −20.
    expect(p1.date).toBe('2024-02-29');
    expect(p1.return).toBeCloseTo(-0.01, 14);
    expect(p1.volatility).toBeCloseTo(Math.sqrt(0.02) * Math.sqrt(12), 12);
    expect(p1.sharpe).toBeCloseTo(0, 12);
    expect(p1.maxDrawdown).toBeCloseTo(0.1, 14);
    expect(p1.beta).toBeCloseTo(-20, 9);
    // Window (−0.1, 0.2): 0.9 × 1.2 − 1 = 0.08; sd √(2 × 0.15²) = 0.15√2; mean 0.05 →
    // Sharpe 0.05 / (0.15√2) × √12; wealth 1, 0.9, 1.08 → 0.1; beta 0.0015 / 0.00005 = 30.
    expect(p2.date).toBe('2024-03-31');
    expect(p2.return).toBeCloseTo(0.08, 14);
    expect(p2.volatility).toBeCloseTo(0.15 * Math.SQRT2 * Math.sqrt(12), 12);
    expect(p2.sharpe).toBeCloseTo((0.05 / (0.15 * Math.SQRT2)) * Math.sqrt(12), 12);
    expect(p2.maxDrawdown).toBeCloseTo(0.1, 14);
    expect(p2.beta).toBeCloseTo(30, 9);
  });

  it('prints a last/lowest/highest table and writes the rolling chart', async () => {
    const files = tempFiles({ 'r.csv': CSV, 'db.sqlite': '' });
    const chart = join(files['r.csv']!, '..', 'rolling.svg');
    const run = await runCli(
      '--db',
      files['db.sqlite']!,
      'analyze',
      '--returns',
      files['r.csv']!,
      '--column',
      'A',
      '--periods-per-year',
      '12',
      '--rolling',
      '2',
      '--rolling-chart',
      chart,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/return\s+0\.08000 \(2024-03-31\)\s+-0\.01000 \(2024-02-29\)/);
    expect(run.stdout.slice(run.stdout.indexOf('Rolling 2'))).not.toMatch(/^beta/m); // no benchmark
    expect(existsSync(chart)).toBe(true);
    expect(run.stderr).toMatch(/chart: wrote .*rolling\.svg \(svg, 960×600/);
  });

  it('rejects a bad window, a window longer than the data and a chart without --rolling', async () => {
    const files = tempFiles({ 'r.csv': CSV, 'db.sqlite': '' });
    const base = ['--db', files['db.sqlite']!, 'analyze', '--returns', files['r.csv']!];
    const bad = await runCli(...base, '--rolling', '1');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/INVALID_INPUT.*--rolling.*"?1"?/);
    const long = await runCli(...base, '--column', 'A', '--rolling', '4');
    expect(long.stderr).toMatch(/INVALID_INPUT.*--rolling.*3 periods/);
    const orphan = await runCli(...base, '--rolling-chart', 'x.png');
    expect(orphan.stderr).toMatch(/INVALID_INPUT.*--rolling-chart.*needs --rolling/);
  });

  it('writes the return histogram with the historical VaR and CVaR lines (hand quantiles)', async () => {
    const files = tempFiles({ 'r.csv': CSV, 'db.sqlite': '' });
    const chart = join(files['r.csv']!, '..', 'hist.svg');
    const run = await runCli(
      '--db',
      files['db.sqlite']!,
      'analyze',
      '--returns',
      files['r.csv']!,
      '--column',
      'A',
      '--confidence',
      '0.9',
      '--histogram-chart',
      chart,
    );
    expect(run.code, run.stderr).toBe(0);
    // Sorted A = (−0.1, 0.1, 0.2); type-7 quantile at 0.1: h = 2 × 0.1 = 0.2 →
    // −0.1 + 0.2 × (0.1 − (−0.1)) = −0.06 → VaR 6.00 %; the tail r ≤ −0.06 is {−0.1} → CVaR 10.00 %.
    const svg = readFileSync(chart, 'utf8');
    expect(svg).toContain('VaR 6.00 %');
    expect(svg).toContain('CVaR 10.00 %');
    expect(svg).toContain('A: distribution of returns');
  });
});
