import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';
import { parseCsv, type CsvRow } from '../csv/parse-csv.ts';
import { HttpClient, type FetchFn } from '../http/http-client.ts';
import type { MarketDataProvider, PriceRequest } from './provider.ts';

/** Options of {@link createStooqProvider}. */
export interface StooqProviderOptions {
  /** Scheme and host of Stooq (default `https://stooq.com`); tests point it at a mock server. */
  readonly baseUrl?: string;
  /** Stooq API key, sent as `apikey` when set (the integrator reads `STOOQ_API_KEY`). */
  readonly apiKey?: string;
  readonly fetch?: FetchFn;
  /** Retries of a transient failure (default 3). */
  readonly retries?: number;
  readonly backoff?: { readonly baseMs: number; readonly maxMs: number };
  /** Per-request timeout in ms (default 15 000). */
  readonly timeoutMs?: number;
  /** Minimum spacing between requests in ms (default 500; Stooq bans aggressive clients). */
  readonly minIntervalMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Stooq market suffixes kept as written (`vod.uk`, `sap.de`, `btc.v`, `10usy.b`). */
const MARKET_SUFFIXES = new Set(['us', 'uk', 'de', 'jp', 'hk', 'hu', 'pl', 'v', 'b', 'f']);

/**
 * Stooq's symbol for a Ballast symbol: lower-case; indices (`^SPX`) and symbols that already
 * carry a Stooq market suffix (`VOD.UK`) as written; anything else is taken as a US ticker and
 * gets `.us` (`SPY` → `spy.us`). Share classes are written with a dash (`BRK-B` → `brk-b.us`).
 */
export function stooqSymbol(symbol: string): string {
  const s = symbol.trim().toLowerCase();
  if (!/^[a-z0-9.^=\-_]+$/.test(s)) throw invalidInput('symbol', symbol, 'not a ticker symbol');
  const suffix = s.includes('.') ? s.slice(s.lastIndexOf('.') + 1) : '';
  if (s.startsWith('^') || MARKET_SUFFIXES.has(suffix)) return s;
  return `${s}.us`;
}

function malformed(why: string, details: Record<string, unknown> = {}): BallastError {
  return new BallastError('DATA_UNAVAILABLE', `stooq: malformed response: ${why}`, {
    provider: 'stooq',
    reason: 'malformed',
    ...details,
  });
}

function cell(row: CsvRow, column: string, required: boolean): number | undefined {
  const text = row.cells[column];
  if (text === undefined || text === '') {
    if (required)
      throw malformed(`line ${row.line}: ${column} is empty`, { line: row.line, column });
    return undefined;
  }
  const n = Number(text);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || !Number.isFinite(n) || n < 0) {
    throw malformed(`line ${row.line}: ${column} is ${JSON.stringify(text)}`, {
      line: row.line,
      column,
      value: text,
    });
  }
  return n;
}

/**
 * Parses Stooq's daily CSV (`Date,Open,High,Low,Close[,Volume]`, ISO dates, ascending) into
 * bars within [from, to]. Stooq's prices are split- **and dividend-adjusted**, so `close` and
 * `adjClose` both carry the adjusted close, `dividend` is 0 and `split` is 1: total returns from
 * these bars are right, but Stooq cannot supply traded (unadjusted) prices or dividend amounts.
 *
 * @throws BallastError DATA_UNAVAILABLE (`reason: 'malformed'`) for anything but that CSV.
 */
export function parseStooqCsv(
  text: string,
  range: { readonly from: IsoDate; readonly to: IsoDate },
): PriceBar[] {
  if (/^\s*</.test(text)) {
    throw malformed(
      'an HTML page instead of CSV (Stooq may want a browser check or an API key: STOOQ_API_KEY)',
    );
  }
  let table;
  try {
    table = parseCsv(text, 'stooq response');
  } catch (e) {
    throw malformed(e instanceof Error ? e.message : String(e));
  }
  if (!table.header.includes('date') || !table.header.includes('close')) {
    throw malformed(`header ${JSON.stringify(table.header.join(','))} lacks Date and Close`);
  }
  const bars: PriceBar[] = [];
  let previous = '';
  for (const row of table.rows) {
    const date = row.cells['date'] ?? '';
    if (!isIsoDate(date))
      throw malformed(`line ${row.line}: date ${JSON.stringify(date)}`, { line: row.line });
    if (date <= previous)
      throw malformed(`line ${row.line}: date ${date} is not after ${previous}`, {
        line: row.line,
      });
    previous = date;
    if (date < range.from || date > range.to) continue;
    const close = cell(row, 'close', true)!;
    if (close === 0) throw malformed(`line ${row.line}: close is 0`, { line: row.line });
    const open = cell(row, 'open', false);
    const high = cell(row, 'high', false);
    const low = cell(row, 'low', false);
    const volume = cell(row, 'volume', false);
    bars.push({
      date,
      ...(open === undefined ? {} : { open }),
      ...(high === undefined ? {} : { high }),
      ...(low === undefined ? {} : { low }),
      close,
      adjClose: close,
      ...(volume === undefined ? {} : { volume }),
      dividend: 0,
      split: 1,
    });
  }
  return bars;
}

const compact = (date: IsoDate): string => date.replaceAll('-', '');

/**
 * The Stooq provider: daily CSV from `/q/d/l/?s=spy.us&d1=YYYYMMDD&d2=YYYYMMDD&i=d` (d2
 * inclusive) through {@link HttpClient}. Kind: `prices` only. No key is needed historically; an
 * optional `apiKey` is sent as `apikey`.
 *
 * Prices are **adjusted** (see {@link parseStooqCsv}): `close = adjClose`, no dividends, no
 * splits. Stooq answers HTTP 200 in every case: the body `No data` means either an unknown
 * symbol or a range without sessions — a second, cheap request for the yearly series
 * (`i=y`, no dates) tells them apart (NOT_FOUND vs `[]`); `Exceeded the daily hits limit` is
 * RATE_LIMITED (not retried: the quota is daily).
 */
export function createStooqProvider(options: StooqProviderOptions = {}): MarketDataProvider {
  const baseUrl = (options.baseUrl ?? 'https://stooq.com').replace(/\/+$/, '');
  const http = new HttpClient({
    provider: 'stooq',
    minIntervalMs: options.minIntervalMs ?? 500,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.random ? { random: options.random } : {}),
  });

  async function download(params: Record<string, string>, signal?: AbortSignal): Promise<string> {
    const query = new URLSearchParams({
      ...params,
      ...(options.apiKey ? { apikey: options.apiKey } : {}),
    });
    const res = await http.get(`${baseUrl}/q/d/l/?${query.toString()}`, signal ? { signal } : {});
    const text = res.text.trim();
    if (/exceeded the daily hits limit/i.test(text)) {
      throw new BallastError('RATE_LIMITED', 'stooq: exceeded the daily hits limit', {
        provider: 'stooq',
      });
    }
    return text;
  }

  const isNoData = (text: string): boolean => /^no data$/i.test(text);

  return {
    name: 'stooq',
    kinds: ['prices'],

    async fetchPrices(request: PriceRequest): Promise<PriceBar[]> {
      const { from, to, signal } = request;
      if (!isIsoDate(from))
        throw invalidInput('from', from, 'not a calendar date in YYYY-MM-DD form');
      if (!isIsoDate(to)) throw invalidInput('to', to, 'not a calendar date in YYYY-MM-DD form');
      if (from > to) throw invalidInput('from', from, `is after to (${to})`);
      const s = stooqSymbol(request.symbol);
      const text = await download({ s, d1: compact(from), d2: compact(to), i: 'd' }, signal);
      if (!isNoData(text)) return parseStooqCsv(text, { from, to });
      const yearly = await download({ s, i: 'y' }, signal);
      if (isNoData(yearly)) {
        throw new BallastError('NOT_FOUND', `stooq: unknown symbol ${s}`, {
          provider: 'stooq',
          symbol: s,
        });
      }
      parseStooqCsv(yearly, { from, to }); // the symbol exists: make sure it really is Stooq's CSV
      return [];
    },
  };
}
