import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../calendar/iso-date.ts';
import { Book } from './book.ts';
import { runBacktest } from './run-backtest.ts';
import { TaxLots, type BacktestTax } from './tax-lots.ts';
import type { BacktestSettings, PriceMatrix, StrategySpec } from './types.ts';

const rates = { shortTerm: 0.35, longTerm: 0.15, state: 0, niit: 0 };
const taxOf = (lotMethod: 'fifo' | 'hifo'): BacktestTax => ({
  account: 'taxable',
  rates,
  lotMethod,
  payFrom: 'portfolio',
});
const settings: BacktestSettings = { initial: 1000, cashRate: 0, borrowSpread: 0 };

function matrix(dates: IsoDate[], closes: number[]): PriceMatrix {
  return { dates, symbols: ['A'], closes: [Float64Array.from(closes)] };
}

/** A TaxLots on `dates` with a cash-only book to pay into (prices 1: only cash matters). */
function lotsOn(dates: IsoDate[], method: 'fifo' | 'hifo') {
  const market = matrix(
    dates,
    dates.map(() => 1),
  );
  const book = new Book({
    market,
    assets: ['A'],
    columns: [0],
    costRate: 0,
    wholeShares: false,
    recordTrades: false,
  });
  return { lots: new TaxLots(taxOf(method), ['A'], dates), book };
}

describe('taxes in a backtest (docs/backtest.md, "Taxes")', () => {
  // Rows: 2023-06-01 A=100 (buy 10 with the 1,000), 2023-12-29 A=120 (the annual rebalance
  // to 50 %: value 1,200, keep 600 / 120 = 5, sell 5), 2024-01-02 A=130, 2024-12-31 A=150
  // (rebalance to 25 % in whole shares), 2025-01-02 A=140 (final row).
  const dates: IsoDate[] = ['2023-06-01', '2023-12-29', '2024-01-02', '2024-12-31', '2025-01-02'];
  const market = matrix(dates, [100, 120, 130, 150, 140]);
  const spec: StrategySpec = {
    name: 'taxed',
    assets: ['A'],
    weighting: (ctx) => Float64Array.of(ctx.row === 0 ? 1 : ctx.row === 1 ? 0.5 : 0.25),
    rebalance: 'annual',
    costRate: 0,
    wholeShares: true,
    tax: taxOf('hifo'),
  };

  it('pays each year’s tax from cash at the year’s last row, and compares with the untaxed run', () => {
    const result = runBacktest({ market, strategies: [spec], settings });
    const { run, withoutTax } = result.strategies[0]!;
    // 2023: 5 sold at 120 bought at 100 → short-term gain 5 × 20 = 100; tax 100 × 0.35 = 35,
    // paid at the close of 2023-12-29: cash 600 − 35 = 565, value 5 × 120 + 565 = 1,165.
    // 2024-01-02: 5 × 130 + 565 = 1,215 (untaxed: 5 × 130 + 600 = 1,250).
    // 2024-12-31: value 5 × 150 + 565 = 1,315, 25 % → 328.75 / 150 = 2.19 → 2 shares, sell 3
    // bought 2023-06-01 (> 1 year): long-term gain 3 × 50 = 150, tax 150 × 0.15 = 22.5;
    // cash 565 + 450 − 22.5 = 992.5, value 2 × 150 + 992.5 = 1,292.5.
    // Untaxed: 1,350 × 25 % / 150 = 2.25 → 2 shares, cash 600 + 450 = 1,050.
    // 2025-01-02 (final): no trade, no gain, tax 0: 2 × 140 + 992.5 = 1,272.5; untaxed
    // 2 × 140 + 1,050 = 1,330; the drag 1,330 − 1,272.5 = 57.5 = 35 + 22.5.
    expect(Array.from(run.values)).toEqual([1000, 1165, 1215, 1292.5, 1272.5]);
    expect(run.tax!.byYear).toEqual([
      {
        year: 2023,
        date: '2023-12-29',
        shortTerm: 100,
        longTerm: 0,
        carryforwardIn: 0,
        tax: 35,
        carryforward: 0,
      },
      {
        year: 2024,
        date: '2024-12-31',
        shortTerm: 0,
        longTerm: 150,
        carryforwardIn: 0,
        tax: 22.5,
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
    ]);
    expect(run.tax!.totalTax).toBe(57.5);
    expect(withoutTax).toEqual({ afterTaxValue: 1272.5, preTaxValue: 1330, drag: 57.5 });
  });

  it('leaves a strategy without tax settings untouched', () => {
    const result = runBacktest({ market, strategies: [{ ...spec, tax: undefined }], settings });
    expect(result.strategies[0]!.run.tax).toBeUndefined();
    expect(result.strategies[0]!.withoutTax).toBeUndefined();
    expect(result.strategies[0]!.run.values[4]).toBe(1330);
  });

  it('HIFO and FIFO relieve different lots; a loss year is a credit', () => {
    const dates: IsoDate[] = ['2023-01-03', '2023-02-01', '2024-03-01'];
    const fifo = lotsOn(dates, 'fifo');
    const hifo = lotsOn(dates, 'hifo');
    for (const { lots, book } of [fifo, hifo]) {
      lots.trade(0, 0, { quantity: 10, price: 100, cost: 0 }); // 10 @ 100 on 2023-01-03
      lots.trade(0, 1, { quantity: 10, price: 120, cost: 0 }); // 10 @ 120 on 2023-02-01
      // The last row of 2023: no gain, tax 0.
      expect(lots.endOfRow(book, 1, false)).toBe(0);
      lots.trade(0, 2, { quantity: -10, price: 110, cost: 0 }); // sell 10 @ 110 on 2024-03-01 (both lots > 1 year)
    }
    // FIFO: the 100 lot, long-term gain 10 × 10 = 100, tax 100 × 0.15 = 15 paid.
    expect(fifo.lots.endOfRow(fifo.book, 2, true)).toBe(15);
    expect(fifo.book.cash).toBe(-15);
    expect(fifo.lots.openLots(0)).toMatchObject([{ acquired: '2023-02-01', basisCents: 120_000 }]);
    // HIFO: the 120 lot, long-term loss 10 × −10 = −100, all deductible (< 3,000):
    // saving 100 × 0.35 = 35, credited to cash.
    expect(hifo.lots.endOfRow(hifo.book, 2, true)).toBe(-35);
    expect(hifo.book.cash).toBe(35);
    expect(hifo.lots.openLots(0)).toMatchObject([{ acquired: '2023-01-03', basisCents: 100_000 }]);
    expect(hifo.lots.outcome().byYear).toEqual([
      {
        year: 2023,
        date: '2023-02-01',
        shortTerm: 0,
        longTerm: 0,
        carryforwardIn: 0,
        tax: 0,
        carryforward: 0,
      },
      {
        year: 2024,
        date: '2024-03-01',
        shortTerm: 0,
        longTerm: -100,
        carryforwardIn: 0,
        tax: -35,
        carryforward: 0,
      },
    ]);
  });

  it('chains the carryforward into the next year and puts costs in basis and proceeds', () => {
    const dates: IsoDate[] = ['2023-03-01', '2023-12-29', '2024-05-01'];
    const { lots, book } = lotsOn(dates, 'hifo');
    // Buy 100 @ 100 with cost 10: basis 10,010. Sell 100 @ 50 with cost 5: proceeds 4,995;
    // short-term loss 4,995 − 10,010 = −5,015.
    lots.trade(0, 0, { quantity: 100, price: 100, cost: 10 });
    lots.trade(0, 1, { quantity: -100, price: 50, cost: 5 });
    // 2023: deduction 3,000 × 0.35 = 1,050 saved; carryforward 5,015 − 3,000 = 2,015.
    expect(lots.endOfRow(book, 1, false)).toBe(-1050);
    // 2024: short sale of 10 @ 300 (proceeds 3,000), covered 10 @ 50 (cost 500): gain 2,500
    // short-term; less the 2,015 carried in: 485 × 0.35 = 169.75.
    lots.trade(0, 2, { quantity: -10, price: 300, cost: 0 });
    lots.trade(0, 2, { quantity: 10, price: 50, cost: 0 });
    expect(lots.endOfRow(book, 2, true)).toBe(169.75);
    expect(lots.outcome()).toEqual({
      byYear: [
        {
          year: 2023,
          date: '2023-12-29',
          shortTerm: -5015,
          longTerm: 0,
          carryforwardIn: 0,
          tax: -1050,
          carryforward: 2015,
        },
        {
          year: 2024,
          date: '2024-05-01',
          shortTerm: 2500,
          longTerm: 0,
          carryforwardIn: 2015,
          tax: 169.75,
          carryforward: 0,
        },
      ],
      totalTax: -880.25, // −1,050 + 169.75
    });
    expect(book.cash).toBe(880.25);
    expect(lots.openLots(0)).toEqual([]);
  });

  it('a sale beyond the long lots opens a short lot for the rest', () => {
    const dates: IsoDate[] = ['2023-03-01', '2023-04-03'];
    const { lots, book } = lotsOn(dates, 'fifo');
    lots.trade(0, 0, { quantity: 2, price: 10, cost: 0 }); // 2 @ 10
    lots.trade(0, 1, { quantity: -5, price: 12, cost: 0 }); // sells the 2 (gain 4) and shorts 3 @ 12 (proceeds 36)
    expect(lots.openLots(0)).toMatchObject([{ quantity: -3, basisCents: -3600 }]);
    // 2023 (final row): short-term gain 4 × 0.35 = 1.4.
    expect(lots.endOfRow(book, 1, true)).toBe(1.4);
  });
});
