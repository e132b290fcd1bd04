import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { describeMarketStoreContract } from './market-store.contract.ts';
import { openStore } from './open-store.ts';
import { STORE_TABLES } from './schema.ts';

const url = process.env.DATABASE_URL;
// A schema of its own per run, so parallel and repeated runs never share tables.
const schema = `ballast_test_${process.pid}_${Date.now().toString(36)}`;

describe.skipIf(url === undefined)(
  'PostgreSQL server (skipped unless DATABASE_URL names a test database)',
  () => {
    afterAll(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });

    describeMarketStoreContract(`PostgreSQL (schema ${schema})`, async (options) => {
      const store = await openStore({ url: url as string, schema, ...options });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        `truncate ${STORE_TABLES.map((t) => `${schema}.${t}`).join(', ')} restart identity`,
      );
      await client.end();
      return store;
    });
  },
);
