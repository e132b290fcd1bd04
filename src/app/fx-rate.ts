/**
 * Use case `data fx-rate PAIR`: the rate of a pair (`EURJPY`: JPY per 1 EUR) on a date, from the
 * stored FX series under the as-of rule (the last rate on or before the date; a cross through
 * USD or EUR computed, not stored — domain/fx/rates.ts), with the stored observations used and
 * their provenance. No rate on or before the date is DATA_UNAVAILABLE naming the pair and date.
 *
 * @example
 * ```ts
 * const doc = await fxRate({ pair: 'EURJPY', date: '2024-01-05' }, deps);
 * doc.rate; // JPY per 1 EUR
 * ```
 */

import * as z from 'zod';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { AppDeps } from './deps.ts';
import { pairSchema } from './fx-schemas.ts';
import { loadFxRates } from './fx-rates.ts';
import { parseInput } from './input.ts';
import { isoDateSchema } from './schemas.ts';

/** Input of {@link fxRate}. */
export const fxRateInputSchema = z.object({
  /** The pair `EURJPY` (or `EUR/JPY`): the rate is JPY per 1 EUR, converting EUR into JPY. */
  pair: pairSchema,
  /** The date (default today). */
  date: isoDateSchema.optional(),
});

/** What callers pass to {@link fxRate}. */
export type FxRateInput = z.input<typeof fxRateInputSchema>;

/** One stored observation the rate used. */
export interface FxRateLeg {
  /** Stored series id, e.g. `FX:EURUSD`. */
  readonly series: string;
  /** True when the conversion used 1 / the stored rate. */
  readonly inverted: boolean;
  readonly date: IsoDate;
  /** The stored value (quote per base of the stored pair). */
  readonly value: number;
  readonly source: string;
  readonly fetchedAt: string;
}

/** The `data fx-rate` document. */
export interface FxRateDocument {
  readonly from: string;
  readonly to: string;
  /** The date asked. */
  readonly date: IsoDate;
  /** Units of `to` per 1 `from` (12 significant digits). */
  readonly rate: number;
  /** The observation date used (a cross: the older leg's). */
  readonly rateDate: IsoDate;
  readonly legs: readonly FxRateLeg[];
}

/** The rate `from → to` on `date` (see the module comment). */
export async function fxRate(raw: FxRateInput, deps: AppDeps): Promise<FxRateDocument> {
  const input = parseInput(fxRateInputSchema, raw);
  const date = input.date ?? deps.clock.today();
  const { base: from, quote: to } = input.pair;
  const { rates, stored } = await loadFxRates(await deps.store(), {
    currencies: [from],
    base: to,
    to: date,
  });
  const found = rates.rate(from, to, date);
  return {
    from,
    to,
    date,
    rate: Number(found.rate.toPrecision(12)),
    rateDate: found.date,
    legs: found.legs.map((leg) => {
      const point = stored.get(leg.pair)!.find((p) => p.date === leg.date)!;
      return {
        series: `FX:${leg.pair}`,
        inverted: leg.inverted,
        date: leg.date,
        value: leg.value,
        source: point.source,
        fetchedAt: point.fetchedAt,
      };
    }),
  };
}
