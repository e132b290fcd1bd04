/**
 * The solve entry point the optimisers use: picks the fastest exact method for a problem.
 *
 * - LP / MILP → HiGHS ({@link solve}).
 * - QP whose Hessian covers every variable, with at most `DENSE_QP_MAX_ROWS` rows → the dense
 *   primal active-set kernel (`src/core/qp/active-set.ts`), started from a near-vertex point
 *   (greedy for a box with ≤ 1 row, else a HiGHS phase-1 LP). Exact to rounding.
 * - Otherwise, or when the kernel declines (H singular on a free set, dependent rows,
 *   iteration cap) → HiGHS's active-set QP, then a KKT polish on its active set
 *   (`src/core/qp/kkt-polish.ts`) that is kept only if feasible and no worse.
 *
 * `solveMs` covers everything (phase 1, kernel, fallback, polish); `solver` says which path
 * produced `x` (`dense-active-set`, `highs-qp+polish`, `highs-qp`, `highs-lp`, `highs-mip`).
 */

import { activeSetQp } from '../qp/active-set';
import { boxRowStart, toDenseQp } from '../qp/dense-qp';
import { polishKkt, quadraticObjective } from '../qp/kkt-polish';
import { solve, type HighsRuntime } from './highs';
import type { SolveOptions, SolveResult, SolverProblem } from './types';

/** Which QP path {@link solveProblem} may use (`auto`: dense kernel first, HiGHS fallback). */
export type QpMethod = 'auto' | 'highs' | 'dense-active-set';

/** Options of {@link solveProblem}. */
export interface SolveProblemOptions extends SolveOptions {
  /** QP path (default `auto`). */
  readonly method?: QpMethod;
  /** KKT-polish HiGHS QP solutions (default true). */
  readonly polish?: boolean;
}

/** HiGHS tolerances tighter than its defaults (1e-7), so the polish starts closer. */
const TIGHT = { primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 } as const;

function denseStart(highs: HighsRuntime, problem: SolverProblem): Float64Array | SolveResult {
  const dense = toDenseQp(problem);
  const greedy = dense === undefined ? undefined : boxRowStart(dense);
  if (greedy !== undefined) return greedy;
  const phase1 = solve(highs, {
    n: problem.n,
    linear: new Float64Array(problem.n),
    lower: problem.lower,
    upper: problem.upper,
    ...(problem.constraints === undefined ? {} : { constraints: problem.constraints }),
  });
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
  const dense = method === 'highs' ? undefined : toDenseQp(problem);
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
