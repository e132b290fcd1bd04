import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast backtest` with taxes (docs/backtest.md, "Taxes"), worked out by hand:
 * 2,000 invested, half in A (whole shares, rebalanced on the last row of each year).
 * - 2023-06-01 A=100: buy 10 (cash 1,000).
 * - 2023-12-29 A=120: value 2,200, target 1,100 / 120 = 9.17 → 9, sell 1: short-term gain 20,
 *   tax 20 × 0.35 = 7; cash 1,000 + 120 − 7 = 1,113, value 9 × 120 + 1,113 = 2,193.
 * - 2024-01-02 A=130: 9 × 130 + 1,113 = 2,283.
 * - 2024-12-31 A=150: value 9 × 150 + 1,113 = 2,463, target 1,231.5 / 150 = 8.21 → 8, sell 1
 *   (held since 2023-06-01: long-term) gain 50, tax 50 × 0.15 = 7.5; cash 1,255.5, value 2,455.5.
 * - 2025-01-02 A=140 (final): 8 × 140 + 1,255.5 = 2,375.5; 2025's tax 0.
 * Untaxed: 2023-12-29 cash 1,120; 2024-12-31 value 1,350 + 1,120 = 2,470, 1,235 / 150 = 8.23
 * → 8, cash 1,270; final 8 × 140 + 1,270 = 2,390. Drag 2,390 − 2,375.5 = 14.5 = 7 + 7.5.
 */

const PRICES = [
  'date,A',
  '2023-06-01,100',
  '2023-12-29,120',
  '2024-01-02,130',
  '2024-12-31,150',
  '2025-01-02,140',
].join('\n');

const config = (tax: string): string =>
  [
    'prices: prices.csv',
    'initial: 2000',
    'strategies:',
    '  - name: taxed',
    '    weights: { A: 0.5 }',
    '    rebalance: annual',
    '    wholeShares: true',
    tax,
  ].join('\n');

const TAX = '    tax: { rates: { shortTerm: 0.35, longTerm: 0.15 } }';

const files = (tax = TAX): string =>
  tempFiles({ 'prices.csv': PRICES, 'bt.yaml': config(tax) })['bt.yaml']!;

describe('ballast backtest with taxes', () => {
  it('reports the tax per year, the after-tax and the pre-tax value in JSON', async () => {
    const run = await runCli('backtest', '--config', files(), '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const [s] = JSON.parse(run.stdout).strategies;
    expect(s.values.map((v: { value: number }) => v.value)).toEqual([
      2000, 2193, 2283, 2455.5, 2375.5,
    ]);
    expect(s.tax).toEqual({
      account: 'taxable',
      rates: { shortTerm: 0.35, longTerm: 0.15, state: 0, niit: 0 },
      lotMethod: 'hifo',
      payFrom: 'portfolio',
      dividends: 'qualified',
      byYear: [
        {
          year: 2023,
          date: '2023-12-29',
          shortTerm: 20,
          longTerm: 0,
          carryforwardIn: 0,
          tax: 7,
          carryforward: 0,
        },
        {
          year: 2024,
          date: '2024-12-31',
          shortTerm: 0,
          longTerm: 50,
          carryforwardIn: 0,
          tax: 7.5,
          carryforward: 0,
        },
        {
          year: 2025,
          date: '2025-01-02',
          shortTerm: 0,
          longTerm: 0,
          carryforwardIn: 0,
          tax: 0,
          carryforward: 0,
        },
      ],
      totalTax: 14.5,
      afterTaxValue: 2375.5,
      preTaxValue: 2390,
      preTaxLabel: 'the same strategy run again without taxes',
      drag: 14.5,
      notModelled: [
        'wash sales',
        'tax on dividends (total-return closes hold them)',
        'tax on gains still unrealised at the end',
      ],
    });
  });

  it('prints the taxes under the table', async () => {
    const run = await runCli('backtest', '--config', files());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'Taxes of taxed (taxable, hifo, paid from the portfolio at each year end): 14.50 (2023 7.00, 2024 7.50, 2025 0.00); after-tax final value 2,375.50, pre-tax 2,390.00 (the same strategy run again without taxes), drag 14.50.',
    );
    expect(run.stdout).toContain('Taxes leave out: wash sales;');
  });

  it('names a bad tax field and its value', async () => {
    const bad = await runCli(
      'backtest',
      '--config',
      files('    tax: { rates: { shortTerm: 1.2, longTerm: 0.15 } }'),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/strategies\[0\]\.tax\.rates\.shortTerm: .*\(got 1\.2\)/);
  });

  it('taxes the dividends paid on unadjusted closes with the year, by hand', async () => {
    // A pays 2 a share on 2023-12-29 to cash (10 shares: 20). 2023: the sale of 1 A realises
    // the same 20 short-term (tax 7) and the dividends are qualified: 20 × 0.15 = 3; tax 10.
    // Cash after the rebalance: 1,000 + 20 + 120 − 10 = 1,130, value 9 × 120 + 1,130 = 2,210.
    const files = tempFiles({
      'prices.csv': PRICES,
      'divs.csv': 'date,symbol,amount\n2023-12-29,A,2',
      'bt.yaml': [
        'unadjusted: true',
        'dividends: divs.csv',
        config(TAX).replace('    weights:', '    dividends: cash\n    weights:'),
      ].join('\n'),
    });
    const run = await runCli('backtest', '--config', files['bt.yaml']!, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const [s] = JSON.parse(run.stdout).strategies;
    expect(s.tax.byYear[0]).toEqual({
      year: 2023,
      date: '2023-12-29',
      shortTerm: 20,
      longTerm: 0,
      carryforwardIn: 0,
      tax: 10,
      carryforward: 0,
      dividends: 20,
      dividendTax: 3,
    });
    expect(s.values[1].value).toBe(2210);
    expect(s.tax.notModelled).toEqual(['wash sales', 'tax on gains still unrealised at the end']);
    const table = await runCli('backtest', '--config', files['bt.yaml']!);
    expect(table.stdout).toContain(
      '(2023 10.00, 2024 7.50, 2025 0.00), of which 3.00 on qualified dividends;',
    );
  });
});
