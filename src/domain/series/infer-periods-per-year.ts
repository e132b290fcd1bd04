/**
 * The periods per year a dated return series implies, from the median spacing of its dates in
 * calendar days: ≤ 4 → 252 (daily), ≤ 10 → 52 (weekly), ≤ 45 → 12 (monthly), ≤ 120 → 4
 * (quarterly), else 1 (docs/conventions.md, "Units": a command that infers it says which value it
 * used). The median makes a few holidays or a missing month irrelevant.
 */

import { toDayNumber, type IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';

/**
 * Periods per year of ascending `dates` (see the module comment).
 *
 * @throws BallastError INSUFFICIENT_DATA (field `periodsPerYear`) for fewer than two dates.
 * @example
 * ```ts
 * inferPeriodsPerYear(['2024-01-31', '2024-02-29', '2024-03-31']); // 12
 * ```
 */
export function inferPeriodsPerYear(dates: readonly IsoDate[]): number {
  if (dates.length < 2)
    throw new BallastError(
      'INSUFFICIENT_DATA',
      'periodsPerYear: cannot infer the frequency from fewer than two dates; give it explicitly',
      { field: 'periodsPerYear', dates: dates.length },
    );
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
