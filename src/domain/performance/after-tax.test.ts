import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import type { TaxType } from '../ledger/accounts.ts';
import { buildLedger } from '../ledger/ledger.ts';
import type { RealizedSlice, Transaction } from '../ledger/types.ts';
import { afterTaxReturn } from './after-tax.ts';
import { portfolioHistory } from './history.ts';
import type { ClosePoint, HistoryDay } from './types.ts';

const nyse = createNyseCalendar();
const RATES = { shortTerm: 0.32, longTerm: 0.15, state: 0.05, niit: 0.038 };
const IRA = new Map<string, TaxType>([['ira', 'traditional_ira']]);

/** The history of `transactions` over [from, to] at the given closes. */
function daysOf(
  transactions: Transaction[],
  closes: Record<string, ClosePoint[]>,
  from: string,
  to: string,
): readonly HistoryDay[] {
  const prices = new Map(Object.entries(closes));
  return portfolioHistory({ transactions, prices, calendar: nyse, from, to }).days;
}

/**
 * Bought in 2022 (held over a year): 50 A and 10 C @ 100 in the taxable brokerage account,
 * 40 B @ 100 in the IRA — 10 000 at the base close of 2024-02-29, every close 100. In March
 * 2024: A sold @ 110 (long-term +500, taxable), B sold @ 105 (+200, IRA), a 100 dividend on C
 * in the brokerage account; C closes at 120 on 2024-03-28.
 * End value: brokerage cash 5 500 + 100 + C 10 × 120 = 6 800, IRA cash 4 200 → 11 000.
 */
const LEDGER = ledgerRows([
  { date: '2022-01-03', type: 'deposit', amount: 6000, account: 'brokerage' },
  { date: '2022-01-03', type: 'buy', symbol: 'A', quantity: 50, price: 100, account: 'brokerage' },
  { date: '2022-01-03', type: 'buy', symbol: 'C', quantity: 10, price: 100, account: 'brokerage' },
  { date: '2022-01-03', type: 'deposit', amount: 4000, account: 'ira' },
  { date: '2022-01-03', type: 'buy', symbol: 'B', quantity: 40, price: 100, account: 'ira' },
  { date: '2024-03-05', type: 'sell', symbol: 'A', quantity: 50, price: 110, account: 'brokerage' },
  { date: '2024-03-06', type: 'sell', symbol: 'B', quantity: 40, price: 105, account: 'ira' },
  { date: '2024-03-08', type: 'dividend', symbol: 'C', amount: 100, account: 'brokerage' },
]);
const CLOSES = {
  A: [
    { date: '2022-01-03', close: 100 },
    { date: '2024-02-29', close: 100 },
    { date: '2024-03-05', close: 110 },
  ],
  B: [
    { date: '2022-01-03', close: 100 },
    { date: '2024-02-29', close: 100 },
    { date: '2024-03-06', close: 105 },
  ],
  C: [
    { date: '2022-01-03', close: 100 },
    { date: '2024-02-29', close: 100 },
    { date: '2024-03-28', close: 120 },
  ],
};

describe('afterTaxReturn', () => {
  it('taxes the taxable account’s long-term gain and dividend, not the IRA’s (hand arithmetic)', () => {
    const days = daysOf(LEDGER, CLOSES, '2024-03-01', '2024-03-28');
    expect([days[0]!.value, days.at(-1)!.value]).toEqual([10000, 11000]);
    const ledger = buildLedger(LEDGER, { wash: { taxTypes: IRA } });
    const a = afterTaxReturn({
      days,
      realized: ledger.realized,
      transactions: LEDGER,
      taxTypes: IRA,
      rates: RATES,
    });
    // Long-term 500 × (0.15 + 0.05 + 0.038) = 119.00; dividend 100 × 0.238 = 23.80 → 142.80.
    expect(a).toMatchObject({
      realizedShortTermCents: 0,
      realizedLongTermCents: 50_000,
      dividendsCents: 10_000,
      interestCents: 0,
      estimatedTaxCents: 14_280,
    });
    // No flows: pre-tax 1 000 / 10 000 = 10 %; after tax (1 000 − 142.80) / 10 000 = 8.572 %.
    expect(a.pretaxReturn).toBeCloseTo(0.1, 14);
    expect(a.return).toBeCloseTo(0.08572, 14);
    expect(a.drag).toBeCloseTo(0.01428, 14);
  });

  it('weights a deposit as the Modified Dietz does and taxes interest at the ordinary rate', () => {
    // 1 000 in cash at the base close of 2024-02-29; 500 deposited 2024-03-06 and 20 interest
    // credited 2024-03-08; a 5 margin-interest debit on 2024-03-11 (not deducted).
    const ledger = ledgerRows([
      { date: '2024-01-02', type: 'deposit', amount: 1000 },
      { date: '2024-03-06', type: 'deposit', amount: 500 },
      { date: '2024-03-08', type: 'interest', amount: 20 },
      { date: '2024-03-11', type: 'interest', amount: -5 },
    ]);
    const days = daysOf(ledger, {}, '2024-03-01', '2024-03-11');
    const a = afterTaxReturn({
      days,
      realized: [],
      transactions: ledger,
      taxTypes: new Map(),
      rates: RATES,
    });
    // Interest credited 20 × (0.32 + 0.05 + 0.038) = 8.16. Change 1 515 − 1 000 − 500 = 15.
    // Window 2024-02-29 → 03-11: 11 days; the deposit of 03-06 invested 03-06..03-11 = 6 days.
    const denominator = 1000 + (500 * 6) / 11;
    expect(a).toMatchObject({ interestCents: 2000, dividendsCents: 0, estimatedTaxCents: 816 });
    expect(a.pretaxReturn).toBeCloseTo(15 / denominator, 14);
    expect(a.return).toBeCloseTo((15 - 8.16) / denominator, 14);
    expect(a.drag).toBeCloseTo(8.16 / denominator, 14);
  });

  it('nets the window’s terms as one Schedule D year: a net loss is a saving (negative drag)', () => {
    const slice = (over: Partial<RealizedSlice>): RealizedSlice => ({
      lotId: 'L2',
      symbol: 'A',
      account: 'brokerage',
      quantity: 1,
      proceedsCents: 0,
      costBasisCents: 0,
      gainCents: 0,
      term: 'short',
      acquired: '2023-06-01',
      disposed: '2024-03-05',
      kind: 'sale',
      ...over,
    });
    const realized = [
      slice({ gainCents: -400_000 }), // short-term loss 4 000
      slice({ gainCents: 50_000, term: 'long', acquired: '2020-01-02' }), // long-term gain 500
      slice({ gainCents: 90_000, disposed: '2024-02-29' }), // on the base day: outside
      slice({ gainCents: 70_000, disposed: '2024-03-29' }), // after the end: outside
      slice({ gainCents: 30_000, account: 'ira' }), // IRA: not taxed
    ];
    const day = (date: string, value: number): HistoryDay => ({
      date,
      accounts: [],
      value,
      flow: 0,
    });
    const days = [day('2024-02-29', 10_000), day('2024-03-28', 9_000)];
    // A dividend of 2 shares @ 25 = 50 reinvested in the window counts; one in the IRA and one
    // on the base day do not.
    const transactions = ledgerRows([
      { date: '2024-02-29', type: 'dividend', symbol: 'A', amount: 70, account: 'brokerage' },
      {
        date: '2024-03-15',
        type: 'reinvest',
        symbol: 'A',
        quantity: 2,
        price: 25,
        account: 'brokerage',
      },
      { date: '2024-03-15', type: 'reinvest', symbol: 'B', quantity: 4, price: 25, account: 'ira' },
    ]);
    const a = afterTaxReturn({ days, realized, transactions, taxTypes: IRA, rates: RATES });
    // Net −3 500: 3 000 deducted at 0.32 + 0.05 → −1 110 (500 carried forward, unused);
    // dividends 50 × 0.238 = 11.90 → tax −1 098.10.
    expect(a).toMatchObject({
      realizedShortTermCents: -400_000,
      realizedLongTermCents: 50_000,
      dividendsCents: 5_000,
      estimatedTaxCents: -109_810,
    });
    // Pre-tax −1 000 / 10 000 = −10 %; after tax (−1 000 + 1 098.10) / 10 000 = +0.981 %.
    expect(a.pretaxReturn).toBeCloseTo(-0.1, 14);
    expect(a.return).toBeCloseTo(0.00981, 14);
    expect(a.drag).toBeCloseTo(-0.10981, 14);
  });

  it('uses the washed slices: a loss replaced within 30 days is not deducted', () => {
    // 10 A @ 100 bought 2024-01-02, sold @ 80 on 2024-03-05 (loss 200), 10 bought back @ 81 on
    // 2024-03-20: the loss is disallowed and moves into the new lot's basis.
    const ledger = ledgerRows([
      { date: '2024-01-02', type: 'deposit', amount: 1000 },
      { date: '2024-01-02', type: 'buy', symbol: 'A', quantity: 10, price: 100 },
      { date: '2024-03-05', type: 'sell', symbol: 'A', quantity: 10, price: 80 },
      { date: '2024-03-20', type: 'buy', symbol: 'A', quantity: 10, price: 81 },
    ]);
    const closes = {
      A: [
        { date: '2024-01-02', close: 100 },
        { date: '2024-03-05', close: 80 },
        { date: '2024-03-20', close: 81 },
      ],
    };
    const days = daysOf(ledger, closes, '2024-03-01', '2024-03-28');
    const run = (washed: boolean) =>
      afterTaxReturn({
        days,
        realized: buildLedger(ledger, washed ? { wash: {} } : {}).realized,
        transactions: ledger,
        taxTypes: new Map(),
        rates: RATES,
      });
    // Without the rule: −200 short-term, deducted at 0.37 → −74.00; with it: 0 and no tax.
    expect(run(false)).toMatchObject({ realizedShortTermCents: -20_000, estimatedTaxCents: -7400 });
    expect(run(true)).toMatchObject({ realizedShortTermCents: 0, estimatedTaxCents: 0 });
    expect(run(true).drag).toBe(0);
  });

  it('is null when the Modified Dietz denominator is not positive', () => {
    const day = (date: string): HistoryDay => ({ date, accounts: [], value: 0, flow: 0 });
    const a = afterTaxReturn({
      days: [day('2024-02-29'), day('2024-03-01')],
      realized: [],
      transactions: [],
      taxTypes: new Map(),
      rates: RATES,
    });
    expect(a).toMatchObject({ estimatedTaxCents: 0, return: null, pretaxReturn: null, drag: null });
  });

  it('refuses a rate outside [0, 1) naming it', () => {
    const day = (date: string): HistoryDay => ({ date, accounts: [], value: 1, flow: 0 });
    expect(() =>
      afterTaxReturn({
        days: [day('2024-02-29'), day('2024-03-01')],
        realized: [],
        transactions: [],
        taxTypes: new Map(),
        rates: { ...RATES, state: 1.5 },
      }),
    ).toThrow(/rates\.state/);
  });
});
