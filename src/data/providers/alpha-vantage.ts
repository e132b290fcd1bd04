/**
 * Alpha Vantage daily adjusted prices (https://www.alphavantage.co/documentation/#dailyadj).
 *
 * `GET {baseUrl}/query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=…&outputsize=full&datatype=json&apikey=…`
 * answers `{"Meta Data": {…}, "Time Series (Daily)": {"YYYY-MM-DD": {"1. open": "…", "2. high",
 * "3. low", "4. close", "5. adjusted close", "6. volume", "7. dividend amount", "8. split
 * coefficient"}}}` with every value a string, newest day first, the whole history at once: the
 * inclusive range is cut client-side (a range without trading days is `[]`).
 *
 * Alpha Vantage reports problems in HTTP 200 bodies; they are given the status they mean before
 * the HttpClient sees them:
 * - `{"Note": …}` (call frequency) and `{"Information": …}` (rate limit) → 429: retried with
 *   backoff, RATE_LIMITED once retries are spent;
 * - `{"Information": "… This is a premium endpoint …"}` → 403 → UNAUTHORIZED at once: the key
 *   lacks the entitlement (TIME_SERIES_DAILY_ADJUSTED is a premium endpoint), retrying cannot help;
 * - `{"Error Message": "Invalid API call …"}` → 404 → NOT_FOUND (unknown symbol);
 *   `{"Error Message": "… apikey is invalid or missing …"}` → 401 → UNAUTHORIZED.
 */

import * as z from 'zod';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import { HttpClient } from '../http/http-client.ts';
import {
  ascendingUnique,
  checkRange,
  parseJson,
  parseWith,
  requestInit,
  requireApiKey,
  smallJsonObject,
  stringField,
  vendorStatusFetch,
  type PricesProvider,
  type ProviderHttpOptions,
} from './api-provider-support.ts';

const PROVIDER = 'alpha-vantage';

/** Default Alpha Vantage API host. */
export const ALPHA_VANTAGE_BASE_URL = 'https://www.alphavantage.co';

/**
 * Options of {@link createAlphaVantageProvider}: the Alpha Vantage ones plus the HttpClient
 * options. Defaults suit the documented limits: `minIntervalMs` 1000 (at most one call a
 * second), `retries` 2 with `backoff` 2 s doubling to 20 s.
 */
export interface AlphaVantageProviderOptions extends ProviderHttpOptions {
  /** Calls a day (default {@link ALPHA_VANTAGE_DAILY_QUOTA}, the free plan's). */
  readonly dailyQuota?: number;
  /** Alpha Vantage key (the caller reads `ALPHA_VANTAGE_API_KEY`); without one fetches are UNAUTHORIZED. */
  readonly apiKey?: string;
  /** API host, default {@link ALPHA_VANTAGE_BASE_URL}. */
  readonly baseUrl?: string;
}

const TIME_SERIES = 'Time Series (Daily)';

/** A decimal written as a string ("144.6100"), as Alpha Vantage sends every number. */
const decimalString = z.string().transform((text, ctx) => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    ctx.addIssue({ code: 'custom', message: `not a number: "${text}"` });
    return z.NEVER;
  }
  return value;
});

const daySchema = z.object({
  '1. open': decimalString,
  '2. high': decimalString,
  '3. low': decimalString,
  '4. close': decimalString,
  '5. adjusted close': decimalString,
  '6. volume': decimalString,
  '7. dividend amount': decimalString.pipe(z.number().nonnegative()),
  '8. split coefficient': decimalString.pipe(z.number().positive()),
});

const responseSchema = z.object({
  [TIME_SERIES]: z.record(z.string().refine(isIsoDate, 'not a YYYY-MM-DD date'), daySchema),
});

/** The HTTP status an Alpha Vantage HTTP 200 message body really means (see the module doc). */
function alphaVantageStatus(status: number, body: string): number | undefined {
  const message = status === 200 ? smallJsonObject(body) : undefined;
  if (message === undefined || TIME_SERIES in message) return undefined;
  const information = stringField(message, 'Information');
  if (information !== undefined && /premium endpoint/i.test(information)) return 403;
  if (information !== undefined || stringField(message, 'Note') !== undefined) return 429;
  const error = stringField(message, 'Error Message');
  if (error !== undefined) return /apikey/i.test(error) ? 401 : 404;
  return undefined;
}

/** Requests a day of Alpha Vantage's free plan (https://www.alphavantage.co/premium/). */
export const ALPHA_VANTAGE_DAILY_QUOTA = 25;

/**
 * An Alpha Vantage provider (`name: 'alpha-vantage'`, kind `prices`): unadjusted daily bars
 * with the adjusted close, the cash dividend on its ex-date and the split coefficient on its
 * effective day, ascending, within [from, to]. Without an API key every fetch fails with
 * UNAUTHORIZED before any request.
 */
export function createAlphaVantageProvider(
  options: AlphaVantageProviderOptions = {},
): PricesProvider {
  const { apiKey, baseUrl, dailyQuota = ALPHA_VANTAGE_DAILY_QUOTA, ...httpOptions } = options;
  const key = apiKey?.trim() === '' ? undefined : apiKey?.trim();
  const base = baseUrl ?? ALPHA_VANTAGE_BASE_URL;
  const http = new HttpClient({
    minIntervalMs: 1000,
    retries: 2,
    backoff: { baseMs: 2000, maxMs: 20_000 },
    ...httpOptions,
    provider: PROVIDER,
    fetch: vendorStatusFetch({
      fetch: httpOptions.fetch,
      rewrite: alphaVantageStatus,
      secret: key,
    }),
  });

  return {
    name: PROVIDER,
    kinds: ['prices'],
    dailyQuota,
    async fetchPrices({ symbol, from, to, signal }): Promise<PriceBar[]> {
      const apikey = requireApiKey(PROVIDER, key, 'ALPHA_VANTAGE_API_KEY');
      checkRange(from, to);
      const url =
        `${base}/query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=${encodeURIComponent(symbol.trim().toUpperCase())}` +
        `&outputsize=full&datatype=json&apikey=${encodeURIComponent(apikey)}`;
      const res = await http.get(url, requestInit(signal));
      const days = parseWith(PROVIDER, responseSchema, parseJson(PROVIDER, res.text))[TIME_SERIES];
      const bars = Object.entries(days)
        .filter(([date]) => date >= from && date <= to)
        .map(([date, day]): PriceBar => ({
          date,
          open: day['1. open'],
          high: day['2. high'],
          low: day['3. low'],
          close: day['4. close'],
          adjClose: day['5. adjusted close'],
          volume: day['6. volume'],
          dividend: day['7. dividend amount'],
          split: day['8. split coefficient'],
        }));
      return ascendingUnique(PROVIDER, bars);
    },
  };
}
