/**
 * Polygon.io (now also served as Massive) daily bars with dividends and splits
 * (https://polygon.io/docs/stocks/get_v2_aggs_ticker__stocksticker__range__multiplier___timespan___from___to,
 * https://polygon.io/docs/stocks/get_v3_reference_dividends, https://polygon.io/docs/stocks/get_v3_reference_splits).
 *
 * - Bars: `GET {baseUrl}/v2/aggs/ticker/{T}/range/1/day/{from}/{to}?adjusted=false&sort=asc&limit=50000`
 *   → `{status: "OK"|"DELAYED", resultsCount, results: [{t, o, h, l, c, v, vw, n}], next_url?}`;
 *   `t` is the bar's start in epoch ms, midnight America/New_York, so the date is taken in that
 *   zone (DST-safe). `adjusted=false` gives prices as traded; there is no adjusted close.
 * - Dividends: `GET /v3/reference/dividends?ticker=T&ex_dividend_date.gte=…&ex_dividend_date.lte=…`
 *   (`cash_amount` per share on `ex_dividend_date`; several on one day are added up).
 * - Splits: `GET /v3/reference/splits?ticker=T&execution_date.gte=…&execution_date.lte=…`
 *   (ratio `split_to / split_from`: 4 for a 4-for-1, 0.1 for a 1-for-10 reverse split).
 * Every list follows `next_url` (which carries no key) until it is absent; the path and query of
 * `next_url` are replayed on the configured host, so neither the key nor the request leaves it.
 * An event whose day has no bar is put on the next bar in range (none: it is left for a later
 * fetch that includes that bar).
 *
 * The key goes in the documented `Authorization: Bearer …` header, never in a URL.
 *
 * Unknown tickers: the aggregates endpoint answers HTTP 200 with `resultsCount: 0` both for an
 * unknown ticker and for a range without bars. When no bar comes back the ticker overview
 * `GET /v3/reference/tickers/{T}` decides: 404 `{"status":"NOT_FOUND","message":"Ticker not
 * found."}` → NOT_FOUND, 200 → `[]` (before listing, a holiday). A ticker Polygon no longer lists
 * (delisted, renamed) is NOT_FOUND for ranges without bars.
 *
 * Errors: 401 `{"status":"ERROR","error":"Unknown API Key"}` → UNAUTHORIZED; 403 (or a 200 body
 * with `status: "NOT_AUTHORIZED"`, plan limits) → UNAUTHORIZED; 429 (5 requests a minute on the
 * free plan) → retried, then RATE_LIMITED.
 */

import * as z from 'zod';
import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import { HttpClient } from '../http/http-client.ts';
import {
  ascendingUnique,
  checkRange,
  malformed,
  newYorkDate,
  parseJson,
  parseWith,
  requestInit,
  requireApiKey,
  smallJsonObject,
  vendorStatusFetch,
  type PricesProvider,
  type ProviderHttpOptions,
} from './api-provider-support.ts';

const PROVIDER = 'polygon';

/** Default Polygon API host (api.massive.com serves the same API). */
export const POLYGON_BASE_URL = 'https://api.polygon.io';

/**
 * Options of {@link createPolygonProvider}: the Polygon ones plus the HttpClient options.
 * `minIntervalMs` defaults to 12 000 (the free plan's 5 requests a minute; a fetch makes three
 * requests) — paid plans should pass `minIntervalMs: 0`.
 */
export interface PolygonProviderOptions extends ProviderHttpOptions {
  /** Polygon API key (the caller reads `POLYGON_API_KEY`); without one fetches are UNAUTHORIZED. */
  readonly apiKey?: string;
  /** API origin, default {@link POLYGON_BASE_URL}. */
  readonly baseUrl?: string;
  /** Most pages followed through `next_url` per list before giving up as malformed (default 100). */
  readonly maxPages?: number;
}

const isoDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');
const page = {
  status: z.string().optional(),
  next_url: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
};

const aggsSchema = z.object({
  ...page,
  results: z
    .array(
      z.object({
        t: z.number(),
        o: z.number(),
        h: z.number(),
        l: z.number(),
        c: z.number(),
        v: z.number().optional(),
      }),
    )
    .optional(),
});

const dividendsSchema = z.object({
  ...page,
  results: z
    .array(z.object({ ex_dividend_date: isoDate, cash_amount: z.number().nonnegative() }))
    .optional(),
});

const splitsSchema = z.object({
  ...page,
  results: z
    .array(
      z.object({
        execution_date: isoDate,
        split_from: z.number().positive(),
        split_to: z.number().positive(),
      }),
    )
    .optional(),
});

/** A 200 body with `status: "NOT_AUTHORIZED"` is a plan refusal: treat it as the 403 it means. */
function polygonStatus(status: number, body: string): number | undefined {
  return status === 200 && smallJsonObject(body)?.['status'] === 'NOT_AUTHORIZED' ? 403 : undefined;
}

/** Polygon's body-level `status` must be OK or DELAYED; anything else is the vendor refusing. */
function checkStatus(body: {
  status?: string | undefined;
  error?: string | undefined;
  message?: string | undefined;
}): void {
  if (body.status === undefined || body.status === 'OK' || body.status === 'DELAYED') return;
  const why = body.error ?? body.message ?? 'no message';
  throw new BallastError('DATA_UNAVAILABLE', `${PROVIDER}: status ${body.status}: ${why}`, {
    provider: PROVIDER,
  });
}

/** Index of the first bar dated on or after `date` (bars ascending), or -1. */
function firstBarFrom(bars: readonly { date: IsoDate }[], date: IsoDate): number {
  return bars.findIndex((bar) => bar.date >= date);
}

/**
 * A Polygon provider (`name: 'polygon'`, kind `prices`): unadjusted daily bars with cash
 * dividends on their ex-dates and split ratios on their execution dates, ascending, within
 * [from, to]. Without an API key every fetch fails with UNAUTHORIZED before any request.
 */
export function createPolygonProvider(options: PolygonProviderOptions = {}): PricesProvider {
  const { apiKey, baseUrl, maxPages = 100, ...httpOptions } = options;
  const key = apiKey?.trim() === '' ? undefined : apiKey?.trim();
  const base = baseUrl ?? POLYGON_BASE_URL;
  const http = new HttpClient({
    minIntervalMs: 12_000,
    ...httpOptions,
    provider: PROVIDER,
    fetch: vendorStatusFetch({ fetch: httpOptions.fetch, rewrite: polygonStatus, secret: key }),
  });
  const onBase = (url: string): string => {
    const next = new URL(url, base);
    return new URL(`${next.pathname}${next.search}`, base).toString();
  };

  /** Every page of a list, following `next_url` on the configured host. */
  async function allPages<
    T extends
      z.infer<typeof aggsSchema> | z.infer<typeof dividendsSchema> | z.infer<typeof splitsSchema>,
  >(
    first: string,
    schema: z.ZodType<T>,
    init: { signal?: AbortSignal; headers?: Record<string, string> },
  ): Promise<T[]> {
    const pages: T[] = [];
    for (let url: string | undefined = first; url !== undefined;) {
      if (pages.length >= maxPages)
        throw malformed(PROVIDER, `next_url still present after ${maxPages} pages`);
      const res = await http.get(url, init);
      const body = parseWith(PROVIDER, schema, parseJson(PROVIDER, res.text));
      checkStatus(body);
      pages.push(body);
      url = body.next_url ? onBase(body.next_url) : undefined;
    }
    return pages;
  }

  return {
    name: PROVIDER,
    kinds: ['prices'],
    async fetchPrices({ symbol, from, to, signal }): Promise<PriceBar[]> {
      const token = requireApiKey(PROVIDER, key, 'POLYGON_API_KEY');
      checkRange(from, to);
      const init = requestInit(signal, { Authorization: `Bearer ${token}` });
      const ticker = encodeURIComponent(symbol.trim().toUpperCase());
      const aggsUrl = `${base}/v2/aggs/ticker/${ticker}/range/1/day/${from}/${to}?adjusted=false&sort=asc&limit=50000`;
      const results = (await allPages(aggsUrl, aggsSchema, init)).flatMap((p) => p.results ?? []);
      const bars = ascendingUnique(
        PROVIDER,
        results
          .map((r) => ({
            date: newYorkDate(r.t),
            open: r.o,
            high: r.h,
            low: r.l,
            close: r.c,
            ...(r.v === undefined ? {} : { volume: r.v }),
            dividend: 0,
            split: 1,
          }))
          .filter((bar) => bar.date >= from && bar.date <= to),
      );
      if (bars.length === 0) {
        await http.get(`${base}/v3/reference/tickers/${ticker}`, init); // 404 → NOT_FOUND
        return [];
      }
      const range = (field: string): string => `${field}.gte=${from}&${field}.lte=${to}&limit=1000`;
      const dividends = await allPages(
        `${base}/v3/reference/dividends?ticker=${ticker}&${range('ex_dividend_date')}`,
        dividendsSchema,
        init,
      );
      for (const d of dividends.flatMap((p) => p.results ?? [])) {
        const bar = bars[firstBarFrom(bars, d.ex_dividend_date)];
        if (bar) bar.dividend += d.cash_amount;
      }
      const splits = await allPages(
        `${base}/v3/reference/splits?ticker=${ticker}&${range('execution_date')}`,
        splitsSchema,
        init,
      );
      for (const s of splits.flatMap((p) => p.results ?? [])) {
        const bar = bars[firstBarFrom(bars, s.execution_date)];
        if (bar) bar.split *= s.split_to / s.split_from;
      }
      return bars;
    },
  };
}
