/**
 * Use case `store ready`: whether the store answers — opened (and migrated) on first use, then
 * one read. What the API's readiness check runs.
 */

import type { AppDeps } from './deps.ts';

/** The `store ready` document. */
export interface StoreReadyDocument {
  readonly status: 'ready';
  /** Stored portfolios (the read that proves the store answers). */
  readonly portfolios: number;
}

/** Opens the store and reads from it; throws the store's error when it cannot. */
export async function storeReady(deps: Pick<AppDeps, 'store'>): Promise<StoreReadyDocument> {
  const store = await deps.store();
  return { status: 'ready', portfolios: (await store.portfolios.list()).length };
}
