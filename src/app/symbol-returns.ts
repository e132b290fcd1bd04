/**
 * Return series of symbols from the store and the providers (`returns`, `estimate --symbols`,
 * and every later use case that reads stored data): the default window, the stale-data and
 * inflation warnings of the data layer, and a statement when the default window is shorter
 * than what the store holds (docs/conventions.md, "Returns").
 */

import { addYears, type IsoDate } from '../domain/calendar/iso-date.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Frequency } from '../domain/series/frequency.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import {
  computeReturns,
  RETURNS_PREFIX,
  type ComputedReturns,
  type ReturnKind,
} from '../data/market-data/return-query.ts';
import type { AppDeps } from './deps.ts';

export {
  RETURN_KINDS,
  type ComputedReturns,
  type ReturnKind,
  type SeriesProvenance,
} from '../data/market-data/return-query.ts';

/** Years of history read when no start date is given. */
export const DEFAULT_HISTORY_YEARS = 10;

export { frequencySchema, returnKindSchema, symbolListSchema } from './symbol-input.ts';

/** What {@link symbolReturns} computes. */
export interface SymbolReturnsQuery {
  readonly symbols: readonly string[];
  /** First date; default {@link DEFAULT_HISTORY_YEARS} years before today. */
  readonly from?: IsoDate | undefined;
  /** Last date, inclusive; default today. */
  readonly to?: IsoDate | undefined;
  readonly frequency: Frequency;
  readonly kind: ReturnKind;
}

/** The series, their window and warnings (`{ code, message, details }`). */
export interface SymbolReturns {
  readonly series: ComputedReturns[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly warnings: Warning[];
}

/**
 * Computes the return series of `symbols` over [from, to] (see `computeReturns` in the data
 * layer for the definitions) with `deps.offline` honoured. When `from` is not given the
 * window starts {@link DEFAULT_HISTORY_YEARS} years before today, and a
 * `WINDOW_SHORTER_THAN_STORED` warning names every symbol whose stored history starts earlier.
 * Warnings of the data layer: `DATA_STALE`, `CPI_RELEASE_MISSING`, `INFLATION_TRUNCATED`.
 */
export async function symbolReturns(
  query: SymbolReturnsQuery,
  deps: AppDeps,
): Promise<SymbolReturns> {
  const today = deps.clock.today();
  const to = query.to ?? today;
  const from = query.from ?? addYears(today, -DEFAULT_HISTORY_YEARS);
  if (from > to) throw invalidInput('from', from, `is after to (${to})`);
  const store = await deps.store();
  const computed = await computeReturns(
    {
      ids: query.symbols,
      from,
      to,
      kind: query.kind,
      frequency: query.frequency,
      offline: deps.offline,
    },
    { service: await deps.marketData(), store },
  );
  const warnings: Warning[] = [...computed.warnings];
  if (query.from === undefined) {
    const earlier: Record<string, IsoDate> = {};
    for (const s of computed.series) {
      const stored =
        (await store.coverage(s.id)) ?? (await store.seriesCoverage(`${RETURNS_PREFIX}${s.id}`));
      if (stored !== undefined && stored.first < from) earlier[s.id] = stored.first;
    }
    if (Object.keys(earlier).length > 0) {
      warnings.push(
        warning(
          'WINDOW_SHORTER_THAN_STORED',
          `no start date given: the last ${DEFAULT_HISTORY_YEARS} years (from ${from}) were used, but the store holds earlier data (${Object.entries(
            earlier,
          )
            .map(([id, first]) => `${id} from ${first}`)
            .join(', ')}); give a start date to use it`,
          { from, to, storedFrom: earlier },
        ),
      );
    }
  }
  return { series: computed.series, from, to, warnings };
}
