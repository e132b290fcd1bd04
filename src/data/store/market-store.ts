/**
 * The store contract: price bars, economic series, instruments and the fetch log, and stored
 * portfolios ({@link MarketStore.portfolios}, see `portfolio-store.ts`), behind one interface
 * implemented on SQLite (better-sqlite3), PostgreSQL (pg) and PGlite.
 *
 * Conventions on every method:
 * - Symbols and series ids are trimmed and upper-cased (`" rssb "` → `"RSSB"`) on every path,
 *   reads and writes alike; an empty one is INVALID_INPUT.
 * - Dates are ISO `YYYY-MM-DD`; ranges are inclusive at both ends; results ascend by date.
 * - Timestamps are ISO-8601; the store normalises them to UTC with milliseconds
 *   (`2026-01-02T03:04:05.000Z`) so they order as text.
 * - Bad arguments throw a {@link BallastError} `INVALID_INPUT` naming the field and value; a
 *   write validates the whole batch first, so a bad row writes nothing.
 * - Absent optional fields are absent on read (never `undefined`, `null` or `NaN`).
 */

import type { Clock } from '../../domain/clock.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type {
  DataKind,
  Instrument,
  PriceBar,
  Provenance,
  SeriesPoint,
  StoredPriceBar,
  StoredSeriesPoint,
} from '../../domain/market/types.ts';
import type { AlertStore } from './alert-store.ts';
import type { ApiKeyStore } from './api-key-store.ts';
import type { FundDefinitionStore, UniverseStore } from './definition-store.ts';
import type { PortfolioStore } from './portfolio-store.ts';
import type { RunStore } from './run-store.ts';

export type { Versioned } from './known-at-queries.ts';
import type { Versioned } from './known-at-queries.ts';

/** An inclusive date range; a missing end is open. `from > to` is INVALID_INPUT. */
export interface DateRange {
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

/**
 * Closes and corporate actions of one symbol as columns — the fast path for return matrices
 * (no object per day). Index `i` of every array is the trading day `dates[i]`.
 */
export interface PriceColumns {
  /** Stored dates, ascending. Equal dates are the same string across symbols of one call. */
  readonly dates: readonly IsoDate[];
  /** Unadjusted close. */
  readonly close: Float64Array;
  /** The provider's adjusted close; `NaN` where it gave none. */
  readonly adjClose: Float64Array;
  /** Cash dividend per share on its ex-date (0 when none). */
  readonly dividend: Float64Array;
  /** Split ratio effective that day (1 when none). */
  readonly split: Float64Array;
}

/** What the store holds for one symbol or series. */
export interface Coverage {
  /** First and last stored date (inclusive). */
  readonly first: IsoDate;
  readonly last: IsoDate;
  /** Number of stored rows (dates). */
  readonly rows: number;
  /** Source of the most recently fetched rows (ties: the one reaching the latest date). */
  readonly source: string;
  /** Every source that supplied at least one stored row, sorted. */
  readonly sources: readonly string[];
  /** Latest `fetchedAt` over all rows (UTC ISO timestamp). */
  readonly fetchedAt: string;
}

/** One line of {@link MarketStore.listCoverage}: a symbol's prices or an economic series. */
export interface CoverageEntry extends Coverage {
  /** `prices` for price bars (id = symbol), `series` for series points (id = series id). */
  readonly kind: 'prices' | 'series';
  readonly id: string;
}

/** A stored instrument: its reference data and when it was last changed (UTC ISO timestamp). */
export interface StoredInstrument extends Instrument {
  readonly updatedAt: string;
}

/** How a fetch ended: data, a failure, stored data served stale, or a valid empty answer. */
export type FetchOutcome = 'ok' | 'error' | 'stale' | 'empty';

/** One fetch attempt to record: what was asked, from whom, when, and how it ended. */
export interface FetchLogEntry {
  readonly kind: DataKind;
  /** Symbol or series id asked for (normalised like every symbol). */
  readonly key: string;
  readonly provider: string;
  /** Inclusive requested range, when the request had one. */
  readonly requestedFrom?: IsoDate;
  readonly requestedTo?: IsoDate;
  /** ISO timestamps. */
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly outcome: FetchOutcome;
  /** Rows received (non-negative integer). */
  readonly rows: number;
  /** Error text or a note. */
  readonly message?: string;
}

/** A recorded fetch with its store-assigned id (increasing in insertion order). */
export interface StoredFetchLogEntry extends FetchLogEntry {
  readonly id: number;
}

/** Filter of {@link MarketStore.listFetches}. */
export interface ListFetchesOptions {
  /** Only fetches of this symbol / series id. */
  readonly key?: string;
  /** Only fetches from this provider (e.g. `alpha-vantage`). */
  readonly provider?: string;
  /** Only fetches started at or after this ISO timestamp. */
  readonly since?: string;
  /** At most this many entries (positive integer); default 100. */
  readonly limit?: number;
}

/** Which engine a store runs on (for diagnostics and engine-specific tuning). */
export type StoreDialect = 'sqlite' | 'postgres';

/** Options common to every store implementation. */
export interface StoreOptions {
  /** Source of `updatedAt` timestamps; default the system clock. */
  readonly clock?: Clock;
}

/** Typed access to the store's tables. Obtain one with `openStore`. */
export interface MarketStore {
  /** The engine behind this store. */
  readonly dialect: StoreDialect;

  /**
   * Stored portfolios, their accounts and ledgers. On the store a {@link MarketStore.transaction}
   * callback receives, its writes join that transaction.
   */
  readonly portfolios: PortfolioStore;

  /** The HTTP API's keys (hashes only); inside a transaction, its writes join it. */
  readonly apiKeys: ApiKeyStore;

  /** Data alerts raised by refreshes (`alert-store.ts`); inside a transaction, writes join it. */
  readonly alerts: AlertStore;

  /** Runs of long work (jobs): input, status, progress, result (`run-store.ts`). */
  readonly runs: RunStore;

  /** A user's own named fund definitions (`definition-store.ts`); writes grow the data version. */
  readonly fundDefinitions: FundDefinitionStore;

  /** Named universes: lists of symbols or exposure ids (`definition-store.ts`). */
  readonly universes: UniverseStore;

  /**
   * A token that changes whenever stored market data, portfolios, fund definitions or universes
   * change, in this process or any other on the same database (it grows inside every such
   * write's transaction). Equal tokens: every document computed from the data is the same. Runs
   * and API keys do not count.
   */
  dataVersion(): Promise<string>;

  /**
   * Writes `bars` of `symbol` with `provenance`, all or nothing. One row per (symbol, date):
   * a stored row with different values or source is replaced (history immutability is the
   * caller's decision); an identical row is left untouched, keeping its original
   * `fetchedAt`. Duplicate dates within `bars` are INVALID_INPUT.
   * @returns the number of rows inserted or changed (0 when re-writing the same data).
   */
  upsertPriceBars(
    symbol: string,
    bars: readonly PriceBar[],
    provenance: Provenance,
  ): Promise<number>;

  /** Stored bars of `symbol` within the inclusive `range`, ascending by date. */
  getPriceBars(symbol: string, range?: DateRange): Promise<StoredPriceBar[]>;

  /**
   * Stored bars of many symbols in one pass. The map has one entry per distinct requested
   * symbol (normalised, in request order), with `[]` when nothing is stored.
   */
  getPriceBarsMany(
    symbols: readonly string[],
    range?: DateRange,
  ): Promise<Map<string, StoredPriceBar[]>>;

  /**
   * The same data as {@link MarketStore.getPriceBarsMany} for return computations, as
   * columns (close, adjusted close, dividend, split; no OHLC, volume or provenance — use
   * {@link MarketStore.getPriceBars} and {@link MarketStore.coverage} for those). One entry
   * per distinct requested symbol, in request order, with empty columns when nothing is
   * stored. On SQLite it reads a per-symbol packed cache that every write keeps current.
   */
  getPriceColumns(
    symbols: readonly string[],
    range?: DateRange,
  ): Promise<Map<string, PriceColumns>>;

  /** What is stored for `symbol`, or undefined when nothing is. */
  coverage(symbol: string): Promise<Coverage | undefined>;

  /**
   * The bars of many symbols as they were known at `knownAt` (an ISO timestamp): for each
   * date, the version fetched at or before it and not yet replaced then (docs/data-versions.md);
   * one entry per distinct requested symbol, `[]` when nothing was known.
   */
  getPriceBarsKnownAt(
    symbols: readonly string[],
    knownAt: string,
    range?: DateRange,
  ): Promise<Map<string, StoredPriceBar[]>>;

  /** Like {@link MarketStore.getPriceBarsKnownAt} for one series' points. */
  getSeriesPointsKnownAt(
    seriesId: string,
    knownAt: string,
    range?: DateRange,
  ): Promise<StoredSeriesPoint[]>;

  /** Every version of the bar of `symbol` on `date`, oldest first, the current one last. */
  priceBarVersions(symbol: string, date: string): Promise<Versioned<StoredPriceBar>[]>;

  /** Like {@link MarketStore.upsertPriceBars} for the points of an economic series. */
  upsertSeriesPoints(
    seriesId: string,
    points: readonly SeriesPoint[],
    provenance: Provenance,
  ): Promise<number>;

  /** Stored points of `seriesId` within the inclusive `range`, ascending by date. */
  getSeriesPoints(seriesId: string, range?: DateRange): Promise<StoredSeriesPoint[]>;

  /** What is stored for `seriesId`, or undefined when nothing is. */
  seriesCoverage(seriesId: string): Promise<Coverage | undefined>;

  /**
   * Inserts or replaces the reference data of an instrument (absent fields are cleared).
   * `updatedAt` changes only when a field does.
   */
  upsertInstrument(instrument: Instrument): Promise<void>;

  /** The instrument `symbol`, or undefined when unknown. */
  getInstrument(symbol: string): Promise<StoredInstrument | undefined>;

  /** Every instrument, sorted by symbol. */
  listInstruments(): Promise<StoredInstrument[]>;

  /** Coverage of every stored symbol (kind `prices`) then every series, each sorted by id. */
  listCoverage(): Promise<CoverageEntry[]>;

  /** Records one fetch attempt. @returns the stored entry with its id. */
  logFetch(entry: FetchLogEntry): Promise<StoredFetchLogEntry>;

  /** Recorded fetches, newest first (by `startedAt`, then by id). */
  listFetches(options?: ListFetchesOptions): Promise<StoredFetchLogEntry[]>;

  /**
   * Runs `fn` in one database transaction: if it throws (or rejects), every write made
   * through the store it receives is rolled back and the error is rethrown. Nested calls on
   * the transactional store join the outer transaction.
   */
  transaction<T>(fn: (store: MarketStore) => Promise<T>): Promise<T>;

  /** Closes the connection (pool, file). Not allowed inside {@link MarketStore.transaction}. */
  close(): Promise<void>;
}
