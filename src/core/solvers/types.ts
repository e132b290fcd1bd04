import type { Matrix } from '../linalg/matrix.ts';

/**
 * Linear constraints `lower ≤ A x ≤ upper` in compressed sparse row form: the entries of row i
 * are `values[k]` at columns `columns[k]` for k in [rowStarts[i], rowStarts[i + 1]). Use ±Infinity
 * for a free side; `lower[i] = upper[i]` for an equality.
 */
export interface SparseConstraints {
  readonly rows: number;
  readonly rowStarts: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/**
 * A problem for the solver wrapper: minimise ½ xᵀ H x + cᵀ x (H symmetric positive
 * semidefinite, omitted for an LP) subject to `constraints` and `lower ≤ x ≤ upper`, with
 * optional integrality (LP/MILP only: HiGHS has no MIQP).
 */
export interface SolverProblem {
  readonly n: number;
  /**
   * Dense symmetric k × k Hessian acting on the first k ≤ n variables (auxiliary variables
   * after them have no quadratic term); omitted for a linear program.
   */
  readonly hessian?: Matrix;
  /** Linear term c (length n). */
  readonly linear: Float64Array;
  readonly constraints?: SparseConstraints;
  /** Variable bounds (length n); ±Infinity allowed. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Integer variables (MILP); not allowed with a Hessian. */
  readonly integer?: readonly boolean[];
}

/** Outcome class of a solve. */
export type SolveStatus =
  'optimal' | 'infeasible' | 'unbounded' | 'time_limit' | 'iteration_limit' | 'failed';

/** What a solve returns (kernels return status; callers decide what a failure means). */
export interface SolveResult {
  readonly status: SolveStatus;
  /** Primal solution when `status` is `optimal` (or a limit with a feasible point). */
  readonly x?: Float64Array;
  readonly objective?: number;
  /**
   * Row duals y (length `constraints.rows`), when available. HiGHS sign convention for a
   * minimisation: H x + c = Aᵀ y + z at an optimum (y ≥ 0 on an active lower side, ≤ 0 on an
   * active upper side).
   */
  readonly rowDuals?: Float64Array;
  /** Column duals (reduced costs) z of the variable bounds (length n), when available. */
  readonly columnDuals?: Float64Array;
  readonly iterations: number;
  /** Wall time of the solve itself (model build included), milliseconds. */
  readonly solveMs: number;
  /** Solver's own status text. */
  readonly message: string;
  /** Which algorithm produced `x` (`dense-active-set`, `highs-qp+polish`, `highs-qp`, `highs-lp`, `highs-mip`). */
  readonly solver?: string;
}

/** Options of a solve. */
export interface SolveOptions {
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap (default 1e-6). */
  readonly mipGap?: number;
  /**
   * Further HiGHS options by their exact snake_case names (e.g. `{ solver: 'ipm' }` for a
   * large LP, `{ presolve: 'off' }`), applied after the wrapper's own defaults.
   */
  readonly highsOptions?: Readonly<Record<string, boolean | number | string>>;
}
