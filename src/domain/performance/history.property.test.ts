import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendar,
  closes,
  DAYS,
  randomLedger,
  SYMBOLS,
  tx,
  type Gen,
} from '../../../test/helpers/random-ledger.ts';
import { buildLedger } from '../ledger/ledger.ts';
import { summarizePositions } from '../ledger/positions.ts';
import { portfolioHistory } from './history.ts';
import { profitAndLoss } from './pnl.ts';

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
        const { rows, transactions, prices } = randomLedger(raw, px);
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
