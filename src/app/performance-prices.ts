/**
 * Where `performance` gets its prices: the unadjusted closes of every symbol the history must
 * value and the benchmark's adjusted closes, either from a prices-history file (`date,symbol,
 * close[,adj_close]`) or from the store through the market-data service (refreshing the tail
 * unless offline; stored data served after a failed refresh is a `PRICES_STALE` warning). A
 * symbol with no price at all is DATA_UNAVAILABLE naming it — nothing is invented.
 */

import { addDays, type IsoDate } from '../domain/calendar/iso-date.ts';
import { BallastError } from '../domain/errors.ts';
import { BenchmarkSeries, type AdjustedClose } from '../domain/performance/benchmark.ts';
import type { ClosePoint } from '../domain/performance/types.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import type { PricesHistoryFile } from '../data/ledger/prices-history-csv.ts';
import type { MarketDataService } from '../data/market-data/service.ts';
import type { AppDeps } from './deps.ts';

/** Prices of one run and what was said about them. */
export interface PerformancePrices {
  readonly closes: Map<string, readonly ClosePoint[]>;
  readonly benchmark?: BenchmarkSeries;
  readonly warnings: readonly Warning[];
}

/** The symbols to price and the benchmark (upper-case). */
export interface PriceNeeds {
  readonly symbols: readonly string[];
  readonly benchmark?: string | undefined;
}

/** Closes from a parsed prices-history file named `name`. */
export function pricesFromFile(
  file: PricesHistoryFile,
  need: PriceNeeds & { readonly name: string },
): PerformancePrices {
  const closes = new Map<string, readonly ClosePoint[]>();
  for (const s of need.symbols) {
    const rows = file.closes.get(s);
    if (rows === undefined)
      throw new BallastError(
        'DATA_UNAVAILABLE',
        `pricesHistory: no prices for ${s} in ${need.name}`,
        { field: 'pricesHistory', symbol: s, file: need.name },
      );
    closes.set(s, rows);
  }
  if (need.benchmark === undefined) return { closes, warnings: [] };
  const adjusted = file.adjusted.get(need.benchmark);
  if (adjusted === undefined)
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `pricesHistory: no adjusted close (adj_close) for the benchmark ${need.benchmark} in ${need.name}`,
      { field: 'pricesHistory', symbol: need.benchmark, file: need.name },
    );
  return { closes, benchmark: new BenchmarkSeries(need.benchmark, adjusted), warnings: [] };
}

/**
 * Closes from the store (and providers unless offline) from two weeks before `first` (so the
 * base close before the first day is found) to `to`, one progress tick per symbol.
 */
export async function pricesFromStore(
  deps: AppDeps,
  need: PriceNeeds & { readonly first: IsoDate; readonly to: IsoDate },
): Promise<PerformancePrices> {
  const service = await deps.marketData();
  const range = { from: addDays(need.first, -14), to: need.to, offline: deps.offline };
  const closes = new Map<string, readonly ClosePoint[]>();
  const warnings: Warning[] = [];
  const task = deps.progress.start(
    'prices',
    need.symbols.length + (need.benchmark === undefined ? 0 : 1),
  );
  try {
    return await fetchAll({ service, range, need, closes, warnings, tick: () => task.tick() });
  } finally {
    task.done();
  }
}

async function fetchAll(run: {
  readonly service: MarketDataService;
  readonly range: { from: IsoDate; to: IsoDate; offline: boolean };
  readonly need: PriceNeeds;
  readonly closes: Map<string, readonly ClosePoint[]>;
  readonly warnings: Warning[];
  readonly tick: () => void;
}): Promise<PerformancePrices> {
  const { service, range, need, closes, warnings } = run;
  for (const symbol of need.symbols) {
    const result = await service.getPrices(symbol, range);
    run.tick();
    if (result.stale)
      warnings.push(
        warning(
          'PRICES_STALE',
          `${symbol}: served from the store only (${result.attempts.map((a) => a.message).join('; ')})`,
          { symbol, attempts: result.attempts },
        ),
      );
    closes.set(
      symbol,
      result.rows.map((b) => ({ date: b.date, close: b.close })),
    );
  }
  if (need.benchmark === undefined) return { closes, warnings };
  const bars = (await service.getPrices(need.benchmark, range)).rows;
  run.tick();
  const adjusted: AdjustedClose[] = bars.flatMap((b) =>
    b.adjClose === undefined ? [] : [{ date: b.date, adjClose: b.adjClose }],
  );
  if (adjusted.length === 0)
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `benchmark: no adjusted close for ${need.benchmark} in the store`,
      { field: 'benchmark', symbol: need.benchmark },
    );
  return { closes, benchmark: new BenchmarkSeries(need.benchmark, adjusted), warnings };
}
