/**
 * The solve entry point the optimisers use: picks the fastest exact method for a problem.
 *
 * - LP / MILP → HiGHS ({@link solve}).
 * - QP whose Hessian covers every variable, with at most `DENSE_QP_MAX_ROWS` rows → the dense
 *   primal active-set kernel (`src/core/qp/active-set.ts`), started from a near-vertex point
 *   (greedy for a box with ≤ 1 row, else a HiGHS phase-1 LP). Exact to rounding.
 * - QP with zero-curvature auxiliary variables (turnover, gross splits) → the same kernel with a
 *   small relative ridge on the auxiliaries (1e-10, else 1e-6, 1e-3), then a KKT polish on the
 *   original problem, kept with a KKT certificate.
 * - Otherwise, or when the kernel declines (H singular on a free set, dependent rows,
 *   iteration cap) → HiGHS's active-set QP, then a KKT polish on its active set
 *   (`src/core/qp/kkt-polish.ts`) that is kept only if feasible and no worse.
 *
 * `solveMs` covers everything (phase 1, kernel, fallback, polish); `solver` says which path
 * produced `x` (`dense-active-set`, `highs-qp+polish`, `highs-qp`, `highs-lp`, `highs-mip`).
 */

import { cholesky } from '../linalg/cholesky.ts';
import { activeSetQp } from '../qp/active-set.ts';
import {
  boxRowStart,
  DENSE_QP_MAX_ROWS,
  projectedStart,
  PROJECTED_START_MIN_VARIABLES,
  toDenseQp,
} from '../qp/dense-qp.ts';
import { isFeasible, polishKkt, quadraticObjective } from '../qp/kkt-polish.ts';
import { solve, type HighsRuntime } from './highs.ts';
import type { SolveOptions, SolveResult, SolverProblem } from './types.ts';

/** Which QP path {@link solveProblem} may use (`auto`: dense kernel first, HiGHS fallback). */
export type QpMethod = 'auto' | 'highs' | 'dense-active-set';

/** Options of {@link solveProblem}. */
export interface SolveProblemOptions extends SolveOptions {
  /** QP path (default `auto`). */
  readonly method?: QpMethod;
  /** KKT-polish HiGHS QP solutions (default true). */
  readonly polish?: boolean;
  /**
   * A point to start the dense kernel from (e.g. the previous solution of a parametric search
   * over the same constraints); ignored when it is not feasible to 1e-9.
   */
  readonly start?: Float64Array;
}

/** HiGHS tolerances tighter than its defaults (1e-7), so the polish starts closer. */
const TIGHT = { primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 } as const;

function denseStart(
  highs: HighsRuntime,
  problem: SolverProblem,
  options: SolveOptions = {},
): Float64Array | SolveResult {
  const dense = toDenseQp(problem);
  const projected =
    dense === undefined || dense.n < PROJECTED_START_MIN_VARIABLES
      ? undefined
      : projectedStart(dense);
  if (projected !== undefined) return projected;
  const greedy = dense === undefined ? undefined : boxRowStart(dense);
  if (greedy !== undefined) return greedy;
  const phase1 = solve(
    highs,
    {
      n: problem.n,
      linear: new Float64Array(problem.n),
      lower: problem.lower,
      upper: problem.upper,
      ...(problem.constraints === undefined ? {} : { constraints: problem.constraints }),
    },
    options,
  );
  return phase1.status === 'optimal' && phase1.x !== undefined ? phase1.x : phase1;
}

function viaHighs(
  highs: HighsRuntime,
  problem: SolverProblem,
  options: SolveProblemOptions,
): SolveResult {
  const highsOptions = { ...TIGHT, ...options.highsOptions };
  const raw = solve(highs, problem, { ...options, highsOptions });
  if (raw.status !== 'optimal' || raw.x === undefined || options.polish === false) return raw;
  const polished = polishKkt(problem, raw.x);
  if (!polished.accepted) {
    return { ...raw, message: `${raw.message}; polish skipped: ${polished.reason}` };
  }
  return {
    ...raw,
    x: polished.x,
    objective: quadraticObjective(problem, polished.x),
    ...(polished.rowDuals === undefined ? {} : { rowDuals: polished.rowDuals }),
    ...(polished.columnDuals === undefined ? {} : { columnDuals: polished.columnDuals }),
    message: `${raw.message}; polished (${polished.reason})`,
    solver: `${raw.solver ?? 'highs'}+polish`,
  };
}

/**
 * Relative curvatures tried on zero-curvature auxiliary variables, smallest first. The kernel
 * can cycle on the degenerate vertices these models have (|w_i| = a_i = 0 with three active
 * constraints); a larger ridge breaks that, and the KKT polish on the ORIGINAL problem removes
 * the ridge's bias — accepted then only with a KKT certificate (dual signs checked).
 */
const RIDGES = [1e-10, 1e-6, 1e-3] as const;

/** Rows per variable the ridge path accepts (gross/turnover splits add two per weight). */
const RIDGE_MAX_ROWS_PER_VARIABLE = 2;

/** Proximal-point re-centrings tried after a ridge solve without a KKT certificate. */
const PROX_STEPS = 30;

/** `problem` with its Hessian extended to every variable, auxiliaries at curvature `ridge`. */
function withRidge(problem: SolverProblem, ridge: number): SolverProblem {
  const h = problem.hessian!;
  const { n } = problem;
  const data = new Float64Array(n * n);
  for (let i = 0; i < h.rows; i++)
    data.set(h.data.subarray(i * h.cols, i * h.cols + h.rows), i * n);
  for (let j = h.rows; j < n; j++) data[j * n + j] = ridge;
  return { ...problem, hessian: { rows: n, cols: n, data } };
}

/** 1 + max |Hx + c|: the scale stationarity residuals are measured against. */
function stationarityScale(problem: SolverProblem, x: Float64Array): number {
  const h = problem.hessian!;
  let scale = 0;
  for (let i = 0; i < problem.n; i++) {
    let g = problem.linear[i]!;
    if (i < h.rows) for (let j = 0; j < h.rows; j++) g += h.data[i * h.cols + j]! * x[j]!;
    scale = Math.max(scale, Math.abs(g));
  }
  return 1 + scale;
}

/** Largest |H_ii| (1 for a zero Hessian): the unit of the ridges. */
function curvatureScale(problem: SolverProblem): number {
  const h = problem.hessian!;
  let scale = 0;
  for (let i = 0; i < h.rows; i++) scale = Math.max(scale, Math.abs(h.data[i * h.cols + i]!));
  return scale > 0 ? scale : 1;
}

/** Whether the Hessian block is PSD: Cholesky of H + 1e-9·scale·I succeeds. */
function isPsd(problem: SolverProblem, scale: number): boolean {
  const h = problem.hessian!;
  const shifted = Float64Array.from(h.data);
  for (let i = 0; i < h.rows; i++) shifted[i * h.cols + i] = h.data[i * h.cols + i]! + 1e-9 * scale;
  return cholesky({ rows: h.rows, cols: h.cols, data: shifted }).ok;
}

interface RidgeAttempt {
  readonly result?: SolveResult;
  readonly iterations: number;
  readonly message: string;
}

function ridgeAttempt(
  highs: HighsRuntime,
  problem: SolverProblem,
  ridge: { value: number; first: boolean },
): RidgeAttempt {
  const ridged = withRidge(problem, ridge.value);
  // Auxiliary splits bring about two rows per variable (|w_i| ≤ a_i): allow them here.
  const dense = toDenseQp(ridged, RIDGE_MAX_ROWS_PER_VARIABLE * problem.n + DENSE_QP_MAX_ROWS);
  if (dense === undefined) return { iterations: 0, message: 'too many rows' };
  const x0 = denseStart(highs, ridged, {
    highsOptions: { ...TIGHT, primal_feasibility_tolerance: 1e-10 },
  });
  if (!(x0 instanceof Float64Array)) return { iterations: 0, message: x0.message };
  const first = activeSetQp(dense, { start: x0 });
  if (first.status !== 'optimal' || first.x === undefined)
    return { iterations: first.iterations, message: first.status };
  let point: Float64Array = first.x;
  let iterations = first.iterations;
  let polished = polishKkt(problem, point);
  let certified = polished.accepted && polished.reason === 'kkt';
  // Proximal-point steps on the auxiliaries: the ridge re-centred at the last point,
  // ρ/2‖a − a_k‖², has the original problem's solutions as fixed points, so the active set
  // settles on the original one and the polish can certify it.
  // At a fixed point (the auxiliaries no longer move) the kernel's own duals of the re-centred
  // problem are KKT multipliers of the original one — a certificate even where the polish's
  // active-set guess fails (degenerate vertices: |w_i| = a_i = 0 with several rows active).
  const aux = problem.hessian!.rows;
  let fixedPoint: Float64Array | undefined;
  for (let k = 0; k < PROX_STEPS && !certified && !ridge.first; k++) {
    const c = Float64Array.from(dense.c);
    for (let j = aux; j < problem.n; j++) c[j] = c[j]! - ridge.value * point[j]!;
    const next = activeSetQp({ ...dense, c }, { start: point });
    iterations += next.iterations;
    if (next.status !== 'optimal' || next.x === undefined) break;
    let moved = 0;
    for (let j = aux; j < problem.n; j++) moved = Math.max(moved, Math.abs(next.x[j]! - point[j]!));
    point = next.x;
    polished = polishKkt(problem, point);
    certified = polished.accepted && polished.reason === 'kkt';
    if (!certified && ridge.value * moved <= 1e-13 * stationarityScale(problem, point)) {
      fixedPoint = point;
      break;
    }
  }
  if (!certified && fixedPoint !== undefined && isFeasible(problem, fixedPoint, 1e-10)) {
    return {
      iterations,
      message: 'optimal',
      result: {
        status: 'optimal',
        x: fixedPoint,
        objective: quadraticObjective(problem, fixedPoint),
        iterations,
        solveMs: 0,
        message: `optimal; ridge ${ridge.value.toPrecision(2)}, proximal fixed point (kernel duals certify the original KKT)`,
        solver: 'dense-active-set+ridge+prox',
      },
    };
  }
  // Without a certificate only the tiniest ridge is kept (its bias is ~1e-10 relative), and only
  // when the point is exactly feasible (the kernel keeps the start's row residuals).
  const nearExact =
    ridge.first && (polished.accepted || isFeasible(problem, point, 1e-10)) && !certified;
  if (!certified && !nearExact) return { iterations, message: 'no KKT certificate after polish' };
  const x = polished.accepted ? polished.x : point;
  return {
    iterations,
    message: 'optimal',
    result: {
      status: 'optimal',
      x,
      objective: quadraticObjective(problem, x),
      ...(polished.accepted && polished.rowDuals ? { rowDuals: polished.rowDuals } : {}),
      ...(polished.accepted && polished.columnDuals ? { columnDuals: polished.columnDuals } : {}),
      iterations,
      solveMs: 0,
      message: certified
        ? `optimal; ridge ${ridge.value.toPrecision(2)} then KKT polish (certified)`
        : `optimal with ridge ${ridge.value.toPrecision(2)} on auxiliaries; polish: ${polished.reason}`,
      solver: polished.accepted ? 'dense-active-set+ridge+polish' : 'dense-active-set+ridge',
    },
  };
}

/**
 * Auxiliary variables without curvature (turnover |w − w0| splits, gross-exposure splits): the
 * dense kernel on the problem with a ridge on those variables (see {@link RIDGES}), then a KKT
 * polish on the original problem. Avoids HiGHS's QP on these models, which can fail (status
 * −1), cycle, or fault inside WebAssembly (seen on efficient-return with a turnover limit).
 * Runs only on a PSD Hessian: the kernel meets negative curvature only on its free sets, and a
 * KKT point of a non-convex QP is not an answer — anything else goes to HiGHS, which rejects it.
 */
function viaRidge(highs: HighsRuntime, problem: SolverProblem): SolveResult {
  const scale = curvatureScale(problem);
  if (!isPsd(problem, scale))
    return { status: 'failed', iterations: 0, solveMs: 0, message: 'Hessian not PSD' };
  let iterations = 0;
  const messages: string[] = [];
  for (const [k, ridge] of RIDGES.entries()) {
    const attempt = ridgeAttempt(highs, problem, { value: ridge * scale, first: k === 0 });
    iterations += attempt.iterations;
    if (attempt.result !== undefined) return { ...attempt.result, iterations };
    messages.push(`${ridge}: ${attempt.message}`);
  }
  return { status: 'failed', iterations, solveMs: 0, message: messages.join('; ') };
}

/**
 * Solves `problem` by the fastest exact path (see the module comment). Same contract as
 * {@link solve}: outcomes are statuses, RangeError only for inconsistent shapes.
 */
export function solveProblem(
  highs: HighsRuntime,
  problem: SolverProblem,
  options: SolveProblemOptions = {},
): SolveResult {
  const start = performance.now();
  const method = options.method ?? 'auto';
  if (problem.hessian === undefined || problem.integer?.some(Boolean)) {
    return solve(highs, problem, options);
  }
  let note = '';
  if (method !== 'highs' && problem.hessian.rows < problem.n) {
    const ridged = viaRidge(highs, problem);
    if (ridged.status === 'optimal') return { ...ridged, solveMs: performance.now() - start };
    note = `ridge: ${ridged.message}`;
  }
  const dense = method === 'highs' ? undefined : toDenseQp(problem);
  if (dense !== undefined && options.start?.length === problem.n) {
    const warm = activeSetQp(dense, { start: options.start });
    if (warm.status === 'optimal' && warm.x !== undefined) {
      return {
        status: 'optimal',
        x: warm.x,
        objective: quadraticObjective(problem, warm.x),
        ...(warm.rowDuals === undefined ? {} : { rowDuals: warm.rowDuals }),
        ...(warm.columnDuals === undefined ? {} : { columnDuals: warm.columnDuals }),
        iterations: warm.iterations,
        solveMs: performance.now() - start,
        message: 'optimal (warm start)',
        solver: 'dense-active-set',
      };
    }
  }
  if (dense !== undefined) {
    const x0 = denseStart(highs, problem);
    if (!(x0 instanceof Float64Array)) {
      if (x0.status === 'infeasible') {
        return { ...x0, solveMs: performance.now() - start, solver: 'dense-active-set' };
      }
      note = `phase 1: ${x0.message}`;
    } else {
      const r = activeSetQp(dense, { start: x0 });
      if (r.status === 'optimal' && r.x !== undefined) {
        return {
          status: 'optimal',
          x: r.x,
          objective: quadraticObjective(problem, r.x),
          ...(r.rowDuals === undefined ? {} : { rowDuals: r.rowDuals }),
          ...(r.columnDuals === undefined ? {} : { columnDuals: r.columnDuals }),
          iterations: r.iterations,
          solveMs: performance.now() - start,
          message: 'optimal',
          solver: 'dense-active-set',
        };
      }
      if (r.status === 'not-convex') {
        const message = 'Hessian is not positive semidefinite (negative curvature on the free set)';
        return {
          status: 'failed',
          iterations: r.iterations,
          solveMs: performance.now() - start,
          message,
          solver: 'dense-active-set',
        };
      }
      note = `dense active set: ${r.status}`;
    }
  }
  if (method === 'dense-active-set') {
    const message = note || 'problem does not fit the dense active-set kernel';
    return { status: 'failed', iterations: 0, solveMs: performance.now() - start, message };
  }
  const r = viaHighs(highs, problem, options);
  const message = note ? `${r.message} (after ${note})` : r.message;
  return { ...r, message, solveMs: performance.now() - start };
}
