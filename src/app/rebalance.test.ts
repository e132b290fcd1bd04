import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { rebalance } from './rebalance.ts';
import { errorOf, testDeps } from './test-helpers.ts';

const deps = testDeps('2024-07-01');
afterAll(() => deps.close());

// Cash 100 000 − 500 × 100 − 1 000 × 50 = 0.
const transactions = {
  text: [
    'date,type,symbol,quantity,price,amount,fees,account,lots',
    '2023-01-03,deposit,,,,100000,,,',
    '2023-01-04,buy,AAA,500,100,,,,',
    '2024-06-03,buy,BBB,1000,50,,,,',
  ].join('\n'),
  name: 'ledger.csv',
};
const prices = { text: 'symbol,price\nAAA,120\nBBB,40\nCCC,25\n', name: 'prices.csv' };

describe('rebalance use case', () => {
  it('buys a target the ledger does not hold at its quote from the prices file', async () => {
    const doc = await rebalance(
      { transactions, prices, targets: { text: 'symbol,weight\nAAA,0.4\nBBB,0.4\nCCC,0.2\n' } },
      deps,
    );
    // Total value 500 × 120 + 1 000 × 40 + 0 = 100 000.
    // AAA: 40 000 / 120 = 333.33 → 333 shares, sell 167 (gross 20 040; held since 2023-01-04,
    // long-term gain 167 × (120 − 100) = 3 340). BBB: 40 000 / 40 = 1 000, no trade.
    // CCC: 20 000 / 25 = 800 shares bought (20 000). Cash: 20 040 − 20 000 = 40.
    expect(doc.tradeDate).toBe('2024-07-01');
    expect(doc.totalValue).toBe(100000);
    expect(doc.trades.map((t) => [t.side, t.symbol, t.quantity, t.gross])).toEqual([
      ['sell', 'AAA', 167, 20040],
      ['buy', 'CCC', 800, 20000],
    ]);
    expect(doc.trades[1]!.priceSource).toBe('prices file prices.csv');
    expect(doc.totals.realizedLongTerm).toBe(3340);
    expect(doc.cashAfter).toBe(40);
    expect(doc.warnings).toEqual([]);
  });

  it('takes weights directly with a residual cash line', async () => {
    const doc = await rebalance(
      {
        transactions,
        prices,
        weights: { AAA: 0.5, BBB: 0.3 },
        cashWeight: 'residual',
        asOf: '2024-07-01',
      },
      deps,
    );
    // AAA 50 000 / 120 = 416.67 → sell 83 or 84; BBB 30 000 / 40 = 750 → sell 250; cash line 20 %
    expect(doc.trades.map((t) => [t.side, t.symbol])).toEqual([
      ['sell', 'AAA'],
      ['sell', 'BBB'],
    ]);
    expect(doc.trades[1]!.quantity).toBe(250);
    expect(doc.cash.targetWeight).toBeCloseTo(0.2, 12);
  });

  it('targets the minimum-variance weights of a returns file: σ_B² / (σ_A² + σ_B²)', async () => {
    // A = ±0.02 and B = ±0.01 in a pattern with zero sample covariance, so the minimum-variance
    // weights are w_A = σ_B² / (σ_A² + σ_B²) = 0.01² / (0.02² + 0.01²) = 0.2 and w_B = 0.8.
    const returns = {
      text: 'date,AAA,BBB\n2024-01-31,0.02,0.01\n2024-02-29,-0.02,0.01\n2024-03-31,0.02,-0.01\n2024-04-30,-0.02,-0.01\n',
    };
    const doc = await rebalance(
      { transactions, prices, optimize: { objective: 'min-variance', returns }, fractional: true },
      deps,
    );
    const target = Object.fromEntries(doc.positions.map((p) => [p.symbol, p.targetWeight]));
    expect(target['AAA']).toBeCloseTo(0.2, 6);
    expect(target['BBB']).toBeCloseTo(0.8, 6);
  });

  it('refuses a target without any price, and two sources of targets', async () => {
    const missing = await errorOf(() =>
      rebalance({ transactions, prices, weights: { AAA: 0.5, ZZZ: 0.5 } }, deps),
    );
    expect((missing as BallastError).code).toBe('DATA_UNAVAILABLE');
    expect((missing as BallastError).message).toContain('ZZZ');
    const both = await errorOf(() =>
      rebalance(
        { transactions, prices, weights: { AAA: 1 }, targets: { text: 'symbol,weight\nAAA,1\n' } },
        deps,
      ),
    );
    expect((both as BallastError).code).toBe('INVALID_INPUT');
    expect((both as BallastError).details['field']).toBe('weights');
  });
});
