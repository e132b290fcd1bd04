import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions';
import { createNyseCalendar } from '../calendar/trading-calendar';
import { tradingDaysBetween } from '../calendar/trading-days';
import { buildLedger } from '../ledger/ledger';
import { summarizePositions } from '../ledger/positions';
import { portfolioHistory } from './history';
import { profitAndLoss } from './pnl';

const calendar = createNyseCalendar();
/** Ten NYSE days, 4–15 March 2024 (no holiday); the history's base is Friday 1 March. */
const DAYS = tradingDaysBetween(calendar, { from: '2024-03-04', to: '2024-03-15' });
const SYMBOLS = ['AAA', 'BBB'] as const;
const price = fc.integer({ min: 500, max: 20_000 }).map((c) => c / 100);

const tx = fc.oneof(
  fc.record({ type: fc.constant('deposit' as const), day: fc.nat(9), amount: price }),
  fc.record({ type: fc.constant('withdrawal' as const), day: fc.nat(9), amount: price }),
  fc.record({
    type: fc.constantFrom('buy' as const, 'sell' as const),
    day: fc.nat(9),
    symbol: fc.constantFrom(...SYMBOLS),
    quantity: fc.integer({ min: 1, max: 80 }).map((q) => q / 4),
    price,
    fees: fc.constantFrom(0, 1, 4.95),
  }),
  fc.record({
    type: fc.constantFrom('dividend' as const, 'fee' as const),
    day: fc.nat(9),
    amount: price,
  }),
  fc.record({
    type: fc.constant('interest' as const),
    day: fc.nat(9),
    amount: fc.integer({ min: -500, max: 500 }).map((c) => c / 100),
  }),
  fc.record({
    type: fc.constant('split' as const),
    day: fc.nat(9),
    symbol: fc.constantFrom(...SYMBOLS),
    ratio: fc.constantFrom(2, 3),
  }),
);
const closes = fc.array(fc.array(price, { minLength: 10, maxLength: 10 }), {
  minLength: 2,
  maxLength: 2,
});

type Gen = {
  type: string;
  day: number;
  amount?: number;
  symbol?: string;
  quantity?: number;
  price?: number;
  fees?: number;
  ratio?: number;
};

/** The test's own model: share counts and cash per day, by direct bookkeeping (no ledger). */
function model(rows: readonly Gen[], px: readonly (readonly number[])[]) {
  const q = new Map<string, number>(SYMBOLS.map((s) => [s, 0]));
  let cash = 0;
  const values: number[] = [];
  const pnl: number[] = [];
  let flows = 0;
  let prevSecurities = 0;
  for (let d = 0; d < DAYS.length; d++) {
    let cashNonFlow = 0;
    for (const r of rows.filter((x) => x.day === d)) {
      const amount = r.amount ?? 0;
      const flow = r.type === 'deposit' ? amount : r.type === 'withdrawal' ? -amount : 0;
      const income = r.type === 'dividend' || r.type === 'interest' ? amount : 0;
      const fee = r.type === 'fee' ? amount : 0;
      cash += flow + income - fee;
      flows += flow;
      cashNonFlow += income - fee;
      if (r.amount !== undefined) continue; // a cash row
      if (r.type === 'split') q.set(r.symbol!, q.get(r.symbol!)! * r.ratio!);
      else {
        const dir = r.type === 'buy' ? 1 : -1;
        // the broker's cash: quantity × price rounded to the cent (half up), fees on top —
        // computed exactly in integers: quantity = k/4 and price = c/100, so cents = k·c/4.
        const quarterShares = Math.round(r.quantity! * 4);
        const priceCents = Math.round(r.price! * 100);
        const c = -dir * (Math.round((quarterShares * priceCents) / 4) / 100) - r.fees!;
        cash += c;
        cashNonFlow += c;
        q.set(r.symbol!, q.get(r.symbol!)! + dir * r.quantity!);
      }
    }
    const securities = SYMBOLS.reduce((s, sym, i) => s + q.get(sym)! * px[i]![d]!, 0);
    values.push(securities + cash);
    // P&L of the day: change in the market value of the shares + non-flow cash (trades, income, fees)
    pnl.push(securities - prevSecurities + cashNonFlow);
    prevSecurities = securities;
  }
  return { values, pnl, flows };
}

describe('portfolioHistory properties (random ledgers, 10 days, 2 symbols)', () => {
  it('values match direct bookkeeping; end − start − net flows = Σ daily P&L; P&L reconciles with the ledger to the cent', () => {
    fc.assert(
      fc.property(fc.array(tx, { minLength: 1, maxLength: 25 }), closes, (raw, px) => {
        const rows = [...raw].sort((a, b) => a.day - b.day) as Gen[];
        const transactions = ledgerRows(
          rows.map(
            ({ day, ...r }) =>
              ({ ...r, date: DAYS[day]! }) as Parameters<typeof ledgerRows>[0][number],
          ),
        );
        const prices = new Map(
          SYMBOLS.map((s, i) => [s, DAYS.map((date, d) => ({ date, close: px[i]![d]! }))]),
        );
        const h = portfolioHistory({
          transactions,
          prices,
          calendar,
          from: '2024-03-04',
          to: '2024-03-15',
        });
        const m = model(rows, px);
        const days = h.days.slice(1);
        // the history starts on the first transaction's day
        const offset = DAYS.length - days.length;
        days.forEach((d, i) => expect(d.value).toBeCloseTo(m.values[i + offset]!, 6));
        const first = h.days[0]!;
        const last = h.days.at(-1)!;
        const netFlows = days.reduce((s, d) => s + d.flow, 0);
        expect(netFlows).toBeCloseTo(m.flows, 9);
        const sumPnl = m.pnl.slice(offset).reduce((s, x) => s + x, 0);
        expect(last.value - first.value - netFlows).toBeCloseTo(sumPnl, 6);
        // From inception: end value − net flows = realised + unrealised + income − fees.
        const pnl = profitAndLoss({ transactions, days: h.days });
        const total =
          pnl.realizedShortTerm + pnl.realizedLongTerm + pnl.unrealized + pnl.income - pnl.fees;
        expect(last.value - netFlows).toBeCloseTo(total, 6); // well within a cent
        // …and the realised total is the ledger's own (positions report).
        const realized = summarizePositions(buildLedger(transactions)).realizedTotal.total;
        expect(pnl.realizedShortTerm + pnl.realizedLongTerm).toBeCloseTo(realized, 9);
        expect(h.flags).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
