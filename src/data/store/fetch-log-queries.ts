/** Writes and reads of the `fetch_log` table (one row per fetch attempt). */

import type { Kysely } from 'kysely';
import { toStoredFetch } from './from-rows.ts';
import type { StoredFetchLogEntry } from './market-store.ts';
import type { FetchLogTable, StoreDatabase } from './schema.ts';

/** Appends `row`. @returns the stored entry with its new id. */
export async function insertFetch(
  db: Kysely<StoreDatabase>,
  row: Omit<FetchLogTable, 'id'>,
): Promise<StoredFetchLogEntry> {
  const { id } = await db
    .insertInto('fetch_log')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return toStoredFetch({ ...row, id });
}

/** Newest-first entries (by `started_at`, then id), optionally of one key, provider, or since. */
export async function selectFetches(
  db: Kysely<StoreDatabase>,
  filter: {
    readonly key?: string;
    readonly provider?: string;
    readonly since?: string;
    readonly limit: number;
  },
): Promise<StoredFetchLogEntry[]> {
  let query = db.selectFrom('fetch_log').selectAll();
  if (filter.key !== undefined) query = query.where('key', '=', filter.key);
  if (filter.provider !== undefined) query = query.where('provider', '=', filter.provider);
  if (filter.since !== undefined) query = query.where('started_at', '>=', filter.since);
  const rows = await query
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toStoredFetch);
}
