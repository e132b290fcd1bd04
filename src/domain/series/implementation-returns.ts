/**
 * Exposure returns from a registry implementation (`exposures/types.ts`):
 *
 * - `fund`: the ticker's returns; the `alternative` ticker only when the primary has none at
 *   all (whole-series fallback, never spliced per date);
 * - `etf_average` / `fund_average`: equal weights over the members observed each date;
 * - `composite`: the given weights, renormalised over the members observed each date
 *   (docs/conventions.md; pass `compositePolicy: 'all'` to require every component instead);
 * - `rate_series`: daily returns from the yields via {@link yieldToDailyReturns} on the
 *   calendar (yields in decimal), looked up under `SOURCE:SERIES` (e.g. `FRED:DGS3MO`);
 * - `index`: the returns stored under the index name; `notes`: an error (no data).
 *
 * A ticker absent from `returnsBySymbol` counts as a member without data.
 */

import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import { BallastError, invalidInput } from '../errors.ts';
import type { Implementation, RateSeriesImplementation } from '../exposures/types.ts';
import type { SeriesPoint } from '../market/types.ts';
import {
  combineMembers,
  type ExposureReturnPoint,
  type MemberPolicy,
  type WeightedMember,
} from './combine-members.ts';
import type { ReturnSeries } from './types.ts';
import { yieldToDailyReturns } from './yield-returns.ts';

/** Everything an implementation may need. */
export interface ImplementationReturnsInput {
  readonly implementation: Implementation;
  /** Simple daily total returns by upper-case ticker (or index name). */
  readonly returnsBySymbol: ReadonlyMap<string, ReturnSeries>;
  /** Decimal yields by {@link rateSeriesKey} (needed by `rate_series`). */
  readonly yieldsBySeries?: ReadonlyMap<string, readonly SeriesPoint[]>;
  /** Trading calendar of the portfolio (needed by `rate_series`). */
  readonly calendar?: TradingCalendar;
  /** Member policy of `composite` (default `available`). */
  readonly compositePolicy?: MemberPolicy;
}

/** Lookup key of a rate series: `SOURCE:SERIES`, e.g. `FRED:DGS3MO`. */
export function rateSeriesKey(implementation: RateSeriesImplementation): string {
  return `${implementation.source}:${implementation.series}`;
}

function members(
  input: ImplementationReturnsInput,
  weights: readonly { ticker: string; weight: number }[],
): WeightedMember[] {
  return weights.map(({ ticker, weight }) => ({
    id: ticker,
    weight,
    returns: input.returnsBySymbol.get(ticker) ?? [],
  }));
}

function single(input: ImplementationReturnsInput, id: string): ExposureReturnPoint[] {
  return combineMembers([{ id, weight: 1, returns: input.returnsBySymbol.get(id) ?? [] }]);
}

function rateSeries(
  input: ImplementationReturnsInput,
  implementation: RateSeriesImplementation,
): ExposureReturnPoint[] {
  const key = rateSeriesKey(implementation);
  if (!input.calendar) throw invalidInput('calendar', undefined, `rate series ${key} needs one`);
  const yields = input.yieldsBySeries?.get(key) ?? [];
  const returns = yieldToDailyReturns(yields, { calendar: input.calendar });
  return combineMembers([{ id: key, weight: 1, returns }]);
}

/**
 * The exposure's return series with per-date contributors (see the module comment). Throws
 * `INSUFFICIENT_DATA` when no member has data and `INVALID_INPUT` for `notes`.
 */
export function implementationReturns(input: ImplementationReturnsInput): ExposureReturnPoint[] {
  const impl = input.implementation;
  switch (impl.type) {
    case 'fund': {
      const primary = input.returnsBySymbol.get(impl.ticker) ?? [];
      const useAlternative = primary.length === 0 && impl.alternative !== undefined;
      return single(input, useAlternative ? (impl.alternative ?? impl.ticker) : impl.ticker);
    }
    case 'etf_average':
    case 'fund_average':
      return combineMembers(
        members(
          input,
          impl.tickers.map((ticker) => ({ ticker, weight: 1 })),
        ),
      );
    case 'composite':
      return combineMembers(members(input, impl.components), {
        policy: input.compositePolicy ?? 'available',
      });
    case 'rate_series':
      return rateSeries(input, impl);
    case 'index':
      return single(input, impl.index);
    case 'notes':
      throw new BallastError('INVALID_INPUT', 'a notes implementation has no return series', {
        field: 'implementation.type',
        value: 'notes',
      });
  }
}
