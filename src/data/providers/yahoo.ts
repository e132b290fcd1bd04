import YahooFinance from 'yahoo-finance2';
import { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';
import { getCrumbClear } from 'yahoo-finance2/lib/getCrumb';
import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { PriceBar, Quote, SymbolMatch } from '../../domain/market/types.ts';
import { HttpClient, type FetchFn } from '../http/http-client.ts';
import { libraryFetch, NoBarsInWindow, searchAnswer } from './yahoo-fetch.ts';
import type { MarketDataProvider, PriceRequest } from './provider.ts';
import {
  chartSplits,
  chartToPriceBars,
  malformedYahoo,
  type YahooChart,
  type YahooSplit,
} from './yahoo-chart.ts';

/** Options of {@link createYahooProvider}. */
export interface YahooProviderOptions {
  /** The fetch every request goes through (default: the global fetch). */
  readonly fetch?: FetchFn;
  /** Retries of a transient failure (network, timeout, 408/425/429/5xx; default 3). */
  readonly retries?: number;
  /** Backoff of the retries (default 500 ms doubling up to 8 s, with jitter). */
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  /** Per-request timeout in ms (default 15 000). */
  readonly timeoutMs?: number;
  /** Minimum spacing between API requests in ms (default 250: at most 4 a second). */
  readonly minIntervalMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Wall clock in ms since the epoch (default `Date.now`): decides whether later splits exist. */
  readonly now?: () => number;
}

const DAY_MS = 86_400_000;
const silentLogger = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };

/** The fields of a yahoo-finance2 quote this provider reads. */
interface YahooQuote {
  readonly symbol: string;
  readonly currency?: string | undefined;
  readonly regularMarketPrice?: number | undefined;
  readonly regularMarketTime?: Date | undefined;
}

function utcMidnight(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Maps what the library threw: BallastErrors and the caller's abort pass, the rest is malformed. */
function mapFailure(e: unknown, signal: AbortSignal | undefined): unknown {
  if (e instanceof BallastError || e instanceof NoBarsInWindow || signal?.aborted) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof Error && e.name === 'InvalidOptionsError') {
    return new BallastError('INTERNAL', `yahoo: the request was built wrongly: ${message}`, {
      provider: 'yahoo',
    });
  }
  return malformedYahoo(message.slice(0, 300));
}

function normaliseSymbol(symbol: string): string {
  const s = symbol.trim().toUpperCase();
  if (!/^[A-Z0-9.^=\-/$]+$/.test(s)) throw invalidInput('symbol', symbol, 'not a ticker symbol');
  return s;
}

function checkRange(request: PriceRequest): void {
  if (!isIsoDate(request.from))
    throw invalidInput('from', request.from, 'not a calendar date in YYYY-MM-DD form');
  if (!isIsoDate(request.to))
    throw invalidInput('to', request.to, 'not a calendar date in YYYY-MM-DD form');
  if (request.from > request.to)
    throw invalidInput('from', request.from, `is after to (${request.to})`);
}

/** SymbolMatch.type from Yahoo's quoteType (`MUTUALFUND` → `mutual_fund`, `ETF` → `etf`). */
function matchType(quoteType: string): string {
  return quoteType === 'MUTUALFUND' ? 'mutual_fund' : quoteType.toLowerCase();
}

/**
 * The Yahoo Finance provider, built on yahoo-finance2 (chart, quote, search) with every HTTP
 * request going through the injected `fetch` (tests point it at a local mock server).
 *
 * Kinds: `prices`, `quote`, `search`. No API key. Prices are daily bars from the v8 chart API
 * with dividend and split events, **un-adjusted** from Yahoo's split-adjusted OHLC (see
 * {@link chartToPriceBars}); `adjClose` is Yahoo's split- and dividend-adjusted close. The end
 * date is inclusive: Yahoo's `period2` is exclusive, and the window asked for is padded by a day
 * on each side (for exchanges far from UTC) and then cut to [from, to] on exchange-local dates.
 * When the window ends before today a second, monthly chart request fetches the splits after
 * it (needed to un-adjust). Quotes need Yahoo's cookie + crumb, which yahoo-finance2 obtains once
 * per provider (own cookie jar) and renews once on a 401.
 *
 * Errors: unknown symbol NOT_FOUND (Yahoo answers 404); a window without bars (Yahoo's 400 "Data
 * doesn't exist for startDate") `[]`; unparsable or schema-invalid payloads DATA_UNAVAILABLE with
 * `reason: 'malformed'` (not retried); outages and 429 after retries DATA_UNAVAILABLE /
 * RATE_LIMITED. The library's console logging, notices and npm version check are switched off.
 */
export function createYahooProvider(options: YahooProviderOptions = {}): MarketDataProvider {
  const raw: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const http = new HttpClient({
    provider: 'yahoo',
    fetch: raw,
    timeoutMs,
    minIntervalMs: options.minIntervalMs ?? 250,
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const now = options.now ?? Date.now;
  const cookieJar = new ExtendedCookieJar();
  const yf = new YahooFinance({
    fetch: libraryFetch(http, raw, timeoutMs),
    cookieJar,
    logger: silentLogger,
    suppressNotices: ['yahooSurvey'],
    versionCheck: false,
    validation: { logErrors: false, logOptionsErrors: false },
  });
  const moduleOptions = (signal?: AbortSignal): { fetchOptions?: RequestInit } =>
    signal ? { fetchOptions: { signal } } : {};

  async function run<T>(op: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await op();
    } catch (e) {
      throw mapFailure(e, signal);
    }
  }

  async function chart(
    symbol: string,
    window: { period1: number; period2: number; monthly?: boolean },
    signal?: AbortSignal,
  ): Promise<YahooChart | undefined> {
    try {
      return await run(
        () =>
          yf.chart(
            symbol,
            {
              period1: new Date(window.period1),
              period2: new Date(window.period2),
              interval: window.monthly ? '1mo' : '1d',
              events: window.monthly ? 'split' : 'div|split',
              includePrePost: false,
              return: 'array',
            },
            moduleOptions(signal),
          ),
        signal,
      );
    } catch (e) {
      if (e instanceof NoBarsInWindow) return undefined;
      if (e instanceof BallastError && e.code === 'NOT_FOUND') {
        throw new BallastError('NOT_FOUND', `yahoo: unknown symbol ${symbol}`, {
          ...e.details,
          symbol,
        });
      }
      throw e;
    }
  }

  async function laterSplits(
    symbol: string,
    since: number,
    signal?: AbortSignal,
  ): Promise<YahooSplit[]> {
    const until = now();
    if (until - since < DAY_MS) return [];
    const later = await chart(symbol, { period1: since, period2: until, monthly: true }, signal);
    return later ? chartSplits(later) : [];
  }

  return {
    name: 'yahoo',
    kinds: ['prices', 'quote', 'search'],

    async fetchPrices(request: PriceRequest): Promise<PriceBar[]> {
      checkRange(request);
      const symbol = normaliseSymbol(request.symbol);
      const period1 = utcMidnight(request.from) - DAY_MS;
      const period2 = utcMidnight(request.to) + 2 * DAY_MS;
      const daily = await chart(symbol, { period1, period2 }, request.signal);
      if (!daily || daily.quotes.length === 0) return [];
      const later = await laterSplits(symbol, period2, request.signal);
      return chartToPriceBars(daily, later, request);
    },

    async fetchQuote(symbol: string, signal?: AbortSignal): Promise<Quote> {
      const sym = normaliseSymbol(symbol);
      // yahoo-finance2 answers `undefined` for a symbol Yahoo does not know.
      const ask = (): Promise<YahooQuote | undefined> =>
        run(
          async () => (await yf.quote(sym, {}, moduleOptions(signal))) as YahooQuote | undefined,
          signal,
        );
      let q: YahooQuote | undefined;
      try {
        q = await ask();
      } catch (e) {
        if (!(e instanceof BallastError && e.code === 'UNAUTHORIZED')) throw e;
        await getCrumbClear(cookieJar); // Yahoo rejected the crumb: fetch a fresh one, once
        q = await ask();
      }
      if (!q)
        throw new BallastError('NOT_FOUND', `yahoo: unknown symbol ${sym}`, {
          provider: 'yahoo',
          symbol: sym,
        });
      const price = q.regularMarketPrice;
      const time = q.regularMarketTime;
      if (typeof price !== 'number' || !Number.isFinite(price) || !(time instanceof Date)) {
        throw malformedYahoo(`quote of ${sym} has no regular market price and time`, {
          symbol: sym,
        });
      }
      return {
        symbol: q.symbol,
        price,
        ...(q.currency ? { currency: q.currency } : {}),
        time: time.toISOString(),
        source: 'yahoo',
      };
    },

    async search(query: string, signal?: AbortSignal): Promise<SymbolMatch[]> {
      const q = query.trim();
      if (q === '') throw invalidInput('query', query, 'a search text is required');
      const raw = await run(
        () => yf.search(q, { newsCount: 0 }, { validateResult: false, ...moduleOptions(signal) }),
        signal,
      );
      const parsed = searchAnswer.safeParse(raw);
      if (!parsed.success)
        throw malformedYahoo(`search answer: ${parsed.error.message.slice(0, 200)}`);
      return parsed.data.quotes.flatMap((hit) => {
        if (hit.isYahooFinance !== true || !hit.symbol) return [];
        const exchange = hit.exchDisp ?? hit.exchange;
        return [
          {
            symbol: hit.symbol,
            name: hit.longname ?? hit.shortname ?? hit.symbol,
            ...(exchange ? { exchange } : {}),
            ...(hit.quoteType ? { type: matchType(hit.quoteType) } : {}),
          },
        ];
      });
    },
  };
}
