/**
 * What every covariance estimator shares: the result shape, the input checks and the
 * conversion of an aligned return panel into the T × n matrix the estimators take.
 *
 * Conventions of every estimator in `src/domain/estimate/*covariance*`, `ledoit-wolf*`,
 * `oas` and `semicovariance`:
 * - input: a T × n matrix of per-period simple returns, row t = period t (oldest first),
 *   column j = asset j; no missing data (every value finite, else `INVALID_INPUT`);
 * - output: covariance PER PERIOD of the input (decimal² per period). Annualise once,
 *   explicitly, with `annualizeCovariance(cov, periodsPerYear)`.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../errors.ts';
import type { AlignedTable } from '../series/align-common.ts';
import { warning, type Warning } from '../warnings.ts';

/** The result of a covariance estimator. */
export interface CovarianceEstimate {
  /** n × n covariance per period of the input returns, exactly symmetric and PSD. */
  readonly covariance: Matrix;
  /** Shrinkage intensity δ ∈ [0, 1] (weight of the target), for shrinkage estimators. */
  readonly shrinkage?: number;
  /** What the caller should know (repairs, degenerate inputs); empty when nothing happened. */
  readonly warnings: readonly Warning[];
}

/** What {@link assertReturnsMatrix} checks beyond finiteness. */
export interface ReturnsRequirements {
  /** Estimator name used in messages. */
  readonly estimator: string;
  /** Fewest rows (periods) needed; fewer throws `INSUFFICIENT_DATA`. */
  readonly minObservations: number;
}

/**
 * Throws `INVALID_INPUT` when `returns` has no column or a non-finite value (naming the
 * row and column), and `INSUFFICIENT_DATA` when it has fewer rows than required.
 */
export function assertReturnsMatrix(returns: Matrix, requirements: ReturnsRequirements): void {
  const { rows: t, cols: n, data } = returns;
  if (n === 0) throw invalidInput('returns', `${t}×0`, 'at least one asset (column) needed');
  if (t < requirements.minObservations) {
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `${requirements.estimator} needs at least ${requirements.minObservations} observations, got ${t}`,
      { observations: t, required: requirements.minObservations },
    );
  }
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k]!)) {
      const r = Math.floor(k / n);
      throw invalidInput(`returns[${r}][${k - r * n}]`, data[k], 'every return must be finite');
    }
  }
}

/**
 * The T × n row-major matrix of an aligned panel: row t = `table.dates[t]`, column j =
 * `table.ids[j]` (so the covariance rows/columns follow `table.ids`). Values are copied.
 */
export function returnsMatrix(table: AlignedTable): Matrix {
  const t = table.dates.length;
  const n = table.columns.length;
  const data = new Float64Array(t * n);
  table.columns.forEach((column, j) => {
    if (column.length !== t) {
      throw invalidInput(`returns.${table.ids[j] ?? j}`, column.length, `expected ${t} values`);
    }
    for (let r = 0; r < t; r++) data[r * n + j] = column[r]!;
  });
  return { rows: t, cols: n, data };
}

/** (1 − δ)·S + δ·F elementwise for same-shape S (sample) and F (target). */
export function shrinkToward(sample: Matrix, target: Matrix, intensity: number): Matrix {
  const s = sample.data;
  const f = target.data;
  const out = new Float64Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = intensity * f[k]! + (1 - intensity) * s[k]!;
  return { rows: sample.rows, cols: sample.cols, data: out };
}

/**
 * `COVARIANCE_RANK_DEFICIENT` when a T × n return matrix has fewer than n + 1 rows: a
 * covariance estimated from centred returns then has rank ≤ T − 1 < n, so it is singular and
 * an optimiser that inverts it finds spurious riskless combinations. The remedy named in the
 * message is a shrinkage estimator (Ledoit-Wolf, OAS) or a factor model, or more observations.
 * Details: `estimator`, `observations` (T), `assets` (n), `rank` (the bound T − 1).
 */
export function rankWarnings(estimator: string, returns: Pick<Matrix, 'rows' | 'cols'>): Warning[] {
  const { rows: t, cols: n } = returns;
  if (t - 1 >= n) return [];
  return [
    warning(
      'COVARIANCE_RANK_DEFICIENT',
      `${estimator}: ${t} observations for ${n} assets — the matrix is singular (rank ≤ ${t - 1}); use a shrinkage estimator (ledoit-wolf, oas) or a factor model, or more observations`,
      { estimator, observations: t, assets: n, rank: t - 1 },
    ),
  ];
}
