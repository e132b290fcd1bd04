import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerRows } from '../../../test/helpers/transactions.ts';
import { buildLedger } from './ledger.ts';
import type { LotMethod } from './types.ts';

const SYMBOLS = ['AAA', 'BBB'] as const;

/** A random day in 2020–2024 as an ISO date; rows are sorted by date before use. */
const day = fc.integer({ min: 0, max: 5 * 12 * 28 - 1 }).map((n) => {
  const year = 2020 + Math.floor(n / (12 * 28));
  const month = Math.floor(n / 28) % 12;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
});
const cents = (max: number) => fc.integer({ min: 1, max }).map((c) => c / 100);

const row = fc.oneof(
  fc.record({
    type: fc.constantFrom('buy' as const, 'sell' as const),
    date: day,
    symbol: fc.constantFrom(...SYMBOLS),
    quantity: fc.integer({ min: 1, max: 4000 }).map((q) => q / 8),
    price: cents(50_000),
    fees: fc.constantFrom(0, 0, 1, 4.95),
    account: fc.constantFrom('A', 'B'),
  }),
  fc.record({ type: fc.constant('deposit' as const), date: day, amount: cents(1_000_000) }),
  fc.record({ type: fc.constant('withdrawal' as const), date: day, amount: cents(100_000) }),
  fc.record({ type: fc.constant('dividend' as const), date: day, amount: cents(10_000) }),
  fc.record({ type: fc.constant('fee' as const), date: day, amount: cents(1_000) }),
  fc.record({
    type: fc.constant('split' as const),
    date: day,
    symbol: fc.constantFrom(...SYMBOLS),
    ratio: fc.constantFrom(2, 3, 0.5),
  }),
);

const scenario = fc.record({
  rows: fc
    .array(row, { maxLength: 40 })
    .map((rs) => [...rs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))),
  method: fc.constantFrom<LotMethod>('fifo', 'lifo', 'hifo', 'average'),
  finalPrice: fc.record({ AAA: cents(100_000), BBB: cents(100_000) }),
});

describe('ledger invariants on random transaction sequences', () => {
  it('realised + unrealised P&L + income − expenses equals value minus net contributions', () => {
    fc.assert(
      fc.property(scenario, ({ rows, method, finalPrice }) => {
        const ledger = buildLedger(ledgerRows(rows), { lotMethod: method });
        const price = (s: string) => finalPrice[s as keyof typeof finalPrice];
        const cash = [...ledger.cashCents.values()].reduce((s, c) => s + c, 0) / 100;
        const holdings = ledger.lots.reduce((s, l) => s + l.quantity * price(l.symbol), 0);
        const unrealised = ledger.lots.reduce(
          (s, l) => s + l.quantity * price(l.symbol) - l.basisCents / 100,
          0,
        );
        const realised = ledger.realized.reduce((s, r) => s + r.gainCents, 0) / 100;
        const { dividendsCents, interestCents, feesCents } = ledger.income;
        const income = (dividendsCents + interestCents - feesCents) / 100;
        const value = cash + holdings;
        expect(realised + unrealised + income).toBeCloseTo(
          value - ledger.netContributionsCents / 100,
          4,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('lots never cross zero, a holding is never long and short at once, and quantities reconcile', () => {
    fc.assert(
      fc.property(scenario, ({ rows, method }) => {
        const ledger = buildLedger(ledgerRows(rows), { lotMethod: method });
        // Independent tally: signed trade quantities, scaled by later splits.
        const expected = new Map<string, number>();
        for (const r of rows) {
          if (r.type === 'buy' || r.type === 'sell') {
            const key = `${r.account}/${r.symbol}`;
            expected.set(
              key,
              (expected.get(key) ?? 0) + (r.type === 'buy' ? r.quantity : -r.quantity),
            );
          } else if (r.type === 'split') {
            for (const [key, q] of expected)
              if (key.endsWith(`/${r.symbol}`)) expected.set(key, q * r.ratio);
          }
        }
        for (const [key, q] of expected) {
          const [account, symbol] = key.split('/');
          const lots = ledger.lots.filter((l) => l.account === account && l.symbol === symbol);
          expect(lots.every((l) => l.quantity !== 0)).toBe(true);
          const signs = new Set(lots.map((l) => Math.sign(l.quantity)));
          expect(signs.size).toBeLessThanOrEqual(1);
          expect(lots.reduce((s, l) => s + l.quantity, 0)).toBeCloseTo(q, 6);
        }
      }),
      { numRuns: 300 },
    );
  });
});
