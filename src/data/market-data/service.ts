import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { Clock } from '../../domain/clock.ts';
import { BallastError, toBallastError } from '../../domain/errors.ts';
import type { StoredPriceBar, StoredSeriesPoint } from '../../domain/market/types.ts';
import type { MarketDataProvider } from '../providers/provider.ts';
import type { FetchLogEntry, MarketStore } from '../store/market-store.ts';
import { missingRange, type MissingRange } from './covered-range.ts';

/** Options of a cached read. */
export interface CachedReadOptions {
  readonly from: IsoDate;
  /** Inclusive end date. */
  readonly to: IsoDate;
  /** Store only: never call a provider. */
  readonly offline?: boolean;
  /** Ask only this provider (by name) instead of the chain. */
  readonly provider?: string;
  readonly signal?: AbortSignal;
}

/** What a cached read returns: the rows and how fresh they are. */
export interface CachedResult<Row> {
  readonly rows: readonly Row[];
  /** True when a needed refresh failed (or was skipped offline) and stored data was served. */
  readonly stale: boolean;
  /** Latest `fetchedAt` of the rows served (ISO timestamp), when any. */
  readonly fetchedAt?: string;
  /** Sources of the rows served. */
  readonly sources: readonly string[];
  /** What was tried and failed, in order (empty when fresh). */
  readonly attempts: readonly {
    readonly provider: string;
    readonly code: string;
    readonly message: string;
  }[];
}

/** Provider order per kind; the first that answers wins. */
export interface FallbackChains {
  readonly prices: readonly MarketDataProvider[];
  readonly series: readonly MarketDataProvider[];
}

interface KindFetch {
  readonly key: string;
  readonly range: MissingRange;
  readonly signal?: AbortSignal | undefined;
}

interface KindWrite<Row> {
  readonly key: string;
  readonly rows: Row[];
  readonly provenance: { source: string; fetchedAt: string };
}

interface Kind<Row> {
  readonly kind: 'prices' | 'series';
  fetch(p: MarketDataProvider, req: KindFetch): Promise<Row[]> | undefined;
  write(store: MarketStore, req: KindWrite<Row>): Promise<number>;
  read(
    store: MarketStore,
    key: string,
    range: MissingRange,
  ): Promise<(Row & { source: string; fetchedAt: string })[]>;
}

const PRICES: Kind<Omit<StoredPriceBar, 'source' | 'fetchedAt'>> = {
  kind: 'prices',
  fetch: (p, { key, range, signal }) =>
    p.fetchPrices?.({ symbol: key, ...range, ...(signal ? { signal } : {}) }),
  write: (s, { key, rows, provenance }) => s.upsertPriceBars(key, rows, provenance),
  read: (s, key, r) => s.getPriceBars(key, r),
};

const SERIES: Kind<Omit<StoredSeriesPoint, 'source' | 'fetchedAt'>> = {
  kind: 'series',
  fetch: (p, { key, range, signal }) =>
    p.fetchSeries?.({ seriesId: key, ...range, ...(signal ? { signal } : {}) }),
  write: (s, { key, rows, provenance }) => s.upsertSeriesPoints(key, rows, provenance),
  read: (s, key, r) => s.getSeriesPoints(key, r),
};

/**
 * Market data with a cache: reads from the store, fetches only what is missing (history before
 * yesterday is immutable; only the tail is refreshed) through a fallback chain of providers,
 * writes what it fetched transactionally with provenance, and logs every attempt.
 *
 * When every provider fails, stored data in the range is served with `stale: true`; with nothing
 * stored the error is DATA_UNAVAILABLE naming the key, the range and every provider tried.
 * Nothing is ever invented, padded or filled.
 */
export class MarketDataService {
  constructor(
    private readonly deps: { store: MarketStore; chains: FallbackChains; clock: Clock },
  ) {}

  /** Daily bars of `symbol` over [from, to]. */
  getPrices(symbol: string, options: CachedReadOptions): Promise<CachedResult<StoredPriceBar>> {
    return this.read(PRICES, symbol.trim().toUpperCase(), options);
  }

  /** Observations of an economic series over [from, to]. */
  getSeries(
    seriesId: string,
    options: CachedReadOptions,
  ): Promise<CachedResult<StoredSeriesPoint>> {
    return this.read(SERIES, seriesId.trim().toUpperCase(), options);
  }

  private async read<Row>(
    kind: Kind<Row>,
    key: string,
    options: CachedReadOptions,
  ): Promise<CachedResult<Row & { source: string; fetchedAt: string }>> {
    if (options.from > options.to) {
      throw new BallastError(
        'INVALID_INPUT',
        `--from ${options.from} is after --to ${options.to}`,
        { field: 'from', value: options.from },
      );
    }
    const range = { from: options.from, to: options.to };
    const { store, clock } = this.deps;
    const past = (await store.listFetches({ key, limit: 10_000 }))
      .filter((f) => f.kind === kind.kind && f.outcome === 'ok' && f.requestedFrom && f.requestedTo)
      .map((f) => ({
        requestedFrom: f.requestedFrom!,
        requestedTo: f.requestedTo!,
        fetchedOn: f.finishedAt.slice(0, 10),
      }));
    const missing = missingRange(past, {
      from: range.from,
      to: range.to > clock.today() ? clock.today() : range.to,
    });
    const attempts: { provider: string; code: string; message: string }[] = [];
    let stale = false;
    if (missing && options.offline) {
      stale = true;
      attempts.push({ provider: 'offline', code: 'DATA_STALE', message: 'offline: store only' });
    } else if (missing) {
      stale = !(await this.fetchChain(kind, key, { missing, options, attempts }));
    }
    const rows = await kind.read(store, key, range);
    if (rows.length === 0 && (stale || attempts.length > 0)) {
      throw new BallastError(
        'DATA_UNAVAILABLE',
        `${key}: no data for ${range.from}..${range.to}; tried ${attempts.map((a) => `${a.provider} (${a.code}: ${a.message})`).join('; ') || 'no provider'}`,
        { key, from: range.from, to: range.to, attempts },
      );
    }
    const fetchedAt = rows.reduce<string | undefined>(
      (m, r) => (m === undefined || r.fetchedAt > m ? r.fetchedAt : m),
      undefined,
    );
    return {
      rows,
      stale,
      ...(fetchedAt ? { fetchedAt } : {}),
      sources: [...new Set(rows.map((r) => r.source))].sort(),
      attempts,
    };
  }

  private async fetchChain<Row>(
    kind: Kind<Row>,
    key: string,
    ctx: {
      missing: MissingRange;
      options: CachedReadOptions;
      attempts: { provider: string; code: string; message: string }[];
    },
  ): Promise<boolean> {
    const { store, clock } = this.deps;
    const chain = this.deps.chains[kind.kind].filter(
      (p) => !ctx.options.provider || p.name === ctx.options.provider,
    );
    if (chain.length === 0) {
      throw new BallastError(
        'INVALID_INPUT',
        `--provider: no ${kind.kind} provider named "${ctx.options.provider ?? ''}" is configured`,
        {
          field: 'provider',
          value: ctx.options.provider,
        },
      );
    }
    for (const provider of chain) {
      const spent = await this.quotaSpent(provider);
      if (spent !== undefined) {
        ctx.attempts.push({ provider: provider.name, code: 'RATE_LIMITED', message: spent });
        continue;
      }
      const startedAt = clock.now();
      const entry = (
        outcome: Pick<FetchLogEntry, 'outcome' | 'rows'> & { message?: string },
      ): FetchLogEntry => ({
        kind: kind.kind,
        key,
        provider: provider.name,
        requestedFrom: ctx.missing.from,
        requestedTo: ctx.missing.to,
        startedAt,
        finishedAt: clock.now(),
        ...outcome,
      });
      try {
        const rows = await kind.fetch(provider, {
          key,
          range: ctx.missing,
          signal: ctx.options.signal,
        });
        if (!rows) continue;
        await store.transaction(async (tx) => {
          const n = await kind.write(tx, {
            key,
            rows,
            provenance: { source: provider.name, fetchedAt: clock.now() },
          });
          await tx.logFetch(entry({ outcome: 'ok', rows: n }));
        });
        return true;
      } catch (e) {
        const error = toBallastError(e);
        if (ctx.options.signal?.aborted) throw error;
        ctx.attempts.push({ provider: provider.name, code: error.code, message: error.message });
        await store.logFetch(
          entry({ outcome: 'error', rows: 0, message: `${error.code}: ${error.message}` }),
        );
      }
    }
    return false;
  }

  /**
   * Why `provider`'s daily quota is spent for today (a UTC day), or undefined when it has
   * none or calls are left: the fetch log holds `dailyQuota` calls to it since midnight UTC,
   * or one of them was answered RATE_LIMITED (the provider's own word that the day is over).
   */
  private async quotaSpent(provider: MarketDataProvider): Promise<string | undefined> {
    const quota = provider.dailyQuota;
    if (quota === undefined) return undefined;
    const since = `${this.deps.clock.now().slice(0, 10)}T00:00:00.000Z`;
    const today = await this.deps.store.listFetches({
      provider: provider.name,
      since,
      limit: quota,
    });
    if (today.length >= quota)
      return `daily quota of ${quota} calls used today (UTC); not asked until tomorrow`;
    if (today.some((f) => f.message?.startsWith('RATE_LIMITED') === true))
      return 'answered RATE_LIMITED earlier today (UTC); not asked until tomorrow';
    return undefined;
  }
}
