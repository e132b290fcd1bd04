/**
 * Table rows → domain values. Null columns become absent fields (never `undefined` values),
 * as `exactOptionalPropertyTypes` and deep equality in tests expect.
 */

import type { Selectable } from 'kysely';
import type { Instrument, StoredPriceBar, StoredSeriesPoint } from '../../domain/market/types.ts';
import type { StoredFetchLogEntry, StoredInstrument } from './market-store.ts';
import type {
  FetchLogTable,
  InstrumentsTable,
  PriceBarsTable,
  SeriesPointsTable,
} from './schema.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A stored price bar from its row (without the symbol, which keys the result). */
export function toStoredPriceBar(row: Omit<PriceBarsTable, 'symbol'>): StoredPriceBar {
  const bar: Mutable<StoredPriceBar> = {
    date: row.date,
    close: row.close,
    dividend: row.dividend,
    split: row.split,
    source: row.source,
    fetchedAt: row.fetched_at,
  };
  if (row.open !== null) bar.open = row.open;
  if (row.high !== null) bar.high = row.high;
  if (row.low !== null) bar.low = row.low;
  if (row.adj_close !== null) bar.adjClose = row.adj_close;
  if (row.volume !== null) bar.volume = row.volume;
  return bar;
}

/** A stored series point from its row. */
export function toStoredSeriesPoint(row: Omit<SeriesPointsTable, 'series_id'>): StoredSeriesPoint {
  const point: Mutable<StoredSeriesPoint> = {
    date: row.date,
    value: row.value,
    source: row.source,
    fetchedAt: row.fetched_at,
  };
  if (row.available_from !== null) point.availableFrom = row.available_from;
  return point;
}

/** A stored instrument from its row. */
export function toStoredInstrument(row: InstrumentsTable): StoredInstrument {
  const instrument: Mutable<Instrument> & { updatedAt: string } = {
    symbol: row.symbol,
    updatedAt: row.updated_at,
  };
  if (row.name !== null) instrument.name = row.name;
  if (row.kind !== null) instrument.kind = row.kind;
  if (row.currency !== null) instrument.currency = row.currency;
  if (row.exchange !== null) instrument.exchange = row.exchange;
  return instrument;
}

/** A stored fetch-log entry from its row. */
export function toStoredFetch(row: Selectable<FetchLogTable>): StoredFetchLogEntry {
  const entry: Mutable<StoredFetchLogEntry> = {
    id: Number(row.id),
    kind: row.kind as StoredFetchLogEntry['kind'],
    key: row.key,
    provider: row.provider,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    rows: Number(row.rows),
  };
  if (row.requested_from !== null) entry.requestedFrom = row.requested_from;
  if (row.requested_to !== null) entry.requestedTo = row.requested_to;
  if (row.message !== null) entry.message = row.message;
  return entry;
}
