import fc from 'fast-check';
import { createNyseCalendar } from '../../src/domain/calendar/trading-calendar.ts';
import { tradingDaysBetween } from '../../src/domain/calendar/trading-days.ts';
import type { Transaction } from '../../src/domain/ledger/types.ts';
import type { PriceHistory } from '../../src/domain/performance/types.ts';
import { ledgerRows } from './transactions.ts';

/**
 * Random ledgers for the portfolio-history property tests: up to 25 rows (deposits,
 * withdrawals, buys/sells in quarter shares with fees, dividends, fees, ± interest, splits) over
 * ten NYSE days, 4–15 March 2024, on two symbols, with random daily closes.
 */
export const calendar = createNyseCalendar();
/** Ten NYSE days, 4–15 March 2024 (no holiday); the history's base is Friday 1 March. */
export const DAYS = tradingDaysBetween(calendar, { from: '2024-03-04', to: '2024-03-15' });
export const SYMBOLS = ['AAA', 'BBB'] as const;
const price = fc.integer({ min: 500, max: 20_000 }).map((c) => c / 100);

/** One generated ledger row, dated by its day index into {@link DAYS}. */
export type Gen = {
  type: string;
  day: number;
  amount?: number;
  symbol?: string;
  quantity?: number;
  price?: number;
  fees?: number;
  ratio?: number;
};

export const tx = fc.oneof(
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

/** Ten closes per symbol. */
export const closes = fc.array(fc.array(price, { minLength: 10, maxLength: 10 }), {
  minLength: 2,
  maxLength: 2,
});

/** The generated rows sorted by day, as ledger transactions and a price history. */
export function randomLedger(
  raw: readonly Gen[],
  px: readonly (readonly number[])[],
): { rows: Gen[]; transactions: Transaction[]; prices: PriceHistory } {
  const rows = [...raw].sort((a, b) => a.day - b.day);
  const transactions = ledgerRows(
    rows.map(
      ({ day, ...r }) => ({ ...r, date: DAYS[day]! }) as Parameters<typeof ledgerRows>[0][number],
    ),
  );
  const prices = new Map(
    SYMBOLS.map((s, i) => [s, DAYS.map((date, d) => ({ date, close: px[i]![d]! }))]),
  );
  return { rows, transactions, prices };
}
