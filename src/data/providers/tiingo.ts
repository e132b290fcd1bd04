/**
 * Tiingo end-of-day prices (https://www.tiingo.com/documentation/end-of-day).
 *
 * `GET {baseUrl}/tiingo/daily/{ticker}/prices?startDate=…&endDate=…&resampleFreq=daily` with the
 * key in the documented `Authorization: Token …` header (Tiingo also accepts `?token=`; the
 * header keeps the key out of every URL). The answer is a JSON array, one object per trading
 * day: `date` (`2020-08-31T00:00:00.000Z`, the exchange date), raw `open/high/low/close/volume`,
 * CRSP-adjusted `adjOpen/adjHigh/adjLow/adjClose/adjVolume`, `divCash` (cash dividend per share
 * on its ex-date) and `splitFactor` (e.g. 4 on a 4-for-1 split day, 1 otherwise).
 *
 * Errors: an unknown ticker is HTTP 404 `{"detail":"Error: Ticker 'X' not found"}` (NOT_FOUND);
 * a bad token 401 (UNAUTHORIZED); the hourly/daily allowance is 429 `{"detail":"Error: You have
 * run over your hourly request allocation."}` — the same detail in an HTTP 200 body is treated as
 * 429 too. A range without trading days is `[]`.
 */

import * as z from 'zod';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import { HttpClient } from '../http/http-client.ts';
import {
  ascendingUnique,
  checkRange,
  malformed,
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

const PROVIDER = 'tiingo';

/** Default Tiingo API host. */
export const TIINGO_BASE_URL = 'https://api.tiingo.com';

/** Options of {@link createTiingoProvider}: the Tiingo ones plus the HttpClient options. */
export interface TiingoProviderOptions extends ProviderHttpOptions {
  /** Tiingo API token (the caller reads `TIINGO_API_KEY`); without one every fetch is UNAUTHORIZED. */
  readonly apiKey?: string;
  /** API host, default {@link TIINGO_BASE_URL}. */
  readonly baseUrl?: string;
}

const optionalNumber = z.number().nullish();

const rowSchema = z.object({
  date: z.string(),
  open: optionalNumber,
  high: optionalNumber,
  low: optionalNumber,
  close: z.number(),
  volume: optionalNumber,
  adjClose: optionalNumber,
  divCash: z.number().nonnegative().nullish(),
  splitFactor: z.number().positive().nullish(),
});

/** Tiingo's body-level `detail` messages mean 404 (unknown ticker) or 429 (allowance used up). */
function tiingoStatus(_status: number, body: string): number | undefined {
  const detail = stringField(smallJsonObject(body), 'detail') ?? '';
  if (/not found/i.test(detail)) return 404;
  if (/request allocation|rate limit|too many requests/i.test(detail)) return 429;
  return undefined;
}

/** One Tiingo row as a {@link PriceBar} (raw prices, adjusted close, dividend, split). */
function toBar(row: z.infer<typeof rowSchema>): PriceBar {
  const date = row.date.slice(0, 10);
  if (!isIsoDate(date)) throw malformed(PROVIDER, `date "${row.date}" is not an ISO date`);
  return {
    date,
    ...(row.open == null ? {} : { open: row.open }),
    ...(row.high == null ? {} : { high: row.high }),
    ...(row.low == null ? {} : { low: row.low }),
    close: row.close,
    ...(row.adjClose == null ? {} : { adjClose: row.adjClose }),
    ...(row.volume == null ? {} : { volume: row.volume }),
    dividend: row.divCash ?? 0,
    split: row.splitFactor ?? 1,
  };
}

/**
 * A Tiingo provider (`name: 'tiingo'`, kind `prices`): unadjusted daily bars with Tiingo's
 * adjusted close, dividends and split factors, ascending, within [from, to]. Without an API key
 * every fetch fails with UNAUTHORIZED before any request.
 */
export function createTiingoProvider(options: TiingoProviderOptions = {}): PricesProvider {
  const { apiKey, baseUrl, ...httpOptions } = options;
  const key = apiKey?.trim() === '' ? undefined : apiKey?.trim();
  const base = baseUrl ?? TIINGO_BASE_URL;
  const http = new HttpClient({
    ...httpOptions,
    provider: PROVIDER,
    fetch: vendorStatusFetch({ fetch: httpOptions.fetch, rewrite: tiingoStatus, secret: key }),
  });

  return {
    name: PROVIDER,
    kinds: ['prices'],
    async fetchPrices({ symbol, from, to, signal }): Promise<PriceBar[]> {
      const token = requireApiKey(PROVIDER, key, 'TIINGO_API_KEY');
      checkRange(from, to);
      const ticker = encodeURIComponent(symbol.trim().toUpperCase());
      const url = `${base}/tiingo/daily/${ticker}/prices?startDate=${from}&endDate=${to}&resampleFreq=daily`;
      const res = await http.get(url, requestInit(signal, { Authorization: `Token ${token}` }));
      const rows = parseWith(PROVIDER, z.array(rowSchema), parseJson(PROVIDER, res.text));
      const bars = rows.map(toBar).filter((bar) => bar.date >= from && bar.date <= to);
      return ascendingUnique(PROVIDER, bars);
    },
  };
}
