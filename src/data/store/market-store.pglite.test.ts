import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll } from 'vitest';
import { describeMarketStoreContract } from './market-store.contract.ts';
import { openPostgresStore } from './open-postgres.ts';
import { pglitePool } from './pglite-pool.ts';
import { STORE_TABLES } from './schema.ts';

// One PGlite for the whole file (a cold start takes 3–6 s); each case truncates the tables.
let pglite: PGlite;
beforeAll(async () => {
  pglite = await PGlite.create();
});
afterAll(() => pglite.close());

describeMarketStoreContract('PGlite', async (options) => {
  const store = await openPostgresStore({
    pool: pglitePool(pglite, { closeOnEnd: false }),
    ...options,
  });
  await pglite.exec(`truncate ${STORE_TABLES.join(', ')} restart identity`);
  return store;
});
