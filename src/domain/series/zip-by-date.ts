/**
 * Pairs two return series date by date for element-wise formulas (real, excess,
 * decomposition). The primary series drives the dates; the secondary must cover them.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import type { ReturnSeries } from './types.ts';
import { assertReturnSeries } from './validate-series.ts';

/**
 * What to do with a primary date the secondary series lacks: `error` (default) throws
 * `INSUFFICIENT_DATA` naming the date; `intersect` drops the date. Never filled.
 */
export type MissingPolicy = 'error' | 'intersect';

/** Two series to pair, with names used in error messages. */
export interface ZipInput {
  readonly primary: ReturnSeries;
  readonly secondary: ReturnSeries;
  readonly primaryName: string;
  readonly secondaryName: string;
}

/** One date with both values. */
export interface ZippedPoint {
  readonly date: IsoDate;
  readonly primary: number;
  readonly secondary: number;
}

/** Pairs `secondary` onto the dates of `primary` under `missing` (default `error`). */
export function zipByDate(input: ZipInput, missing: MissingPolicy = 'error'): ZippedPoint[] {
  assertReturnSeries(input.primaryName, input.primary);
  assertReturnSeries(input.secondaryName, input.secondary);
  const secondary = new Map(input.secondary.map((p) => [p.date, p.value]));
  const out: ZippedPoint[] = [];
  for (const point of input.primary) {
    const other = secondary.get(point.date);
    if (other === undefined) {
      if (missing === 'intersect') continue;
      throw new BallastError(
        'INSUFFICIENT_DATA',
        `${input.secondaryName} has no value on ${point.date} (needed by ${input.primaryName})`,
        { field: input.secondaryName, date: point.date },
      );
    }
    out.push({ date: point.date, primary: point.value, secondary: other });
  }
  return out;
}
