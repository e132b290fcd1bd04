import { describe, expect, it } from 'vitest';
import { closes } from '../../../test/helpers/performance-scenario.ts';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { createNyseCalendar } from '../calendar/trading-calendar.ts';
import type { Transaction } from '../ledger/types.ts';
import {
  CASH_OTHER,
  dailyPositionPnl,
  positionAttribution,
  symbolCashCents,
  type AttributionOptions,
} from './attribution.ts';
import { portfolioHistory } from './history.ts';
import type { PriceHistory } from './types.ts';

const calendar = createNyseCalendar();

/**
 * Two symbols over 4–8 March 2024 (NYSE days; base close Friday 1 March):
 * 4th deposit 1000, buy 10 A @ 50 with a $1 fee; 6th deposit 200, buy 5 B @ 40 (mid-window);
 * 7th dividend 5 on A and an account fee of 2; 8th interest 0.50.
 */
const LEDGER = ledgerRows([
  { type: 'deposit', date: '2024-03-04', amount: 1000 },
  { type: 'buy', date: '2024-03-04', symbol: 'A', quantity: 10, price: 50, fees: 1 },
  { type: 'deposit', date: '2024-03-06', amount: 200 },
  { type: 'buy', date: '2024-03-06', symbol: 'B', quantity: 5, price: 40 },
  { type: 'dividend', date: '2024-03-07', symbol: 'A', amount: 5 },
  { type: 'fee', date: '2024-03-07', amount: 2 },
  { type: 'interest', date: '2024-03-08', amount: 0.5 },
]);
const PRICES: PriceHistory = new Map([
  [
    'A',
    closes({
      '2024-03-04': 50,
      '2024-03-05': 52,
      '2024-03-06': 51,
      '2024-03-07': 53,
      '2024-03-08': 54,
    }),
  ],
  ['B', closes({ '2024-03-06': 41, '2024-03-07': 42, '2024-03-08': 40 })],
]);

function attribution(
  transactions: Transaction[],
  options: { prices: PriceHistory; to: string; from?: string } & Partial<AttributionOptions>,
) {
  const { prices, to, from, ...rest } = options;
  const history = portfolioHistory({
    transactions,
    prices,
    calendar,
    to,
    ...(from ? { from } : {}),
  });
  return positionAttribution({ transactions, history, ...rest });
}

/** Carino linking written out: C_i = Σ_t (ln(1+r_t)/r_t) / (ln(1+R)/R) · c_{i,t}. */
function carino(rows: { r: number; c: number[] }[]): number[] {
  const R = rows.reduce((g, x) => g * (1 + x.r), 1) - 1;
  const K = Math.log(1 + R) / R;
  return rows[0]!.c.map((_, i) =>
    rows.reduce((s, x) => s + ((Math.log(1 + x.r) / x.r) * x.c[i]!) / K, 0),
  );
}

describe('positionAttribution on a hand-computed ledger (start-of-day flows)', () => {
  const a = attribution(LEDGER, { prices: PRICES, to: '2024-03-08' });
  // Day by day (MV = quantity × close; cash after the day's rows; base = V_{d−1} + CF_d):
  //  4th: base 0 + 1000; MV_A 500, cash 1000 − 501 = 499, V 999; P&L_A = 500 − 0 − 501 = −1
  //  5th: base 999;  MV_A 520, V 1019;                 P&L_A = +20
  //  6th: base 1019 + 200 = 1219; MV_A 510, MV_B 205, cash 499, V 1214;
  //       P&L_A = −10, P&L_B = 205 − 200 = +5
  //  7th: base 1214; MV_A 530, MV_B 210, cash 499 + 5 − 2 = 502, V 1242;
  //       P&L_A = 20 + 5 (dividend) = 25, P&L_B = +5, other = −2 (the fee)
  //  8th: base 1242; MV_A 540, MV_B 200, cash 502.50, V 1242.50;
  //       P&L_A = +10, P&L_B = −10, other = +0.50 (interest)
  const pnl = {
    A: [-1, 20, -10, 25, 10],
    B: [0, 0, 5, 5, -10],
    other: [0, 0, 0, -2, 0.5],
  };
  const bases = [1000, 999, 1219, 1214, 1242];
  const twr = [999 / 1000 - 1, 1019 / 999 - 1, 1214 / 1219 - 1, 1242 / 1214 - 1, 1242.5 / 1242 - 1];

  it('splits each day’s P&L by symbol, the rest (fee, interest) in cash/other', () => {
    expect(a.positions).toEqual(['A', 'B', CASH_OTHER]);
    expect(a.days.map((d) => d.date)).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
    ]);
    a.days.forEach((d, i) => {
      expect(d.pnl['A']).toBeCloseTo(pnl.A[i]!, 9);
      expect(d.pnl['B']).toBeCloseTo(pnl.B[i]!, 9);
      expect(d.pnl[CASH_OTHER]).toBeCloseTo(pnl.other[i]!, 9);
      expect(d.base).toBeCloseTo(bases[i]!, 9);
      expect(d.twr).toBeCloseTo(twr[i]!, 14);
    });
  });

  it('contributions are P&L / base and add up to the day’s TWR', () => {
    a.days.forEach((d, i) => {
      expect(d.contributions['A']).toBeCloseTo(pnl.A[i]! / bases[i]!, 14);
      expect(d.contributions['B']).toBeCloseTo(pnl.B[i]! / bases[i]!, 14);
      expect(d.contributions[CASH_OTHER]).toBeCloseTo(pnl.other[i]! / bases[i]!, 14);
      const sum = Object.values(d.contributions).reduce((s, x) => s + x, 0);
      expect(Math.abs(sum - twr[i]!)).toBeLessThan(1e-12);
    });
  });

  it('links the window with Carino so the contributions add up to the TWR', () => {
    const rows = twr.map((r, i) => ({
      r,
      c: [pnl.A[i]! / bases[i]!, pnl.B[i]! / bases[i]!, pnl.other[i]! / bases[i]!],
    }));
    const total = twr.reduce((g, r) => g * (1 + r), 1) - 1;
    const [cA, cB, cO] = carino(rows);
    expect(a.total.twr).toBeCloseTo(total, 14);
    expect(a.total.contributions['A']).toBeCloseTo(cA!, 13);
    expect(a.total.contributions['B']).toBeCloseTo(cB!, 13);
    expect(a.total.contributions[CASH_OTHER]).toBeCloseTo(cO!, 13);
    const sum = Object.values(a.total.contributions).reduce((s, x) => s + x, 0);
    expect(Math.abs(sum - total)).toBeLessThan(1e-12);
    // One default period covering the window, equal to the total.
    expect(a.periods).toEqual([{ ...a.total, period: 'total' }]);
    expect(a.total).toMatchObject({ start: '2024-03-04', end: '2024-03-08' });
  });

  it('links each period separately (4–5 March vs 6–8 March)', () => {
    const split = attribution(LEDGER, {
      prices: PRICES,
      to: '2024-03-08',
      periodOf: (d) => (d <= '2024-03-05' ? 'P1' : 'P2'),
    });
    expect(split.periods.map((p) => [p.period, p.start, p.end])).toEqual([
      ['P1', '2024-03-04', '2024-03-05'],
      ['P2', '2024-03-06', '2024-03-08'],
    ]);
    // P1 = 1019/1000 − 1 = 1.9 %; only A has P&L: the whole return is A's.
    expect(split.periods[0]!.twr).toBeCloseTo(0.019, 14);
    expect(split.periods[0]!.contributions['A']).toBeCloseTo(0.019, 14);
    expect(split.periods[0]!.contributions['B']).toBe(0);
    const p2 = [2, 3, 4].map((i) => ({
      r: twr[i]!,
      c: [pnl.A[i]! / bases[i]!, pnl.B[i]! / bases[i]!, pnl.other[i]! / bases[i]!],
    }));
    const [cA, cB, cO] = carino(p2);
    expect(split.periods[1]!.contributions['A']).toBeCloseTo(cA!, 13);
    expect(split.periods[1]!.contributions['B']).toBeCloseTo(cB!, 13);
    expect(split.periods[1]!.contributions[CASH_OTHER]).toBeCloseTo(cO!, 13);
    for (const p of split.periods) {
      const sum = Object.values(p.contributions).reduce((s, x) => s + x, 0);
      expect(Math.abs(sum - p.twr)).toBeLessThan(1e-12);
    }
  });

  it('with end-of-day flows the base is V_{d−1} (window from 5 March)', () => {
    const e = attribution(LEDGER, {
      prices: PRICES,
      from: '2024-03-05',
      to: '2024-03-06',
      flowTiming: 'endOfDay',
    });
    // 5th: base 999, P&L_A 20; 6th: base 1019 (the 200 arrives after the close),
    // r = (1214 − 200)/1019 − 1 = −5/1019, c_A = −10/1019, c_B = 5/1019.
    expect(e.days.map((d) => d.base)).toEqual([999, 1019]);
    expect(e.days[1]!.twr).toBeCloseTo(-5 / 1019, 14);
    expect(e.days[1]!.contributions['A']).toBeCloseTo(-10 / 1019, 14);
    expect(e.days[1]!.contributions['B']).toBeCloseTo(5 / 1019, 14);
  });
});

describe('positionAttribution: transfers, idle days, failures', () => {
  it('an external transfer is a flow: its value is not P&L of the symbol', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-04', amount: 100 },
      { type: 'transfer_in', date: '2024-03-05', symbol: 'Y', quantity: 3, costPerShare: 8 },
      { type: 'transfer_out', date: '2024-03-07', symbol: 'Y', quantity: 3, fees: 1 },
    ]);
    const prices = new Map([
      ['Y', closes({ '2024-03-05': 10, '2024-03-06': 11, '2024-03-07': 12 })],
    ]);
    const a = attribution(rows, { prices, to: '2024-03-07' });
    // 5th: in 3 × 10 = 30, MV 30 → P&L 0; 6th: 33 − 30 = +3; 7th: out 3 × 12 = 36,
    // MV 0 − 33 + 36 − 1 (the transfer's fee) = +2.
    expect(a.days.map((d) => d.pnl['Y'])).toEqual([0, 0, 3, 2]);
    expect(a.days.map((d) => d.pnl[CASH_OTHER])).toEqual([0, 0, 0, 0]);
    // 7th: base 133 − 36 = 97, V = 100 − 1 = 99 → r = 2/97, all of it Y's.
    expect(a.days[3]!.contributions['Y']).toBeCloseTo(2 / 97, 14);
    expect(a.days[3]!.twr).toBeCloseTo(2 / 97, 14);
  });

  it('an internal transfer between accounts moves no P&L', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-04', account: 'A1', amount: 500 },
      { type: 'buy', date: '2024-03-04', account: 'A1', symbol: 'X', quantity: 10, price: 50 },
      { type: 'transfer_out', date: '2024-03-05', account: 'A1', symbol: 'X', quantity: 10 },
      { type: 'transfer_in', date: '2024-03-06', account: 'A2', symbol: 'X', quantity: 10 },
    ]);
    const prices = new Map([
      ['X', closes({ '2024-03-04': 50, '2024-03-05': 51, '2024-03-06': 53 })],
    ]);
    const a = attribution(rows, { prices, to: '2024-03-06' });
    // 10 × (51 − 50) = 10, 10 × (53 − 51) = 20, on a 500 → 510 → 530 portfolio.
    expect(a.days.map((d) => d.pnl['X'])).toEqual([0, 10, 20]);
    expect(a.days[2]!.contributions['X']).toBeCloseTo(20 / 510, 14);
  });

  it('days without capital contribute 0, and a window with no P&L links to 0', () => {
    const rows = ledgerRows([{ type: 'deposit', date: '2024-03-06', amount: 100 }]);
    const a = attribution(rows, { prices: new Map(), from: '2024-03-04', to: '2024-03-07' });
    expect(a.positions).toEqual([CASH_OTHER]);
    expect(a.days.map((d) => d.contributions[CASH_OTHER])).toEqual([0, 0]);
    expect(a.total.twr).toBe(0);
  });

  it('symbolCashCents: trades with fees, dividends with and without a symbol, other rows', () => {
    const [buy, sell, div, bare, roc, split, fee] = ledgerRows([
      { type: 'buy', date: '2024-03-04', symbol: 'A', quantity: 3, price: 10.005, fees: 1 },
      { type: 'sell', date: '2024-03-04', symbol: 'A', quantity: 2, price: 11, fees: 0.5 },
      { type: 'dividend', date: '2024-03-04', symbol: 'A', amount: 4, fees: 0.25 },
      { type: 'dividend', date: '2024-03-04', amount: 4 },
      { type: 'return_of_capital', date: '2024-03-04', symbol: 'A', amount: 3 },
      { type: 'split', date: '2024-03-04', symbol: 'A', ratio: 2, fees: 0.1 },
      { type: 'fee', date: '2024-03-04', symbol: 'A', amount: 2 },
    ]);
    // 3 × 10.005 = 30.015 → 3002 cents (half away from zero) + 100 fees.
    expect(symbolCashCents(buy!)).toEqual({ symbol: 'A', cents: -3102 });
    expect(symbolCashCents(sell!)).toEqual({ symbol: 'A', cents: 2150 });
    expect(symbolCashCents(div!)).toEqual({ symbol: 'A', cents: 375 });
    expect(symbolCashCents(bare!)).toBeUndefined();
    expect(symbolCashCents(roc!)).toEqual({ symbol: 'A', cents: 300 });
    expect(symbolCashCents(split!)).toEqual({ symbol: 'A', cents: -10 });
    expect(symbolCashCents(fee!)).toBeUndefined();
  });

  it('dailyPositionPnl ignores rows up to the base close (already inside its value)', () => {
    const history = portfolioHistory({
      transactions: LEDGER,
      prices: PRICES,
      calendar,
      from: '2024-03-07',
      to: '2024-03-08',
    });
    const pnl = dailyPositionPnl({ transactions: LEDGER, history });
    // Base = 6 March; 7th: A +25, B +5, other −2 (as in the full window).
    expect(Object.fromEntries(pnl[0]!)).toEqual({ A: 25, B: 5, [CASH_OTHER]: -2 });
  });

  it('a day that loses everything (r ≤ −1) cannot be Carino-linked: INVALID_INPUT', () => {
    const rows = ledgerRows([
      { type: 'deposit', date: '2024-03-04', amount: 100 },
      { type: 'buy', date: '2024-03-04', symbol: 'X', quantity: 10, price: 100 },
    ]);
    // 4th: V = 100 − 1000 + 1000 = 100; 5th: 10 × 5 − 900 = −850, r = −9.5.
    const prices = new Map([['X', closes({ '2024-03-04': 100, '2024-03-05': 5 })]]);
    expect(() => attribution(rows, { prices, to: '2024-03-05' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }) as Error,
    );
  });
});
