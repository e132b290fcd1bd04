import { BallastError } from '../../domain/errors.ts';
import type { ExposureRegistry } from '../../domain/exposures/registry.ts';
import type { ReturnPoint } from '../../domain/stress/historical.ts';
import { parseReturnsFileCsv } from '../../data/providers/csv-file.ts';
import type { MarketStore } from '../../data/store/market-store.ts';
import { readTextFile } from '../io.ts';
import { BUNDLED_UNIVERSE_RETURNS, storedExposureDaily } from '../estimate/universe-panel.ts';

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
  const notes: string[] = [];
  const series = new Map<string, ReturnPoint[]>();
  for (const e of await storedExposureDaily(store, registry)) {
    notes.push(`${e.id}: ${e.reason}`);
    if (e.daily !== undefined) series.set(e.id, [...e.daily]);
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
