import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type {
  DataKind,
  PriceBar,
  Quote,
  SeriesPoint,
  SymbolMatch,
} from '../../domain/market/types.ts';

/** A request for daily bars of one symbol over an inclusive date range. */
export interface PriceRequest {
  readonly symbol: string;
  readonly from: IsoDate;
  /** Inclusive end date. */
  readonly to: IsoDate;
  readonly signal?: AbortSignal;
}

/** A request for observations of one economic series over an inclusive date range. */
export interface SeriesRequest {
  /** Provider-native id, e.g. `DGS3MO`, `CPIAUCSL`. */
  readonly seriesId: string;
  readonly from: IsoDate;
  /** Inclusive end date. */
  readonly to: IsoDate;
  readonly signal?: AbortSignal;
}

/**
 * The one contract every market-data source implements (Yahoo, FRED, Stooq, Tiingo, Alpha
 * Vantage, Polygon, local CSV). A provider implements the methods of the kinds it lists.
 *
 * Semantics shared by all providers (checked by the shared contract suite):
 * - Prices are unadjusted daily bars with dividends (cash per share on the ex-date) and splits
 *   (ratio on the effective date); `adjClose` when the source has it. Dates ascending, unique,
 *   within [from, to] inclusive.
 * - Yields and rates are decimals: a source quoting percent is divided by 100 unconditionally.
 * - An empty range (weekend, holiday, before listing) returns `[]`, not an error.
 * - Failures are `BallastError`s: NOT_FOUND (unknown symbol/series), UNAUTHORIZED (missing or
 *   rejected key), RATE_LIMITED (still limited after retries), DATA_UNAVAILABLE (outage after
 *   retries, or a malformed payload — `details.reason: 'malformed'`), each with
 *   `details.provider`.
 * - Providers never invent, pad or fill data.
 */
export interface MarketDataProvider {
  /** Short lower-case name used in provenance and `--provider` (e.g. `yahoo`). */
  readonly name: string;
  /** Kinds of data this provider can supply. */
  readonly kinds: readonly DataKind[];
  /**
   * Calls a day the provider's plan allows (a UTC day), when it has such a quota: the
   * market-data service counts the day's calls in the fetch log and skips the provider once
   * they are used, or once it answered RATE_LIMITED that day (docs/data-refresh.md).
   */
  readonly dailyQuota?: number;
  fetchPrices?(request: PriceRequest): Promise<PriceBar[]>;
  fetchSeries?(request: SeriesRequest): Promise<SeriesPoint[]>;
  fetchQuote?(symbol: string, signal?: AbortSignal): Promise<Quote>;
  search?(query: string, signal?: AbortSignal): Promise<SymbolMatch[]>;
}
