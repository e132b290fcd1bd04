import { addDays, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { createNyseCalendar } from '../../domain/calendar/trading-calendar.ts';
import { BallastError } from '../../domain/errors.ts';
import type { StoredPriceBar } from '../../domain/market/types.ts';
import type { Frequency } from '../../domain/series/frequency.ts';
import { dailyInflation } from '../../domain/series/inflation.ts';
import { logReturns, toLogReturns } from '../../domain/series/log-returns.ts';
import { priceReturns } from '../../domain/series/price-returns.ts';
import { excessReturns, realReturns } from '../../domain/series/real-excess.ts';
import { resampleReturns } from '../../domain/series/resample.ts';
import { totalReturns } from '../../domain/series/total-returns.ts';
import type { ReturnSeries, ReturnSeriesFlags } from '../../domain/series/types.ts';
import { yieldToDailyReturns } from '../../domain/series/yield-returns.ts';
import { warning, type Warning } from '../../domain/warnings.ts';
import type { MarketStore } from '../store/market-store.ts';
import type { MarketDataService } from './service.ts';

import type { ReturnKind } from './return-kinds.ts';

export { RETURN_KINDS, type ReturnKind } from './return-kinds.ts';

/** Series-id prefix under which imported return columns are stored. */
export const RETURNS_PREFIX = 'RETURNS:';

/** What to compute. */
export interface ReturnQuery {
  readonly ids: readonly string[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly kind: ReturnKind;
  readonly frequency: Frequency;
  readonly offline: boolean;
  /** FRED id of the CPI used for real returns (default CPIAUCSL). */
  readonly cpiSeries?: string;
  /** FRED id of the cash yield used for excess returns (default DGS3MO). */
  readonly cashSeries?: string;
}

/** Provenance of one output series. */
export interface SeriesProvenance {
  readonly source: string;
  readonly fetchedAt: string | null;
  readonly stale: boolean;
}

/** One computed return series with its provenance and bucket flags. */
export interface ComputedReturns {
  readonly id: string;
  readonly points: ReturnSeries;
  readonly flags: ReturnSeriesFlags;
  readonly provenance: SeriesProvenance;
}

const LOOKBACK_DAYS = 10;

/**
 * Computes return series for `ids` from the store and providers (docs/conventions.md "Returns"):
 * total = (close + dividend)/(previous close / split) − 1 on unadjusted bars; price = the same
 * without dividends; log = ln(1 + total); real = exact Fisher against daily CPI inflation (CPI
 * as published, no look-ahead); excess = geometric (1+r)/(1+rf) − 1 over the cash yield
 * accrued per NYSE trading day. Lower frequencies compound the daily values in calendar buckets.
 * An id with imported returns (`data import --kind returns`) uses them as given (total or log).
 *
 * Warnings: `DATA_STALE` (stored prices served because a refresh failed or `offline`; details
 * `id`, `attempts`), `CPI_RELEASE_MISSING` (months in which no new CPI release took effect;
 * `series`, `months`), `INFLATION_TRUNCATED` (inflation known only through an earlier date, so
 * real returns end there; `series`, `knownThrough`).
 */
export async function computeReturns(
  query: ReturnQuery,
  deps: { service: MarketDataService; store: MarketStore },
): Promise<{ series: ComputedReturns[]; warnings: Warning[] }> {
  const calendar = createNyseCalendar();
  const warnings: Warning[] = [];
  const read = { from: addDays(query.from, -LOOKBACK_DAYS), to: query.to, offline: query.offline };
  let inflation: ReturnSeries | undefined;
  let cash: ReturnSeries | undefined;
  const series: ComputedReturns[] = [];
  for (const raw of query.ids) {
    const id = raw.trim().toUpperCase();
    const imported = await deps.store.getSeriesPoints(`${RETURNS_PREFIX}${id}`, {
      from: query.from,
      to: query.to,
    });
    let daily: ReturnSeries;
    let provenance: SeriesProvenance;
    if (imported.length > 0) {
      if (query.kind !== 'total' && query.kind !== 'log') {
        throw new BallastError(
          'INVALID_INPUT',
          `--kind ${query.kind}: ${id} is an imported return series; only total or log apply`,
          { field: 'kind', value: query.kind },
        );
      }
      daily = query.kind === 'log' ? toLogReturns(imported) : imported;
      provenance = {
        source: imported[0]!.source,
        fetchedAt: latest(imported.map((p) => p.fetchedAt)),
        stale: false,
      };
    } else {
      const prices = await deps.service.getPrices(id, read);
      provenance = {
        source: prices.sources.join(','),
        fetchedAt: prices.fetchedAt ?? null,
        stale: prices.stale,
      };
      if (prices.stale)
        warnings.push(
          warning(
            'DATA_STALE',
            `${id}: stored data served stale (${prices.attempts.map((a) => `${a.provider}: ${a.code}`).join('; ')})`,
            { id, attempts: prices.attempts.map((a) => ({ ...a })) },
          ),
        );
      daily = await fromBars(prices.rows, query.kind, {
        inflation: async () => (inflation ??= await inflationSeries(query, deps, warnings)),
        cash: async () => (cash ??= await cashSeries(query, deps)),
      });
    }
    daily = daily.filter((p) => p.date >= query.from && p.date <= query.to);
    const resampled = resampleReturns(daily, {
      frequency: query.frequency,
      calendar,
      scale: query.kind === 'log' ? 'log' : 'simple',
    });
    series.push({ id, points: resampled.points, flags: resampled.flags, provenance });
  }
  return { series, warnings };

  async function fromBars(
    bars: readonly StoredPriceBar[],
    kind: ReturnKind,
    lazy: { inflation: () => Promise<ReturnSeries>; cash: () => Promise<ReturnSeries> },
  ): Promise<ReturnSeries> {
    if (kind === 'price') return priceReturns(bars);
    if (kind === 'log') return logReturns(bars, { method: 'unadjusted' });
    const total = totalReturns(bars, { method: 'unadjusted' });
    if (kind === 'total') return total;
    if (kind === 'real')
      return realReturns(
        { returns: total, inflation: await lazy.inflation() },
        { missing: 'intersect' },
      );
    return excessReturns(
      { returns: total, riskFree: await lazy.cash() },
      { method: 'geometric', missing: 'intersect' },
    );
  }

  async function inflationSeries(
    q: ReturnQuery,
    d: { service: MarketDataService },
    w: Warning[],
  ): Promise<ReturnSeries> {
    const id = q.cpiSeries ?? 'CPIAUCSL';
    const cpi = await d.service.getSeries(id, {
      from: addDays(q.from, -120),
      to: q.to,
      offline: q.offline,
    });
    const result = dailyInflation(cpi.rows, { calendar, from: q.from, to: q.to });
    if (result.monthsWithoutRelease.length > 0)
      w.push(
        warning(
          'CPI_RELEASE_MISSING',
          `${id}: no new CPI release took effect in ${result.monthsWithoutRelease.join(', ')}`,
          { series: id, months: [...result.monthsWithoutRelease] },
        ),
      );
    const last = result.points.at(-1)?.date;
    if (last && last < q.to)
      w.push(
        warning(
          'INFLATION_TRUNCATED',
          `${id}: inflation known only through ${last}; real returns end there (never extrapolated)`,
          { series: id, knownThrough: last },
        ),
      );
    return result.points;
  }

  async function cashSeries(
    q: ReturnQuery,
    d: { service: MarketDataService },
  ): Promise<ReturnSeries> {
    const id = q.cashSeries ?? 'DGS3MO';
    const yields = await d.service.getSeries(id, {
      from: addDays(q.from, -LOOKBACK_DAYS),
      to: q.to,
      offline: q.offline,
    });
    return yieldToDailyReturns(yields.rows, { calendar, from: q.from, to: q.to });
  }
}

function latest(values: readonly string[]): string | null {
  return values.reduce<string | null>((m, v) => (m === null || v > m ? v : m), null);
}
