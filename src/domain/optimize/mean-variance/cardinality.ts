/**
 * Cardinality (at most K holdings) and minimum position size for the mean-variance family.
 * HiGHS has no MIQP, so this is the documented top-K heuristic of `model/cardinality.ts` at the
 * level of whole solves, not guaranteed optimal:
 *
 * 1. solve without the limits;
 * 2. keep the K largest weights (ties: lower index; weights ≤ 1e-12 are never kept unless their
 *    lower bound is positive);
 * 3. re-solve with every other weight bounded to 0 and each kept weight ≥ max(m, its lower
 *    bound) — the same objective and every other constraint unchanged.
 *
 * An infeasible step 3 is INFEASIBLE (no other support is searched). Long-only only: a negative
 * lower bound is INVALID_INPUT (a short position's "size" is not what these limits mean).
 * The result's `diagnostics.cardinality` is `heuristic` and its solver ends in
 * `+cardinality-heuristic`.
 */

import { invalidInput } from '../../errors.ts';
import type { CardinalityLimits } from '../constraints.ts';
import { largestWeights } from '../model/cardinality.ts';
import { weightBounds } from '../model/portfolio-model.ts';
import type { FamilySolution } from '../result-build.ts';
import type { MeanVarianceProblem } from './optimize.ts';

function checkLimits(limits: CardinalityLimits, n: number): { k: number; m: number } {
  const k = limits.maxAssets ?? n;
  const m = limits.minPositionWeight ?? 0;
  if (!Number.isInteger(k) || k < 1)
    throw invalidInput('cardinality.maxAssets', k, 'must be an integer ≥ 1');
  if (!(m >= 0) || !Number.isFinite(m) || m > 1)
    throw invalidInput('cardinality.minPositionWeight', m, 'must be a number in [0, 1]');
  return { k, m };
}

/** The top-K heuristic of the module comment around `solve` (a solve without cardinality). */
export function withCardinalityHeuristic(
  problem: MeanVarianceProblem,
  solve: (p: MeanVarianceProblem) => FamilySolution,
): FamilySolution {
  const { cardinality: limits, ...relaxedProblem } = problem;
  if (limits === undefined) return solve(problem);
  const { inputs } = problem;
  const n = inputs.assets.length;
  const { k, m } = checkLimits(limits, n);
  const constraints = problem.constraints ?? {};
  const { lower, upper } = weightBounds(n, constraints);
  const negative = lower.findIndex((l) => l < 0);
  if (negative >= 0)
    throw invalidInput(
      'constraints.minWeight',
      lower[negative],
      `cardinality limits need long-only weights (${inputs.assets[negative]} may go short)`,
    );
  const relaxed = solve(relaxedProblem);
  const keep = largestWeights(relaxed.weights, { k, lower, n });
  const restricted = solve({
    ...relaxedProblem,
    constraints: {
      ...constraints,
      minWeight: keep.map((kept, i) => (kept ? Math.max(m, lower[i]!) : 0)),
      maxWeight: keep.map((kept, i) => (kept ? upper[i]! : 0)),
    },
  });
  const d = restricted.diagnostics;
  const r = relaxed.diagnostics;
  return {
    ...restricted,
    diagnostics: {
      ...d,
      solver: `${d.solver}+cardinality-heuristic`,
      iterations: r.iterations + d.iterations,
      solveMs: r.solveMs + d.solveMs,
      solves: r.solves + d.solves,
      message: `${d.message}; top-${k} support of the unrestricted solution (heuristic, not guaranteed optimal)`,
    },
  };
}
