import { createNyseCalendar } from '../../domain/calendar/trading-calendar';
import { BallastError, toBallastError } from '../../domain/errors';
import type { ExposureRegistry } from '../../domain/exposures/registry';
import { selectImplementation } from '../../domain/exposures/select-implementation';
import { implementationReturns, rateSeriesKey } from '../../domain/series/implementation-returns';
import { totalReturns } from '../../domain/series/total-returns';
import type { ReturnSeries } from '../../domain/series/types';
import type { SeriesPoint } from '../../domain/market/types';
import type { ReturnPoint } from '../../domain/stress/historical';
import { parseReturnsFileCsv } from '../../data/providers/csv-file';
import type { MarketStore } from '../../data/store/market-store';
import { readTextFile } from '../io';
import { BUNDLED_UNIVERSE_RETURNS } from '../estimate/universe-panel';

/** Exposure return series for historical scenarios, with their frequency and provenance. */
export interface ExposureReturnSource {
  readonly source: 'store' | 'sample';
  /** Label used in messages and rules. */
  readonly label: string;
  readonly frequency: 'daily' | 'monthly';
  readonly series: ReadonlyMap<string, readonly ReturnPoint[]>;
  readonly notes: readonly string[];
}

/** The bundled monthly real returns (data/samples/exposure_real_returns_monthly.csv). */
export function sampleExposureReturns(): ExposureReturnSource {
  const file = parseReturnsFileCsv(
    readTextFile(BUNDLED_UNIVERSE_RETURNS, 'bundled returns'),
    'data/samples/exposure_real_returns_monthly.csv',
    { columnCase: 'lower' },
  );
  return {
    source: 'sample',
    label: 'bundled sample (monthly real returns 2020-09..2025-05)',
    frequency: 'monthly',
    series: file.seriesByColumn,
    notes: [
      'data: bundled sample data/samples/exposure_real_returns_monthly.csv — monthly REAL (CPI-U deflated) total returns 2020-09..2025-05, so historical shocks are real returns; windows snap outward to whole calendar months (effective dates reported); global_macro is absent',
    ],
  };
}

/**
 * Daily total returns per exposure from the store: each exposure's preferred implementation
 * among what the store holds (as `estimate universe` chooses it), members averaged per date
 * over those with data, never filled. Exposures without stored data are absent (a scenario
 * reaching them reports them uncovered). Throws DATA_UNAVAILABLE when no exposure has data.
 */
export async function storedExposureReturns(
  store: MarketStore,
  registry: ExposureRegistry,
): Promise<ExposureReturnSource> {
  const coverage = await store.listCoverage();
  const tickers = Object.fromEntries(
    coverage.filter((c) => c.kind === 'prices').map((c) => [c.id, c.first]),
  );
  const seriesFirst = Object.fromEntries(
    coverage.filter((c) => c.kind === 'series').map((c) => [c.id, c.first]),
  );
  const calendar = createNyseCalendar();
  const notes: string[] = [];
  const series = new Map<string, ReturnPoint[]>();
  for (const exposure of registry.exposures) {
    let choice;
    try {
      choice = selectImplementation(exposure, { tickers, series: seriesFirst });
    } catch (e) {
      notes.push(`${exposure.id}: no stored data (${toBallastError(e).message})`);
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
    if (daily.length === 0) continue;
    series.set(exposure.id, daily);
    notes.push(`${exposure.id}: ${choice.reason}`);
  }
  if (series.size === 0) {
    throw new BallastError(
      'DATA_UNAVAILABLE',
      'the store holds no data for any exposure implementation (run ballast data fetch for the universe tickers, or use --source sample)',
      {},
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
