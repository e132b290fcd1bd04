/**
 * Exposure returns for `risk`, `stress`, `plan` and `estimate universe`: the bundled monthly real
 * returns of the universe (data/samples/exposure_real_returns_monthly.csv, source in its README)
 * or each exposure's returns from stored prices — its preferred implementation among what the
 * store holds (longest history, then type priority), members averaged per date over those with
 * data, never filled. Only the store is read: no provider is called here.
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
import type { ReturnSeries } from '../domain/series/types.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import { readTextFile } from '../data/files/read-text.ts';
import { parseReturnsFileCsv } from '../data/providers/csv-file.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import { silentProgress, type ProgressReporter } from './deps.ts';
import { readPanelFile } from './panel-file.ts';

/** The bundled monthly real returns of 16 exposures (a path on disk). */
export const BUNDLED_UNIVERSE_RETURNS = fileURLToPath(
  new URL('../../data/samples/exposure_real_returns_monthly.csv', import.meta.url),
);

const BUNDLED_NAME = 'data/samples/exposure_real_returns_monthly.csv';

/** Where exposure returns come from: `auto` = the store when it holds universe data, else the sample. */
export const UNIVERSE_SOURCES = ['auto', 'store', 'sample'] as const;
/** One of {@link UNIVERSE_SOURCES}. */
export type UniverseSource = (typeof UNIVERSE_SOURCES)[number];

/** Lazily opened resources of {@link universePanel}. */
export interface UniverseResources {
  readonly store: () => Promise<MarketStore>;
  readonly registry: () => Promise<ExposureRegistry>;
  readonly progress?: ProgressReporter;
}

/** An exposure-return panel, its provenance and what the reader should know about it. */
export interface ExposurePanel {
  readonly table: AlignedTable;
  readonly warnings: readonly Warning[];
  readonly source: 'store' | 'sample';
}

/** Another name of {@link ExposurePanel}. */
export type UniversePanel = ExposurePanel;

function bundledFile() {
  return parseReturnsFileCsv(
    readTextFile(BUNDLED_UNIVERSE_RETURNS, 'bundled returns'),
    BUNDLED_NAME,
    { columnCase: 'lower' },
  );
}

/** The bundled panel: monthly **real** total returns, exposure ids as columns. */
export function bundledUniversePanel(): ExposurePanel {
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
 * Daily total returns per exposure from stored data (see the module comment). An exposure
 * without a stored implementation or without returns comes back with the reason and no series.
 */
export async function storedExposureDaily(
  store: MarketStore,
  registry: ExposureRegistry,
  progress: ProgressReporter = silentProgress,
): Promise<StoredExposureDaily[]> {
  const coverage = await store.listCoverage();
  const firstOf = (kind: string) =>
    Object.fromEntries(coverage.filter((c) => c.kind === kind).map((c) => [c.id, c.first]));
  const available = { tickers: firstOf('prices'), series: firstOf('series') };
  const calendar = createNyseCalendar();
  const out: StoredExposureDaily[] = [];
  const task = progress.start('reading stored exposure returns', registry.exposures.length);
  try {
    for (const exposure of registry.exposures) {
      out.push(await exposureDaily(exposure, { store, available, calendar }));
      task.tick();
    }
  } finally {
    task.done();
  }
  return out;
}

async function exposureDaily(
  exposure: ExposureRegistry['exposures'][number],
  from: {
    store: MarketStore;
    available: Parameters<typeof selectImplementation>[1];
    calendar: ReturnType<typeof createNyseCalendar>;
  },
): Promise<StoredExposureDaily> {
  const { store, available, calendar } = from;
  let choice: ReturnType<typeof selectImplementation>;
  try {
    choice = selectImplementation(exposure, available);
  } catch (e) {
    return { id: exposure.id, reason: `no stored data (${toBallastError(e).message})` };
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
  return daily.length === 0
    ? { id: exposure.id, reason: `no returns from ${choice.tickersUsed.join(', ')}` }
    : { id: exposure.id, daily, reason: choice.reason };
}

/**
 * Monthly total returns per exposure from stored data, compounded into calendar months.
 * Exposures with no stored implementation are left out with a warning, never guessed; none at
 * all is DATA_UNAVAILABLE.
 */
export async function storedUniversePanel(
  store: MarketStore,
  registry: ExposureRegistry,
  progress?: ProgressReporter,
): Promise<ExposurePanel> {
  const calendar = createNyseCalendar();
  const warnings: Warning[] = [];
  const named: NamedSeries[] = [];
  for (const e of await storedExposureDaily(store, registry, progress)) {
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
  if (named.length === 0) {
    throw new BallastError(
      'DATA_UNAVAILABLE',
      'the store holds no data for any exposure implementation (fetch the universe tickers into the store, or use the bundled sample)',
      { field: 'source' },
    );
  }
  const aligned = alignCommonReport(named);
  return { table: aligned.table, warnings: [...warnings, ...aligned.warnings], source: 'store' };
}

/**
 * The monthly exposure-return panel for `source`: `store` = stored exposure returns
 * (DATA_UNAVAILABLE when the store has none), `sample` = the bundled monthly real returns,
 * `auto` = the store when it holds data for some exposure, else the sample.
 */
export async function universePanel(
  source: UniverseSource,
  open: UniverseResources,
): Promise<ExposurePanel> {
  if (source !== 'sample') {
    try {
      return await storedUniversePanel(await open.store(), await open.registry(), open.progress);
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
  readonly series: ReadonlyMap<string, ReturnSeries>;
  readonly notes: readonly string[];
}

/** The bundled monthly real returns as scenario series. */
export function sampleExposureReturns(): ExposureReturnSource {
  return {
    source: 'sample',
    label: 'bundled sample (monthly real returns 2020-09..2025-05)',
    frequency: 'monthly',
    series: bundledFile().seriesByColumn,
    notes: [
      'data: bundled sample data/samples/exposure_real_returns_monthly.csv — monthly REAL (CPI-U deflated) total returns 2020-09..2025-05, so historical shocks are real returns; windows snap outward to whole calendar months (effective dates reported); global_macro is absent',
    ],
  };
}

/**
 * Daily total returns per exposure from the store, as scenario series. Exposures without
 * stored data are absent (a scenario reaching them reports them uncovered); none at all is
 * DATA_UNAVAILABLE.
 */
export async function storedExposureReturns(
  store: MarketStore,
  registry: ExposureRegistry,
  progress?: ProgressReporter,
): Promise<ExposureReturnSource> {
  const notes: string[] = [];
  const series = new Map<string, ReturnSeries>();
  for (const e of await storedExposureDaily(store, registry, progress)) {
    notes.push(`${e.id}: ${e.reason}`);
    if (e.daily !== undefined) series.set(e.id, e.daily);
  }
  if (series.size === 0) {
    throw new BallastError(
      'DATA_UNAVAILABLE',
      'the store holds no data for any exposure implementation (fetch the universe tickers into the store, or use the bundled sample)',
      { field: 'source' },
    );
  }
  return {
    source: 'store',
    label: 'stored daily total returns',
    frequency: 'daily',
    series,
    notes: ['data: stored daily total returns, compounded over (from, to]', ...notes],
  };
}

/**
 * Scenario series for `source` (`auto`: the store, else the bundled sample when the store holds
 * no universe data).
 */
export async function exposureReturnSource(
  source: UniverseSource,
  open: {
    store: () => Promise<MarketStore>;
    registry: ExposureRegistry;
    progress?: ProgressReporter;
  },
): Promise<ExposureReturnSource> {
  if (source === 'sample') return sampleExposureReturns();
  try {
    return await storedExposureReturns(await open.store(), open.registry, open.progress);
  } catch (e) {
    if (source === 'store' || !(e instanceof BallastError) || e.code !== 'DATA_UNAVAILABLE')
      throw e;
    return sampleExposureReturns();
  }
}
