import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

/** ../shared/reference/peers `risk.metrics` (equal weights rebalanced every period, rf = 0). */
const PAIRS: [string, string][] = [
  ['totalReturn', 'total_return'],
  ['annualizedReturn', 'annualized_return_geometric'],
  ['annualizedVolatility', 'annualized_volatility'],
  ['sharpe', 'sharpe_annualized'],
  ['downsideDeviation', 'downside_deviation'],
  ['sortino', 'sortino_annualized'],
  ['maxDrawdown', 'max_drawdown'],
  ['calmar', 'calmar'],
  ['varHistorical', 'var_hist'],
  ['cvarHistorical', 'cvar_hist_tail_mean'],
  ['varGaussian', 'var_gaussian'],
  ['varCornishFisher', 'var_cornish_fisher'],
  ['skewness', 'skew_sample_adjusted'],
  ['excessKurtosis', 'excess_kurtosis_sample_adjusted'],
];

describe.each(['lpp2005rec_assets6', 'smallcap_stocks20'])('ballast analyze on %s', (panel) => {
  const ref = JSON.parse(readFileSync(`test/fixtures/peers/${panel}.reference.json`, 'utf8')).risk
    .metrics;

  it('matches every reference metric of the equal-weight portfolio to 1e-9 relative', async () => {
    const run = await runCli(
      'analyze',
      '--returns',
      `test/fixtures/peers/${panel}.csv`,
      '--periods-per-year',
      String(ref.periods_per_year),
      '--confidence',
      '0.95',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.periods).toBe(ref.n_periods);
    for (const [ours, theirs] of PAIRS) {
      expect(Math.abs(out.metrics[ours] - ref[theirs]) / Math.abs(ref[theirs]), ours).toBeLessThan(
        1e-9,
      );
    }
    expect(out.metrics.maxDrawdownPeak).toBe(ref.max_drawdown_peak_date);
    expect(out.metrics.maxDrawdownTrough).toBe(ref.max_drawdown_trough_date);
    expect(Object.keys(out.conventions)).toEqual(Object.keys(out.metrics));
  });
});

describe('ballast analyze options', () => {
  it('analyses one column against a benchmark column: beta of a series on itself is 1', async () => {
    const out = JSON.parse(
      (
        await runCli(
          'analyze',
          '--returns',
          'test/fixtures/peers/lpp2005rec_assets6.csv',
          '--column',
          'SPI',
          '--benchmark',
          'SPI',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(out.metrics.beta).toBeCloseTo(1, 12);
    expect(out.metrics.trackingError).toBe(0);
  });

  it('rejects an unknown column', async () => {
    const run = await runCli(
      'analyze',
      '--returns',
      'test/fixtures/peers/lpp2005rec_assets6.csv',
      '--column',
      'NOPE',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('NOPE');
  });
});
