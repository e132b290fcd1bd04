import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../calendar/iso-date.ts';
import { dividendSchedule, type DividendPolicy } from './dividends.ts';
import { runBacktest } from './run-backtest.ts';
import type { BacktestTax } from './tax-lots.ts';
import type { BacktestSettings, StrategySpec } from './types.ts';
import { fixedWeights } from './weighting.ts';

/**
 * Dividends received in a taxable backtest (docs/backtest.md, "Taxes"), by hand. A is flat at
 * 100, so no gain is ever realised and the only tax is the dividends': 1,000 buys 10 A on
 * 2023-06-01; A pays 2 a share on 2023-12-29 (20) and 1 a share on 2024-01-02 (10).
 */
const dates: IsoDate[] = ['2023-06-01', '2023-12-29', '2024-01-02', '2024-12-31', '2025-01-02'];
const market = { dates, symbols: ['A'], closes: [Float64Array.from(dates.map(() => 100))] };
const settings: BacktestSettings = { initial: 1000, cashRate: 0, borrowSpread: 0 };

function spec(
  tax: Partial<BacktestTax> & Pick<BacktestTax, 'rates'>,
  policy: DividendPolicy = 'cash',
): StrategySpec {
  return {
    name: 'taxed',
    assets: ['A'],
    weighting: fixedWeights([1]),
    rebalance: 'never',
    costRate: 0,
    wholeShares: false,
    tax: { account: 'taxable', lotMethod: 'hifo', payFrom: 'portfolio', ...tax },
    dividends: dividendSchedule({
      dates,
      assets: ['A'],
      dividends: [
        { date: '2023-12-29', symbol: 'A', amount: 2 },
        { date: '2024-01-02', symbol: 'A', amount: 1 },
      ],
      policy,
    }),
  };
}

const run = (s: StrategySpec) => runBacktest({ market, strategies: [s], settings }).strategies[0]!;
const rates = { shortTerm: 0.35, longTerm: 0.15, state: 0, niit: 0 };

describe('tax on dividends in a backtest', () => {
  it('taxes qualified dividends at the long-term rate at each year end', () => {
    const { run: r, withoutTax } = run(spec({ rates }));
    // 2023: dividends 20, tax 20 × 0.15 = 3: cash 20 − 3 = 17, value 1,017.
    // 2024-01-02: + 10 → 1,027; 2024-12-31: tax 10 × 0.15 = 1.5 → 1,025.5; 2025: nothing.
    expect(Array.from(r.values)).toEqual([1000, 1017, 1027, 1025.5, 1025.5]);
    expect(r.tax!.byYear).toEqual([
      {
        year: 2023,
        date: '2023-12-29',
        shortTerm: 0,
        longTerm: 0,
        carryforwardIn: 0,
        tax: 3,
        carryforward: 0,
        dividends: 20,
        dividendTax: 3,
      },
      {
        year: 2024,
        date: '2024-12-31',
        shortTerm: 0,
        longTerm: 0,
        carryforwardIn: 0,
        tax: 1.5,
        carryforward: 0,
        dividends: 10,
        dividendTax: 1.5,
      },
      {
        year: 2025,
        date: '2025-01-02',
        shortTerm: 0,
        longTerm: 0,
        carryforwardIn: 0,
        tax: 0,
        carryforward: 0,
        dividends: 0,
        dividendTax: 0,
      },
    ]);
    expect(r.tax!.totalTax).toBe(4.5);
    // Untaxed: 1,000 + 20 + 10 = 1,030; the drag is the 4.5 paid (the cash earns nothing).
    expect(withoutTax!.preTaxValue).toBe(1030);
    expect(withoutTax!.drag).toBeCloseTo(4.5, 9);
  });

  it('taxes ordinary dividends at the short-term rate, and adds state and NIIT to both', () => {
    // Ordinary: 20 × 0.35 = 7 and 10 × 0.35 = 3.5: 1,000 + 20 − 7 + 10 − 3.5 = 1,019.5.
    const ordinary = run(spec({ rates, dividends: 'ordinary' })).run;
    expect(ordinary.tax!.byYear.map((y) => y.tax)).toEqual([7, 3.5, 0]);
    expect(ordinary.values[4]).toBeCloseTo(1019.5, 9);
    // Qualified with state 5 % and NIIT 3.8 %: 0.15 + 0.05 + 0.038 = 0.238; 20 × 0.238 = 4.76,
    // 10 × 0.238 = 2.38.
    const full = run(spec({ rates: { ...rates, state: 0.05, niit: 0.038 } })).run;
    expect(full.tax!.byYear.map((y) => y.dividendTax)).toEqual([4.76, 2.38, 0]);
  });

  it('taxes reinvested dividends too, and the reinvested shares open lots at the close', () => {
    // Reinvest: 20 buys 0.2 A at 100 on 2023-12-29; the year-end tax 3 is paid from cash,
    // which goes to −3 (borrowed at 0 %). 2024-01-02: 10.2 shares × 1 = 10.2 buys 0.102 A.
    // 2024 tax 10.2 × 0.15 = 1.53. Final: 10.302 × 100 − 3 − 1.53 = 1,025.67.
    const r = run(spec({ rates }, 'reinvest')).run;
    expect(r.tax!.byYear.map((y) => y.dividends)).toEqual([20, 10.2, 0]);
    expect(r.tax!.byYear.map((y) => y.tax)).toEqual([3, 1.53, 0]);
    expect(r.values[4]).toBeCloseTo(1025.67, 9);
  });

  it('leaves the year entries without dividend fields when no dividends are paid', () => {
    const { dividends: _, ...plain } = spec({ rates });
    const r = run(plain).run;
    expect(r.tax!.byYear[0]).not.toHaveProperty('dividends');
    expect(r.values[4]).toBe(1000);
  });
});
