/**
 * The frequency of a dated panel when nobody said it: periods per year from the median spacing
 * of consecutive dates in calendar days (docs/conventions.md, "Units"). The median ignores the
 * odd long gap (a holiday week, a missing month), so a daily file with holidays stays daily.
 */

import { toDayNumber } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';

/**
 * Periods per year inferred from the median gap between consecutive `dates` (ascending ISO
 * dates): ≤ 4 days → 252 (daily), ≤ 10 → 52 (weekly), ≤ 45 → 12 (monthly), ≤ 120 → 4
 * (quarterly), else 1 (annual). Throws `INSUFFICIENT_DATA` (field `periodsPerYear`) with fewer
 * than two dates: give the frequency explicitly then.
 *
 * @example
 * ```ts
 * inferPeriodsPerYear(['2024-01-31', '2024-02-29', '2024-03-31']); // 12
 * ```
 */
export function inferPeriodsPerYear(dates: readonly string[]): number {
  if (dates.length < 2) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      'cannot infer the frequency from fewer than two dates; give periodsPerYear explicitly',
      { field: 'periodsPerYear', observations: dates.length },
    );
  }
  const gaps = dates
    .slice(1)
    .map((d, i) => toDayNumber(d) - toDayNumber(dates[i]!))
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  if (median <= 4) return 252;
  if (median <= 10) return 52;
  if (median <= 45) return 12;
  if (median <= 120) return 4;
  return 1;
}
