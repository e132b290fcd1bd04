import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast backtest` with exposure targets mapped to funds (docs/backtest.md, "Exposure
 * targets"); the numbers are worked out by hand below.
 */

const fund = (symbol: string, exposures: string) =>
  `  ${symbol}:\n    name: ${symbol} fund\n    category: Test\n    exposures: ${exposures}\n    provenance: test\n    validatedBy: null\n`;

const FILES = {
  'prices.csv': ['date,STACK,EQ', '2024-01-02,100,50', '2024-01-03,110,45'].join('\n'),
  'funds.yaml': `funds:\n${fund('STACK', '{ us_large_equity: 1.0, broad_ust: 1.0 }')}${fund('EQ', '{ us_large_equity: 1.0 }')}`,
  'bt.yaml': [
    'prices: prices.csv',
    'funds: funds.yaml',
    'initial: 1000',
    'strategies:',
    '  - name: stacked',
    '    exposures: { us_large_equity: 1.5, broad_ust: 1.0 }',
    '    funds: [STACK, EQ]',
  ].join('\n'),
};

describe('ballast backtest with exposure targets', () => {
  it('maps the targets to STACK 1.0 + EQ 0.5 and runs them', async () => {
    const run = await runCli(
      'backtest',
      '--config',
      tempFiles(FILES)['bt.yaml']!,
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      strategies: {
        finalValue: number;
        exposureTargets: { funds: Record<string, number>; residual: number };
      }[];
    };
    const s = doc.strategies[0]!;
    // Treasuries only from STACK (1.0); equity 1.0 + EQ = 1.5 → EQ 0.5.
    expect(s.exposureTargets.funds.STACK).toBeCloseTo(1, 9);
    expect(s.exposureTargets.funds.EQ).toBeCloseTo(0.5, 9);
    expect(s.exposureTargets.residual).toBeCloseTo(0, 9);
    // 10 STACK, 10 EQ, cash −500: 10 × 110 + 10 × 45 − 500 = 1050.
    expect(s.finalValue).toBe(1050);
  });

  it('names the strategy field of a fund without a definition', async () => {
    const files = tempFiles({
      ...FILES,
      'bt.yaml': FILES['bt.yaml'].replace('[STACK, EQ]', '[STACK, XYZ]'),
    });
    const run = await runCli('backtest', '--config', files['bt.yaml']!);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('strategies[0].funds[1]');
    expect(run.stderr).toContain('no definition of XYZ');
  });
});
