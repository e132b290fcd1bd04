/**
 * Migration `20261207T1930_corporate_actions`: the `transactions` table holds symbol changes and
 * mergers (docs/corporate-actions.md).
 *
 * - `to_symbol` (text, nullable): the new symbol of a `symbol_change` or `merger` row;
 * - `to_price` (`real` / `float8`, nullable): a merger's value of one new share on its date.
 *
 * Both stay null on every other row, so existing ledgers read back unchanged. A merger's ratio
 * is in `quantity` and its cash per old share in `price`, as in the transactions CSV.
 */

import type { Kysely } from 'kysely';
import type { StoreDialect } from '../market-store.ts';

/** Adds the two nullable columns. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const float = dialect === 'sqlite' ? 'real' : 'float8';
  await db.schema.alterTable('transactions').addColumn('to_symbol', 'text').execute();
  await db.schema.alterTable('transactions').addColumn('to_price', float).execute();
}
