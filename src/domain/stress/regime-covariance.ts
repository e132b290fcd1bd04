/**
 * Correlation-regime view: sample covariance and correlation of several return columns on
 * calm dates and on stressed dates separately (the regime of each date given, e.g. from a
 * Markov-switching or volatility-threshold model of a market series).
 *
 * Sample covariance with divisor n − 1 over the dates of the regime; correlation
 * ρ_ij = Σ_ij / √(Σ_ii Σ_jj) (null when a variance is 0); volatility √Σ_ii per period.
 * Dates whose regime is null (unknown) are in neither set.
 */

import { BallastError, invalidInput } from '../errors.ts';

/** Statistics of one regime. */
export interface RegimeStats {
  /** Number of dates in the regime. */
  readonly count: number;
  readonly means: readonly number[];
  /** Per-period volatilities (sample sd). */
  readonly vols: readonly number[];
  readonly covariance: readonly (readonly number[])[];
  readonly correlation: readonly (readonly (number | null)[])[];
}

function statsOn(columns: readonly ArrayLike<number>[], dates: readonly number[]): RegimeStats {
  const n = dates.length;
  const means = columns.map((c) => dates.reduce((s, t) => s + c[t]!, 0) / n);
  const covariance = columns.map((ci, i) =>
    columns.map(
      (cj, j) =>
        dates.reduce((s, t) => s + (ci[t]! - means[i]!) * (cj[t]! - means[j]!), 0) / (n - 1),
    ),
  );
  const vols = covariance.map((row, i) => Math.sqrt(row[i]!));
  return {
    count: n,
    means,
    vols,
    covariance,
    correlation: covariance.map((row, i) =>
      row.map((c, j) => (vols[i]! > 0 && vols[j]! > 0 ? c / (vols[i]! * vols[j]!) : null)),
    ),
  };
}

/**
 * Calm and stressed statistics of `columns` (each as long as `stressed`). Throws INVALID_INPUT
 * on a length mismatch and INSUFFICIENT_DATA when a regime has fewer than 2 dates.
 */
export function regimeCovariance(
  columns: readonly ArrayLike<number>[],
  stressed: readonly (boolean | null)[],
): { calm: RegimeStats; stressed: RegimeStats } {
  columns.forEach((c, i) => {
    if (c.length !== stressed.length)
      throw invalidInput(
        `columns[${i}]`,
        c.length,
        `length must equal the regimes' (${stressed.length})`,
      );
  });
  const calmDates: number[] = [];
  const stressedDates: number[] = [];
  stressed.forEach((s, t) => {
    if (s === true) stressedDates.push(t);
    else if (s === false) calmDates.push(t);
  });
  for (const [name, dates] of [
    ['calm', calmDates],
    ['stressed', stressedDates],
  ] as const) {
    if (dates.length < 2) {
      throw new BallastError(
        'INSUFFICIENT_DATA',
        `the ${name} regime has ${dates.length} date(s); a covariance needs at least 2`,
        { regime: name, count: dates.length },
      );
    }
  }
  return { calm: statsOn(columns, calmDates), stressed: statsOn(columns, stressedDates) };
}
