/**
 * Cardinality (at most K holdings) and minimum position size m for long-only weights, the
 * weights being variables 0…n−1 of a {@link SolverProblem}.
 *
 * Linear risk measures (CVaR, CDaR, max return — an LP): exact MILP with binaries z_i,
 *
 *   w_i ≤ u_i z_i,   w_i ≥ m_i z_i,   Σ z_i ≤ K,   z_i ∈ {0, 1},   m_i = max(m, l_i),
 *
 * (e.g. Mansini, Ogryczak & Speranza 2014, "Linear and Mixed Integer Programming for
 * Portfolio Optimization", §4.1), solved by HiGHS branch-and-cut; the chosen support is then
 * fixed and the LP re-solved, so the returned weights are an exact LP vertex (no
 * integrality-tolerance dust such as w_i = 1e-8 with z_i ≈ 1e-7).
 *
 * Quadratic objectives (HiGHS has no MIQP): a documented heuristic, not guaranteed optimal —
 * (1) solve without cardinality; (2) keep the K assets with the largest weights (ties: lower
 * index; assets with weight ≤ 1e-12 are never kept unless their lower bound forces them);
 * (3) re-solve with the other weights fixed at 0 and w_i ≥ m_i on the kept ones. If (3) is
 * infeasible the call fails with INFEASIBLE (the heuristic does not search other supports).
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { solveProblem, type SolveProblemOptions } from '../../../core/solvers/solve-qp.ts';
import type { SolveResult, SolverProblem } from '../../../core/solvers/types.ts';
import { invalidInput } from '../../errors.ts';
import type { CardinalityLimits } from '../constraints.ts';

export type { CardinalityLimits } from '../constraints.ts';
import { CsrBuilder, extend, stackRows } from '../../../core/solvers/csr-builder.ts';

/** The problem's weights and the limits to impose on them. */
export interface CardinalitySpec {
  /** n: the weights are variables f…f+n−1. */
  readonly assets: number;
  /** f: index of the first weight variable (default 0). */
  readonly firstWeight?: number;
  readonly limits: CardinalityLimits;
  /** Solver options of every solve (e.g. tighter tolerances). */
  readonly options?: SolveProblemOptions;
}

function checkLimits(
  problem: SolverProblem,
  spec: CardinalitySpec,
): { k: number; m: number; f: number } {
  const { assets: n, limits } = spec;
  const f = spec.firstWeight ?? 0;
  const k = limits.maxAssets ?? n;
  const m = limits.minPositionWeight ?? 0;
  if (!Number.isInteger(k) || k < 1)
    throw invalidInput('cardinality.maxAssets', k, 'must be an integer ≥ 1');
  if (!(m >= 0) || !Number.isFinite(m))
    throw invalidInput('cardinality.minPositionWeight', m, 'must be a finite number ≥ 0');
  for (let i = f; i < f + n; i++) {
    if (problem.lower[i]! < 0)
      throw invalidInput(
        'constraints.minWeight',
        problem.lower[i],
        'cardinality limits need long-only weights (min ≥ 0)',
      );
    if (!Number.isFinite(problem.upper[i]!))
      throw invalidInput(
        'constraints.maxWeight',
        problem.upper[i],
        'cardinality limits need a finite upper bound per weight',
      );
  }
  return { k, m, f };
}

/**
 * The MILP of the module comment: `problem` (an LP) with n binaries appended after its
 * variables and 2n + 1 rows appended after its rows. Throws `INVALID_INPUT` for bad limits,
 * shorts, an unbounded weight or a quadratic objective.
 */
export function withCardinality(problem: SolverProblem, spec: CardinalitySpec): SolverProblem {
  if (problem.hessian !== undefined)
    throw invalidInput(
      'cardinality',
      'qp',
      'the exact MILP needs a linear objective; use solveWithCardinality',
    );
  const { k, m, f } = checkLimits(problem, spec);
  const n = spec.assets;
  const z0 = problem.n;
  const block = new CsrBuilder(5 * n);
  for (let i = 0; i < n; i++) {
    block.push(f + i, 1);
    block.push(z0 + i, -problem.upper[f + i]!);
    block.endRow(-Infinity, 0);
    block.push(f + i, 1);
    block.push(z0 + i, -Math.max(m, problem.lower[f + i]!));
    block.endRow(0, Infinity);
  }
  for (let i = 0; i < n; i++) block.push(z0 + i, 1);
  block.endRow(-Infinity, k);
  const rows = block.build();
  const base = problem.constraints ?? {
    rows: 0,
    rowStarts: new Int32Array(1),
    columns: new Int32Array(0),
    values: new Float64Array(0),
    lower: new Float64Array(0),
    upper: new Float64Array(0),
  };
  const integer = [
    ...(problem.integer ?? new Array<boolean>(z0).fill(false)),
    ...new Array<boolean>(n).fill(true),
  ];
  return {
    n: z0 + n,
    linear: extend(problem.linear, new Float64Array(n)),
    lower: extend(problem.lower, new Float64Array(n)),
    upper: extend(problem.upper, new Float64Array(n).fill(1)),
    constraints: stackRows(base, rows),
    integer,
  };
}

/**
 * `problem` with its support fixed: weight f + i gets bounds [0, 0] unless `keep[i]`, kept ones
 * [max(l, m), u]. No other change (same variables and rows).
 */
export function restrictSupport(
  problem: SolverProblem,
  spec: {
    readonly keep: readonly boolean[];
    readonly minPositionWeight: number;
    readonly firstWeight?: number;
  },
): SolverProblem {
  const lower = Float64Array.from(problem.lower);
  const upper = Float64Array.from(problem.upper);
  const f = spec.firstWeight ?? 0;
  spec.keep.forEach((kept, i) => {
    if (kept) lower[f + i] = Math.max(lower[f + i]!, spec.minPositionWeight);
    else upper[f + i] = lower[f + i] = 0;
  });
  return { ...problem, lower, upper };
}

/**
 * Which of the n weights x[f…f+n−1] to keep: the K largest (ties: lower index) that are
 * > 1e-12, plus every weight whose lower bound is > 0.
 */
export function largestWeights(
  x: ArrayLike<number>,
  spec: {
    readonly k: number;
    readonly lower: ArrayLike<number>;
    readonly n: number;
    readonly firstWeight?: number;
  },
): boolean[] {
  const f = spec.firstWeight ?? 0;
  const order = Array.from({ length: spec.n }, (_, i) => i).sort(
    (a, b) => x[f + b]! - x[f + a]! || a - b,
  );
  const keep = new Array<boolean>(spec.n).fill(false);
  order.slice(0, spec.k).forEach((i) => (keep[i] = x[f + i]! > 1e-12));
  for (let i = 0; i < spec.n; i++) if (spec.lower[f + i]! > 0) keep[i] = true;
  return keep;
}

function merge(first: SolveResult, second: SolveResult, solver: string): SolveResult {
  return {
    ...second,
    iterations: first.iterations + second.iterations,
    solveMs: first.solveMs + second.solveMs,
    message: `${first.message}; restricted re-solve: ${second.message}`,
    solver,
  };
}

/**
 * Solves `problem` under the cardinality limits: exact MILP + restricted LP re-solve for an
 * LP, the top-K heuristic for a QP (module comment). Returns the final solve's result with
 * iterations and time summed over both solves and `solver` naming the path
 * (`highs-mip+lp`, `<qp path>+cardinality-heuristic`). A non-optimal first solve is returned
 * as is (the caller maps its status to an error).
 */
export function solveWithCardinality(
  highs: HighsRuntime,
  problem: SolverProblem,
  spec: CardinalitySpec,
): SolveResult {
  const { k, m, f } = checkLimits(problem, spec);
  const n = spec.assets;
  const options = spec.options ?? {};
  if (problem.hessian === undefined) {
    const mip = solveProblem(highs, withCardinality(problem, spec), options);
    if (mip.status !== 'optimal' || mip.x === undefined) return mip;
    const keep = Array.from({ length: n }, (_, i) => mip.x![problem.n + i]! > 0.5);
    const restrict = { keep, minPositionWeight: m, firstWeight: f };
    const lp = solveProblem(highs, restrictSupport(problem, restrict), options);
    return merge(mip, lp, 'highs-mip+lp');
  }
  const relaxed = solveProblem(highs, problem, options);
  if (relaxed.status !== 'optimal' || relaxed.x === undefined) return relaxed;
  const keep = largestWeights(relaxed.x, { k, lower: problem.lower, n, firstWeight: f });
  const restrict = { keep, minPositionWeight: m, firstWeight: f };
  const restricted = solveProblem(highs, restrictSupport(problem, restrict), options);
  return merge(relaxed, restricted, `${restricted.solver ?? 'qp'}+cardinality-heuristic`);
}

/**
 * Slacks of the limits on final weights (≥ 0 when met; a weight counts as held above 1e-12):
 * `maxAssets` = K − holdings, `minPosition` = min over held weights of (w_i − m).
 */
export function cardinalityChecks(
  weights: ArrayLike<number>,
  limits: CardinalityLimits,
): { name: string; slack: number }[] {
  const held: number[] = [];
  for (let i = 0; i < weights.length; i++)
    if (Math.abs(weights[i]!) > 1e-12) held.push(weights[i]!);
  const out: { name: string; slack: number }[] = [];
  if (limits.maxAssets !== undefined)
    out.push({ name: 'maxAssets', slack: limits.maxAssets - held.length });
  const m = limits.minPositionWeight;
  if (m !== undefined)
    out.push({ name: 'minPosition', slack: held.length === 0 ? 0 : Math.min(...held) - m });
  return out;
}
