import { addDays, type IsoDate } from '../../domain/calendar/iso-date.ts';

/** A past successful fetch: the inclusive range asked for and the day it ran. */
export interface PastFetch {
  readonly requestedFrom: IsoDate;
  readonly requestedTo: IsoDate;
  /** Calendar day (market time zone) on which the fetch finished. */
  readonly fetchedOn: IsoDate;
}

/** The part of a request still to fetch, or undefined when the cache answers it all. */
export interface MissingRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * Decides what to fetch given the successful fetches so far (FINANCE/DESIGN: history before
 * yesterday is immutable and cached forever; only the tail is refreshed).
 *
 * A fetch that ran on day F made every date ≤ F − 1 final within its requested range (the day
 * of the fetch itself may still change). The cache covers the union of those final ranges that
 * overlap or touch the earliest one. When the request starts before that, the whole request is
 * fetched; otherwise only from the first non-final day to the end (the tail).
 */
export function missingRange(
  past: readonly PastFetch[],
  request: MissingRange,
): MissingRange | undefined {
  const finals = past
    .map((p) => ({ from: p.requestedFrom, to: minDate(p.requestedTo, addDays(p.fetchedOn, -1)) }))
    .filter((r) => r.from <= r.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const first = finals[0];
  if (!first || request.from < first.from) return request;
  let coveredTo = first.to;
  for (const r of finals.slice(1)) {
    if (r.from > addDays(coveredTo, 1)) break;
    if (r.to > coveredTo) coveredTo = r.to;
  }
  if (request.to <= coveredTo) return undefined;
  return { from: maxDate(request.from, addDays(coveredTo, 1)), to: request.to };
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
