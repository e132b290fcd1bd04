/** Reads and writes of the `instruments` table (reference data, one row per symbol). */

import type { Kysely } from 'kysely';
import { fromCodeUnitOrder } from './sort.ts';
import { toStoredInstrument } from './from-rows.ts';
import type { StoredInstrument } from './market-store.ts';
import type { InstrumentsTable, StoreDatabase } from './schema.ts';

const FIELDS = ['name', 'kind', 'currency', 'exchange'] as const;

/** Inserts or replaces `row`; `updated_at` moves only when a field changed. */
export async function upsertInstrumentRow(
  db: Kysely<StoreDatabase>,
  row: InstrumentsTable,
): Promise<void> {
  await db
    .insertInto('instruments')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('symbol')
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          currency: eb.ref('excluded.currency'),
          exchange: eb.ref('excluded.exchange'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where((eb) =>
          eb.or(
            FIELDS.map((f) => eb(`instruments.${f}`, 'is distinct from', eb.ref(`excluded.${f}`))),
          ),
        ),
    )
    .execute();
}

/** The instrument `symbol` (already normalised), or undefined. */
export async function selectInstrument(
  db: Kysely<StoreDatabase>,
  symbol: string,
): Promise<StoredInstrument | undefined> {
  const row = await db
    .selectFrom('instruments')
    .selectAll()
    .where('symbol', '=', symbol)
    .executeTakeFirst();
  return row === undefined ? undefined : toStoredInstrument(row);
}

/** Every instrument, in code-unit order of symbol. */
export async function selectInstruments(db: Kysely<StoreDatabase>): Promise<StoredInstrument[]> {
  const rows = await db.selectFrom('instruments').selectAll().execute();
  return fromCodeUnitOrder(rows.map(toStoredInstrument), (i) => i.symbol);
}
