import * as z from 'zod';
import { BallastError } from '../../domain/errors.ts';
import type { FetchFn, HttpClient } from '../http/http-client.ts';

/** Yahoo's JSON API hosts: these go through the retrying HttpClient. */
const API_HOST = /^query\d*\.finance\.yahoo\.com$/;

/** Yahoo's 400 "Data doesn't exist for startDate = …": the window holds no bars. */
export class NoBarsInWindow extends Error {}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  return Object.fromEntries(new Headers(headers ?? {}).entries());
}

function requestUrl(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/** A 400 from Yahoo's API: an empty window, or a refused request. */
function badRequest(text: string, url: string): Error {
  let description = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as Record<
      string,
      { error?: { description?: unknown } } | undefined
    >;
    const first = Object.values(body)[0];
    if (typeof first?.error?.description === 'string') description = first.error.description;
  } catch {
    // not JSON: keep the raw text
  }
  if (description.startsWith("Data doesn't exist")) return new NoBarsInWindow(description);
  return new BallastError('DATA_UNAVAILABLE', `yahoo: request refused (HTTP 400: ${description})`, {
    provider: 'yahoo',
    status: 400,
    url,
  });
}

/**
 * The fetch handed to yahoo-finance2. Requests to Yahoo's API hosts (chart, quote, search,
 * getcrumb) go through {@link HttpClient}: timeouts, retries with backoff and jitter,
 * Retry-After, request spacing, and status → BallastError mapping — so the library only ever
 * sees 2xx answers. The cookie/consent pages of the crumb flow (finance.yahoo.com, guce, consent)
 * are passed through unchanged (redirect: manual, POST) with a timeout.
 */
export function libraryFetch(http: HttpClient, raw: FetchFn, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const url = requestUrl(input);
    const signal = init?.signal ?? undefined;
    if (!API_HOST.test(new URL(url).hostname)) {
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        return await raw(url, {
          ...init,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (e) {
        if (signal?.aborted) throw e;
        const why = timeout.aborted ? `timed out after ${timeoutMs} ms` : String(e);
        throw new BallastError('DATA_UNAVAILABLE', `yahoo: cookie request failed: ${why}`, {
          provider: 'yahoo',
          url,
        });
      }
    }
    const res = await http.get(url, {
      headers: headerRecord(init?.headers),
      okStatuses: [400],
      ...(signal ? { signal } : {}),
    });
    if (res.status === 400) throw badRequest(res.text, url);
    return new Response(res.text, { status: res.status, headers: res.headers });
  };
}

/**
 * Yahoo's search answer, validated here rather than by yahoo-finance2: Yahoo now sends
 * lower-case `typeDisp` values ("equity", "etf"; recorded 2026-03-04) that the library's schema
 * (3.15) rejects. Hits without `isYahooFinance: true` (e.g. Crunchbase companies) have no symbol.
 */
export const searchAnswer = z.object({
  quotes: z.array(
    z.object({
      isYahooFinance: z.boolean().optional(),
      symbol: z.string().optional(),
      shortname: z.string().optional(),
      longname: z.string().optional(),
      exchange: z.string().optional(),
      exchDisp: z.string().optional(),
      quoteType: z.string().optional(),
    }),
  ),
});
