/**
 * FRED (Federal Reserve Bank of St. Louis) economic series: Treasury and TIPS yields, policy
 * rates, CPI and PCE price indexes.
 *
 * - With an API key: `GET {baseUrl}/fred/series/observations?series_id=…&file_type=json&
 *   observation_start=…&observation_end=…&api_key=…` (https://fred.stlouisfed.org/docs/api/fred/series_observations.html).
 *   Values are strings; `"."` marks a missing observation (a holiday) and the point is skipped,
 *   never zero-filled. Errors come as `{"error_code": 400, "error_message": "Bad Request.  The
 *   series does not exist."}` (→ NOT_FOUND) or `… api_key …` (→ UNAUTHORIZED); 429 is FRED's
 *   rate limit (120 requests a minute per key; the client spaces requests 500 ms apart).
 * - Without a key: the key-less graph download `GET {csvBaseUrl}/graph/fredgraph.csv?id=…&cosd=…&coed=…`,
 *   header `observation_date,ID` (current) or `DATE,ID` (older files); `.` or an empty cell is
 *   missing.
 *
 * Units follow the table in `fred-series.ts`: percent series are divided by 100
 * unconditionally (5.25 → 0.0525), price indexes stay levels, an id outside the table is
 * INVALID_INPUT unless its unit is passed in `seriesUnits`.
 *
 * Release dates (CPIAUCSL, CPIAUCNS, CPILFESL, CPILFENS, PCEPI, PCEPILFE): each point carries
 * `availableFrom`. With a key it is the ALFRED first-release date — a second request with
 * `output_type=4` ("initial release only") over the real-time window 1776-07-04…9999-12-31
 * returns one row per observation whose `realtime_start` is the day it was first published.
 * Observations older than ALFRED's archive, and the key-less path, use the release-lag rule of
 * `fred-series.ts` (CPI: 15th of M+1; PCE: last day of M+1). Values are the latest vintage
 * (revisions included); only the availability date comes from ALFRED.
 */

import * as z from 'zod';
import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { SeriesPoint } from '../../domain/market/types.ts';
import { HttpClient } from '../http/http-client.ts';
import {
  ascendingUnique,
  checkRange,
  parseJson,
  parseWith,
  requestInit,
  vendorStatusFetch,
  type ProviderHttpOptions,
  type SeriesProvider,
} from './api-provider-support.ts';
import { fredNumber, parseFredCsv } from './fred-csv.ts';
import { availableFrom, FRED_RELEASE_RULES, fredSeriesUnit, type FredUnit } from './fred-series.ts';

const PROVIDER = 'fred';

/** Host of the FRED API (used when an API key is given). */
export const FRED_API_BASE_URL = 'https://api.stlouisfed.org';
/** Host of the key-less `fredgraph.csv` download. */
export const FRED_CSV_BASE_URL = 'https://fred.stlouisfed.org';

/** ALFRED's full real-time window: every vintage ever published. */
const ALL_VINTAGES = 'realtime_start=1776-07-04&realtime_end=9999-12-31';

/**
 * Options of {@link createFredProvider}: the FRED-specific ones below plus the HttpClient
 * options (retries, backoff, timeoutMs, fetch, sleep …; `minIntervalMs` defaults to 500).
 */
export interface FredProviderOptions extends ProviderHttpOptions {
  /** FRED API key (the caller reads `FRED_API_KEY`); without one the key-less CSV is used. */
  readonly apiKey?: string;
  /** API host, default {@link FRED_API_BASE_URL}. */
  readonly baseUrl?: string;
  /** CSV host, default {@link FRED_CSV_BASE_URL}. */
  readonly csvBaseUrl?: string;
  /** Units of series outside the built-in table (or overriding it), by upper-case FRED id. */
  readonly seriesUnits?: Readonly<Record<string, FredUnit>>;
}

/** One observation as FRED quotes it (before unit conversion); missing ones are already dropped. */
interface Observation {
  readonly date: IsoDate;
  readonly value: number;
}

const isoDate = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');

const observationsSchema = z.object({
  count: z.number().int().nonnegative().optional(),
  observations: z.array(z.object({ date: isoDate, value: z.string() })),
});

const firstReleaseSchema = z.object({
  observations: z.array(z.object({ date: isoDate, realtime_start: isoDate })),
});

/** FRED answers a bad series id or key with HTTP 400; give those their real meaning. */
function fredStatus(status: number, body: string): number | undefined {
  if (status !== 400) return undefined;
  if (/does not exist/i.test(body)) return 404;
  if (/api_key/i.test(body)) return 401;
  return undefined;
}

/**
 * A FRED provider (`name: 'fred'`, kind `series`). Series ids are trimmed and upper-cased.
 * Returned values are decimals for percent series and levels for indexes, dated as FRED dates
 * them (monthly series on the 1st of the month), ascending, within [from, to].
 */
export function createFredProvider(options: FredProviderOptions = {}): SeriesProvider {
  const { apiKey: rawKey, baseUrl, csvBaseUrl, seriesUnits, ...httpOptions } = options;
  const apiKey = rawKey?.trim() === '' ? undefined : rawKey?.trim();
  const apiBase = baseUrl ?? FRED_API_BASE_URL;
  const csvBase = csvBaseUrl ?? FRED_CSV_BASE_URL;
  const http = new HttpClient({
    minIntervalMs: 500,
    ...httpOptions,
    provider: PROVIDER,
    fetch: vendorStatusFetch({ fetch: httpOptions.fetch, rewrite: fredStatus, secret: apiKey }),
  });
  const enc = encodeURIComponent;

  async function apiObservations(key: string, id: string, range: Range): Promise<Observation[]> {
    const out: Observation[] = [];
    for (let offset = 0; ;) {
      const page = offset > 0 ? `&offset=${offset}` : '';
      const url =
        `${apiBase}/fred/series/observations?series_id=${enc(id)}&file_type=json` +
        `&observation_start=${range.from}&observation_end=${range.to}${page}&api_key=${enc(key)}`;
      const res = await http.get(url, requestInit(range.signal));
      const body = parseWith(PROVIDER, observationsSchema, parseJson(PROVIDER, res.text));
      for (const o of body.observations) {
        const value = fredNumber(o.date, o.value);
        if (value !== undefined) out.push({ date: o.date, value });
      }
      offset += body.observations.length;
      if (body.observations.length === 0 || body.count === undefined || offset >= body.count)
        return out;
    }
  }

  async function firstReleases(
    key: string,
    id: string,
    range: Range,
  ): Promise<Map<IsoDate, IsoDate>> {
    const url =
      `${apiBase}/fred/series/observations?series_id=${enc(id)}&file_type=json` +
      `&observation_start=${range.from}&observation_end=${range.to}&output_type=4&${ALL_VINTAGES}` +
      `&api_key=${enc(key)}`;
    const res = await http.get(url, requestInit(range.signal));
    const body = parseWith(PROVIDER, firstReleaseSchema, parseJson(PROVIDER, res.text));
    const first = new Map<IsoDate, IsoDate>();
    for (const o of body.observations) {
      const known = first.get(o.date);
      if (known === undefined || o.realtime_start < known) first.set(o.date, o.realtime_start);
    }
    return first;
  }

  async function csvObservations(id: string, range: Range): Promise<Observation[]> {
    const url = `${csvBase}/graph/fredgraph.csv?id=${enc(id)}&cosd=${range.from}&coed=${range.to}`;
    const res = await http.get(url, requestInit(range.signal));
    return parseFredCsv(res.text, id);
  }

  return {
    name: PROVIDER,
    kinds: ['series'],
    async fetchSeries({ seriesId, from, to, signal }): Promise<SeriesPoint[]> {
      checkRange(from, to);
      const id = seriesId.trim().toUpperCase();
      if (id === '') throw invalidInput('seriesId', seriesId, 'must be a FRED series id');
      const unit = fredSeriesUnit(id, seriesUnits);
      const rule = FRED_RELEASE_RULES[id];
      const range: Range = { from, to, ...(signal ? { signal } : {}) };
      const raw = apiKey
        ? await apiObservations(apiKey, id, range)
        : await csvObservations(id, range);
      const observations = raw.filter((o) => o.date >= from && o.date <= to);
      const released =
        rule && apiKey && observations.length > 0
          ? await firstReleases(apiKey, id, range)
          : new Map<IsoDate, IsoDate>();
      const points = observations.map((o): SeriesPoint => ({
        date: o.date,
        value: unit === 'percent' ? o.value / 100 : o.value,
        ...(rule ? { availableFrom: availableFrom(rule, o.date, released.get(o.date)) } : {}),
      }));
      return ascendingUnique(PROVIDER, points);
    },
  };
}

/** An inclusive request range with its abort signal. */
interface Range {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly signal?: AbortSignal;
}
