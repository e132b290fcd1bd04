import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions';
import { createNyseCalendar } from '../calendar/trading-calendar';
import { tradingDaysBetween } from '../calendar/trading-days';
import { CASH_OTHER, positionAttribution } from './attribution';
import { portfolioHistory } from './history';
import { dailyReturns, totalPoints } from './returns';

// Generator copied from history.property.test.ts (random ledgers, 10 days, 2 symbols).
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

type Gen = { type: string; day: number; amount?: number };

/** |a − b| ≤ 1e-12 × scale, the scale being the size of the terms summed (≥ 1). */
const near = (a: number, b: number, scale: number): boolean =>
  Math.abs(a - b) <= 1e-12 * Math.max(1, scale);

describe('positionAttribution properties (random ledgers)', () => {
  it('daily contributions add up to the daily TWR, linked ones to the period and total TWR; cash/other is the non-symbol cash', () => {
    let checked = 0;
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
        const history = portfolioHistory({
          transactions,
          prices,
          calendar,
          from: '2024-03-04',
          to: '2024-03-15',
        });
        // Only ledgers whose TWR is defined and Carino-linkable (every base ≥ $1, r_d > −1).
        let daily;
        try {
          daily = dailyReturns(totalPoints(history.days));
        } catch {
          fc.pre(false);
          return;
        }
        const days = history.days;
        fc.pre(
          daily.every(
            (r, i) =>
              r.value > -1 &&
              (days[i]!.value + days[i + 1]!.flow >= 1 ||
                (r.value === 0 && Math.abs(days[i + 1]!.value) < 0.005)),
          ),
        );
        checked += 1;
        const a = positionAttribution({
          transactions,
          history,
          periodOf: (d) => (d < '2024-03-11' ? 'week 1' : 'week 2'),
        });
        const offset = DAYS.length - a.days.length;
        a.days.forEach((d, i) => {
          const cs = Object.values(d.contributions);
          const sum = cs.reduce((s, x) => s + x, 0);
          const scale = cs.reduce((s, x) => s + Math.abs(x), 0);
          expect(near(sum, daily[i]!.value, scale)).toBe(true);
          // cash/other = interest + dividends without a symbol − fee rows of the day (a
          // second bookkeeping: straight from the generated rows), to well within a cent.
          const other = rows
            .filter((r) => r.day === i + offset)
            .reduce(
              (s, r) =>
                s +
                (r.type === 'interest' || r.type === 'dividend' ? r.amount! : 0) -
                (r.type === 'fee' ? r.amount! : 0),
              0,
            );
          expect(d.pnl[CASH_OTHER]).toBeCloseTo(other, 6);
        });
        const total = daily.reduce((g, r) => g * (1 + r.value), 1) - 1;
        for (const p of [a.total, ...a.periods]) {
          const cs = Object.values(p.contributions);
          const scale = cs.reduce((s, x) => s + Math.abs(x), Math.abs(p.twr));
          const sum = cs.reduce((s, x) => s + x, 0);
          expect(near(sum, p.twr, scale)).toBe(true);
        }
        expect(near(a.total.twr, total, Math.abs(total))).toBe(true);
        // The periods' TWRs compound to the total.
        const compounded = a.periods.reduce((g, p) => g * (1 + p.twr), 1) - 1;
        expect(near(compounded, total, 1 + Math.abs(total))).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
