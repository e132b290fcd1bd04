/**
 * Nearest correlation matrix (Higham 2002, "Computing the nearest correlation matrix — a
 * problem from finance", IMA J. Numer. Anal. 22, Algorithm 3.3): alternating projections
 * onto the PSD cone S and the unit-diagonal set U with Dykstra's correction,
 *
 *   R_k = Y_{k−1} − ΔS_{k−1},  X_k = P_S(R_k),  ΔS_k = X_k − R_k,  Y_k = P_U(X_k),
 *
 * stopped when max(‖X_k − X_{k−1}‖, ‖Y_k − Y_{k−1}‖, ‖Y_k − X_k‖)/‖Y_k‖ ≤ tolerance
 * (Frobenius norms). The returned matrix is P_S(Y) rescaled to a unit diagonal, so it is PSD
 * and has an exact unit diagonal whether or not the iteration converged.
 */

import type { Matrix } from './matrix.ts';
import { clipEigenvalues, isPositiveSemidefinite } from './positive-semidefinite.ts';

/** Options of {@link nearestCorrelation}. */
export interface NearestCorrelationOptions {
  /** Relative change at which the iteration stops. Default 1e-10. */
  readonly tolerance?: number;
  /** Iteration limit. Default 200. */
  readonly maxIterations?: number;
  /** Smallest eigenvalue allowed in the projection (> 0 gives a definite result). Default 0. */
  readonly minEigenvalue?: number;
}

/** Outcome of {@link nearestCorrelation}. */
export interface NearestCorrelationResult {
  /** A PSD matrix with unit diagonal. */
  readonly correlation: Matrix;
  /** Alternating-projection iterations run (0 when the input needed no repair). */
  readonly iterations: number;
  /** False when the input already was a PSD unit-diagonal matrix (and is returned as a copy). */
  readonly repaired: boolean;
  /** False when `maxIterations` ran out before the tolerance was met. */
  readonly converged: boolean;
}

/**
 * The correlation matrix nearest (Frobenius norm) to the symmetric n × n `a`. A symmetric
 * input that already is PSD with a unit diagonal is returned unchanged (copied).
 */
export function nearestCorrelation(
  a: Matrix,
  options: NearestCorrelationOptions = {},
): NearestCorrelationResult {
  const n = a.rows;
  if (a.cols !== n) throw new RangeError(`nearestCorrelation: ${a.rows}×${a.cols} is not square`);
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 200;
  const floor = options.minEigenvalue ?? 0;
  const start = symmetrised(a);
  if (hasUnitDiagonal(start) && floor === 0 && isPositiveSemidefinite(start)) {
    return { correlation: start, iterations: 0, repaired: false, converged: true };
  }
  let y: Float64Array = start.data;
  let x: Float64Array = new Float64Array(n * n);
  const dS = new Float64Array(n * n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const r = new Float64Array(n * n);
    for (let k = 0; k < r.length; k++) r[k] = y[k]! - dS[k]!;
    const xNext = clipEigenvalues({ rows: n, cols: n, data: r }, floor).data;
    for (let k = 0; k < r.length; k++) dS[k] = xNext[k]! - r[k]!;
    const yNext = Float64Array.from(xNext);
    for (let i = 0; i < n; i++) yNext[i * n + i] = 1;
    const scale = norm(yNext);
    const change = Math.max(distance(xNext, x), distance(yNext, y), distance(yNext, xNext));
    converged = change <= tolerance * scale;
    x = xNext;
    y = yNext;
  }
  const projected = clipEigenvalues({ rows: n, cols: n, data: y }, floor);
  return { correlation: unitDiagonal(projected), iterations, repaired: true, converged };
}

function symmetrised(a: Matrix): Matrix {
  const n = a.rows;
  const d = a.data;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = 0.5 * (d[i * n + j]! + d[j * n + i]!);
  }
  return { rows: n, cols: n, data: out };
}

function hasUnitDiagonal(a: Matrix): boolean {
  for (let i = 0; i < a.rows; i++) if (a.data[i * a.cols + i] !== 1) return false;
  return true;
}

function norm(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * a[k]!;
  return Math.sqrt(s);
}

function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const e = a[k]! - b[k]!;
    s += e * e;
  }
  return Math.sqrt(s);
}

/** D^{-1/2}·A·D^{-1/2} with D = diag(A): a congruence, so PSD is kept and the diagonal is 1. */
function unitDiagonal(a: Matrix): Matrix {
  const n = a.rows;
  const d = a.data;
  const inv = Float64Array.from({ length: n }, (_, i) => {
    const v = d[i * n + i]!;
    return v > 0 ? 1 / Math.sqrt(v) : 0;
  });
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = d[i * n + j]! * inv[i]! * inv[j]!;
    out[i * n + i] = 1;
  }
  return { rows: n, cols: n, data: out };
}
