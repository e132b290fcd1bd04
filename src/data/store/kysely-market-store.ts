/**
 * The one {@link MarketStore} implementation: Kysely for everything, with the engine's
 * {@link TimeSeriesAccess} for the bulk time-series paths. Every method validates its
 * arguments before touching the database; writes run in a transaction (joining the caller's
 * when inside {@link MarketStore.transaction}).
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Clock } from '../../domain/clock.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type {
  Instrument,
  PriceBar,
  Provenance,
  SeriesPoint,
  StoredPriceBar,
  StoredSeriesPoint,
} from '../../domain/market/types.ts';
import { coverageByKey } from './coverage-queries.ts';
import { barsKnownAt, barVersions, pointsKnownAt, type Versioned } from './known-at-queries.ts';
import { insertFetch, selectFetches } from './fetch-log-queries.ts';
import { selectInstrument, selectInstruments, upsertInstrumentRow } from './instrument-queries.ts';
import type {
  Coverage,
  CoverageEntry,
  DateRange,
  FetchLogEntry,
  ListFetchesOptions,
  MarketStore,
  PriceColumns,
  StoreDialect,
  StoredFetchLogEntry,
  StoredInstrument,
} from './market-store.ts';
import type { AlertStore } from './alert-store.ts';
import type { ApiKeyStore } from './api-key-store.ts';
import type { FundDefinitionStore, UniverseStore } from './definition-store.ts';
import { kyselyFundDefinitionStore, kyselyUniverseStore } from './kysely-definition-store.ts';
import { KyselyRunStore } from './kysely-run-store.ts';
import type { RunStore } from './run-store.ts';
import { KyselyAlertStore } from './kysely-alert-store.ts';
import { KyselyApiKeyStore } from './kysely-api-key-store.ts';
import { KyselyPortfolioStore } from './kysely-portfolio-store.ts';
import type { PortfolioStore } from './portfolio-store.ts';
import { emptyPriceColumns } from './price-columns.ts';
import type { StoreDatabase } from './schema.ts';
import { OPEN_RANGE, type RangeQuery, type TimeSeriesAccess } from './time-series-access.ts';
import { fetchLogRow, instrumentRow, priceBarRows, seriesPointRows } from './to-rows.ts';
import { checkRange, normalizeKey, normalizeTimestamp, positiveInteger } from './validate.ts';

/** What {@link KyselyMarketStore} is built from. */
export interface KyselyMarketStoreParts {
  readonly db: Kysely<StoreDatabase>;
  readonly dialect: StoreDialect;
  readonly access: TimeSeriesAccess;
  readonly clock: Clock;
}

type Db = Kysely<StoreDatabase>;

function rangeQuery(keys: readonly string[], range: DateRange | undefined): RangeQuery {
  const { from = OPEN_RANGE.from, to = OPEN_RANGE.to } = checkRange(range);
  return { keys, from, to };
}

function symbolKeys(symbols: readonly string[]): string[] {
  if (!Array.isArray(symbols)) throw invalidInput('symbols', symbols, 'must be an array');
  return [...new Set(symbols.map((s, i) => normalizeKey(`symbols[${i}]`, s)))];
}

/** A {@link MarketStore} over a Kysely instance (root, or a transaction when `parts.db` is one). */
export class KyselyMarketStore implements MarketStore {
  readonly dialect: StoreDialect;
  readonly portfolios: PortfolioStore;
  readonly apiKeys: ApiKeyStore;
  readonly alerts: AlertStore;
  readonly runs: RunStore;
  readonly fundDefinitions: FundDefinitionStore;
  readonly universes: UniverseStore;
  readonly #parts: KyselyMarketStoreParts;
  /** Marks the async context of this store's open transaction (to refuse re-entry). */
  readonly #inTransaction = new AsyncLocalStorage<true>();
  /** For a transaction's store: whether its transaction is still open. */
  readonly #live: { open: boolean };

  constructor(parts: KyselyMarketStoreParts, live: { open: boolean } = { open: true }) {
    this.dialect = parts.dialect;
    this.#parts = parts;
    this.#live = live;
    const access = {
      read: <T>(fn: (db: Db) => Promise<T>) => this.#read(fn),
      write: <T>(fn: (db: Db) => Promise<T>) => this.#write(fn),
      clock: parts.clock,
    };
    const dataAccess = { ...access, write: <T>(fn: (db: Db) => Promise<T>) => this.#writeData(fn) };
    this.portfolios = new KyselyPortfolioStore(dataAccess);
    this.fundDefinitions = kyselyFundDefinitionStore(dataAccess);
    this.universes = kyselyUniverseStore(dataAccess);
    this.apiKeys = new KyselyApiKeyStore(access);
    this.alerts = new KyselyAlertStore(access);
    this.runs = new KyselyRunStore(access);
  }

  /**
   * The Kysely to use, refusing two misuses: the root store called inside its own transaction
   * (it would wait forever for the connection on SQLite and PGlite), and a transaction's store
   * kept and called after the transaction ended.
   */
  #db(): Db {
    const { db } = this.#parts;
    if (!db.isTransaction && this.#inTransaction.getStore() === true) {
      throw new BallastError(
        'INTERNAL',
        'store used inside its own transaction(): call the store passed to the callback',
      );
    }
    if (!this.#live.open) {
      throw new BallastError('INTERNAL', 'transaction store used after its transaction ended');
    }
    return db;
  }

  #write<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = this.#db();
    return db.isTransaction ? fn(db) : this.#settled(() => db.transaction().execute(fn));
  }

  /**
   * {@link #write} of market data, portfolios, fund definitions or universes: the data version
   * grows in the same transaction.
   */
  #writeData<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return this.#write(async (db) => {
      const result = await fn(db);
      await db
        .updateTable('data_version')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', 1)
        .execute();
      return result;
    });
  }

  async dataVersion(): Promise<string> {
    // Compiled once: a server asks on every cached read.
    const query = (this.#dataVersionQuery ??= this.#parts.db
      .selectFrom('data_version')
      .select('version')
      .where('id', '=', 1)
      .compile());
    const { rows } = await this.#read((db) => db.executeQuery(query));
    return String(rows[0]?.version ?? 0);
  }

  #dataVersionQuery: CompiledQuery<{ version: number | string }> | undefined;

  /** Runs an outermost transaction, then lets the engine settle what it deferred to its end. */
  async #settled<T>(run: () => Promise<T>): Promise<T> {
    let committed = false;
    try {
      const result = await run();
      committed = true;
      return result;
    } finally {
      this.#parts.access.settle?.(committed);
    }
  }

  #read<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = this.#db();
    return db.isTransaction ? fn(db) : db.connection().execute(fn);
  }

  async upsertPriceBars(
    symbol: string,
    bars: readonly PriceBar[],
    provenance: Provenance,
  ): Promise<number> {
    const rows = priceBarRows(symbol, bars, provenance);
    if (rows.length === 0) return 0;
    return this.#writeData((db) => this.#parts.access.writeBars(db, rows));
  }

  async getPriceBars(symbol: string, range?: DateRange): Promise<StoredPriceBar[]> {
    const query = rangeQuery([normalizeKey('symbol', symbol)], range);
    const found = await this.#read((db) => this.#parts.access.readBars(db, query));
    return found.values().next().value ?? [];
  }

  async getPriceBarsMany(
    symbols: readonly string[],
    range?: DateRange,
  ): Promise<Map<string, StoredPriceBar[]>> {
    const keys = symbolKeys(symbols);
    const query = rangeQuery(keys, range);
    const found =
      keys.length === 0
        ? new Map<string, StoredPriceBar[]>()
        : await this.#read((db) => this.#parts.access.readBars(db, query));
    return new Map(keys.map((k) => [k, found.get(k) ?? []]));
  }

  async getPriceColumns(
    symbols: readonly string[],
    range?: DateRange,
  ): Promise<Map<string, PriceColumns>> {
    const keys = symbolKeys(symbols);
    const query = rangeQuery(keys, range);
    const found =
      keys.length === 0
        ? new Map<string, PriceColumns>()
        : await this.#read((db) => this.#parts.access.readColumns(db, query));
    return new Map(keys.map((k) => [k, found.get(k) ?? emptyPriceColumns()]));
  }

  async coverage(symbol: string): Promise<Coverage | undefined> {
    const key = normalizeKey('symbol', symbol);
    const found = await this.#read((db) => coverageByKey(db, { table: 'price_bars', key }));
    return found.get(key);
  }

  async getPriceBarsKnownAt(
    symbols: readonly string[],
    knownAt: string,
    range?: DateRange,
  ): Promise<Map<string, StoredPriceBar[]>> {
    const keys = symbolKeys(symbols);
    const at = normalizeTimestamp('knownAt', knownAt);
    const query = rangeQuery(keys, range);
    const found =
      keys.length === 0
        ? new Map<string, StoredPriceBar[]>()
        : await this.#read((db) => barsKnownAt(db, query, at));
    return new Map(keys.map((k) => [k, found.get(k) ?? []]));
  }

  async getSeriesPointsKnownAt(
    seriesId: string,
    knownAt: string,
    range?: DateRange,
  ): Promise<StoredSeriesPoint[]> {
    const key = normalizeKey('seriesId', seriesId);
    const at = normalizeTimestamp('knownAt', knownAt);
    const found = await this.#read((db) => pointsKnownAt(db, rangeQuery([key], range), at));
    return found.get(key) ?? [];
  }

  async priceBarVersions(symbol: string, date: string): Promise<Versioned<StoredPriceBar>[]> {
    const key = normalizeKey('symbol', symbol);
    const day = checkRange({ from: date, to: date }).from!;
    return this.#read((db) => barVersions(db, key, day));
  }

  async upsertSeriesPoints(
    seriesId: string,
    points: readonly SeriesPoint[],
    provenance: Provenance,
  ): Promise<number> {
    const rows = seriesPointRows(seriesId, points, provenance);
    if (rows.length === 0) return 0;
    return this.#writeData((db) => this.#parts.access.writePoints(db, rows));
  }

  async getSeriesPoints(seriesId: string, range?: DateRange): Promise<StoredSeriesPoint[]> {
    const query = rangeQuery([normalizeKey('seriesId', seriesId)], range);
    const found = await this.#read((db) => this.#parts.access.readPoints(db, query));
    return found.values().next().value ?? [];
  }

  async seriesCoverage(seriesId: string): Promise<Coverage | undefined> {
    const key = normalizeKey('seriesId', seriesId);
    const found = await this.#read((db) => coverageByKey(db, { table: 'series_points', key }));
    return found.get(key);
  }

  async upsertInstrument(instrument: Instrument): Promise<void> {
    const row = instrumentRow(instrument);
    const updatedAt = normalizeTimestamp('clock.now()', this.#parts.clock.now());
    await this.#writeData((db) => upsertInstrumentRow(db, { ...row, updated_at: updatedAt }));
  }

  async getInstrument(symbol: string): Promise<StoredInstrument | undefined> {
    const key = normalizeKey('symbol', symbol);
    return this.#read((db) => selectInstrument(db, key));
  }

  async listInstruments(): Promise<StoredInstrument[]> {
    return this.#read(selectInstruments);
  }

  async listCoverage(): Promise<CoverageEntry[]> {
    const [prices, series] = await this.#read(async (db) => [
      await coverageByKey(db, { table: 'price_bars' }),
      await coverageByKey(db, { table: 'series_points' }),
    ]);
    return [
      ...[...prices].map(([id, c]): CoverageEntry => ({ kind: 'prices', id, ...c })),
      ...[...series].map(([id, c]): CoverageEntry => ({ kind: 'series', id, ...c })),
    ];
  }

  async logFetch(entry: FetchLogEntry): Promise<StoredFetchLogEntry> {
    const row = fetchLogRow(entry);
    return this.#writeData((db) => insertFetch(db, row));
  }

  async listFetches(options: ListFetchesOptions = {}): Promise<StoredFetchLogEntry[]> {
    const limit = positiveInteger('limit', options.limit, 100);
    const key = options.key === undefined ? undefined : normalizeKey('key', options.key);
    const since =
      options.since === undefined ? undefined : normalizeTimestamp('since', options.since);
    const { provider } = options;
    if (provider !== undefined && (typeof provider !== 'string' || provider.trim() === ''))
      throw invalidInput('provider', provider, 'must be a provider name such as alpha-vantage');
    return this.#read((db) =>
      selectFetches(db, {
        limit,
        ...(key !== undefined && { key }),
        ...(provider !== undefined && { provider }),
        ...(since !== undefined && { since }),
      }),
    );
  }

  async transaction<T>(fn: (store: MarketStore) => Promise<T>): Promise<T> {
    const db = this.#db();
    if (db.isTransaction) return fn(this);
    const live = { open: true };
    return this.#inTransaction.run(true, async () => {
      try {
        return await this.#settled(() =>
          db
            .transaction()
            .execute((trx) => fn(new KyselyMarketStore({ ...this.#parts, db: trx }, live))),
        );
      } finally {
        live.open = false;
      }
    });
  }

  async close(): Promise<void> {
    const db = this.#db();
    if (db.isTransaction) {
      throw new BallastError('INTERNAL', 'close() called inside transaction()');
    }
    await db.destroy();
  }
}
