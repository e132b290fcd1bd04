/**
 * Choice of the implementation that gives an exposure the longest usable history, given
 * which tickers, rate series and indices have data and from when.
 */

import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';
import { normalizeSymbol } from './symbol.ts';
import type { Exposure, Implementation, ImplementationType } from './types.ts';

/** First dates with data (inclusive, `YYYY-MM-DD`) of what is available. */
export interface AvailableHistory {
  /** Ticker → first date with a price. Keys are matched trimmed and upper-cased. */
  readonly tickers?: Readonly<Record<string, IsoDate>>;
  /** Rate series id (e.g. `DGS3MO`, without source) → first observation date. */
  readonly series?: Readonly<Record<string, IsoDate>>;
  /** Index name (e.g. `SP500`) → first observation date. */
  readonly indices?: Readonly<Record<string, IsoDate>>;
}

/** Type priority breaking ties on equal history start: lower wins. */
export const IMPLEMENTATION_TYPE_PRIORITY: Readonly<
  Record<Exclude<ImplementationType, 'notes'>, number>
> = { fund: 0, etf_average: 1, fund_average: 2, composite: 3, rate_series: 4, index: 5 };

/** How one implementation fared. */
export interface ImplementationCandidate {
  /** Position in the exposure's `implementations` (config order). */
  readonly index: number;
  readonly type: ImplementationType;
  readonly available: boolean;
  /** First date of usable history; present when available. */
  readonly historyStart?: IsoDate;
  /** Tickers / series id / index name whose data would be used. */
  readonly used: readonly string[];
  /** Members without data. */
  readonly missing: readonly string[];
  readonly reason: string;
}

/** The chosen implementation and why. */
export interface ImplementationChoice {
  readonly exposureId: string;
  readonly implementation: Implementation;
  /** Position of the choice in the exposure's `implementations`. */
  readonly implementationIndex: number;
  /** Tickers used (for `rate_series` the series id, for `index` the index name). */
  readonly tickersUsed: readonly string[];
  /** First date of usable history (inclusive). */
  readonly historyStart: IsoDate;
  /** Why this one won, in a sentence. */
  readonly reason: string;
  /** Every implementation in config order with its availability. */
  readonly candidates: readonly ImplementationCandidate[];
}

type Lookup = (name: string) => IsoDate | undefined;

function lookupOf(record: Readonly<Record<string, IsoDate>> | undefined, field: string): Lookup {
  const byKey = new Map<string, IsoDate>();
  for (const [name, date] of Object.entries(record ?? {})) {
    if (!isIsoDate(date)) throw invalidInput(`${field}.${name}`, date, 'expected YYYY-MM-DD');
    byKey.set(normalizeSymbol(name), date);
  }
  return (name) => byKey.get(normalizeSymbol(name));
}

interface Lookups {
  readonly ticker: Lookup;
  readonly series: Lookup;
  readonly index: Lookup;
}

type Evaluation = Omit<ImplementationCandidate, 'index' | 'type'>;

function single(name: string, date: IsoDate | undefined, what: string): Evaluation {
  return date === undefined
    ? { available: false, used: [], missing: [name], reason: `no data for ${what} ${name}` }
    : { available: true, historyStart: date, used: [name], missing: [], reason: `${what} ${name}` };
}

function evaluateMembers(tickers: readonly string[], lookup: Lookup, needAll: boolean): Evaluation {
  const used = tickers.filter((t) => lookup(t) !== undefined);
  const missing = tickers.filter((t) => lookup(t) === undefined);
  const dates = used.map((t) => lookup(t) ?? '').sort();
  if (used.length === 0 || (needAll && missing.length > 0)) {
    const why = needAll ? 'a composite needs every component' : 'no member has data';
    return {
      available: false,
      used: [],
      missing,
      reason: `${why} (missing: ${missing.join(', ')})`,
    };
  }
  const historyStart = needAll ? dates[dates.length - 1] : dates[0];
  const rule = needAll ? 'from the latest component start' : 'from the earliest member start';
  const reason = `${used.length} of ${tickers.length} members with data, history ${rule}`;
  return { available: true, historyStart: historyStart ?? '', used, missing, reason };
}

function evaluate(implementation: Implementation, lookups: Lookups): Evaluation {
  switch (implementation.type) {
    case 'etf_average':
    case 'fund_average':
      return evaluateMembers(implementation.tickers, lookups.ticker, false);
    case 'composite':
      return evaluateMembers(
        implementation.components.map((c) => c.ticker),
        lookups.ticker,
        true,
      );
    case 'fund': {
      const primary = single(implementation.ticker, lookups.ticker(implementation.ticker), 'fund');
      const alternative = implementation.alternative;
      if (primary.available || alternative === undefined) return primary;
      const fallback = single(alternative, lookups.ticker(alternative), 'alternative fund');
      return fallback.available
        ? { ...fallback, missing: [implementation.ticker] }
        : { ...fallback, missing: [implementation.ticker, alternative] };
    }
    case 'rate_series':
      return single(implementation.series, lookups.series(implementation.series), 'rate series');
    case 'index':
      return single(implementation.index, lookups.index(implementation.index), 'index');
    case 'notes':
      return { available: false, used: [], missing: [], reason: 'notes are never selected' };
  }
}

function priority(type: ImplementationType): number {
  return type === 'notes' ? Number.POSITIVE_INFINITY : IMPLEMENTATION_TYPE_PRIORITY[type];
}

function byPreference(a: ImplementationCandidate, b: ImplementationCandidate): number {
  const startA = a.historyStart ?? '';
  const startB = b.historyStart ?? '';
  if (startA !== startB) return startA < startB ? -1 : 1;
  return priority(a.type) - priority(b.type) || a.index - b.index;
}

/**
 * Chooses the implementation of `exposure` with the longest available history: the earliest
 * history start wins; ties go to type priority fund > etf_average > fund_average > composite >
 * rate_series > index, then config order. Averages need at least one member with data (their
 * history starts with the earliest member); composites need every component (history starts
 * with the latest); a fund falls back to its `alternative` ticker; `notes` are never chosen.
 * Config `startDate`s are informational and not used. Deterministic.
 *
 * Throws INVALID_INPUT for a date not in `YYYY-MM-DD` form, NOT_FOUND when the exposure has no
 * selectable implementation, INSUFFICIENT_DATA when none has the data it needs (details list
 * every candidate).
 */
export function selectImplementation(
  exposure: Exposure,
  available: AvailableHistory,
): ImplementationChoice {
  const lookups: Lookups = {
    ticker: lookupOf(available.tickers, 'available.tickers'),
    series: lookupOf(available.series, 'available.series'),
    index: lookupOf(available.indices, 'available.indices'),
  };
  const candidates = exposure.implementations.map(
    (implementation, index): ImplementationCandidate => ({
      index,
      type: implementation.type,
      ...evaluate(implementation, lookups),
    }),
  );
  if (candidates.every((c) => c.type === 'notes')) {
    throw new BallastError(
      'NOT_FOUND',
      `exposure ${exposure.id} has no selectable implementation`,
      {
        exposure: exposure.id,
      },
    );
  }
  const ranked = candidates.filter((c) => c.available).sort(byPreference);
  const best = ranked[0];
  const implementation = best === undefined ? undefined : exposure.implementations[best.index];
  if (best === undefined || implementation === undefined || best.historyStart === undefined) {
    const missing = candidates.filter((c) => c.type !== 'notes').map((c) => c.reason);
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `exposure ${exposure.id}: no implementation has data (${missing.join('; ')})`,
      { exposure: exposure.id, candidates },
    );
  }
  const tied = ranked.filter((c) => c !== best && c.historyStart === best.historyStart);
  const tieNote =
    tied.length === 0
      ? ''
      : `; tied on start with ${tied.length} other(s), won on type priority/config order`;
  return {
    exposureId: exposure.id,
    implementation,
    implementationIndex: best.index,
    tickersUsed: best.used,
    historyStart: best.historyStart,
    reason: `${implementation.type} #${best.index}: longest history, from ${best.historyStart} (${best.reason})${tieNote}`,
    candidates,
  };
}
