/**
 * Vocabulary of the price-series data-quality report (`data-quality.ts`). Every finding is an
 * itemised issue; nothing is deleted or corrected.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';

/**
 * Kinds of finding:
 * - `gap`: trading days of the exchange calendar missing inside the observed range;
 * - `non_trading_day`: an observation on a day the exchange is closed;
 * - `duplicate_date`: a second bar for the same date (the first is kept for the checks);
 * - `non_positive_price`: close or adjusted close ≤ 0 or not finite;
 * - `stale`: the same close on ≥ `staleDays` consecutive bars;
 * - `zero_return_run`: ≥ `zeroReturnRun` consecutive exactly-zero total returns (not already
 *   reported as stale);
 * - `jump`: |total return| above `jumpThreshold` (flagged, never removed: a −20 % crash stays);
 * - `split_anomaly`: a close move matching a common split ratio with no split recorded, or a
 *   recorded split the close did not follow;
 * - `dividend_anomaly`: a negative dividend or one above `largeDividendRatio` × previous close.
 */
export type QualityIssueKind =
  | 'gap'
  | 'non_trading_day'
  | 'duplicate_date'
  | 'non_positive_price'
  | 'stale'
  | 'zero_return_run'
  | 'jump'
  | 'split_anomaly'
  | 'dividend_anomaly';

/** One finding: the (first) date concerned, its kind and a human-readable detail. */
export interface QualityIssue {
  readonly date: IsoDate;
  readonly kind: QualityIssueKind;
  readonly detail: string;
}

/** Options of the quality report; every threshold has a documented default. */
export interface QualityOptions {
  /** Exchange calendar the gaps are measured against. */
  readonly calendar: TradingCalendar;
  /** |daily total return| above this is a `jump` (default 0.15 = 15 %). */
  readonly jumpThreshold?: number;
  /** Identical closes on this many consecutive bars is `stale` (default 5). */
  readonly staleDays?: number;
  /** This many consecutive zero total returns is a `zero_return_run` (default 3). */
  readonly zeroReturnRun?: number;
  /** A dividend above this fraction of the previous close is suspicious (default 0.25). */
  readonly largeDividendRatio?: number;
  /** Split ratios considered common (default 1.5, 2, 3, 4, 5, 8, 10, 20 and their reverses). */
  readonly splitRatios?: readonly number[];
  /** Relative tolerance when matching a close move to a split ratio (default 0.02). */
  readonly splitTolerance?: number;
}

/** {@link QualityOptions} with every default applied. */
export type ResolvedQualityOptions = Required<QualityOptions>;

/** Applies the documented defaults. */
export function resolveQualityOptions(options: QualityOptions): ResolvedQualityOptions {
  return {
    calendar: options.calendar,
    jumpThreshold: options.jumpThreshold ?? 0.15,
    staleDays: options.staleDays ?? 5,
    zeroReturnRun: options.zeroReturnRun ?? 3,
    largeDividendRatio: options.largeDividendRatio ?? 0.25,
    splitRatios: options.splitRatios ?? [1.5, 2, 3, 4, 5, 8, 10, 20],
    splitTolerance: options.splitTolerance ?? 0.02,
  };
}
