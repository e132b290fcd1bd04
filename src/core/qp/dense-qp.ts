/**
 * Bridges between the solver wrapper's {@link SolverProblem} and the dense active-set kernel:
 * eligibility and conversion ({@link toDenseQp}), a cheap feasible start for a box with at
 * most one general row ({@link boxRowStart}), and a start near the optimum for a box with one
 * equality row and a positive-definite Hessian ({@link projectedStart}).
 */

import { cholesky } from '../linalg/cholesky.ts';
import { choleskySolve } from '../linalg/cholesky-solve.ts';
import type { SolverProblem } from '../solvers/types.ts';
import type { DenseQpData } from './active-set-eqp.ts';

/** Largest number of general rows the dense kernel accepts (each costs O(k²) per iteration). */
export const DENSE_QP_MAX_ROWS = 16;

/**
 * The problem as dense kernel data, or undefined when it does not fit: no Hessian, a Hessian
 * not covering every variable (zero-curvature auxiliary variables), integer variables, or more
 * than `maxRows` rows (default {@link DENSE_QP_MAX_ROWS}).
 */
export function toDenseQp(
  problem: SolverProblem,
  maxRows: number = DENSE_QP_MAX_ROWS,
): DenseQpData | undefined {
  const { n, hessian } = problem;
  if (hessian?.rows !== n || problem.integer?.some(Boolean)) return undefined;
  const c = problem.constraints;
  const m = c?.rows ?? 0;
  if (m > maxRows) return undefined;
  const a = new Float64Array(m * n);
  if (c !== undefined) {
    for (let i = 0; i < m; i++) {
      for (let k = c.rowStarts[i]!; k < c.rowStarts[i + 1]!; k++) {
        a[i * n + c.columns[k]!] = a[i * n + c.columns[k]!]! + c.values[k]!;
      }
    }
  }
  return {
    n,
    h: hessian.data,
    c: problem.linear,
    lower: problem.lower,
    upper: problem.upper,
    m,
    a,
    rowLower: c?.lower ?? new Float64Array(0),
    rowUpper: c?.upper ?? new Float64Array(0),
  };
}

/**
 * A feasible point of `l ≤ x ≤ u` and (when m = 1) `lo ≤ aᵀx ≤ hi`, or undefined when there are
 * more rows or none exists. Starts from x = clamp(0, l, u) and, if the row is violated, moves
 * variables in order of increasing curvature H_jj (least risky first) to their bounds until
 * the row holds: the result has at most one variable strictly between its bounds besides
 * those at an interior zero — close to a vertex, which keeps the first free set small.
 */
export function boxRowStart(qp: DenseQpData): Float64Array | undefined {
  const { n } = qp;
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) x[j] = Math.min(Math.max(0, qp.lower[j]!), qp.upper[j]!);
  if (qp.m === 0) return x;
  if (qp.m > 1) return undefined;
  let activity = 0;
  for (let j = 0; j < n; j++) activity += qp.a[j]! * x[j]!;
  const lo = qp.rowLower[0]!;
  const hi = qp.rowUpper[0]!;
  if (activity >= lo && activity <= hi) return x;
  const target = activity < lo ? lo : hi;
  let remaining = target - activity;
  const order = Array.from({ length: n }, (_, j) => j).sort(
    (i, j) => qp.h[i * n + i]! - qp.h[j * n + j]!,
  );
  for (const j of order) {
    const aj = qp.a[j]!;
    if (aj === 0) continue;
    const bound = remaining / aj > 0 ? qp.upper[j]! : qp.lower[j]!;
    const room = (bound - x[j]!) * aj;
    if (Math.abs(room) >= Math.abs(remaining)) {
      x[j] = x[j]! + remaining / aj;
      return x;
    }
    x[j] = bound;
    remaining -= room;
  }
  return undefined;
}

/** Fewest variables for which {@link projectedStart} pays for its factorisation. */
export const PROJECTED_START_MIN_VARIABLES = 40;

/**
 * A feasible start near the optimum of `min ½xᵀHx + cᵀx, l ≤ x ≤ u, aᵀx = b` (one equality
 * row, H positive definite): the minimum on the row alone, x(λ) = H⁻¹(λa − c) with λ such
 * that aᵀx = b (one Cholesky factorisation, O(n³/3)), clipped to the box, then scaled back
 * onto the row when every lower bound is 0 and every row coefficient positive (a budget with
 * long-only weights). The active set then starts with the free variables the optimum most
 * likely has, so it needs a few iterations instead of about one per free variable. Undefined
 * when the problem has another shape, H is not positive definite, or the scaled point leaves
 * the box (callers fall back to {@link boxRowStart}).
 */
export function projectedStart(qp: DenseQpData): Float64Array | undefined {
  const { n } = qp;
  if (qp.m !== 1 || qp.rowLower[0] !== qp.rowUpper[0]) return undefined;
  const b = qp.rowLower[0]!;
  const a = qp.a.subarray(0, n);
  const factored = cholesky({ rows: n, cols: n, data: qp.h });
  if (!factored.ok) return undefined;
  const y = choleskySolve(factored.lower, Float64Array.from(a));
  // −H⁻¹c is exactly zero for c = 0 (a minimum-variance problem): no second solve then.
  const z = qp.c.every((v) => v === 0)
    ? new Float64Array(n)
    : choleskySolve(
        factored.lower,
        Float64Array.from(qp.c, (v) => -v),
      );
  let ay = 0;
  let az = 0;
  for (let j = 0; j < n; j++) {
    ay += a[j]! * y[j]!;
    az += a[j]! * z[j]!;
  }
  if (!(Math.abs(ay) > 0)) return undefined;
  const lambda = (b - az) / ay;
  const x = new Float64Array(n);
  let budget = true;
  let activity = 0;
  for (let j = 0; j < n; j++) {
    x[j] = Math.min(Math.max(z[j]! + lambda * y[j]!, qp.lower[j]!), qp.upper[j]!);
    if (!(qp.lower[j] === 0 && a[j]! > 0)) budget = false;
    activity += a[j]! * x[j]!;
  }
  if (activity === b) return x;
  if (!budget || !(activity > 0) || !(b > 0)) return undefined;
  const scale = b / activity;
  for (let j = 0; j < n; j++) {
    x[j] = x[j]! * scale;
    if (x[j]! > qp.upper[j]!) return undefined;
  }
  return x;
}
