/**
 * Migration `20261207T2000_transaction_currency`: a stored ledger row keeps its currency
 * (docs/currencies.md, "Stored portfolios").
 *
 * - `currency` (text, nullable): the row's ISO 4217 code, upper-case, as the imported row gave
 *   it; null when the row gave none, which means the portfolio's base currency.
 *
 * Existing rows stay null, so existing ledgers read back unchanged.
 */

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Adds the nullable column (the same `text` type on every engine). */
export async function up(db: Kysely<unknown>, _dialect: StoreDialect): Promise<void> {
  await db.schema.alterTable('transactions').addColumn('currency', 'text').execute();
}
