import { describe, expect, it } from 'vitest';
import type { Lot } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import { withDeposit } from './deposit.ts';
import { planTrades } from './plan-trades.ts';
import type { CurrentHoldings } from './types.ts';

const quote = (price: number): PriceQuote => ({ price, source: 'prices file p.csv' });
const lot = (id: string, symbol: string, quantity: number, cost: number): Lot => ({
  id,
  account: 'TAX',
  symbol,
  acquired: '2022-01-03',
  quantity,
  basisCents: quantity * cost * 100,
});

/** AAA 10 @ $100 and BBB 10 @ $100 held, CCC ($50) not; no cash. */
const holdings: CurrentHoldings = {
  lots: [lot('L2', 'AAA', 10, 80), lot('L3', 'BBB', 10, 80)],
  cashCents: new Map([['TAX', 0]]),
  prices: new Map([
    ['AAA', quote(100)],
    ['BBB', quote(100)],
    ['CCC', quote(50)],
  ]),
};
const TARGETS = { weightsBySymbol: { AAA: 0.5, BBB: 0.3, CCC: 0.2 } };
const ON = '2024-06-03';

describe('cash-flow-only rebalancing', () => {
  it('spends a $1 000 deposit on the underweights in proportion to their shortfall, selling nothing', () => {
    // Value 1 000 + 1 000 + deposit 1 000 = 3 000. Targets: AAA 1 500 (short 500), BBB 900
    // (over by 100: kept, no sell), CCC 600 (short 600). Shortfall 1 100 > cash 1 000, so each
    // buy gets 1 000 × its share: AAA 1 000 × 500 / 1 100 = 454.55 → 4.55 sh → 4;
    // CCC 1 000 × 600 / 1 100 = 545.45 → 10.91 sh → 10. Spent 400 + 500, cash $100 left.
    // Round up by largest remainder when cash allows: CCC (.91) to 11 (+$50, cash $50);
    // AAA (.55) to 5 would need $100 more: no. Final AAA 14, BBB 10, CCC 11, cash $50.
    const plan = planTrades(holdings, TARGETS, {
      tradeDate: ON,
      cashFlowOnly: true,
      depositCents: 100_000,
    });
    expect(plan.trades.map((t) => [t.side, t.symbol, t.quantity, t.grossCents])).toEqual([
      ['buy', 'AAA', 4, 40_000],
      ['buy', 'CCC', 11, 55_000],
    ]);
    expect(plan.depositCents).toBe(100_000);
    expect(plan.cashBeforeCents).toBe(100_000);
    expect(plan.totalValueCents).toBe(300_000);
    expect(plan.cashAfterCents).toBe(5_000);
    expect(plan.cashFlowOnly).toBe(true);
    // BBB stays at 1 000 / 3 000: drift 1/3 − 0.3.
    expect(plan.positions[1]).toMatchObject({ symbol: 'BBB', finalQuantity: 10 });
    expect(plan.positions[1]!.drift).toBeCloseTo(1 / 3 - 0.3, 12);
    expect(plan.tax).toMatchObject({ shortTermGainCents: 0, longTermGainCents: 0 });
    expect(plan.warnings).toEqual([]);
  });

  it('without the mode sells the overweight to fund the buys', () => {
    // Same deposit: BBB 900 / 100 = 9 → sell 1; AAA 15 → buy 5; CCC 12 → buy 12.
    const plan = planTrades(holdings, TARGETS, { tradeDate: ON, depositCents: 100_000 });
    expect(plan.trades.map((t) => [t.side, t.symbol, t.quantity])).toEqual([
      ['sell', 'BBB', 1],
      ['buy', 'AAA', 5],
      ['buy', 'CCC', 12],
    ]);
  });

  it('fills every shortfall when the cash covers them, keeping the rest as cash', () => {
    // Deposit $2 000: value 4 000. Targets AAA 2 000 (short 1 000), BBB 1 200 (short 200),
    // CCC 800 (short 800): 2 000 in all = the cash. Buy 10 AAA, 2 BBB, 16 CCC.
    const plan = planTrades(holdings, TARGETS, {
      tradeDate: ON,
      cashFlowOnly: true,
      depositCents: 200_000,
    });
    expect(plan.trades.map((t) => [t.symbol, t.quantity])).toEqual([
      ['AAA', 10],
      ['BBB', 2],
      ['CCC', 16],
    ]);
    expect(plan.cashAfterCents).toBe(0);
  });

  it('buys nothing when there is no cash above the cash line', () => {
    const plan = planTrades(holdings, TARGETS, { tradeDate: ON, cashFlowOnly: true });
    expect(plan.trades).toEqual([]);
  });
});

describe('withDeposit', () => {
  it('adds the deposit to the only account, or to the one named', () => {
    expect(withDeposit(holdings, 100).cashCents.get('TAX')).toBe(100);
    expect(withDeposit(holdings, 0)).toBe(holdings);
    const two: CurrentHoldings = { ...holdings, cashCents: new Map([['IRA', 500]]) };
    expect([...withDeposit(two, 100, 'IRA').cashCents]).toEqual([['IRA', 600]]);
    expect(withDeposit({ ...holdings, lots: [], cashCents: new Map() }, 1).cashCents).toEqual(
      new Map([['DEFAULT', 1]]),
    );
  });

  it('asks which account when there are several, and refuses a deposit that is not whole cents', () => {
    const two: CurrentHoldings = { ...holdings, cashCents: new Map([['IRA', 500]]) };
    expect(() => withDeposit(two, 100)).toThrow(/depositAccount.*IRA, TAX/s);
    expect(() => withDeposit(two, 100, 'IRAA')).toThrow(/depositAccount.*not an account/s);
    expect(() => withDeposit(holdings, 0.5)).toThrow(/depositCents/);
    expect(() => planTrades(holdings, TARGETS, { tradeDate: ON, depositCents: -1 })).toThrow(
      /depositCents/,
    );
  });
});

describe('tax-aware option checks', () => {
  it('refuses an unknown lot selection and a tax rate outside [0, 1]', () => {
    expect(() =>
      planTrades(holdings, TARGETS, { tradeDate: ON, lotSelection: 'best' as 'hifo' }),
    ).toThrow(/lotSelection/);
    expect(() =>
      planTrades(holdings, TARGETS, { tradeDate: ON, taxRates: { short: 1.5 } }),
    ).toThrow(/taxRates\.short/);
  });
});
