import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { plan } from './plan.ts';
import { portfolioCreate } from './portfolio-create.ts';
import { portfolioImport } from './portfolio-import.ts';
import { rebalance } from './rebalance.ts';
import { errorOf, testDeps } from './test-helpers.ts';

const deps = testDeps('2024-06-03');
afterAll(() => deps.close());

/**
 * TAX: deposit 7 400, L4 10 AAA @ 100 (2022, long-term), L5 10 AAA @ 140 (2024-01-02, loss at
 * $120); IRA: deposit 590, L6 5 AAA @ 118 on 2024-05-20. Value 25 × 120 + 5 000 = $8 000;
 * AAA 22.5 % = 15 shares: sell 10.
 */
const LEDGER = [
  'date,type,symbol,quantity,price,amount,fees,account,lots',
  '2022-01-02,deposit,,,,7400,,TAX,',
  '2022-01-02,deposit,,,,590,,IRA,',
  '2022-01-03,buy,AAA,10,100,,,TAX,',
  '2024-01-02,buy,AAA,10,140,,,TAX,',
  '2024-05-20,buy,AAA,5,118,,,IRA,',
].join('\n');
const prices = { text: 'symbol,price\nAAA,120\n', name: 'p.csv' };
const weights = { AAA: 0.225 };

describe('rebalance, tax-aware inputs', () => {
  it("takes the stored portfolio's account types; an accounts file overrides them", async () => {
    await portfolioCreate({ name: 'taxed' }, deps);
    await portfolioImport(
      {
        name: 'taxed',
        transactions: { text: LEDGER, name: 'l.csv' },
        accounts: { text: 'account,type\nTAX,taxable\nIRA,roth_ira\n', name: 'a.csv' },
      },
      deps,
    );
    // tax-min, wash checks on: L5's loss washes (IRA purchase 2024-05-20) and goes last; L6 (IRA,
    // tax 0) then L4 (tax 20 × 0.2 = $4 a share): 5 IRA + 5 TAX, tax 5 × 4 = $20.
    const doc = await rebalance(
      { portfolio: 'taxed', prices, weights, cashWeight: 'residual', lotSelection: 'tax-min' },
      deps,
    );
    expect(doc.trades.map((t) => [t.account, t.taxType, t.quantity, t.estimatedTax])).toEqual([
      ['IRA', 'roth_ira', 5, 0],
      ['TAX', 'taxable', 5, 20],
    ]);
    // Every account taxable (a file saying so): L5 still washes and goes last; tax per share L6
    // 2 × 0.37 = $0.74, L4 20 × 0.2 = $4.00, so L6 first again. L6 is now taxed: 5 × 2 = $10
    // short-term × 0.37 = $3.70; total 3.70 + 20 = $23.70.
    const file = await rebalance(
      {
        portfolio: 'taxed',
        prices,
        weights,
        cashWeight: 'residual',
        lotSelection: 'tax-min',
        accounts: { text: 'account,type\nTAX,taxable\nIRA,taxable\n', name: 'all.csv' },
      },
      deps,
    );
    expect(file.trades.map((t) => [t.account, t.quantity, t.estimatedTax])).toEqual([
      ['IRA', 5, 3.7],
      ['TAX', 5, 20],
    ]);
    expect(file.tax).toMatchObject({ shortTermGain: 10, longTermGain: 100, estimatedTax: 23.7 });
  });

  it('names the field of a bad accounts or equivalents file, and a deposit without an account', async () => {
    const transactions = { text: LEDGER, name: 'l.csv' };
    const bad = (await errorOf(() =>
      rebalance(
        {
          transactions,
          prices,
          weights,
          cashWeight: 'residual',
          equivalents: { text: 'symbol,group\nAAA,\n', name: 'eq.csv' },
        },
        deps,
      ),
    )) as BallastError;
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.details).toMatchObject({ file: 'eq.csv', line: 2, column: 'group' });
    const deposit = (await errorOf(() =>
      rebalance({ transactions, prices, weights, cashWeight: 'residual', deposit: 100 }, deps),
    )) as BallastError;
    expect(deposit.details['field']).toBe('depositAccount');
    const rate = (await errorOf(() =>
      rebalance({ transactions, prices, weights, cashWeight: 'residual', longRate: 2 }, deps),
    )) as BallastError;
    expect(rate.details['field']).toBe('longRate');
  });
});

describe('plan, tax-aware stage 3', () => {
  it('cash-flow only never sells, and the trades carry the tax summary', async () => {
    // The demo plan's targets put DBMF and UPRO above their holdings and BND, NTSX, RSSB, RSST
    // below: with a $50 000 deposit and no sells, the cash above the target cash line buys the
    // two underweights only, and cash stays at or above its line.
    const doc = await plan(
      { asOf: '2025-10-01', cashFlowOnly: true, deposit: 50_000, depositAccount: 'MARGIN' },
      deps,
    );
    const t = doc.trades;
    expect(t).toMatchObject({ cashFlowOnly: true, deposit: 50_000 });
    expect([...new Set(t.trades.map((x) => `${x.side} ${x.symbol}`))].sort()).toEqual([
      'buy DBMF',
      'buy UPRO',
    ]);
    const valueAfter = t.cashAfter / t.cash.achievedWeight;
    expect(t.cashAfter).toBeGreaterThanOrEqual(t.cash.targetWeight * valueAfter - 0.01);
    expect(t.tax).toMatchObject({ shortTermGain: 0, longTermGain: 0, estimatedTax: 0 });
  });
});
