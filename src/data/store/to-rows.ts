/**
 * Domain values → table rows, validating the whole batch before the caller writes anything.
 * Field names in errors follow the argument (`bars[3].close`, `points[0].date`).
 */

import { invalidInput } from '../../domain/errors.ts';
import type { Instrument, PriceBar, Provenance, SeriesPoint } from '../../domain/market/types.ts';
import type { FetchLogEntry } from './market-store.ts';
import type {
  FetchLogTable,
  InstrumentsTable,
  PriceBarsTable,
  SeriesPointsTable,
} from './schema.ts';
import {
  checkDate,
  checkFinite,
  checkProvenance,
  checkText,
  normalizeKey,
  normalizeTimestamp,
  optionalFinite,
  optionalText,
} from './validate.ts';

const DATA_KINDS = new Set(['prices', 'series', 'quote', 'search']);
const OUTCOMES = new Set(['ok', 'error', 'stale', 'empty']);

function checkBatch(field: string, items: unknown): readonly unknown[] {
  if (!Array.isArray(items)) throw invalidInput(field, items, 'must be an array');
  return items;
}

function checkUniqueDate(seen: Set<string>, field: string, date: string): void {
  if (seen.has(date)) throw invalidInput(field, date, 'duplicate date in one batch');
  seen.add(date);
}

/** Rows of `price_bars` for one symbol; throws on the first bad bar, writing nothing. */
export function priceBarRows(
  symbol: string,
  bars: readonly PriceBar[],
  provenance: Provenance,
): PriceBarsTable[] {
  const key = normalizeKey('symbol', symbol);
  const { source, fetchedAt } = checkProvenance(provenance);
  const seen = new Set<string>();
  return checkBatch('bars', bars).map((item, i) => {
    const bar = item as PriceBar;
    const at = `bars[${i}]`;
    const date = checkDate(`${at}.date`, bar.date);
    checkUniqueDate(seen, `${at}.date`, date);
    const volume = optionalFinite(`${at}.volume`, bar.volume);
    if (volume !== null && volume < 0) throw invalidInput(`${at}.volume`, volume, 'must be ≥ 0');
    const dividend = checkFinite(`${at}.dividend`, bar.dividend);
    if (dividend < 0) throw invalidInput(`${at}.dividend`, dividend, 'must be ≥ 0');
    const split = checkFinite(`${at}.split`, bar.split);
    if (split <= 0) throw invalidInput(`${at}.split`, split, 'must be > 0');
    return {
      symbol: key,
      date,
      open: optionalFinite(`${at}.open`, bar.open),
      high: optionalFinite(`${at}.high`, bar.high),
      low: optionalFinite(`${at}.low`, bar.low),
      close: checkFinite(`${at}.close`, bar.close),
      adj_close: optionalFinite(`${at}.adjClose`, bar.adjClose),
      volume,
      dividend,
      split,
      source,
      fetched_at: fetchedAt,
    };
  });
}

/** Rows of `series_points` for one series; throws on the first bad point, writing nothing. */
export function seriesPointRows(
  seriesId: string,
  points: readonly SeriesPoint[],
  provenance: Provenance,
): SeriesPointsTable[] {
  const key = normalizeKey('seriesId', seriesId);
  const { source, fetchedAt } = checkProvenance(provenance);
  const seen = new Set<string>();
  return checkBatch('points', points).map((item, i) => {
    const point = item as SeriesPoint;
    const at = `points[${i}]`;
    const date = checkDate(`${at}.date`, point.date);
    checkUniqueDate(seen, `${at}.date`, date);
    const availableFrom =
      point.availableFrom === undefined || point.availableFrom === null
        ? null
        : checkDate(`${at}.availableFrom`, point.availableFrom);
    return {
      series_id: key,
      date,
      value: checkFinite(`${at}.value`, point.value),
      available_from: availableFrom,
      source,
      fetched_at: fetchedAt,
    };
  });
}

/** The `instruments` row of `instrument` without its timestamp. */
export function instrumentRow(instrument: Instrument): Omit<InstrumentsTable, 'updated_at'> {
  if (typeof instrument !== 'object' || instrument === null) {
    throw invalidInput('instrument', instrument, 'must be an object with a symbol');
  }
  return {
    symbol: normalizeKey('instrument.symbol', instrument.symbol),
    name: optionalText('instrument.name', instrument.name),
    kind: optionalText('instrument.kind', instrument.kind),
    currency: optionalText('instrument.currency', instrument.currency),
    exchange: optionalText('instrument.exchange', instrument.exchange),
  };
}

/** The `fetch_log` row of `entry`. */
export function fetchLogRow(entry: FetchLogEntry): Omit<FetchLogTable, 'id'> {
  if (typeof entry !== 'object' || entry === null) {
    throw invalidInput('entry', entry, 'must be a fetch log entry');
  }
  if (!DATA_KINDS.has(entry.kind)) {
    throw invalidInput('entry.kind', entry.kind, 'must be prices|series|quote|search');
  }
  if (!OUTCOMES.has(entry.outcome)) {
    throw invalidInput('entry.outcome', entry.outcome, 'must be ok|error|stale|empty');
  }
  if (!Number.isInteger(entry.rows) || entry.rows < 0) {
    throw invalidInput('entry.rows', entry.rows, 'must be a non-negative integer');
  }
  const from = entry.requestedFrom;
  const to = entry.requestedTo;
  return {
    kind: entry.kind,
    key: normalizeKey('entry.key', entry.key),
    provider: checkText('entry.provider', entry.provider),
    requested_from: from === undefined ? null : checkDate('entry.requestedFrom', from),
    requested_to: to === undefined ? null : checkDate('entry.requestedTo', to),
    started_at: normalizeTimestamp('entry.startedAt', entry.startedAt),
    finished_at: normalizeTimestamp('entry.finishedAt', entry.finishedAt),
    outcome: entry.outcome,
    rows: entry.rows,
    message: optionalText('entry.message', entry.message),
  };
}
