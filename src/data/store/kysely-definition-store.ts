/**
 * The {@link FundDefinitionStore} and {@link UniverseStore} of a {@link KyselyMarketStore}: one
 * generic named store over each table's few queries. Writes go through the market store's
 * data-writing path (one transaction each, joining the caller's inside `store.transaction(fn)`,
 * and the data version grows with them).
 */

import type { Kysely, Selectable } from 'kysely';
import {
  checkDefinitionName,
  definitionNotFound,
  fundDefinitionsRow,
  toStoredFundDefinitions,
  toStoredUniverse,
  universeRow,
} from './definition-rows.ts';
import type {
  FundDefinitionStore,
  NamedStore,
  NewFundDefinitions,
  NewUniverse,
  PutResult,
  StoredFundDefinitions,
  StoredUniverse,
  UniverseStore,
} from './definition-store.ts';
import type { PortfolioStoreAccess } from './kysely-portfolio-store.ts';
import type { FundDefinitionsTable, StoreDatabase, UniversesTable } from './schema.ts';
import { fromCodeUnitOrder } from './sort.ts';
import { normalizeTimestamp } from './validate.ts';

type Db = Kysely<StoreDatabase>;
type Times = { created_at: string; updated_at: string };

/** The queries of one table of named values. */
interface NamedTable<New, Stored, Row extends { name: string }> {
  /** What the values are called in messages (`fund definitions`). */
  readonly what: string;
  /** The checked row of `value`, without its times. */
  row(value: New): Omit<Row, keyof Times>;
  /** Inserts or updates `row` (keeping `created_at` on update); returns the stored row. */
  upsert(db: Db, row: Row): Promise<Stored>;
  /** The rows named `name`, or every row. */
  select(db: Db, name?: string): Promise<Stored[]>;
  /** Deletes the row `name`; returns it, or undefined when there was none. */
  remove(db: Db, name: string): Promise<Stored | undefined>;
}

/** A {@link NamedStore} over one {@link NamedTable}. */
class KyselyNamedStore<
  New,
  Stored extends { name: string },
  Row extends { name: string },
> implements NamedStore<New, Stored> {
  readonly #access: PortfolioStoreAccess;
  readonly #table: NamedTable<New, Stored, Row>;

  constructor(access: PortfolioStoreAccess, table: NamedTable<New, Stored, Row>) {
    this.#access = access;
    this.#table = table;
  }

  async put(value: New): Promise<PutResult<Stored>> {
    const now = normalizeTimestamp('clock.now()', this.#access.clock.now());
    const row = { ...this.#table.row(value), created_at: now, updated_at: now } as unknown as Row;
    return this.#access.write(async (db) => {
      const [before] = await this.#table.select(db, row.name);
      return { stored: await this.#table.upsert(db, row), created: before === undefined };
    });
  }

  async get(name: string): Promise<Stored> {
    const found = await this.find(name);
    if (found === undefined) throw definitionNotFound(this.#table.what, checkDefinitionName(name));
    return found;
  }

  async find(name: string): Promise<Stored | undefined> {
    const key = checkDefinitionName(name);
    const [found] = await this.#access.read((db) => this.#table.select(db, key));
    return found;
  }

  async list(): Promise<Stored[]> {
    const all = await this.#access.read((db) => this.#table.select(db));
    return fromCodeUnitOrder(all, (v) => v.name);
  }

  async delete(name: string): Promise<Stored> {
    const key = checkDefinitionName(name);
    return this.#access.write(async (db) => {
      const gone = await this.#table.remove(db, key);
      if (gone === undefined) throw definitionNotFound(this.#table.what, key);
      return gone;
    });
  }
}

const fundTable: NamedTable<NewFundDefinitions, StoredFundDefinitions, FundDefinitionsTable> = {
  what: 'fund definitions',
  row: fundDefinitionsRow,
  upsert: async (db, row) =>
    toStoredFundDefinitions(
      await db
        .insertInto('fund_definitions')
        .values(row)
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            text: row.text,
            source: row.source,
            updated_at: row.updated_at,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  select: async (db, name) => {
    const query = db.selectFrom('fund_definitions').selectAll();
    const rows = await (name === undefined ? query : query.where('name', '=', name)).execute();
    return rows.map(toStoredFundDefinitions);
  },
  remove: async (db, name) => {
    const row = await db
      .deleteFrom('fund_definitions')
      .where('name', '=', name)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toStoredFundDefinitions(row);
  },
};

const universeTable: NamedTable<NewUniverse, StoredUniverse, UniversesTable> = {
  what: 'universe',
  row: universeRow,
  upsert: async (db, row) =>
    toStoredUniverse(
      await db
        .insertInto('universes')
        .values(row)
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            symbols: row.symbols,
            description: row.description,
            updated_at: row.updated_at,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),
    ),
  select: async (db, name) => {
    const query = db.selectFrom('universes').selectAll();
    const rows = await (name === undefined ? query : query.where('name', '=', name)).execute();
    return rows.map((row: Selectable<UniversesTable>) => toStoredUniverse(row));
  },
  remove: async (db, name) => {
    const row = await db
      .deleteFrom('universes')
      .where('name', '=', name)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toStoredUniverse(row);
  },
};

/** The fund definitions part over `access` (its `write` must grow the data version). */
export function kyselyFundDefinitionStore(access: PortfolioStoreAccess): FundDefinitionStore {
  return new KyselyNamedStore(access, fundTable);
}

/** The universes part over `access` (its `write` must grow the data version). */
export function kyselyUniverseStore(access: PortfolioStoreAccess): UniverseStore {
  return new KyselyNamedStore(access, universeTable);
}
