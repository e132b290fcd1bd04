import { describe, expect, it } from 'vitest';
import type { TaxType } from '../ledger/accounts.ts';
import type { Lot } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import { orderSellLots, sellLotOrder, type LotRanking } from './lot-selection.ts';
import { planTrades } from './plan-trades.ts';
import type { CurrentHoldings, LotSelection } from './types.ts';

const quote = (price: number): PriceQuote => ({ price, source: 'prices file p.csv' });
const ON = '2024-06-03';

/** A long lot of `quantity` shares at `cost` dollars a share. */
function lot(id: string, acquired: string, quantity: number, cost: number, account = 'TAX'): Lot {
  return { id, account, symbol: 'AAA', acquired, quantity, basisCents: quantity * cost * 100 };
}

describe('lot selection for sells (the issue example)', () => {
  // Two lots: 10 sh @ $100 bought two years ago (long-term) and 10 sh @ $140 bought three
  // months ago (short-term); price $120; value 20 × 120 = $2 400, cash 0. Target AAA 50 % with
  // a 50 % cash line: 1 200 / 120 = 10 shares, so sell 10.
  const holdings = (account: string = 'TAX'): CurrentHoldings => ({
    lots: [lot('L2', '2022-06-01', 10, 100, account), lot('L3', '2024-03-01', 10, 140, account)],
    cashCents: new Map([[account, 0]]),
    prices: new Map([['AAA', quote(120)]]),
  });
  const targets = { weightsBySymbol: { AAA: 0.5 }, cashWeight: 0.5 };
  const plan = (selection: LotSelection, account?: string, types?: Map<string, TaxType>) =>
    planTrades(holdings(account), targets, {
      tradeDate: ON,
      lotSelection: selection,
      ...(types ? { accountTaxTypes: types } : {}),
    });

  it('fifo (the method) sells the old lot: long-term gain $200, tax 0.20 × 200 = $40', () => {
    const p = plan('method');
    expect(p.trades).toHaveLength(1);
    expect(p.trades[0]!.lots).toEqual([
      expect.objectContaining({ lotId: 'L2', quantity: 10, gainCents: 20_000, term: 'long' }),
    ]);
    expect(p.trades[0]!).toMatchObject({ taxType: 'taxable', estimatedTaxCents: 4_000 });
    expect(p.tax).toEqual({
      rates: { short: 0.37, long: 0.2 },
      shortTermGainCents: 0,
      longTermGainCents: 20_000,
      estimatedTaxCents: 4_000,
      washSaleRisks: [],
    });
    expect(p.lotSelection).toBe('method');
  });

  it('losses-first, tax-min and hifo sell the $140 lot: short-term loss $200, tax −0.37 × 200', () => {
    // 10 × (120 − 140) = −$200 short-term; estimated tax −$74.00 (a saving).
    // tax-min per share: $100 lot 20 × 0.20 = $4.00, $140 lot −20 × 0.37 = −$7.40 → the $140 lot.
    for (const selection of ['losses-first', 'tax-min', 'hifo'] as const) {
      const p = plan(selection);
      expect(p.trades[0]!.lots, selection).toEqual([
        expect.objectContaining({ lotId: 'L3', quantity: 10, gainCents: -20_000, term: 'short' }),
      ]);
      expect(p.trades[0]!.estimatedTaxCents, selection).toBe(-7_400);
      expect(p.tax, selection).toMatchObject({
        shortTermGainCents: -20_000,
        longTermGainCents: 0,
        estimatedTaxCents: -7_400,
      });
    }
  });

  it('uses the given rates, and an IRA sale has no tax cost', () => {
    // FIFO: $200 long-term × 0.15 = $30.
    const rated = planTrades(holdings(), targets, {
      tradeDate: ON,
      taxRates: { long: 0.15 },
    });
    expect(rated.tax.estimatedTaxCents).toBe(3_000);
    expect(rated.tax.rates).toEqual({ short: 0.37, long: 0.15 });
    const ira = plan('method', 'IRA', new Map([['IRA', 'roth_ira']]));
    expect(ira.trades[0]).toMatchObject({ taxType: 'roth_ira', estimatedTaxCents: 0 });
    expect(ira.trades[0]!.realizedLongTermCents).toBe(20_000);
    expect(ira.tax).toMatchObject({ longTermGainCents: 0, estimatedTaxCents: 0 });
  });
});

describe('orderSellLots', () => {
  // Price $100 on 2024-06-03. Gain per share g = 100 − cost; IRA gains count as 0.
  const lots: Lot[] = [
    lot('A', '2024-01-02', 1, 130), // taxable short-term loss −30
    lot('B', '2022-01-03', 1, 110), // taxable long-term loss −10
    lot('C', '2021-01-04', 1, 50, 'IRA'), // IRA: no taxable gain
    lot('D', '2021-06-01', 1, 100), // taxable, g = 0
    lot('E', '2022-02-01', 1, 90), // taxable long-term gain +10
    lot('F', '2022-03-01', 1, 70), // taxable long-term gain +30
    lot('G', '2024-02-01', 1, 95), // taxable short-term gain +5
  ];
  const ranking: LotRanking = {
    tradeDate: ON,
    price: () => 100,
    taxTypes: new Map([['IRA', 'traditional_ira']]),
    rates: { short: 0.37, long: 0.2 },
  };
  const ids = (ordered: readonly Lot[]): string[] => ordered.map((l) => l.id);

  it('losses-first: losses (largest first), no taxable gain (FIFO), long-term, then short-term gains', () => {
    expect(ids(orderSellLots(lots, 'losses-first', ranking))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
    ]);
  });

  it('tax-min: tax per share A −11.10, B −2.00, C 0, D 0, G +1.85, E +2.00, F +6.00', () => {
    // A −30 × 0.37, B −10 × 0.20, C and D 0 (FIFO between them), G 5 × 0.37, E 10 × 0.20, F 30 × 0.20.
    expect(ids(orderSellLots(lots, 'tax-min', ranking))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'G',
      'E',
      'F',
    ]);
  });

  it('hifo: the highest cost per share first', () => {
    expect(ids(orderSellLots(lots, 'hifo', ranking))).toEqual(['A', 'B', 'D', 'G', 'E', 'F', 'C']);
  });

  it('puts lots that would wash last, keeping their order, and leaves method to the caller', () => {
    const washes = (l: Lot): boolean => l.id === 'A' || l.id === 'B';
    expect(ids(orderSellLots(lots, 'losses-first', { ...ranking, washes }))).toEqual([
      'C',
      'D',
      'E',
      'F',
      'G',
      'A',
      'B',
    ]);
    expect(sellLotOrder('method', ranking)).toBeUndefined();
    expect(ids(sellLotOrder('tax-min', ranking)!(lots.slice(4)))).toEqual(['G', 'E', 'F']);
  });
});
