import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendar, closes, DAYS, randomLedger, tx } from '../../../test/helpers/random-ledger.ts';
import { CASH_OTHER, positionAttribution } from './attribution.ts';
import { portfolioHistory } from './history.ts';
import { dailyReturns, totalPoints } from './returns.ts';

/** |a − b| ≤ 1e-12 × scale, the scale being the size of the terms summed (≥ 1). */
const near = (a: number, b: number, scale: number): boolean =>
  Math.abs(a - b) <= 1e-12 * Math.max(1, scale);

describe('positionAttribution properties (random ledgers)', () => {
  it('daily contributions add up to the daily TWR, linked ones to the period and total TWR; cash/other is the non-symbol cash', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(tx, { minLength: 1, maxLength: 25 }), closes, (raw, px) => {
        const { rows, transactions, prices } = randomLedger(raw, px);
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
