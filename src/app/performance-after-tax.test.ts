import { describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { silentLogger, silentProgress, type AppDeps } from './deps.ts';
import { performance } from './performance.ts';

/** Dependencies whose store and providers must not be used (everything comes inline). */
function deps(): AppDeps {
  const unused = (): Promise<never> => Promise.reject(new Error('not used in this test'));
  return {
    store: unused,
    providers: unused,
    marketData: unused,
    solver: unused,
    clock: fixedClock('2024-03-28T21:00:00Z'),
    offline: true,
    log: silentLogger,
    progress: silentProgress,
  };
}

const RATES = { shortTerm: 0.32, longTerm: 0.15, state: 0.05, niit: 0.038 };

/**
 * Bought 2022-01-03 (held over a year): 50 A and 10 C @ 100 in `brokerage`, 40 B @ 100 in `ira`
 * — 10 000 at the base close of 2024-02-29 (every close 100). In March 2024: A sold @ 110
 * (long-term +500), B sold @ 105 in the IRA (+200), a 100 dividend on C; C closes at 120.
 * End: brokerage 5 500 + 100 + 10 × 120 = 6 800, IRA 4 200 → 11 000; no flows in the window.
 */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account',
  '2022-01-03,deposit,,,,6000,,brokerage',
  '2022-01-03,buy,A,50,100,,,brokerage',
  '2022-01-03,buy,C,10,100,,,brokerage',
  '2022-01-03,deposit,,,,4000,,ira',
  '2022-01-03,buy,B,40,100,,,ira',
  '2024-03-05,sell,A,50,110,,,brokerage',
  '2024-03-06,sell,B,40,105,,,ira',
  '2024-03-08,dividend,C,,,100,,brokerage',
].join('\n');
const PRICES = [
  'date,symbol,close',
  ...['A', 'B', 'C'].flatMap((s) => [`2022-01-03,${s},100`, `2024-02-29,${s},100`]),
  '2024-03-05,A,110',
  '2024-03-06,B,105',
  '2024-03-28,C,120',
].join('\n');
const ACCOUNTS = 'account,type\nbrokerage,taxable\nira,traditional_ira\n';

const window = {
  transactions: { text: LEDGER },
  pricesHistory: { text: PRICES, name: 'p.csv' },
  from: '2024-03-01',
  to: '2024-03-28',
};

describe('performance: the after-tax view', () => {
  it('taxes the taxable account only, with the IRA named by the accounts file', async () => {
    const doc = await performance(
      { ...window, accounts: { text: ACCOUNTS }, taxRates: RATES },
      deps(),
    );
    expect([doc.startValue, doc.endValue, doc.netFlows]).toEqual([10000, 11000, 0]);
    // Tax: 500 × (0.15 + 0.05 + 0.038) = 119.00 + dividends 100 × 0.238 = 23.80 → 142.80.
    // Pre-tax 1 000 / 10 000 = 10 %; after tax (1 000 − 142.80) / 10 000 = 8.572 %.
    expect(doc.afterTax).toEqual({
      realizedShortTerm: 0,
      realizedLongTerm: 500,
      dividends: 100,
      interest: 0,
      estimatedTax: 142.8,
      return: 0.08572,
      pretaxReturn: 0.1,
      drag: 0.01428,
    });
    // pnl is the whole portfolio's (the IRA's 200 included).
    expect(doc.pnl).toMatchObject({ realizedLongTerm: 700, income: 100 });
  });

  it('without accounts every account is taxable; without rates there is no afterTax', async () => {
    const doc = await performance({ ...window, taxRates: RATES }, deps());
    // 700 × 0.238 = 166.60 + 23.80 = 190.40; (1 000 − 190.40) / 10 000 = 8.096 %.
    expect(doc.afterTax).toMatchObject({ realizedLongTerm: 700, estimatedTax: 190.4 });
    expect(doc.afterTax!.return).toBeCloseTo(0.08096, 14);
    expect((await performance(window, deps())).afterTax).toBeUndefined();
  });

  it('applies the wash-sale rule to afterTax only, with a replacement bought after the window', async () => {
    // 10 A @ 100 (2024-01-02), sold @ 80 on 2024-03-05 (−200), 10 bought back on 2024-04-02,
    // 28 days later and after the window's end: the loss is disallowed.
    const ledger = [
      'date,type,symbol,quantity,price,amount,fees,account',
      '2024-01-02,deposit,,,,1000,,',
      '2024-01-02,buy,A,10,100,,,',
      '2024-03-05,sell,A,10,80,,,',
      '2024-04-02,buy,A,10,81,,,',
    ].join('\n');
    const prices = 'date,symbol,close\n2024-01-02,A,100\n2024-03-05,A,80\n2024-04-02,A,81';
    const input = {
      ...window,
      transactions: { text: ledger },
      pricesHistory: { text: prices, name: 'p.csv' },
      taxRates: RATES,
    };
    const washed = await performance(input, deps());
    // Start 10 × 100 = 1 000 (carried close), end 800 in cash: −200, −20 % before tax.
    expect(washed.pnl.realizedShortTerm).toBe(-200);
    expect(washed.afterTax).toMatchObject({
      realizedShortTerm: 0,
      estimatedTax: 0,
      pretaxReturn: -0.2,
      return: -0.2,
      drag: 0,
    });
    const unwashed = await performance({ ...input, washSales: false }, deps());
    // −200 deducted at 0.32 + 0.05: a 74.00 saving; (−200 + 74) / 1 000 = −12.6 %.
    expect(unwashed.afterTax).toMatchObject({ realizedShortTerm: -200, estimatedTax: -74 });
    expect(unwashed.afterTax!.return).toBeCloseTo(-0.126, 14);
  });

  it('refuses accounts without rates, and a bad rate, naming the field', async () => {
    await expect(
      performance({ ...window, accounts: { text: ACCOUNTS } }, deps()),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'accounts' },
    });
    await expect(
      performance({ ...window, taxRates: { ...RATES, shortTerm: 1.2 } }, deps()),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'taxRates.shortTerm' } });
  });
});
