/**
 * The frequency of a dated series inferred from its spacing (docs/conventions.md, "Units"):
 * the median gap between consecutive dates in calendar days maps to 252 (≤ 4 days: daily),
 * 52 (≤ 10: weekly), 12 (≤ 45: monthly), 4 (≤ 120: quarterly), else 1 (annual). The median
 * makes holidays and a missing month harmless. Callers that know the frequency pass it instead.
 */

import { toDayNumber, type IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';

/**
 * Periods per year of ascending `dates` (see the module comment). Throws INSUFFICIENT_DATA
 * naming the `periodsPerYear` input when fewer than two dates are given.
 */
export function inferPeriodsPerYear(dates: readonly IsoDate[]): number {
  if (dates.length < 2) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      'cannot infer the frequency from fewer than two dates; give periodsPerYear',
      { field: 'periodsPerYear' },
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
