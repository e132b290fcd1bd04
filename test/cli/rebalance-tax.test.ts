import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * TAX deposits $7 400 and IRA $590; L4 TAX 10 AAA @ 100 (2022-01-03: long-term gain $20 a share
 * at $120), L5 TAX 10 AAA @ 140 (2024-01-02: short-term loss $20 a share), L6 IRA 5 AAA @ 118
 * on 2024-05-20 (within 30 days of 2024-06-03: it washes a loss on AAA). Cash TAX 5 000, IRA 0;
 * value 25 × 120 + 5 000 = $8 000. Targets AAA 22.5 %, CASH 77.5 %: 1 800 / 120 = 15 shares, so
 * sell 10.
 */
const files = tempFiles({
  'tx.csv': [
    'date,type,symbol,quantity,price,amount,fees,account,lots',
    '2022-01-02,deposit,,,,7400,,TAX,',
    '2022-01-02,deposit,,,,590,,IRA,',
    '2022-01-03,buy,AAA,10,100,,,TAX,',
    '2024-01-02,buy,AAA,10,140,,,TAX,',
    '2024-05-20,buy,AAA,5,118,,,IRA,',
  ].join('\n'),
  'p.csv': 'symbol,price\nAAA,120\n',
  't.csv': 'symbol,weight\nAAA,0.225\nCASH,0.775\n',
  'accounts.csv': 'account,type\nTAX,taxable\nIRA,traditional_ira\n',
});
const BASE = [
  'rebalance',
  '--transactions',
  files['tx.csv']!,
  '--prices',
  files['p.csv']!,
  '--targets',
  files['t.csv']!,
  '--accounts',
  files['accounts.csv']!,
  '--as-of',
  '2024-06-03',
  '--format',
  'json',
];

async function rebalanceJson(...flags: string[]) {
  const run = await runCli(...BASE, ...flags);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('ballast rebalance, tax-aware', () => {
  it('--lot-selection losses-first defers the loss lot a recent IRA purchase would wash', async () => {
    // Sold: L6 (IRA, untaxed) 5 shares and L4 5 shares: long-term 5 × 20 = $100, tax 0.2 × 100.
    const plan = await rebalanceJson('--lot-selection', 'losses-first');
    expect(plan.lotSelection).toBe('losses-first');
    expect(
      plan.trades.map((t: { account: string; quantity: number; taxType: string }) => [
        t.account,
        t.quantity,
        t.taxType,
      ]),
    ).toEqual([
      ['IRA', 5, 'traditional_ira'],
      ['TAX', 5, 'taxable'],
    ]);
    expect(plan.tax).toEqual({
      shortRate: 0.37,
      longRate: 0.2,
      shortTermGain: 0,
      longTermGain: 100,
      estimatedTax: 20,
      washSaleRisks: [],
    });
  });

  it('--no-avoid-wash-sales sells the loss lot and flags it: loss $200, tax −0.37 × 200', async () => {
    const plan = await rebalanceJson('--lot-selection', 'losses-first', '--no-avoid-wash-sales');
    expect(plan.trades[0].lots).toEqual([
      {
        lotId: 'L5',
        acquired: '2024-01-02',
        quantity: 10,
        gain: -200,
        term: 'short',
        washSale: true,
      },
    ]);
    expect(plan.tax).toMatchObject({ shortTermGain: -200, estimatedTax: -74 });
    expect(plan.tax.washSaleRisks).toEqual([
      {
        side: 'sell',
        symbol: 'AAA',
        account: 'TAX',
        quantity: 10,
        lotId: 'L5',
        gain: -200,
        trigger: {
          kind: 'purchase',
          symbol: 'AAA',
          account: 'IRA',
          date: '2024-05-20',
          quantity: 5,
          lotId: 'L6',
        },
        // 2024-05-20 + 31 days
        firstCleanDate: '2024-06-20',
        action: 'flagged',
      },
    ]);
    expect(plan.warnings.map((w: { code: string }) => w.code)).toEqual(['WASH_SALE_RISK']);
  });

  it('--gains-budget cuts the taxable sell and --short-rate/--long-rate set the estimate', async () => {
    // Excess 100 − 50 = $50 at $20 a share: 2.5 → 3 shares held back from L4, which sells 2
    // (gain $40 ≤ $50); tax 0.15 × 40 = $6.
    const plan = await rebalanceJson(
      '--lot-selection',
      'losses-first',
      '--gains-budget',
      '50',
      '--short-rate',
      '0.3',
      '--long-rate',
      '0.15',
    );
    expect(plan.trades.map((t: { quantity: number }) => t.quantity)).toEqual([5, 2]);
    expect(plan.tax).toMatchObject({
      shortRate: 0.3,
      longRate: 0.15,
      longTermGain: 40,
      estimatedTax: 6,
      budget: 50,
    });
    expect(plan.warnings).toContainEqual(
      expect.objectContaining({
        code: 'GAINS_BUDGET',
        details: { symbol: 'AAA', quantity: 3, value: 360, budget: 50 },
      }),
    );
  });

  it('--cash-flow-only --deposit buys the underweights pro rata to their shortfall, selling nothing', async () => {
    // Cash 1 600 − 800 − 800 = 0; with the $1 000 deposit value is 3 000: AAA short 500, BBB
    // over by 100 (kept), CCC short 600. 1 000 × 500 / 1 100 = $454.55 → 4 AAA; 1 000 × 600 /
    // 1 100 = $545.45 → 10.9 → 10 CCC, rounded up to 11 as $100 of cash is left. Cash $50.
    const cf = tempFiles({
      'tx.csv': [
        'date,type,symbol,quantity,price,amount,fees,account,lots',
        '2022-01-02,deposit,,,,1600,,TAX,',
        '2022-01-03,buy,AAA,10,80,,,TAX,',
        '2022-01-03,buy,BBB,10,80,,,TAX,',
      ].join('\n'),
      'p.csv': 'symbol,price\nAAA,100\nBBB,100\nCCC,50\n',
      't.csv': 'symbol,weight\nAAA,0.5\nBBB,0.3\nCCC,0.2\n',
    });
    const run = await runCli(
      'rebalance',
      '--transactions',
      cf['tx.csv']!,
      '--prices',
      cf['p.csv']!,
      '--targets',
      cf['t.csv']!,
      '--as-of',
      '2024-06-03',
      '--cash-flow-only',
      '--deposit',
      '1000',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan).toMatchObject({
      cashFlowOnly: true,
      deposit: 1000,
      totalValue: 3000,
      cashAfter: 50,
    });
    expect(
      plan.trades.map((t: { side: string; symbol: string; quantity: number }) => [
        t.side,
        t.symbol,
        t.quantity,
      ]),
    ).toEqual([
      ['buy', 'AAA', 4],
      ['buy', 'CCC', 11],
    ]);
  });

  it('--equivalents: a buy that would wash a recent loss is skipped and reported', async () => {
    // BBB bought 10 @ 50, sold @ 40 on 2024-05-20 (loss $100); CCC is in BBB's group.
    const eq = tempFiles({
      'tx.csv': [
        'date,type,symbol,quantity,price,amount,fees,account,lots',
        '2024-01-02,deposit,,,,10000,,TAX,',
        '2024-01-02,buy,BBB,10,50,,,TAX,',
        '2024-05-20,sell,BBB,10,40,,,TAX,',
      ].join('\n'),
      'p.csv': 'symbol,price\nCCC,50\n',
      't.csv': 'symbol,weight\nCCC,0.5\nCASH,0.5\n',
      'eq.csv': 'symbol,group\nBBB,S&P 500\nCCC,S&P 500\n',
    });
    const args = [
      'rebalance',
      '--transactions',
      eq['tx.csv']!,
      '--prices',
      eq['p.csv']!,
      '--targets',
      eq['t.csv']!,
      '--equivalents',
      eq['eq.csv']!,
      '--as-of',
      '2024-06-03',
    ];
    const run = await runCli(...args, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.trades).toEqual([]);
    expect(plan.tax.washSaleRisks).toEqual([
      expect.objectContaining({
        side: 'buy',
        symbol: 'CCC',
        quantity: 99,
        action: 'skipped',
        firstCleanDate: '2024-06-20',
        trigger: expect.objectContaining({ symbol: 'BBB', date: '2024-05-20', gain: -100 }),
      }),
    ]);
    const table = await runCli(...args);
    expect(table.stdout).toContain('skipped buy 99 CCC: would wash the loss of the sale of BBB');
    expect(table.stdout).toContain('warning: buy of 99 CCC skipped');
  });

  it('refuses a bad --lot-selection and a rate above 1, naming the flag', async () => {
    const bad = await runCli(...BASE, '--lot-selection', 'best');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lot-selection');
    const rate = await runCli(...BASE, '--short-rate', '1.5');
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('--short-rate');
  });
});
