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
import type { MarketStore } from '../data/store/market-store.ts';
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
 * window starts {@link DEFAULT_HISTORY_YEARS} years before today. Whenever the window leaves
 * out stored data — history before `from` or after `to`, whether the dates were given or
 * defaulted — a `WINDOW_SHORTER_THAN_STORED` warning names every such symbol with its stored
 * range. Warnings of the data layer: `DATA_STALE`, `CPI_RELEASE_MISSING`, `INFLATION_TRUNCATED`.
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
  const shorter = await shorterThanStored(store, {
    ids: computed.series.map((s) => s.id),
    from,
    to,
    defaultFrom: query.from === undefined,
  });
  if (shorter) warnings.push(shorter);
  return { series: computed.series, from, to, warnings };
}

/**
 * `WINDOW_SHORTER_THAN_STORED` when the store holds data of `ids` before `from` or after `to`
 * (prices, or imported return columns); undefined otherwise. Details: the window, whether the
 * start was defaulted, and per id the stored first date (`storedFrom`, only ids with earlier
 * data) and last date (`storedTo`, only ids with later data).
 */
async function shorterThanStored(
  store: MarketStore,
  window: { ids: readonly string[]; from: IsoDate; to: IsoDate; defaultFrom: boolean },
): Promise<Warning | undefined> {
  const { from, to } = window;
  const earlier: Record<string, IsoDate> = {};
  const later: Record<string, IsoDate> = {};
  for (const id of window.ids) {
    const stored =
      (await store.coverage(id)) ?? (await store.seriesCoverage(`${RETURNS_PREFIX}${id}`));
    if (stored === undefined) continue;
    if (stored.first < from) earlier[id] = stored.first;
    if (stored.last > to) later[id] = stored.last;
  }
  const before = Object.entries(earlier);
  const after = Object.entries(later);
  if (before.length === 0 && after.length === 0) return undefined;
  const held = [
    ...before.map(([id, first]) => `${id} from ${first}`),
    ...after.map(([id, last]) => `${id} to ${last}`),
  ].join(', ');
  const used = window.defaultFrom
    ? `no start date given: the last ${DEFAULT_HISTORY_YEARS} years (from ${from}) were used`
    : `the window ${from}..${to} was used`;
  const fix = window.defaultFrom ? 'give a start date to use it' : 'widen the window to use it';
  return warning(
    'WINDOW_SHORTER_THAN_STORED',
    `${used}, but the store holds data outside it (${held}); ${fix}`,
    {
      from,
      to,
      ...(window.defaultFrom ? {} : { fromGiven: true }),
      ...(before.length > 0 ? { storedFrom: earlier } : {}),
      ...(after.length > 0 ? { storedTo: later } : {}),
    },
  );
}
