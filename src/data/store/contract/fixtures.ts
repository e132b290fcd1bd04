/** Values and helpers shared by the store contract cases. */

import { expect } from 'vitest';
import type { Clock } from '../../../domain/clock.ts';
import { BallastError } from '../../../domain/errors.ts';
import type { PriceBar, Provenance, SeriesPoint } from '../../../domain/market/types.ts';
import type { MarketStore, StoreOptions } from '../market-store.ts';

/** Opens an empty store for one test (the contract closes it afterwards). */
export type OpenStore = (options: StoreOptions) => Promise<MarketStore>;

/** The store of the running test. */
export type CurrentStore = () => MarketStore;

/** A clock the test moves by hand. */
export interface ManualClock extends Clock {
  set(nowIso: string): void;
}

/** A {@link ManualClock} starting at `nowIso`. */
export function manualClock(nowIso: string): ManualClock {
  let now = nowIso;
  return { now: () => now, today: () => now.slice(0, 10), set: (next) => (now = next) };
}

/** Provenance of a fetch by `source` at `fetchedAt`. */
export function from(source: string, fetchedAt = '2026-01-05T21:00:00.000Z'): Provenance {
  return { source, fetchedAt };
}

/** A bar with only the required fields: close, no dividend, no split. */
export function bar(date: string, close: number, extra: Partial<PriceBar> = {}): PriceBar {
  return { date, close, dividend: 0, split: 1, ...extra };
}

/** A series point. */
export function point(date: string, value: number, extra: Partial<SeriesPoint> = {}): SeriesPoint {
  return { date, value, ...extra };
}

/** Five consecutive trading days of one week (2024-01-08 … 2024-01-12). */
export const WEEK = ['2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11', '2024-01-12'] as const;

/** The BallastError `promise` rejects with (fails when it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<BallastError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BallastError) return error;
    throw error;
  }
  throw new Error('expected a BallastError');
}

/** Asserts an INVALID_INPUT error naming `field`. */
export async function expectInvalid(promise: Promise<unknown>, field: string): Promise<void> {
  const error = await rejection(promise);
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.details.field).toBe(field);
  expect(error.message).toContain(field);
}
