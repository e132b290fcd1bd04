/**
 * A store that reads market data as it was known at one time (`--known-at`, docs/data-versions.md):
 * every read of bars, price columns, series points and coverage answers with the versions
 * known then ({@link MarketStore.getPriceBarsKnownAt}), so an estimate or a backtest run again
 * with the time it ran gives the same numbers after providers revised their data. Writes of
 * market data are refused (nothing is fetched or stored "in the past"); the rest of the store
 * (portfolios, runs, keys, definitions, the fetch log) is the store itself.
 */

import type { StoredPriceBar } from '../../domain/market/types.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { Coverage, DateRange, MarketStore, PriceColumns } from './market-store.ts';
import { columnsFromRows, dateInterner } from './price-columns.ts';
import { normalizeTimestamp } from './validate.ts';

/** Coverage of versions known at a time: first and last date, rows, sources, latest fetch. */
function coverageOf(rows: readonly { date: string; source: string; fetchedAt: string }[]) {
  if (rows.length === 0) return undefined;
  let latest = rows[0]!;
  for (const r of rows)
    if (
      r.fetchedAt > latest.fetchedAt ||
      (r.fetchedAt === latest.fetchedAt && r.date > latest.date)
    )
      latest = r;
  const coverage: Coverage = {
    first: rows[0]!.date,
    last: rows.at(-1)!.date,
    rows: rows.length,
    source: latest.source,
    sources: [...new Set(rows.map((r) => r.source))].sort(),
    fetchedAt: latest.fetchedAt,
  };
  return coverage;
}

/** The price columns of bars (adjusted close NaN where absent). */
function columnsOf(bars: readonly StoredPriceBar[], intern: (d: string) => string): PriceColumns {
  return columnsFromRows(
    bars.map((b) => ({
      date: b.date,
      close: b.close,
      adj_close: b.adjClose ?? null,
      dividend: b.dividend,
      split: b.split,
    })),
    intern,
  );
}

/**
 * `store` reading market data as known at `knownAt` (module comment). `field` is what errors
 * name: the CLI's `--known-at` (default), the HTTP API's `knownAt`.
 *
 * @throws BallastError INVALID_INPUT naming `field` when it is not an ISO timestamp
 */
export function knownAtStore(
  store: MarketStore,
  knownAt: string,
  field = '--known-at',
): MarketStore {
  const at = normalizeTimestamp(field, knownAt);
  const refuse = (): Promise<never> =>
    Promise.reject(
      invalidInput(
        field,
        knownAt,
        'reads the data as it was known then: nothing can be fetched or stored',
      ),
    );
  const overrides: Partial<MarketStore> = {
    getPriceBars: async (symbol: string, range?: DateRange) =>
      [...(await store.getPriceBarsKnownAt([symbol], at, range)).values()][0] ?? [],
    getPriceBarsMany: (symbols: readonly string[], range?: DateRange) =>
      store.getPriceBarsKnownAt(symbols, at, range),
    getPriceColumns: async (symbols: readonly string[], range?: DateRange) => {
      const intern = dateInterner();
      const bars = await store.getPriceBarsKnownAt(symbols, at, range);
      return new Map([...bars].map(([k, list]) => [k, columnsOf(list, intern)]));
    },
    coverage: async (symbol: string) =>
      coverageOf([...(await store.getPriceBarsKnownAt([symbol], at)).values()][0] ?? []),
    getSeriesPoints: (seriesId: string, range?: DateRange) =>
      store.getSeriesPointsKnownAt(seriesId, at, range),
    seriesCoverage: async (seriesId: string) =>
      coverageOf(await store.getSeriesPointsKnownAt(seriesId, at)),
    listCoverage: async () => {
      const entries = await store.listCoverage();
      const known = await Promise.all(
        entries.map(async (e) => ({
          kind: e.kind,
          id: e.id,
          coverage:
            e.kind === 'prices'
              ? await overrides.coverage!(e.id)
              : await overrides.seriesCoverage!(e.id),
        })),
      );
      return known.flatMap((e) =>
        e.coverage === undefined ? [] : [{ kind: e.kind, id: e.id, ...e.coverage }],
      );
    },
    upsertPriceBars: refuse,
    upsertSeriesPoints: refuse,
    upsertInstrument: refuse,
    transaction: (fn) => store.transaction((tx) => fn(knownAtStore(tx, at, field))),
  };
  return new Proxy(store, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof MarketStore];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
