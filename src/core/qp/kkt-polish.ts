/**
 * KKT polish: given an approximate QP/LP solution (e.g. HiGHS's active-set QP, which stops at
 * ~1e-6 relative stationarity), guess the active set — variables at a bound, rows at a bound —
 * and solve the equality-constrained KKT system on it exactly:
 *
 *   [H_FF  −A_RFᵀ] [x_F]   [−c_F − H_FB x_B]
 *   [A_RF    0   ] [ y ] = [ b_R − A_RB x_B ]
 *
 * The polished point is accepted only if it satisfies every bound and row (to 1e-12 relative)
 * and is no worse than the input, so a wrong guess never makes a result worse. Reference:
 * the "polish" step of OSQP (Stellato et al., Math. Prog. Comp. 12, 2020, §5.2), here solved
 * with a dense LU on the reduced KKT matrix.
 */

import type { SolverProblem } from '../solvers/types.ts';
import { kktSystem, refineSolve } from './kkt-system.ts';

/** Outcome of {@link polishKkt}: the polished point when accepted, else the input unchanged. */
export interface PolishResult {
  readonly x: Float64Array;
  readonly accepted: boolean;
  /** Why the polish was rejected, or 'kkt' / 'objective' for the acceptance rule used. */
  readonly reason: string;
  /** Duals on the guessed active set (HiGHS convention Hx + c = Aᵀy + z), when accepted. */
  readonly rowDuals?: Float64Array;
  readonly columnDuals?: Float64Array;
}

/** Options of {@link polishKkt}. */
export interface PolishOptions {
  /** A bound or row counts as active within this absolute distance (default 1e-8). */
  readonly activeTolerance?: number;
  /** Skip when the KKT system would be larger than this (default 1500). */
  readonly maxSize?: number;
}

/** Whether `v` is within tol·(1 + |bound|) of a finite `bound`. */
export function near(v: number, bound: number, tol: number): boolean {
  return Number.isFinite(bound) && Math.abs(v - bound) <= tol * (1 + Math.abs(bound));
}

/** ½xᵀHx + cᵀx (H on the leading k variables). */
export function quadraticObjective(problem: SolverProblem, x: ArrayLike<number>): number {
  let f = 0;
  for (let j = 0; j < problem.n; j++) f += problem.linear[j]! * x[j]!;
  const h = problem.hessian;
  if (h === undefined) return f;
  const k = h.rows;
  let q = 0;
  for (let i = 0; i < k; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    let s = 0;
    for (let j = 0; j < k; j++) s += h.data[i * k + j]! * x[j]!;
    q += xi * s;
  }
  return f + 0.5 * q;
}

function rowValue(problem: SolverProblem, i: number, x: ArrayLike<number>): number {
  const c = problem.constraints!;
  let v = 0;
  for (let p = c.rowStarts[i]!; p < c.rowStarts[i + 1]!; p++) v += c.values[p]! * x[c.columns[p]!]!;
  return v;
}

/** Whether x satisfies every bound and row within 1e-12 × (1 + |bound|). */
export function isFeasible(problem: SolverProblem, x: ArrayLike<number>, tol = 1e-12): boolean {
  for (let j = 0; j < problem.n; j++) {
    const l = problem.lower[j]!;
    const u = problem.upper[j]!;
    if (x[j]! < l - tol * (1 + Math.abs(l)) || x[j]! > u + tol * (1 + Math.abs(u))) return false;
  }
  const c = problem.constraints;
  for (let i = 0; i < (c?.rows ?? 0); i++) {
    const v = rowValue(problem, i, x);
    const lo = c!.lower[i]!;
    const hi = c!.upper[i]!;
    if (v < lo - tol * (1 + Math.abs(lo)) || v > hi + tol * (1 + Math.abs(hi))) return false;
  }
  return true;
}

/** Polishes `x` on its guessed active set (see the module comment). Never throws on data. */
export function polishKkt(
  problem: SolverProblem,
  x: Float64Array,
  options: PolishOptions = {},
): PolishResult {
  const tol = options.activeTolerance ?? 1e-8;
  const { n } = problem;
  const c = problem.constraints;
  const m = c?.rows ?? 0;
  const fixed = Float64Array.from(x);
  const freeIndex = new Int32Array(n).fill(-1);
  const free: number[] = [];
  for (let j = 0; j < n; j++) {
    const l = problem.lower[j]!;
    const u = problem.upper[j]!;
    if (Math.abs(x[j]! - l) <= tol) fixed[j] = l;
    else if (Math.abs(x[j]! - u) <= tol) fixed[j] = u;
    else {
      freeIndex[j] = free.length;
      free.push(j);
    }
  }
  const active: { row: number; target: number }[] = [];
  for (let i = 0; i < m; i++) {
    const v = rowValue(problem, i, x);
    const lo = c!.lower[i]!;
    const hi = c!.upper[i]!;
    if (near(v, lo, tol)) active.push({ row: i, target: lo });
    else if (near(v, hi, tol)) active.push({ row: i, target: hi });
  }
  const nf = free.length;
  const size = nf + active.length;
  if (size > (options.maxSize ?? 1500)) return { x, accepted: false, reason: 'too large' };
  const system = kktSystem(problem, { free, freeIndex, fixed, active });
  const start = new Float64Array(size);
  free.forEach((j, p) => (start[p] = x[j]!));
  const solution = refineSolve(system, start);
  if (solution === undefined) return { x, accepted: false, reason: 'singular KKT system' };
  const polished = Float64Array.from(fixed);
  free.forEach((j, p) => (polished[j] = solution[p]!));
  if (!isFeasible(problem, polished)) return { x, accepted: false, reason: 'infeasible' };
  const before = quadraticObjective(problem, x);
  const after = quadraticObjective(problem, polished);
  const rowDuals = new Float64Array(m);
  active.forEach(({ row }, r) => (rowDuals[row] = -solution[nf + r]!));
  const columnDuals = reducedCosts(problem, polished, rowDuals);
  const signsOk = dualSignsOk(problem, { x: polished, rowDuals, columnDuals });
  const slack = 1e-12 * (1 + Math.abs(before));
  if (!signsOk && after > before + slack) return { x, accepted: false, reason: 'worse objective' };
  return {
    x: polished,
    accepted: true,
    reason: signsOk ? 'kkt' : 'objective',
    rowDuals,
    columnDuals,
  };
}

/** z = Hx + c − Aᵀy. */
export function reducedCosts(
  problem: SolverProblem,
  x: ArrayLike<number>,
  rowDuals: Float64Array,
): Float64Array {
  const z = Float64Array.from(problem.linear);
  const h = problem.hessian;
  const k = h?.rows ?? 0;
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += h!.data[i * k + j]! * x[j]!;
    z[i] = z[i]! + s;
  }
  const c = problem.constraints;
  for (let i = 0; i < (c?.rows ?? 0); i++) {
    const y = rowDuals[i]!;
    if (y === 0) continue;
    for (let p = c!.rowStarts[i]!; p < c!.rowStarts[i + 1]!; p++) {
      z[c!.columns[p]!] = z[c!.columns[p]!]! - y * c!.values[p]!;
    }
  }
  return z;
}

function dualSignsOk(
  problem: SolverProblem,
  d: { x: Float64Array; rowDuals: Float64Array; columnDuals: Float64Array },
): boolean {
  let scale = 1e-300;
  for (let j = 0; j < problem.n; j++) scale = Math.max(scale, Math.abs(problem.linear[j]!));
  for (const v of d.columnDuals) scale = Math.max(scale, Math.abs(v));
  for (const v of d.rowDuals) scale = Math.max(scale, Math.abs(v));
  const tol = 1e-9 * scale;
  for (let j = 0; j < problem.n; j++) {
    const z = d.columnDuals[j]!;
    const atLower = d.x[j] === problem.lower[j];
    const atUpper = d.x[j] === problem.upper[j];
    if (atLower && atUpper) continue;
    if (atLower ? z < -tol : atUpper ? z > tol : Math.abs(z) > tol) return false;
  }
  const c = problem.constraints;
  for (let i = 0; i < (c?.rows ?? 0); i++) {
    const y = d.rowDuals[i]!;
    if (c!.lower[i] === c!.upper[i] || y === 0) continue;
    const atLower =
      Math.abs(rowValue(problem, i, d.x) - c!.lower[i]!) <=
      Math.abs(rowValue(problem, i, d.x) - c!.upper[i]!);
    if (atLower ? y < -tol : y > tol) return false;
  }
  return true;
}
