/**
 * The HiGHS wrapper: one typed entry point for LP, convex QP (HiGHS's primal active-set
 * solver) and MILP over {@link SolverProblem}.
 *
 * Models are built with `createModel` from typed arrays (see `highs-model.ts`) and always
 * disposed in `finally`. HiGHS statuses map to {@link SolveStatus}; "infeasible or unbounded"
 * (usually a presolve verdict) is settled by solving the feasibility problem (zero objective).
 * Caveats measured on this machine (docs/architecture.md, "Solvers"): the QP solver stops at about
 * 1e-6 relative stationarity, so exact weights need a KKT polish (`src/core/qp`).
 *
 * Reference: Huangfu & Hall, "Parallelizing the dual revised simplex method", Math. Prog.
 * Comp. 10 (2018); HiGHS documentation https://ergo-code.github.io/HiGHS/.
 */

import type { Highs, Model, ModelStatusCode } from 'highs';
import { checkProblemShape, firstNonFinite, toModelData } from './highs-model.ts';
import type { Matrix } from '../linalg/matrix.ts';
import type { SolveOptions, SolveResult, SolveStatus, SolverProblem } from './types.ts';

/** A loaded HiGHS runtime (the object {@link loadHighs} resolves to). */
export type HighsRuntime = Highs;

let runtime: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once per process and returns the cached instance
 * (~40 ms the first time; the `highs` package itself is imported then too, so a process that
 * never solves with HiGHS never loads it). A failed load is not cached, so a later call retries.
 */
export function loadHighs(): Promise<HighsRuntime> {
  if (runtime === undefined) {
    runtime = import('highs')
      .then(({ default: highsLoader }) => highsLoader())
      .catch((error: unknown) => {
        runtime = undefined;
        throw error;
      });
  }
  return runtime;
}

const STATUS: Readonly<Partial<Record<ModelStatusCode, SolveStatus>>> = {
  6: 'optimal', // empty model
  7: 'optimal',
  8: 'infeasible',
  10: 'unbounded',
  13: 'time_limit',
  14: 'iteration_limit',
  16: 'iteration_limit', // solution limit
  17: 'failed', // interrupted
};

const STATUS_TEXT: Readonly<Record<number, string>> = {
  0: 'not set',
  1: 'load error',
  2: 'model error',
  3: 'presolve error',
  4: 'solve error',
  5: 'postsolve error',
  6: 'empty',
  7: 'optimal',
  8: 'infeasible',
  9: 'infeasible or unbounded',
  10: 'unbounded',
  11: 'objective bound reached',
  12: 'objective target reached',
  13: 'time limit reached',
  14: 'iteration limit reached',
  15: 'unknown',
  16: 'solution limit reached',
  17: 'interrupted',
};

const ITERATION_INFO = [
  'simplex_iteration_count',
  'ipm_iteration_count',
  'qp_iteration_count',
  'crossover_iteration_count',
  'pdlp_iteration_count',
] as const;

function iterationsOf(model: Model): number {
  let total = 0;
  for (const name of ITERATION_INFO) {
    try {
      const v = model.info.get(name);
      const k = typeof v === 'bigint' ? Number(v) : v;
      if (k > 0) total += k;
    } catch {
      // not every build reports every counter
    }
  }
  return total;
}

function configure(model: Model, options: SolveOptions): void {
  model.options.set({ output_flag: false, mip_rel_gap: options.mipGap ?? 1e-6 });
  if (options.timeLimitSeconds !== undefined) {
    model.options.set('time_limit', options.timeLimitSeconds);
  }
  if (options.highsOptions !== undefined) model.options.set(options.highsOptions);
}

/** Whether `problem` without its objective has a feasible point (settles HiGHS status 9). */
function isFeasible(highs: Highs, problem: SolverProblem, options: SolveOptions): boolean {
  const data = toModelData({
    n: problem.n,
    linear: new Float64Array(problem.n),
    lower: problem.lower,
    upper: problem.upper,
    ...(problem.constraints === undefined ? {} : { constraints: problem.constraints }),
    ...(problem.integer === undefined ? {} : { integer: problem.integer }),
  });
  const model = highs.createModel(data);
  try {
    configure(model, options);
    model.options.set('presolve', 'off');
    model.run();
    return model.getModelStatus() === 7;
  } finally {
    model.dispose();
  }
}

function hasPrimal(model: Model): boolean {
  try {
    return model.info.get('primal_solution_status') === 2;
  } catch {
    return false;
  }
}

/**
 * Solves `problem` with HiGHS: minimise ½ xᵀHx + cᵀx s.t. lower ≤ Ax ≤ upper, bounds and
 * integrality. Synchronous after {@link loadHighs}; `solveMs` covers model build, solve and
 * read-back. Never throws for an optimisation outcome (infeasible, unbounded, limits, solver
 * failure are statuses); throws RangeError for inconsistent array shapes (a programming
 * error). A non-finite coefficient or NaN bound returns status `failed` without calling HiGHS.
 * An integer variable together with a Hessian is passed through (HiGHS 1.15 rejects MIQP:
 * status `failed`).
 */
export function solve(
  highs: HighsRuntime,
  problem: SolverProblem,
  options: SolveOptions = {},
): SolveResult {
  // HiGHS's active-set QP has no default iteration limit and can cycle: bound every QP run.
  if (problem.hessian !== undefined && options.timeLimitSeconds === undefined) {
    options = { ...options, timeLimitSeconds: DEFAULT_QP_TIME_LIMIT_SECONDS };
  }
  const first = solveOnce(highs, problem, options);
  if (first.status !== 'failed' || problem.hessian === undefined) return first;
  // HiGHS's QP solver can fail (or cycle) when the objective's coefficients are tiny, as
  // covariances of returns are; the same problem with the objective multiplied by a positive
  // factor has the same minimiser. Retry with the largest coefficient scaled towards 1, then
  // ×1e3, and report the objective in the original units.
  for (const factor of objectiveScales(problem)) {
    const scaled = {
      ...problem,
      hessian: scaleMatrix(problem.hessian, factor),
      linear: problem.linear.map((c) => c * factor),
    };
    const retry = solveOnce(highs, scaled, options);
    if (retry.status === 'failed') continue;
    return {
      ...retry,
      ...(retry.objective === undefined ? {} : { objective: retry.objective / factor }),
      ...(retry.rowDuals ? { rowDuals: retry.rowDuals.map((y) => y / factor) } : {}),
      ...(retry.columnDuals ? { columnDuals: retry.columnDuals.map((z) => z / factor) } : {}),
      solveMs: first.solveMs + retry.solveMs,
      message: `${retry.message} (objective scaled ×${factor.toPrecision(3)} after: ${first.message})`,
    };
  }
  return first;
}

/** Time limit of a QP run when the caller sets none (seconds). */
export const DEFAULT_QP_TIME_LIMIT_SECONDS = 20;

/** Positive objective factors to retry a failed QP with: to a largest coefficient of 1, and ×1e3. */
function objectiveScales(problem: SolverProblem): number[] {
  let largest = 0;
  for (const v of problem.hessian?.data ?? []) largest = Math.max(largest, Math.abs(v));
  for (const v of problem.linear) largest = Math.max(largest, Math.abs(v));
  const toUnit = largest > 0 ? 1 / largest : 1;
  return [...new Set([toUnit, 1e3, toUnit * 1e3])].filter((f) => f !== 1 && Number.isFinite(f));
}

function scaleMatrix(m: Matrix, factor: number): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.map((v) => v * factor) };
}

function solveOnce(
  highs: HighsRuntime,
  problem: SolverProblem,
  options: SolveOptions,
): SolveResult {
  const start = performance.now();
  checkProblemShape(problem);
  const bad = firstNonFinite(problem);
  if (bad !== undefined) {
    return { status: 'failed', iterations: 0, solveMs: 0, message: `non-finite ${bad}` };
  }
  const isQp = problem.hessian !== undefined;
  const solver = problem.integer?.some(Boolean) ? 'highs-mip' : isQp ? 'highs-qp' : 'highs-lp';
  let model: Model | undefined;
  let result: SolveResult;
  try {
    model = highs.createModel(toModelData(problem));
    result = runModel(highs, model, { problem, options, solver });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { status: 'failed', iterations: 0, solveMs: 0, message, solver };
  }
  const fault = disposeModel(model);
  const solveMs = performance.now() - start;
  return fault === undefined
    ? { ...result, solveMs }
    : { status: 'failed', iterations: result.iterations, solveMs, message: fault, solver };
}

function runModel(
  highs: HighsRuntime,
  model: Model,
  run: { problem: SolverProblem; options: SolveOptions; solver: string },
): SolveResult {
  const { problem, options, solver } = run;
  configure(model, options);
  model.run();
  const code = model.getModelStatus();
  const iterations = iterationsOf(model);
  let status: SolveStatus = STATUS[code] ?? 'failed';
  if (code === 9) status = isFeasible(highs, problem, options) ? 'unbounded' : 'infeasible';
  const message = STATUS_TEXT[code] ?? `status ${code}`;
  const primal = status === 'optimal' || (status !== 'infeasible' && hasPrimal(model));
  if (!primal || status === 'unbounded') return { status, iterations, solveMs: 0, message, solver };
  const solution = model.getSolution();
  const continuous = solver !== 'highs-mip';
  return {
    status,
    x: solution.colValue,
    objective: model.getObjectiveValue(),
    ...(continuous ? { rowDuals: solution.rowDual, columnDuals: solution.colDual } : {}),
    iterations,
    solveMs: 0,
    message,
    solver,
  };
}

/**
 * Disposes a model; returns a message when HiGHS faulted. A WebAssembly trap inside HiGHS (seen
 * as "memory access out of bounds" on dispose after a long QP run) leaves that runtime's memory
 * unusable: the cached runtime is dropped so the next {@link loadHighs} starts a fresh one, and
 * the solve is reported as failed with the reason.
 */
function disposeModel(model: Model | undefined): string | undefined {
  try {
    model?.dispose();
    return undefined;
  } catch (error) {
    runtime = undefined;
    const message = error instanceof Error ? error.message : String(error);
    return `HiGHS runtime fault (${message}); a fresh solver runtime is loaded for later solves`;
  }
}
