/**
 * Exposure-universe returns, written once for every use case that needs them (`estimate
 * universe`, `risk`, `stress`, `plan`, the demo): from the store — each exposure's preferred
 * implementation among what the store holds — or from the bundled sample of monthly real
 * returns (`data/samples/exposure_real_returns_monthly.csv`, source in its README).
 *
 * Missing data is never guessed (docs/conventions.md, "Returns"): an exposure without stored
 * data is left out with a warning, members of a composite are averaged per date over those with
 * data, and nothing is filled.
 */

import { fileURLToPath } from 'node:url';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { BallastError, toBallastError } from '../domain/errors.ts';
import type { ExposureRegistry } from '../domain/exposures/registry.ts';
import { selectImplementation } from '../domain/exposures/select-implementation.ts';
import type { SeriesPoint } from '../domain/market/types.ts';
import type { AlignedTable, NamedSeries } from '../domain/series/align-common.ts';
import { alignCommonReport } from '../domain/series/align-report.ts';
import { implementationReturns, rateSeriesKey } from '../domain/series/implementation-returns.ts';
import { resampleReturns } from '../domain/series/resample.ts';
import { totalReturns } from '../domain/series/total-returns.ts';
import type { ReturnPoint, ReturnSeries } from '../domain/series/types.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import { parseReturnsFileCsv } from '../data/providers/csv-file.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import { readPanelFile } from './panel-file.ts';
import { readSource } from './sources.ts';

/** The bundled monthly real returns of 16 exposures (absolute path). */
export const BUNDLED_UNIVERSE_RETURNS = fileURLToPath(
  new URL('../../data/samples/exposure_real_returns_monthly.csv', import.meta.url),
);

/** How the bundled file is cited in messages. */
const BUNDLED_NAME = 'data/samples/exposure_real_returns_monthly.csv';

/** An exposure panel with its warnings and where it came from. */
export interface UniversePanel {
  readonly table: AlignedTable;
  readonly warnings: readonly Warning[];
  readonly source: 'store' | 'sample';
}

/**
 * The bundled panel: monthly **real** total returns 2020-09..2025-05, exposure ids as columns,
 * with a `SAMPLE_DATA` warning saying so.
 */
export function bundledUniversePanel(): UniversePanel {
  const read = readPanelFile(
    { path: BUNDLED_UNIVERSE_RETURNS },
    { field: 'bundled returns', columnCase: 'lower' },
  );
  return {
    table: read.table,
    source: 'sample',
    warnings: [
      warning(
        'SAMPLE_DATA',
        'bundled sample: monthly REAL total returns 2020-09..2025-05 (CPI-U deflated), 16 exposures (global_macro absent)',
        { file: BUNDLED_NAME, frequency: 'monthly', kind: 'real' },
      ),
      ...read.warnings,
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

const noStoredData = (remedy: string): BallastError =>
  new BallastError(
    'DATA_UNAVAILABLE',
    `the store holds no data for any exposure implementation (run ballast data fetch for the universe tickers, or ${remedy})`,
    {},
  );

/**
 * Monthly total returns per exposure from stored data (see {@link storedExposureDaily}),
 * compounded into calendar months and aligned on common months. Warnings:
 * `EXPOSURE_LEFT_OUT` for an exposure without stored data, `EXPOSURE_IMPLEMENTATION` naming
 * the implementation used for each other one, and alignment warnings. Throws
 * DATA_UNAVAILABLE when no exposure has data.
 */
export async function storedUniversePanel(
  store: MarketStore,
  registry: ExposureRegistry,
): Promise<UniversePanel> {
  const calendar = createNyseCalendar();
  const warnings: Warning[] = [];
  const named: NamedSeries[] = [];
  for (const e of await storedExposureDaily(store, registry)) {
    if (e.daily === undefined) {
      warnings.push(
        warning('EXPOSURE_LEFT_OUT', `${e.id}: left out (${e.reason})`, {
          exposure: e.id,
          reason: e.reason,
        }),
      );
      continue;
    }
    named.push({
      id: e.id,
      series: resampleReturns(e.daily, { frequency: 'monthly', calendar }).points,
    });
    warnings.push(
      warning('EXPOSURE_IMPLEMENTATION', `${e.id}: ${e.reason}`, {
        exposure: e.id,
        reason: e.reason,
      }),
    );
  }
  if (named.length === 0) throw noStoredData('use the bundled sample');
  const aligned = alignCommonReport(named);
  return { table: aligned.table, warnings: [...warnings, ...aligned.warnings], source: 'store' };
}

/** Where a universe panel comes from: `auto` = the store when it holds universe data, else the sample. */
export type UniverseSource = 'auto' | 'store' | 'sample';

/** Lazily opened resources of {@link universePanel}. */
export interface UniverseResources {
  readonly store: () => Promise<MarketStore>;
  readonly registry: () => Promise<ExposureRegistry>;
}

/**
 * The monthly exposure-return panel for `source`: `store` = stored exposure returns
 * (DATA_UNAVAILABLE when the store has none), `sample` = the bundled monthly real returns,
 * `auto` = the store when it holds data for some exposure, else the sample. Only the store is
 * read (offline or not, no provider is called).
 */
export async function universePanel(
  source: UniverseSource,
  open: UniverseResources,
): Promise<UniversePanel> {
  if (source !== 'sample') {
    try {
      return await storedUniversePanel(await open.store(), await open.registry());
    } catch (e) {
      if (source === 'store' || !(e instanceof BallastError) || e.code !== 'DATA_UNAVAILABLE')
        throw e;
    }
  }
  return bundledUniversePanel();
}

/** Exposure return series for historical scenarios, with their frequency and provenance. */
export interface ExposureReturnSource {
  readonly source: 'store' | 'sample';
  /** Label used in messages and rules. */
  readonly label: string;
  readonly frequency: 'daily' | 'monthly';
  readonly series: ReadonlyMap<string, readonly ReturnPoint[]>;
  readonly notes: readonly string[];
}

/** The bundled monthly real returns as unaligned series (for historical scenarios). */
export function sampleExposureReturns(): ExposureReturnSource {
  const file = parseReturnsFileCsv(
    readSource({ path: BUNDLED_UNIVERSE_RETURNS }, 'bundled returns').text,
    BUNDLED_NAME,
    { columnCase: 'lower' },
  );
  return {
    source: 'sample',
    label: 'bundled sample (monthly real returns 2020-09..2025-05)',
    frequency: 'monthly',
    series: file.seriesByColumn,
    notes: [
      `data: bundled sample ${BUNDLED_NAME} — monthly REAL (CPI-U deflated) total returns 2020-09..2025-05, so historical shocks are real returns; windows snap outward to whole calendar months (effective dates reported); global_macro is absent`,
    ],
  };
}

/**
 * Daily total returns per exposure from the store (as {@link storedExposureDaily} chooses
 * them), unaligned. Exposures without stored data are absent (a scenario reaching them reports
 * them uncovered). Throws DATA_UNAVAILABLE when no exposure has data.
 */
export async function storedExposureReturns(
  store: MarketStore,
  registry: ExposureRegistry,
): Promise<ExposureReturnSource> {
  const notes: string[] = [];
  const series = new Map<string, ReturnPoint[]>();
  for (const e of await storedExposureDaily(store, registry)) {
    notes.push(`${e.id}: ${e.reason}`);
    if (e.daily !== undefined) series.set(e.id, [...e.daily]);
  }
  if (series.size === 0) throw noStoredData('use the bundled sample');
  return {
    source: 'store',
    label: 'stored daily total returns',
    frequency: 'daily',
    series,
    notes: ['data: stored daily total returns, compounded over (from, to]', ...notes],
  };
}
