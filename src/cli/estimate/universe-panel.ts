import { fileURLToPath } from 'node:url';
import { createNyseCalendar } from '../../domain/calendar/trading-calendar.ts';
import { BallastError, toBallastError } from '../../domain/errors.ts';
import type { ExposureRegistry } from '../../domain/exposures/registry.ts';
import { selectImplementation } from '../../domain/exposures/select-implementation.ts';
import {
  alignCommon,
  type AlignedTable,
  type NamedSeries,
} from '../../domain/series/align-common.ts';
import {
  implementationReturns,
  rateSeriesKey,
} from '../../domain/series/implementation-returns.ts';
import { resampleReturns } from '../../domain/series/resample.ts';
import { totalReturns } from '../../domain/series/total-returns.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import type { SeriesPoint } from '../../domain/market/types.ts';
import { parseReturnsFileCsv } from '../../data/providers/csv-file.ts';
import type { MarketStore } from '../../data/store/market-store.ts';
import { readTextFile } from '../io.ts';

/** The bundled monthly real returns of 16 exposures (data/samples, source in its README). */
export const BUNDLED_UNIVERSE_RETURNS = fileURLToPath(
  new URL('../../../data/samples/exposure_real_returns_monthly.csv', import.meta.url),
);

/** The bundled panel: monthly **real** total returns, exposure ids as columns. */
export function bundledUniversePanel(): { table: AlignedTable; warnings: string[] } {
  const file = parseReturnsFileCsv(
    readTextFile(BUNDLED_UNIVERSE_RETURNS, 'bundled returns'),
    'data/samples/exposure_real_returns_monthly.csv',
    { columnCase: 'lower' },
  );
  const table = alignCommon(
    file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! })),
  );
  return {
    table,
    warnings: [
      'bundled sample: monthly REAL total returns 2020-09..2025-05 (CPI-U deflated), 16 exposures (global_macro absent)',
    ],
  };
}

/** One exposure's daily total returns from the store, or why it has none. */
export type StoredExposureDaily =
  | { readonly id: string; readonly daily: ReturnSeries; readonly reason: string }
  | { readonly id: string; readonly daily?: undefined; readonly reason: string };

/**
 * Daily total returns per exposure from stored data: each exposure's preferred implementation
 * among what the store holds (longest history, then type priority, `selectImplementation`),
 * members averaged per date over those with data (never filled). An exposure without a stored
 * implementation or without returns comes back with the reason and no series (never guessed).
 */
export async function storedExposureDaily(
  store: MarketStore,
  registry: ExposureRegistry,
): Promise<StoredExposureDaily[]> {
  const coverage = await store.listCoverage();
  const tickers = Object.fromEntries(
    coverage.filter((c) => c.kind === 'prices').map((c) => [c.id, c.first]),
  );
  const series = Object.fromEntries(
    coverage.filter((c) => c.kind === 'series').map((c) => [c.id, c.first]),
  );
  const calendar = createNyseCalendar();
  const out: StoredExposureDaily[] = [];
  for (const exposure of registry.exposures) {
    let choice;
    try {
      choice = selectImplementation(exposure, { tickers, series });
    } catch (e) {
      out.push({ id: exposure.id, reason: `no stored data (${toBallastError(e).message})` });
      continue;
    }
    const returnsBySymbol = new Map<string, ReturnSeries>();
    const yieldsBySeries = new Map<string, readonly SeriesPoint[]>();
    const impl = choice.implementation;
    if (impl.type === 'rate_series')
      yieldsBySeries.set(rateSeriesKey(impl), await store.getSeriesPoints(impl.series));
    else {
      for (const t of choice.tickersUsed) {
        const bars = await store.getPriceBars(t);
        if (bars.length > 1) returnsBySymbol.set(t, totalReturns(bars, { method: 'unadjusted' }));
      }
    }
    const daily = implementationReturns({
      implementation: impl,
      returnsBySymbol,
      yieldsBySeries,
      calendar,
    }).map((p) => ({ date: p.date, value: p.value }));
    out.push(
      daily.length === 0
        ? { id: exposure.id, reason: `no returns from ${choice.tickersUsed.join(', ')}` }
        : { id: exposure.id, daily, reason: choice.reason },
    );
  }
  return out;
}

/**
 * Monthly total returns per exposure from stored data: each exposure's preferred
 * implementation among what the store holds (longest history, then type priority), members
 * averaged per date over those with data (never filled), compounded into calendar months.
 * Exposures with no stored implementation are left out with a warning, never guessed.
 */
export async function storedUniversePanel(
  store: MarketStore,
  registry: ExposureRegistry,
): Promise<{ table: AlignedTable; warnings: string[] }> {
  const calendar = createNyseCalendar();
  const warnings: string[] = [];
  const named: NamedSeries[] = [];
  for (const e of await storedExposureDaily(store, registry)) {
    if (e.daily === undefined) {
      warnings.push(`${e.id}: left out (${e.reason})`);
      continue;
    }
    named.push({
      id: e.id,
      series: resampleReturns(e.daily, { frequency: 'monthly', calendar }).points,
    });
    warnings.push(`${e.id}: ${e.reason}`);
  }
  if (named.length === 0) {
    throw new BallastError(
      'DATA_UNAVAILABLE',
      'the store holds no data for any exposure implementation (run ballast data fetch for the universe tickers, or use --source bundled)',
      {},
    );
  }
  return { table: alignCommon(named), warnings };
}

/** Where a universe panel comes from: `auto` = the store when it holds universe data, else the sample. */
export type UniverseSource = 'auto' | 'store' | 'sample';

/**
 * The monthly exposure-return panel for `source` (`estimate universe`, `risk`): `store` = stored
 * exposure returns (DATA_UNAVAILABLE when the store has none), `sample` = the bundled monthly
 * real returns, `auto` = the store when it holds data for some exposure, else the sample. Only
 * the store is read (`--offline` changes nothing here: no provider is called either way).
 */
export async function universePanel(
  source: UniverseSource,
  open: { store: () => Promise<MarketStore>; registry: () => Promise<ExposureRegistry> },
): Promise<{ table: AlignedTable; warnings: string[]; source: 'store' | 'sample' }> {
  if (source !== 'sample') {
    try {
      const panel = await storedUniversePanel(await open.store(), await open.registry());
      return { ...panel, source: 'store' };
    } catch (e) {
      if (source === 'store' || !(e instanceof BallastError) || e.code !== 'DATA_UNAVAILABLE')
        throw e;
    }
  }
  return { ...bundledUniversePanel(), source: 'sample' };
}
