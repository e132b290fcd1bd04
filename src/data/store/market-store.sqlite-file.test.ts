import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bar, from, WEEK } from './contract/fixtures.ts';
import { describeMarketStoreContract } from './market-store.contract.ts';
import { MIGRATION_NAMES } from './migrations/index.ts';
import { openStore } from './open-store.ts';

const root = mkdtempSync(join(tmpdir(), 'ballast-store-'));
let files = 0;
const freshFile = (): string => join(root, `case-${++files}`, 'nested', 'ballast.sqlite');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeMarketStoreContract('a SQLite file', (options) =>
  openStore({ url: freshFile(), ...options }),
);

describe('SQLite file store', () => {
  it('keeps its data across reopening and applies each migration exactly once', async () => {
    const file = freshFile();
    const first = await openStore({ url: `sqlite:${file}` });
    await first.upsertPriceBars(
      'SPY',
      WEEK.map((d) => bar(d, 470)),
      from('yahoo'),
    );
    await first.close();
    const applied = () =>
      new Database(file, { readonly: true })
        .prepare('select name, timestamp from kysely_migration order by name')
        .all();
    const before = applied();
    expect(before.map((r) => (r as { name: string }).name)).toEqual(MIGRATION_NAMES);

    const second = await openStore({ url: file });
    expect(await second.getPriceBars('spy')).toHaveLength(5);
    expect((await second.getPriceColumns(['SPY'])).get('SPY')?.dates).toEqual(WEEK);
    await second.close();
    expect(applied()).toEqual(before);
  });

  it('runs in WAL mode with foreign keys on and creates the parent directory', async () => {
    const file = freshFile();
    const store = await openStore({ url: file });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('drops the column cache when bars change behind the store, and rebuilds it on read', async () => {
    const file = freshFile();
    const store = await openStore({ url: file });
    await store.upsertPriceBars(
      'IEF',
      WEEK.map((d) => bar(d, 95)),
      from('yahoo'),
    );
    expect((await store.getPriceColumns(['IEF'])).get('IEF')?.close[1]).toBe(95);
    const outside = new Database(file);
    outside
      .prepare("update price_bars set close = 96 where symbol = 'IEF' and date = ?")
      .run(WEEK[1]);
    expect(outside.prepare('select count(*) as n from price_columns').get()).toEqual({ n: 0 });
    outside.close();
    expect((await store.getPriceColumns(['IEF'])).get('IEF')?.close[1]).toBe(96);
    await store.close();
  });

  it('refuses a database migrated by a newer Ballast', async () => {
    const file = freshFile();
    await (await openStore({ url: file })).close();
    const db = new Database(file);
    db.prepare(
      "insert into kysely_migration (name, timestamp) values ('29991231T0000_future', ?)",
    ).run(new Date(0).toISOString());
    db.close();
    await expect(openStore({ url: file })).rejects.toThrow(/store migration failed/);
  });
});
