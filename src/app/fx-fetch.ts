/**
 * Use case `data fetch --fx`: daily FX rates from FRED (H.10 noon buying rates) into the store
 * as series `FX:<pair>` (docs/currencies.md). Each pair asked is mapped to the FRED series that
 * quotes it (data/fx/fred-fx.ts) and stored in FRED's own direction — asking USDEUR stores
 * `FX:EURUSD` from `DEXUSEU` (USD per 1 EUR); the lookup inverts on read. The FRED series
 * itself is fetched through the market-data service (so it is also stored under its FRED id,
 * with the service's refresh and stale rules) and copied to `FX:<pair>` with the source
 * `fred:<id>`: an unchanged rate writes nothing, a revised one keeps the old version
 * (docs/data-versions.md).
 *
 * @example
 * ```ts
 * const doc = await fxFetch({ pairs: ['EURUSD', 'USDJPY'], from: '2020-01-01' }, deps);
 * ```
 */

import * as z from 'zod';
import { addYears } from '../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../domain/errors.ts';
import { fxSeriesId, pairName } from '../domain/fx/currency.ts';
import { FRED_FX_SERIES, fredFxSeries } from '../data/fx/fred-fx.ts';
import type { DataFetchDocument, DataFetchRow } from './data-fetch.ts';
import type { AppDeps } from './deps.ts';
import { pairSchema } from './fx-schemas.ts';
import { parseInput } from './input.ts';
import { isoDateSchema } from './schemas.ts';
import { DEFAULT_HISTORY_YEARS } from './symbol-returns.ts';

/** Input of {@link fxFetch}. */
export const fxFetchInputSchema = z.object({
  /** Pairs such as `EURUSD`; each must be quoted by a FRED series of `FRED_FX_SERIES`. */
  pairs: z.array(pairSchema).min(1),
  /** First date; default ten years before today. */
  from: isoDateSchema.optional(),
  /** Last date, inclusive; default today. */
  to: isoDateSchema.optional(),
});

/** What callers pass to {@link fxFetch}. */
export type FxFetchInput = z.input<typeof fxFetchInputSchema>;

/** Fetches every pair (one row each, like `data fetch`); a failed pair is counted in `failures`. */
export async function fxFetch(raw: FxFetchInput, deps: AppDeps): Promise<DataFetchDocument> {
  const input = parseInput(fxFetchInputSchema, raw);
  const today = deps.clock.today();
  const range = {
    from: input.from ?? addYears(today, -DEFAULT_HISTORY_YEARS),
    to: input.to ?? today,
  };
  if (range.from > range.to) throw invalidInput('from', range.from, `is after to (${range.to})`);
  const series = input.pairs.map((pair, i) => {
    const found = fredFxSeries(pair);
    if (found === undefined)
      throw invalidInput(
        `pairs[${i}]`,
        pairName(pair),
        `FRED has no daily series for this pair in Ballast's table (${FRED_FX_SERIES.map((s) => pairName(s.pair)).join(', ')}); import the ECB file or a rates CSV instead`,
      );
    return found;
  });
  const service = await deps.marketData();
  const rows: DataFetchRow[] = [];
  let failures = 0;
  for (const s of series) {
    const id = fxSeriesId(s.pair);
    try {
      const r = await service.getSeries(s.id, {
        ...range,
        offline: deps.offline,
        provider: 'fred',
      });
      const points = r.rows.map((p) => ({ date: p.date, value: p.value }));
      if (points.length > 0) {
        const store = await deps.store();
        await store.upsertSeriesPoints(id, points, {
          source: `fred:${s.id}`,
          fetchedAt: deps.clock.now(),
        });
      }
      rows.push({
        id,
        rows: points.length,
        first: points[0]?.date ?? '',
        last: points.at(-1)?.date ?? '',
        sources: `fred:${s.id}`,
        stale: r.stale,
        note: r.attempts.map((a) => `${a.provider}: ${a.code}`).join('; '),
      });
    } catch (e) {
      if (!(e instanceof BallastError) || e.code === 'INVALID_INPUT') throw e;
      failures++;
      rows.push({
        id,
        rows: 0,
        first: '',
        last: '',
        sources: '',
        stale: false,
        note: `${e.code}: ${e.message}`,
      });
    }
  }
  return { rows, failures };
}
