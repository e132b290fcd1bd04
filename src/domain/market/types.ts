import type { IsoDate } from '../calendar/iso-date.ts';

/**
 * One trading day of an instrument, as the provider reported it. Prices are **unadjusted**
 * (as traded that day) in the instrument's currency; `adjClose` is the provider's split- and
 * dividend-adjusted close when it gives one. `dividend` is the cash dividend per share on its
 * ex-date (0 when none); `split` is the split ratio effective that day (2 for 2-for-1, 1 when
 * none).
 */
export interface PriceBar {
  readonly date: IsoDate;
  readonly open?: number;
  readonly high?: number;
  readonly low?: number;
  readonly close: number;
  readonly adjClose?: number;
  readonly volume?: number;
  readonly dividend: number;
  readonly split: number;
}

/**
 * One observation of an economic series (a yield in decimal, a CPI level, …). `date` is the
 * observation date the source gives; `availableFrom` is the first day the value was public
 * (release date) when known — consumers use it to avoid look-ahead.
 */
export interface SeriesPoint {
  readonly date: IsoDate;
  readonly value: number;
  readonly availableFrom?: IsoDate;
}

/** Where stored data came from: provider name and when it was fetched (ISO timestamp, UTC). */
export interface Provenance {
  readonly source: string;
  readonly fetchedAt: string;
}

/** A price bar with its provenance, as the store returns it. */
export interface StoredPriceBar extends PriceBar, Provenance {}

/** A series point with its provenance, as the store returns it. */
export interface StoredSeriesPoint extends SeriesPoint, Provenance {}

/** What kind of data a request asks for (each kind has its own provider fallback chain). */
export type DataKind = 'prices' | 'series' | 'quote' | 'search';

/** A latest quote. `time` is the provider's ISO timestamp of the price. */
export interface Quote {
  readonly symbol: string;
  readonly price: number;
  readonly currency?: string;
  readonly time: string;
  readonly source: string;
}

/** A symbol search hit. */
export interface SymbolMatch {
  readonly symbol: string;
  readonly name: string;
  readonly exchange?: string;
  readonly type?: string;
}

/** Reference data of an instrument. */
export interface Instrument {
  readonly symbol: string;
  readonly name?: string;
  /** `etf`, `mutual_fund`, `equity`, `index`, `series`, … */
  readonly kind?: string;
  readonly currency?: string;
  readonly exchange?: string;
}
