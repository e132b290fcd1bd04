/**
 * Shared pieces of the keyed HTTP providers (FRED, Tiingo, Alpha Vantage, Polygon): range and
 * key checks, payload validation that fails as `DATA_UNAVAILABLE` with `reason: 'malformed'`,
 * and a fetch adapter that turns vendor-specific error bodies into the HTTP statuses
 * `HttpClient` already knows how to retry and map.
 */

import type * as z from 'zod';
import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { PriceBar, SeriesPoint } from '../../domain/market/types.ts';
import type { FetchFn, HttpClientOptions } from '../http/http-client.ts';
import type { MarketDataProvider, PriceRequest, SeriesRequest } from './provider.ts';

/** Options a provider forwards to its `HttpClient` (everything except the provider name). */
export type ProviderHttpOptions = Omit<HttpClientOptions, 'provider'>;

/** A provider whose `fetchPrices` is always present. */
export type PricesProvider = MarketDataProvider & {
  fetchPrices(request: PriceRequest): Promise<PriceBar[]>;
};

/** A provider whose `fetchSeries` is always present. */
export type SeriesProvider = MarketDataProvider & {
  fetchSeries(request: SeriesRequest): Promise<SeriesPoint[]>;
};

/** The `init` argument of `HttpClient.get`, without `undefined`-valued keys. */
export function requestInit(
  signal?: AbortSignal,
  headers?: Record<string, string>,
): { signal?: AbortSignal; headers?: Record<string, string> } {
  return { ...(signal ? { signal } : {}), ...(headers ? { headers } : {}) };
}

/** `DATA_UNAVAILABLE` for a payload that does not have the documented shape. */
export function malformed(provider: string, why: string): BallastError {
  return new BallastError('DATA_UNAVAILABLE', `${provider}: malformed response: ${why}`, {
    provider,
    reason: 'malformed',
  });
}

/** Parses a JSON body, failing as {@link malformed}. */
export function parseJson(provider: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed(provider, 'the body is not JSON');
  }
}

/** Validates `value` with a zod schema, failing as {@link malformed} naming the first issue. */
export function parseWith<T>(provider: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw malformed(provider, `${where}: ${issue?.message ?? 'unexpected shape'}`);
}

/** Checks an inclusive request range: both ISO dates, `from` ≤ `to` (INVALID_INPUT otherwise). */
export function checkRange(from: string, to: string): void {
  if (!isIsoDate(from)) throw invalidInput('from', from, 'must be a date written YYYY-MM-DD');
  if (!isIsoDate(to)) throw invalidInput('to', to, 'must be a date written YYYY-MM-DD');
  if (from > to) throw invalidInput('to', to, `is before from (${from})`);
}

/**
 * The trimmed API key, or UNAUTHORIZED naming the environment variable the caller reads —
 * thrown before any request is made.
 */
export function requireApiKey(
  provider: string,
  apiKey: string | undefined,
  envName: string,
): string {
  const key = apiKey?.trim() ?? '';
  if (key === '') {
    throw new BallastError('UNAUTHORIZED', `${provider}: no API key configured (set ${envName})`, {
      provider,
    });
  }
  return key;
}

/** Rows sorted by date, ascending; a repeated date is a malformed payload. */
export function ascendingUnique<T extends { readonly date: IsoDate }>(
  provider: string,
  rows: T[],
): T[] {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  sorted.forEach((row, i) => {
    if (i > 0 && sorted[i - 1]?.date === row.date)
      throw malformed(provider, `date ${row.date} appears twice`);
  });
  return sorted;
}

/** The body as a plain object when it is a small JSON object (vendor error shapes), else undefined. */
export function smallJsonObject(body: string): Record<string, unknown> | undefined {
  if (body.length > 4096 || !body.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A string field of an object, or undefined. */
export function stringField(
  object: Record<string, unknown> | undefined,
  key: string,
): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Decides the HTTP status a vendor response really means, or undefined to keep its status. */
export type StatusRewrite = (status: number, body: string) => number | undefined;

/** Options of {@link vendorStatusFetch}. */
export interface VendorStatusFetchOptions {
  /** The fetch to wrap (default: the global fetch). */
  readonly fetch?: FetchFn | undefined;
  readonly rewrite: StatusRewrite;
  /** A credential to blank out (`***`) from every non-2xx body before it can reach a message. */
  readonly secret?: string | undefined;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Wraps `fetch` so that vendor error bodies carry the HTTP status they mean (e.g. Alpha
 * Vantage's HTTP 200 `{"Note": …}` becomes 429, FRED's 400 "series does not exist" becomes
 * 404). The HttpClient then retries and maps them like any other status. Bodies are passed
 * through unchanged except that `secret` is blanked out of error bodies.
 */
export function vendorStatusFetch(options: VendorStatusFetchOptions): FetchFn {
  const inner: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  return async (input, init) => {
    const res = await inner(input, init);
    const text = await res.text();
    const status = options.rewrite(res.status, text) ?? res.status;
    const isError = status < 200 || status >= 300;
    const body = options.secret && isError ? text.replaceAll(options.secret, '***') : text;
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(NULL_BODY_STATUSES.has(status) ? null : body, {
      status,
      statusText: status === res.status ? res.statusText : '',
      headers,
    });
  };
}

const NEW_YORK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in America/New_York (the US exchanges' clock) of an epoch in milliseconds. */
export function newYorkDate(epochMs: number): IsoDate {
  const parts = NEW_YORK_DAY.formatToParts(new Date(epochMs));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
