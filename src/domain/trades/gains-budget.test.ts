import { describe, expect, it } from 'vitest';
import type { Lot } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import { chooseCuts, withholdLots } from './gains-budget.ts';
import { planTrades } from './plan-trades.ts';
import type { CurrentHoldings, PlannedTrade, TradePlanOptions } from './types.ts';

const quote = (price: number): PriceQuote => ({ price, source: 'prices file p.csv' });
const lot = (id: string, acquired: string, quantity: number, cost: number): Lot => ({
  id,
  account: 'TAX',
  symbol: 'AAA',
  acquired,
  quantity,
  basisCents: Math.round(quantity * cost * 100),
});

/**
 * AAA 20 shares at $120 = $2 400, cash 0: L2 10 sh @ $100 (gain $20 a share, first in FIFO) and
 * L3 10 sh @ $110 (gain $10 a share), both long-term on 2024-06-03. Target: all AAA into BBB
 * ($10), so FIFO sells both lots: gains 200 + 100 = $300.
 */
const holdings: CurrentHoldings = {
  lots: [lot('L2', '2022-01-03', 10, 100), lot('L3', '2022-07-01', 10, 110)],
  cashCents: new Map([['TAX', 0]]),
  prices: new Map([
    ['AAA', quote(120)],
    ['BBB', quote(10)],
  ]),
};
const INTO_BBB = { weightsBySymbol: { AAA: 0, BBB: 1 } };
const ON: TradePlanOptions = { tradeDate: '2024-06-03' };

describe('the realised-gains budget', () => {
  it('without a budget sells everything: $300 of long-term gains', () => {
    const plan = planTrades(holdings, INTO_BBB, ON);
    expect(plan.trades.map((t) => [t.side, t.symbol, t.quantity])).toEqual([
      ['sell', 'AAA', 20],
      ['buy', 'BBB', 240],
    ]);
    expect(plan.tax.longTermGainCents).toBe(30_000);
  });

  it('cuts the sell of the highest-gain lot to the largest whole-share quantity within $150', () => {
    // Excess 300 − 150 = $150; L2 gains $20 a share: 150 / 20 = 7.5 → 8 whole shares held back
    // from L2. Sell 12: L2 2 sh (gain 2 × 20 = 40) + L3 10 sh (gain 100) = $140 ≤ $150.
    // (Cutting the FIFO sell instead would keep L3 and sell only 7 shares of L2.)
    // The 12 shares bring 12 × 120 = $1 440, which buys 144 BBB; cash stays 0.
    const plan = planTrades(holdings, INTO_BBB, { ...ON, gainsBudgetCents: 15_000 });
    expect(plan.trades.map((t) => [t.side, t.symbol, t.quantity, t.grossCents])).toEqual([
      ['sell', 'AAA', 12, 144_000],
      ['buy', 'BBB', 144, 144_000],
    ]);
    expect(plan.trades[0]!.lots).toEqual([
      expect.objectContaining({ lotId: 'L2', quantity: 2, gainCents: 4_000 }),
      expect.objectContaining({ lotId: 'L3', quantity: 10, gainCents: 10_000 }),
    ]);
    expect(plan.tax).toMatchObject({ longTermGainCents: 14_000, budgetCents: 15_000 });
    expect(plan.cashAfterCents).toBe(0);
    // AAA keeps 8 × 120 = $960 of $2 400: drift 0.4 against its 0 target.
    expect(plan.positions[0]).toMatchObject({ symbol: 'AAA', finalQuantity: 8 });
    expect(plan.positions[0]!.drift).toBeCloseTo(0.4, 12);
    expect(plan.warnings).toEqual([
      {
        code: 'GAINS_BUDGET',
        message:
          'sell of AAA cut by 8 shares ($960.00 not sold) to keep net realised gains in taxable accounts within the $150.00 budget',
        details: { symbol: 'AAA', quantity: 8, value: 960, budget: 150 },
      },
    ]);
  });

  it('with fractional shares meets the budget exactly', () => {
    // 7.5 shares held back from L2: sell 12.5 = $1 500; L2 2.5 sh gain 2.5 × 20 = $50, L3 $100.
    const plan = planTrades(holdings, INTO_BBB, {
      ...ON,
      fractional: true,
      gainsBudgetCents: 15_000,
    });
    expect(plan.trades[0]).toMatchObject({ side: 'sell', quantity: 12.5, grossCents: 150_000 });
    expect(plan.trades[0]!.lots.map((l) => [l.lotId, l.quantity, l.gainCents])).toEqual([
      ['L2', 2.5, 5_000],
      ['L3', 10, 10_000],
    ]);
    expect(plan.tax.longTermGainCents).toBe(15_000);
    expect(plan.trades[1]).toMatchObject({ side: 'buy', symbol: 'BBB', quantity: 150 });
  });

  it('cuts the highest gain per share first across symbols', () => {
    // AAA 10 @ 100 at $120 (gain $20 a share, $200) and CCC 10 @ 45 at $50 (gain $5, $50): all
    // into BBB, $250 of gains. Budget $30, excess $220: all 10 AAA held back (−$200), then
    // CCC needs 20 / 5 = 4 shares (−$20). Sell 6 CCC = $300 (gain $30), buy 30 BBB.
    const two: CurrentHoldings = {
      lots: [
        lot('L2', '2022-01-03', 10, 100),
        { ...lot('L3', '2022-01-03', 10, 45), symbol: 'CCC' },
      ],
      cashCents: new Map([['TAX', 0]]),
      prices: new Map([
        ['AAA', quote(120)],
        ['BBB', quote(10)],
        ['CCC', quote(50)],
      ]),
    };
    const plan = planTrades(
      two,
      { weightsBySymbol: { AAA: 0, BBB: 1, CCC: 0 } },
      { ...ON, gainsBudgetCents: 3_000 },
    );
    expect(plan.trades.map((t) => [t.side, t.symbol, t.quantity])).toEqual([
      ['sell', 'CCC', 6],
      ['buy', 'BBB', 30],
    ]);
    expect(plan.tax.longTermGainCents).toBe(3_000);
    expect(plan.warnings.map((w) => w.details)).toEqual([
      { symbol: 'AAA', quantity: 10, value: 1_200, budget: 30 },
      { symbol: 'CCC', quantity: 4, value: 200, budget: 30 },
    ]);
  });

  it('leaves a plan within budget alone, and IRA gains out of it', () => {
    const within = planTrades(holdings, INTO_BBB, { ...ON, gainsBudgetCents: 30_000 });
    expect(within.trades[0]!.quantity).toBe(20);
    expect(within.warnings).toEqual([]);
    const ira = planTrades(holdings, INTO_BBB, {
      ...ON,
      gainsBudgetCents: 0,
      accountTaxTypes: new Map([['TAX', 'traditional_ira']]),
    });
    expect(ira.trades[0]!.quantity).toBe(20);
    expect(ira.tax).toMatchObject({ longTermGainCents: 0, estimatedTaxCents: 0, budgetCents: 0 });
  });

  it('says so when a cover it never cuts exceeds the budget', () => {
    // Short 100 XYZ at $400, price $380: covering gains 100 × 20 = $2 000 short-term.
    const short: CurrentHoldings = {
      lots: [
        {
          id: 'L2',
          account: 'A',
          symbol: 'XYZ',
          acquired: '2020-01-02',
          quantity: -100,
          basisCents: -4_000_000,
        },
      ],
      cashCents: new Map([['A', 8_000_000]]),
      prices: new Map([['XYZ', quote(380)]]),
    };
    const plan = planTrades(
      short,
      { weightsBySymbol: { XYZ: 0 }, cashWeight: 1 },
      { ...ON, gainsBudgetCents: 0 },
    );
    expect(plan.trades[0]).toMatchObject({ side: 'buy', realizedShortTermCents: 200_000 });
    expect(plan.warnings).toEqual([
      expect.objectContaining({
        code: 'GAINS_BUDGET',
        details: { netGain: 2_000, budget: 0 },
      }),
    ]);
  });

  it('rejects a budget that is not whole cents ≥ 0', () => {
    expect(() => planTrades(holdings, INTO_BBB, { ...ON, gainsBudgetCents: -1 })).toThrow(
      /gainsBudgetCents/,
    );
  });
});

describe('chooseCuts and withholdLots', () => {
  const sell = (lots: PlannedTrade['lots']): PlannedTrade =>
    ({ side: 'sell', symbol: 'AAA', taxType: 'taxable', lots }) as unknown as PlannedTrade;
  const slice = (lotId: string, quantity: number, gainCents: number) => ({
    lotId,
    acquired: '2022-01-03',
    quantity,
    proceedsCents: 0,
    costBasisCents: 0,
    gainCents,
    term: 'long' as const,
  });

  it('rounds a symbol total up from its next slice, or down when no lot share is left', () => {
    // X 2.5 sh at $20 a share, Y 10 sh at $10. Excess $60: X needs 3 > 2.5 → all 2.5 ($50);
    // Y needs 10 / 10 = 1 share. Total 3.5 → 4 whole shares: the half comes from Y (1.5).
    const up = chooseCuts([sell([slice('X', 2.5, 5_000), slice('Y', 10, 10_000)])], 6_000, () => 1);
    expect([...up.byLot]).toEqual([
      ['X', 2.5],
      ['Y', 1.5],
    ]);
    expect(up.bySymbol.get('AAA')).toBe(4);
    // Only X: 2.5 cannot round up to 3, so 2.
    const down = chooseCuts([sell([slice('X', 2.5, 5_000)])], 1_000_000, () => 1);
    expect([...down.byLot]).toEqual([['X', 2]]);
    // No slice with a gain: nothing to cut.
    expect(chooseCuts([sell([slice('Z', 5, -500)])], 100, () => 1).bySymbol.size).toBe(0);
  });

  it('takes held-back shares out of long lots with their basis pro rata, shorts untouched', () => {
    const lots: Lot[] = [
      lot('L2', '2022-01-03', 10, 100.01),
      lot('L3', '2022-07-01', 4, 110),
      { ...lot('L4', '2022-07-01', -5, 50), basisCents: -25_000 },
    ];
    // L2: 7 of 10 left, basis round(100 010 × 7 / 10) = 70 007; L3 fully held back: dropped.
    expect(
      withholdLots(
        lots,
        new Map([
          ['L2', 3],
          ['L3', 4],
          ['L4', 5],
        ]),
      ),
    ).toEqual([
      expect.objectContaining({ id: 'L2', quantity: 7, basisCents: 70_007 }),
      expect.objectContaining({ id: 'L4', quantity: -5, basisCents: -25_000 }),
    ]);
  });
});
