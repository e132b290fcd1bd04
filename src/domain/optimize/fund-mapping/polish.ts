/**
 * KKT polish of a QP solution on its active set. HiGHS's QP solver stops at ~1e-6 relative
 * stationarity (docs/architecture.md, "Solvers"); with the active set it found (variables at a
 * bound, rows at a side) the optimum solves the equality-constrained KKT system
 *   [H_FF  A_WFᵀ] [x_F]   [−c_F − H_FB x_B]
 *   [A_WF   0   ] [−λ ] = [ b_W − A_WB x_B ]
 * solved here by SVD least squares (minimum norm, so redundant active rows are harmless).
 * The polished point is kept only when it is feasible and no worse than the solver's.
 *
 * Reference: Nocedal & Wright, "Numerical Optimization" (2nd ed.), §16.1 (KKT systems) and
 * §16.5 (active-set methods).
 */

import { mlMatrix } from '../../../core/linalg/ml-matrix.ts';
import type { SolverProblem } from '../../../core/solvers/types.ts';

/** Activity tolerance deciding the active set (absolute, scaled by max(1, |bound|)). */
const ACTIVE_TOL = 1e-7;
/** Feasibility accepted for the polished point. */
const FEASIBLE_TOL = 1e-10;

/** ½ x_kᵀ H x_k + cᵀx of `problem` at `x`. */
export function qpObjective(problem: SolverProblem, x: ArrayLike<number>): number {
  let value = 0;
  for (let j = 0; j < problem.n; j++) value += problem.linear[j]! * x[j]!;
  const h = problem.hessian;
  if (h === undefined) return value;
  for (let i = 0; i < h.rows; i++) {
    let s = 0;
    for (let j = 0; j < h.cols; j++) s += h.data[i * h.cols + j]! * x[j]!;
    value += 0.5 * x[i]! * s;
  }
  return value;
}

const near = (a: number, b: number): boolean =>
  Number.isFinite(b) && Math.abs(a - b) <= ACTIVE_TOL * Math.max(1, Math.abs(b));

function rowOf(problem: SolverProblem, i: number): { cols: number[]; vals: number[] } {
  const c = problem.constraints!;
  const cols: number[] = [];
  const vals: number[] = [];
  for (let k = c.rowStarts[i]!; k < c.rowStarts[i + 1]!; k++) {
    cols.push(c.columns[k]!);
    vals.push(c.values[k]!);
  }
  return { cols, vals };
}

function isFeasible(problem: SolverProblem, x: Float64Array): boolean {
  const tol = (b: number): number => FEASIBLE_TOL * Math.max(1, Math.abs(b));
  for (let j = 0; j < problem.n; j++) {
    if (x[j]! < problem.lower[j]! - tol(problem.lower[j]!)) return false;
    if (x[j]! > problem.upper[j]! + tol(problem.upper[j]!)) return false;
  }
  const c = problem.constraints;
  for (let i = 0; i < (c?.rows ?? 0); i++) {
    const { cols, vals } = rowOf(problem, i);
    const act = cols.reduce((s, j, k) => s + vals[k]! * x[j]!, 0);
    if (act < c!.lower[i]! - tol(c!.lower[i]!) || act > c!.upper[i]! + tol(c!.upper[i]!))
      return false;
  }
  return true;
}

/**
 * The KKT-polished solution of `problem` near `x`, or undefined when the active-set system
 * gives no feasible point at least as good as `x` (then keep the solver's point).
 */
export function polishOnActiveSet(
  problem: SolverProblem,
  x: Float64Array,
): Float64Array | undefined {
  const n = problem.n;
  const fixed = new Float64Array(n).fill(NaN);
  for (let j = 0; j < n; j++) {
    if (near(x[j]!, problem.lower[j]!)) fixed[j] = problem.lower[j]!;
    else if (near(x[j]!, problem.upper[j]!)) fixed[j] = problem.upper[j]!;
  }
  const free = [...Array(n).keys()].filter((j) => Number.isNaN(fixed[j]!));
  const c = problem.constraints;
  const working: { cols: number[]; vals: number[]; rhs: number }[] = [];
  for (let i = 0; i < (c?.rows ?? 0); i++) {
    const row = rowOf(problem, i);
    const act = row.cols.reduce((s, j, k) => s + row.vals[k]! * x[j]!, 0);
    const side = near(act, c!.lower[i]!)
      ? c!.lower[i]!
      : near(act, c!.upper[i]!)
        ? c!.upper[i]!
        : NaN;
    if (!Number.isNaN(side)) working.push({ ...row, rhs: side });
  }
  const f = free.length;
  const size = f + working.length;
  // Every variable at a bound: the active set leaves nothing to solve for, and the polished
  // point is the vertex itself (the solver's point may sit a hair outside its bounds).
  if (f === 0) return keepIfBetter(problem, x, Float64Array.from(fixed));
  const pos = new Map(free.map((j, k) => [j, k]));
  const h = problem.hessian;
  const hAt = (i: number, j: number): number =>
    h !== undefined && i < h.rows && j < h.cols ? h.data[i * h.cols + j]! : 0;
  const { Matrix: MlMatrix, solve: mlSolve } = mlMatrix();
  const kkt = MlMatrix.zeros(size, size);
  const rhs = MlMatrix.zeros(size, 1);
  free.forEach((i, a) => {
    let r = -problem.linear[i]!;
    for (let j = 0; j < n; j++) {
      const v = hAt(i, j);
      if (v === 0) continue;
      const b = pos.get(j);
      if (b === undefined) r -= v * fixed[j]!;
      else kkt.set(a, b, v);
    }
    rhs.set(a, 0, r);
  });
  working.forEach((row, w) => {
    let r = row.rhs;
    row.cols.forEach((j, k) => {
      const b = pos.get(j);
      if (b === undefined) r -= row.vals[k]! * fixed[j]!;
      else {
        kkt.set(f + w, b, row.vals[k]!);
        kkt.set(b, f + w, row.vals[k]!);
      }
    });
    rhs.set(f + w, 0, r);
  });
  const z = mlSolve(kkt, rhs, true);
  const residual = kkt.mmul(z).sub(rhs).norm('frobenius');
  if (!(residual <= 1e-9 * Math.max(1, rhs.norm('frobenius')))) return undefined;
  const polished = Float64Array.from(fixed);
  free.forEach((j, a) => (polished[j] = z.get(a, 0)));
  return keepIfBetter(problem, x, polished);
}

/** `polished` when it is feasible and no worse than the solver's `x`; else undefined. */
function keepIfBetter(
  problem: SolverProblem,
  x: Float64Array,
  polished: Float64Array,
): Float64Array | undefined {
  if (!isFeasible(problem, polished)) return undefined;
  const before = qpObjective(problem, x);
  const after = qpObjective(problem, polished);
  return after <= before + 1e-12 * Math.max(1, Math.abs(before)) ? polished : undefined;
}
