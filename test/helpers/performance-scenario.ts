import { ledgerRows } from './transactions.ts';
import type { ClosePoint } from '../../src/domain/performance/types.ts';

/** Closes from a `{ date: close }` record. */
export const closes = (pairs: Record<string, number>): ClosePoint[] =>
  Object.entries(pairs).map(([date, close]) => ({ date, close }));

/**
 * Scenario used across these tests (NYSE days, March 2024: 1 Fri, 4–8 Mon–Fri, 11 Mon):
 * deposit 1000, buy 10 X @ 50 on the 4th; deposit 500 on the 6th; 2-for-1 split on the 7th;
 * dividend 10 (0.50 × 20 shares) on the 8th; sell 5 @ 32 on the 11th.
 */
export const SCENARIO = ledgerRows([
  { type: 'deposit', date: '2024-03-04', amount: 1000 },
  { type: 'buy', date: '2024-03-04', symbol: 'X', quantity: 10, price: 50 },
  { type: 'deposit', date: '2024-03-06', amount: 500 },
  { type: 'split', date: '2024-03-07', symbol: 'X', ratio: 2 },
  { type: 'dividend', date: '2024-03-08', symbol: 'X', amount: 10 },
  { type: 'sell', date: '2024-03-11', symbol: 'X', quantity: 5, price: 32 },
]);
/** Unadjusted closes: 50, 55, 60, then 30 after the split, 31, 32. */
export const SCENARIO_CLOSES = closes({
  '2024-03-04': 50,
  '2024-03-05': 55,
  '2024-03-06': 60,
  '2024-03-07': 30,
  '2024-03-08': 31,
  '2024-03-11': 32,
});
