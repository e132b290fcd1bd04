/**
 * Exact minimisation of the semivariance f(x) = (1/T) Σ_t max(B_t − a_tᵀx, 0)² over a
 * polytope {lower ≤ x ≤ upper, rows}, by a generalised (semismooth) Newton method with exact
 * line search — the classical method for convex piecewise-quadratic functions (Pang & Qi
 * 1993, "Nonsmooth equations: motivation and algorithms", SIAM J. Optim. 3; Madsen &
 * Nielsen 1990 for the Huber case):
 *
 * 1. D = {t : a_tᵀx < B_t} (the periods below the benchmark at the current x);
 * 2. y = argmin over the polytope of q_D(z) = (1/T) Σ_{t∈D} (B_t − a_tᵀz)², a convex QP in
 *    the k leading variables solved exactly by `solveProblem` (dense active set, or HiGHS +
 *    KKT polish), its objective scaled by 1/max diag for conditioning;
 * 3. stop when q_D(y) ≥ q_D(x) − ε (x then minimises q_D, and ∇q_D(x) = ∇f(x) because f is
 *    C¹, so x satisfies the KKT conditions of f); otherwise x ← x + s(y − x) with the exact
 *    minimiser s ∈ (0, 1] of the convex piecewise quadratic f along the segment.
 *
 * The first D is every period (the start minimises the second moment about B). Each step
 * decreases f strictly; the number of distinct D is finite, and in practice 2–6 QPs suffice.
 * Why not one big QP in (x, n_t)? HiGHS 1.15's QP solver stalls or reports a false
 * "unbounded" on that formulation (observed on the LPP2005 panel), so the QP is kept in x.
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { solveProblem, type SolveProblemOptions } from '../../../core/solvers/solve-qp.ts';
import type { SolveResult, SparseConstraints } from '../../../core/solvers/types.ts';

/** The feasible polytope of the semivariance problem (any linear model). */
export interface Polytope {
  readonly variableCount: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly constraints: SparseConstraints;
}

/** Problem data: rows a_t (T × k, k ≤ variableCount leading variables) and B (length T). */
export interface SemivarianceData {
  readonly polytope: Polytope;
  readonly coefficients: Matrix;
  readonly benchmark: Float64Array;
}

/** Outcome: the final report (x = the minimiser, objective = f(x)), QP count, summed iterations, wall time. */
export interface SemivarianceSolve {
  readonly report: SolveResult;
  readonly qpSolves: number;
}

function activity(data: SemivarianceData, x: Float64Array): Float64Array {
  const { rows: t, cols: k, data: a } = data.coefficients;
  const out = new Float64Array(t);
  for (let s = 0; s < t; s++) {
    let v = 0;
    for (let j = 0; j < k; j++) v += a[s * k + j]! * x[j]!;
    out[s] = v;
  }
  return out;
}

/** f(x) = (1/T) Σ max(B_t − a_tᵀx, 0)². */
export function semivarianceAt(data: SemivarianceData, x: Float64Array): number {
  const r = activity(data, x);
  let f = 0;
  r.forEach((v, s) => {
    const e = Math.max(data.benchmark[s]! - v, 0);
    f += e * e;
  });
  return f / r.length;
}

/** q_D(x) = (1/T) Σ_{t∈D} (B_t − a_tᵀx)². */
function modelAt(data: SemivarianceData, below: Uint8Array, x: Float64Array): number {
  const r = activity(data, x);
  let q = 0;
  r.forEach((v, s) => {
    if (below[s] === 1) q += (data.benchmark[s]! - v) ** 2;
  });
  return q / r.length;
}

/** q_D over the leading k variables as ½zᵀHz + cᵀz, scaled so that max H_jj = 1. */
function subproblem(data: SemivarianceData, below: Uint8Array): { h: Matrix; c: Float64Array } {
  const { rows: t, cols: k, data: a } = data.coefficients;
  const h = new Float64Array(k * k);
  const c = new Float64Array(data.polytope.variableCount);
  for (let s = 0; s < t; s++) {
    if (below[s] === 0) continue;
    const row = s * k;
    const b = data.benchmark[s]!;
    for (let i = 0; i < k; i++) {
      const ai = a[row + i]!;
      if (ai === 0) continue;
      c[i] = c[i]! - b * ai;
      for (let j = i; j < k; j++) h[i * k + j] = h[i * k + j]! + ai * a[row + j]!;
    }
  }
  let top = 0;
  for (let i = 0; i < k; i++) top = Math.max(top, h[i * k + i]!);
  const scale = top > 0 ? 1 / top : 1;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) h[j * k + i] = h[i * k + j] = h[i * k + j]! * scale;
    c[i] = c[i]! * scale;
  }
  return { h: { rows: k, cols: k, data: h }, c };
}

/** Exact minimiser s ∈ [0, 1] of f(x + s·d) (convex piecewise quadratic in s). */
function lineSearch(data: SemivarianceData, x: Float64Array, d: Float64Array): number {
  const ax = activity(data, x);
  const ad = activity(data, d);
  const slope = (s: number): number => {
    let g = 0;
    ax.forEach((v, t) => {
      const e = data.benchmark[t]! - v - s * ad[t]!;
      if (e > 0) g -= e * ad[t]!;
    });
    return g;
  };
  if (slope(1) <= 0) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (slope(mid) > 0) hi = mid;
    else lo = mid;
  }
  // Exact root on the final piece: Σ_{e>0} (B − a − s·b)·b = 0.
  let num = 0;
  let den = 0;
  ax.forEach((v, t) => {
    if (data.benchmark[t]! - v - lo * ad[t]! > 0) {
      num += (data.benchmark[t]! - v) * ad[t]!;
      den += ad[t]! * ad[t]!;
    }
  });
  const s = den > 0 ? num / den : lo;
  return Math.min(hi, Math.max(lo, s));
}

/**
 * Minimises the semivariance of `data` (module comment). Returns the last QP's report with
 * `x` replaced by the minimiser, `iterations`/`solveMs` summed over all QPs, or the first
 * non-optimal QP report. `maxQps` (default 50) bounds the Newton steps (status
 * `iteration_limit` beyond it).
 */
export function minimizeSemivariance(
  highs: HighsRuntime,
  data: SemivarianceData,
  options: SolveProblemOptions & { readonly maxQps?: number } = {},
): SemivarianceSolve {
  const { polytope } = data;
  const t = data.coefficients.rows;
  const maxQps = options.maxQps ?? 50;
  let below = new Uint8Array(t).fill(1);
  let x: Float64Array | undefined;
  let iterations = 0;
  const start = performance.now();
  for (let qp = 1; qp <= maxQps; qp++) {
    const { h, c } = subproblem(data, below);
    const r = solveProblem(
      highs,
      {
        n: polytope.variableCount,
        hessian: h,
        linear: c,
        lower: polytope.lower,
        upper: polytope.upper,
        constraints: polytope.constraints,
      },
      options,
    );
    iterations += r.iterations;
    const solveMs = performance.now() - start;
    if (r.status !== 'optimal' || r.x === undefined)
      return { report: { ...r, iterations, solveMs }, qpSolves: qp };
    const y = r.x;
    const done = (z: Float64Array): SemivarianceSolve => ({
      report: {
        ...r,
        x: z,
        objective: semivarianceAt(data, z),
        iterations,
        solveMs,
        message: `${r.message}; semismooth Newton, ${qp} QP solves`,
      },
      qpSolves: qp,
    });
    if (x === undefined) x = y;
    else {
      const fx = semivarianceAt(data, x);
      if (modelAt(data, below, y) >= fx - 1e-13 * fx) return done(x);
      const d = y.map((v, j) => v - x![j]!);
      const s = lineSearch(data, x, d);
      x = s === 1 ? y : x.map((v, j) => v + s * d[j]!);
    }
    const ax = activity(data, x);
    const next = Uint8Array.from(ax, (v, s) => (v < data.benchmark[s]! ? 1 : 0));
    if (!next.some((v) => v === 1)) return done(x);
    below = next;
  }
  const solveMs = performance.now() - start;
  return {
    report: {
      status: 'iteration_limit',
      iterations,
      solveMs,
      message: `semismooth Newton: no convergence in ${maxQps} QP solves`,
    },
    qpSolves: maxQps,
  };
}
