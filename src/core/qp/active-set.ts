/**
 * A dense primal active-set solver for strictly convex QPs with box bounds and a few general
 * rows: minimise ½xᵀHx + cᵀx s.t. l ≤ x ≤ u, lo ≤ Ax ≤ hi (A small: m ≪ n).
 *
 * It works on the free variables only — the Cholesky factor of H_FF grows and shrinks by one
 * variable per iteration ({@link GrowingCholesky}) — so a long-only minimum-variance problem
 * whose solution holds k of n assets costs about O(n·k² + k³) instead of O(n³). Each iteration
 * solves the equality-constrained subproblem on the working set exactly (`active-set-eqp.ts`),
 * so the final point satisfies the KKT conditions to rounding error (no 1e-6 stopping rule).
 *
 * Needs a feasible start and H positive definite on every free set it visits; it returns a
 * status instead of throwing when either fails, so a caller can fall back to a general solver.
 * Reference: Nocedal & Wright, "Numerical Optimization" (2nd ed.), Algorithm 16.3; Gill,
 * Murray & Wright, "Practical Optimization" (1981), §5.3.
 */

import { cholesky } from '../linalg/cholesky.ts';
import { gradient, solveEqp, type DenseQpData, type WorkingSet } from './active-set-eqp.ts';
import { GrowingCholesky } from './growing-cholesky.ts';

/** Outcome class of {@link activeSetQp}. */
export type ActiveSetStatus =
  | 'optimal'
  | 'infeasible-start'
  | 'singular'
  | 'not-convex'
  | 'dependent-constraints'
  | 'iteration-limit';

/** Result of {@link activeSetQp}; duals follow HiGHS's convention Hx + c = Aᵀy + z. */
export interface ActiveSetResult {
  readonly status: ActiveSetStatus;
  readonly x?: Float64Array;
  readonly rowDuals?: Float64Array;
  readonly columnDuals?: Float64Array;
  readonly iterations: number;
}

/** Options of {@link activeSetQp}. */
export interface ActiveSetOptions {
  /** Feasible starting point (bounds and rows within `feasibilityTolerance`). */
  readonly start: Float64Array;
  /** Iteration cap (default 5·(n + m) + 50). */
  readonly maxIterations?: number;
  /** Absolute tolerance on the start's feasibility (default 1e-9). */
  readonly feasibilityTolerance?: number;
}

class State {
  readonly x: Float64Array;
  /** −1 fixed at lower, +1 fixed at upper, 0 free. */
  readonly side: Int8Array;
  readonly ws: WorkingSet = { free: [], rows: [], rowTargets: [] };
  readonly factor: GrowingCholesky;

  constructor(
    readonly qp: DenseQpData,
    start: Float64Array,
  ) {
    this.x = Float64Array.from(start);
    this.side = new Int8Array(qp.n);
    this.factor = new GrowingCholesky(qp.n);
  }

  /**
   * Moves variable j into the free set; 'singular' / 'not-convex' if H_FF would become singular
   * or indefinite (a pivot below −1e-9·H_jj: negative curvature, H is not PSD).
   */
  release(j: number): 'ok' | 'singular' | 'not-convex' {
    const { n, h } = this.qp;
    const column = Float64Array.from(this.ws.free, (i) => h[j * n + i]!);
    const diagonal = h[j * n + j]!;
    if (!this.factor.append(column, diagonal)) {
      return this.factor.lastPivot < -1e-9 * Math.abs(diagonal) ? 'not-convex' : 'singular';
    }
    this.ws.free.push(j);
    this.side[j] = 0;
    return 'ok';
  }

  /** Fixes free variable j at its lower (−1) or upper (+1) bound. */
  fix(j: number, side: -1 | 1): void {
    const p = this.ws.free.indexOf(j);
    this.factor.remove(p);
    this.ws.free.splice(p, 1);
    this.side[j] = side;
    this.x[j] = side < 0 ? this.qp.lower[j]! : this.qp.upper[j]!;
  }
}

function startState(qp: DenseQpData, options: ActiveSetOptions): State | ActiveSetStatus {
  const tol = options.feasibilityTolerance ?? 1e-9;
  const s = new State(qp, options.start);
  const { n, m, a } = qp;
  for (let j = 0; j < n; j++) {
    const xj = s.x[j]!;
    if (!(xj >= qp.lower[j]! - tol && xj <= qp.upper[j]! + tol)) return 'infeasible-start';
  }
  for (let i = 0; i < m; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += a[i * n + j]! * s.x[j]!;
    if (!(v >= qp.rowLower[i]! - tol && v <= qp.rowUpper[i]! + tol)) return 'infeasible-start';
    if (qp.rowLower[i] === qp.rowUpper[i]) {
      s.ws.rows.push(i);
      s.ws.rowTargets.push(qp.rowLower[i]!);
    }
  }
  const free: number[] = [];
  for (let j = 0; j < n; j++) {
    const xj = s.x[j]!;
    if (xj <= qp.lower[j]!) s.side[j] = -1;
    else if (xj >= qp.upper[j]!) s.side[j] = 1;
    if (s.side[j] !== 0) s.x[j] = s.side[j]! < 0 ? qp.lower[j]! : qp.upper[j]!;
    else free.push(j);
  }
  if (free.length >= BLOCK_FACTOR_MIN && factorFreeSet(s, free)) return s;
  for (const j of free) {
    const released = s.release(j);
    if (released !== 'ok') return released;
  }
  return s;
}

/** Free sets at least this large are factored at once rather than one variable at a time. */
const BLOCK_FACTOR_MIN = 32;

/**
 * Frees every variable of `free` at once: one Cholesky factorisation of H_FF (blocked, the
 * same arithmetic as appending them one by one, O(k³/3) either way but several times faster).
 * False (nothing changed) when H_FF is not positive definite; the caller then appends them one
 * by one, which tells a singular block from an indefinite one.
 */
function factorFreeSet(s: State, free: readonly number[]): boolean {
  const { n, h } = s.qp;
  const k = free.length;
  const block = new Float64Array(k * k);
  for (let p = 0; p < k; p++) {
    const row = free[p]! * n;
    for (let q = 0; q < k; q++) block[p * k + q] = h[row + free[q]!]!;
  }
  const factored = cholesky({ rows: k, cols: k, data: block });
  if (!factored.ok) return false;
  s.factor.load(factored.lower.data, k);
  s.ws.free.push(...free);
  return true;
}

/** Frees fixed variables until the working rows are independent on the free set. */
function makeIndependent(s: State): boolean {
  const { qp, ws } = s;
  for (let attempt = 0; attempt <= ws.rows.length; attempt++) {
    if (solveEqp(qp, s) !== undefined) return true;
    let best = -1;
    for (const i of ws.rows) {
      for (let j = 0; j < qp.n; j++) {
        const releasable = s.side[j] !== 0 && qp.lower[j] !== qp.upper[j];
        if (!releasable || qp.a[i * qp.n + j] === 0) continue;
        if (best < 0 || qp.h[j * qp.n + j]! < qp.h[best * qp.n + best]!) best = j;
      }
      if (best >= 0) break;
    }
    if (best < 0 || s.release(best) !== 'ok') return false;
  }
  return solveEqp(qp, s) !== undefined;
}

interface Block {
  readonly alpha: number;
  readonly variable: number;
  readonly row: number;
  readonly side: -1 | 1;
}

/** Largest step α ≤ 1 along p (free-set order) and the constraint that blocks it. */
function ratioTest(s: State, p: Float64Array): Block {
  const { qp, ws, x } = s;
  const { n, a } = qp;
  let block: Block = { alpha: 1, variable: -1, row: -1, side: -1 };
  let size = 0;
  for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(x[j]!));
  ws.free.forEach((_, q) => (size = Math.max(size, Math.abs(p[q]!))));
  // Step components below this are rounding noise of an EQP pinned by its rows.
  const tiny = 1e-12 * size;
  ws.free.forEach((j, q) => {
    const pj = p[q]!;
    if (Math.abs(pj) <= tiny) return;
    if (pj < 0 && qp.lower[j]! > -Infinity) {
      const t = (qp.lower[j]! - x[j]!) / pj;
      if (t < block.alpha) block = { alpha: t, variable: j, row: -1, side: -1 };
    } else if (pj > 0 && qp.upper[j]! < Infinity) {
      const t = (qp.upper[j]! - x[j]!) / pj;
      if (t < block.alpha) block = { alpha: t, variable: j, row: -1, side: 1 };
    }
  });
  for (let i = 0; i < qp.m; i++) {
    if (ws.rows.includes(i)) continue;
    let ap = 0;
    let total = 0;
    let ax = 0;
    ws.free.forEach((j, q) => {
      const v = a[i * n + j]! * p[q]!;
      ap += v;
      total += Math.abs(v);
    });
    if (Math.abs(ap) <= 1e-13 * total) continue;
    for (let j = 0; j < n; j++) ax += a[i * n + j]! * x[j]!;
    const bound = ap < 0 ? qp.rowLower[i]! : qp.rowUpper[i]!;
    if (!Number.isFinite(bound)) continue;
    const t = (bound - ax) / ap;
    if (t < block.alpha) block = { alpha: t, variable: -1, row: i, side: ap < 0 ? -1 : 1 };
  }
  return { ...block, alpha: Math.max(0, block.alpha) };
}

/** Duals at the current point: y for working rows (0 elsewhere) and z = Hx + c − Aᵀy. */
function duals(s: State, lambda: Float64Array): { y: Float64Array; z: Float64Array } {
  const { qp, ws } = s;
  const y = new Float64Array(qp.m);
  ws.rows.forEach((i, r) => (y[i] = lambda[r]!));
  const z = gradient(qp, s.x);
  for (let i = 0; i < qp.m; i++) {
    const yi = y[i]!;
    if (yi !== 0) for (let j = 0; j < qp.n; j++) z[j] = z[j]! - yi * qp.a[i * qp.n + j]!;
  }
  return { y, z };
}

/** Largest number of variables released per pricing round (multiple pricing). */
const MAX_RELEASES = 8;

/**
 * Constraints to drop from the working set: the most violated multiplier sign (a fixed
 * variable j, or a working row as n + r), plus — when it is a variable — up to
 * MAX_RELEASES − 1 more variables violated by at least a quarter as much (multiple pricing:
 * fewer O(n·k) gradient evaluations; a released variable that turns back is fixed again by the
 * ratio test). Empty when the point is optimal.
 */
function pricing(s: State, d: { y: Float64Array; z: Float64Array }): number[] {
  const { qp, ws } = s;
  let scale = 0;
  for (let j = 0; j < qp.n; j++) scale = Math.max(scale, Math.abs(d.z[j]!), Math.abs(qp.c[j]!));
  for (const i of ws.rows) scale = Math.max(scale, Math.abs(d.y[i]!));
  const floor = 1e-11 * scale;
  let worst = floor;
  let pick = -1;
  const violation = new Float64Array(qp.n);
  for (let j = 0; j < qp.n; j++) {
    if (s.side[j] === 0 || qp.lower[j] === qp.upper[j]) continue;
    violation[j] = s.side[j]! * d.z[j]!;
    if (violation[j]! > worst) [worst, pick] = [violation[j]!, j];
  }
  ws.rows.forEach((i, r) => {
    if (qp.rowLower[i] === qp.rowUpper[i]) return;
    const atLower = ws.rowTargets[r] === qp.rowLower[i];
    const v = atLower ? -d.y[i]! : d.y[i]!;
    if (v > worst) [worst, pick] = [v, qp.n + r];
  });
  if (pick < 0 || pick >= qp.n) return pick < 0 ? [] : [pick];
  const others: number[] = [];
  for (let j = 0; j < qp.n; j++) if (j !== pick && violation[j]! >= 0.25 * worst) others.push(j);
  others.sort((a, b) => violation[b]! - violation[a]!);
  return [pick, ...others.slice(0, MAX_RELEASES - 1)];
}

/** Solves the QP from a feasible start (see the module comment); never throws on bad data. */
export function activeSetQp(qp: DenseQpData, options: ActiveSetOptions): ActiveSetResult {
  const started = startState(qp, options);
  if (typeof started === 'string') return { status: started, iterations: 0 };
  const s = started;
  if (!makeIndependent(s)) return { status: 'dependent-constraints', iterations: 0 };
  const maxIterations = options.maxIterations ?? 5 * (qp.n + qp.m) + 50;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let eqp = solveEqp(qp, s);
    if (eqp === undefined && makeIndependent(s)) eqp = solveEqp(qp, s);
    if (eqp === undefined) return { status: 'dependent-constraints', iterations: iteration };
    const p = Float64Array.from(eqp.xFree, (v, q) => v - s.x[s.ws.free[q]!]!);
    const block = ratioTest(s, p);
    if (block.alpha < 1) {
      s.ws.free.forEach((j, q) => (s.x[j] = s.x[j]! + block.alpha * p[q]!));
      if (block.variable >= 0) s.fix(block.variable, block.side);
      else {
        s.ws.rows.push(block.row);
        s.ws.rowTargets.push(block.side < 0 ? qp.rowLower[block.row]! : qp.rowUpper[block.row]!);
      }
      continue;
    }
    // Components below the ratio test's noise threshold may overshoot a bound by ~1e-12·|x|.
    s.ws.free.forEach((j, q) => {
      s.x[j] = Math.min(Math.max(eqp.xFree[q]!, qp.lower[j]!), qp.upper[j]!);
    });
    const d = duals(s, eqp.lambda);
    const picks = pricing(s, d);
    if (picks.length === 0) {
      return { status: 'optimal', x: s.x, rowDuals: d.y, columnDuals: d.z, iterations: iteration };
    }
    for (const pick of picks) {
      if (pick >= qp.n) {
        s.ws.rows.splice(pick - qp.n, 1);
        s.ws.rowTargets.splice(pick - qp.n, 1);
        continue;
      }
      const released = s.release(pick);
      if (released === 'not-convex' || (released === 'singular' && pick === picks[0])) {
        return { status: released, iterations: iteration };
      }
    }
  }
  return { status: 'iteration-limit', iterations: maxIterations };
}
