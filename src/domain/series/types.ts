/**
 * Return series: dated decimal returns in ascending date order. Whether a series holds simple
 * returns (P_t/P_{t−1} − 1) or log returns (ln(P_t/P_{t−1})) is stated by the function that
 * produced it; the two are never mixed in one computation (docs/conventions.md, "Returns").
 */

import type { IsoDate } from '../calendar/iso-date.ts';

/** One period's return as a decimal (0.005 = +0.5 %), labelled by the period's last day. */
export interface ReturnPoint {
  readonly date: IsoDate;
  readonly value: number;
}

/** Returns in strictly ascending date order, one point per period, no gaps filled. */
export type ReturnSeries = readonly ReturnPoint[];

/** Simple (arithmetic) or continuously compounded (log) returns. */
export type ReturnScale = 'simple' | 'log';

/** Facts about a resampled series that a reader must know to interpret its ends. */
export interface ReturnSeriesFlags {
  /**
   * The first bucket does not cover its whole calendar period: its first observation is later
   * than the bucket's first trading day on the exchange calendar. The bucket is kept.
   */
  readonly partialFirstBucket: boolean;
  /** The last bucket ends before the bucket's last trading day (period still running). */
  readonly partialLastBucket: boolean;
}

/** A return series together with its {@link ReturnSeriesFlags}. */
export interface FlaggedSeries {
  readonly points: ReturnSeries;
  readonly flags: ReturnSeriesFlags;
}
