/**
 * Cardinality (at most K holdings) and minimum position size for the mean-variance family
 * (`optimize`: min variance, max Sharpe, efficient return/risk, utility, max return, max
 * diversification, min tracking error). HiGHS has no MIQP, so this is the documented top-K
 * heuristic of `cardinality.ts` at the level of whole optimisations, not guaranteed optimal:
 *
 * 1. solve without the limits;
 * 2. keep the K largest weights (ties: lower index; weights ≤ 1e-12 are never kept unless their
 *    lower bound is positive);
 * 3. re-solve with every other weight bounded to 0 and each kept weight ≥ max(m, its lower
 *    bound) — the same objective and every other constraint unchanged.
 *
 * An infeasible step 3 is INFEASIBLE (no other support is searched). Long-only only: a negative
 * lower bound is INVALID_INPUT (a short position's "size" is not what these limits mean).
 * The result lists `maxAssets` / `minPosition` in `constraintsChecked` and its solver ends in
 * `+cardinality-heuristic`.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { invalidInput } from '../../errors.ts';
import { cardinalityChecks, largestWeights, type CardinalityLimits } from '../model/cardinality.ts';
import { CHECK_TOLERANCE } from '../check.ts';
import { weightBounds } from '../model/portfolio-model.ts';
import type { OptimizationInputs, OptimizeOptions } from '../problem.ts';
import type { OptimizationResult } from '../result.ts';

/** Runs `optimize` (passed in, to keep this module below `problem-optimize.ts`). */
export type OptimizeFn = (
  highs: HighsRuntime,
  inputs: OptimizationInputs,
  options: OptimizeOptions,
) => OptimizationResult;

function checkLimits(limits: CardinalityLimits, n: number): { k: number; m: number } {
  const k = limits.maxAssets ?? n;
  const m = limits.minPositionWeight ?? 0;
  if (!Number.isInteger(k) || k < 1) throw invalidInput('maxAssets', k, 'must be an integer ≥ 1');
  if (!(m >= 0) || !Number.isFinite(m) || m > 1)
    throw invalidInput('minPositionWeight', m, 'must be a number in [0, 1]');
  return { k, m };
}

/** The top-K heuristic of the module comment around `run`. */
export function optimizeWithCardinality(
  run: OptimizeFn,
  highs: HighsRuntime,
  job: { inputs: OptimizationInputs; options: OptimizeOptions; limits: CardinalityLimits },
): OptimizationResult {
  const { inputs, options, limits } = job;
  const n = inputs.assets.length;
  const { k, m } = checkLimits(limits, n);
  const constraints = options.constraints ?? {};
  const { lower, upper } = weightBounds(n, constraints);
  const negative = lower.findIndex((l) => l < 0);
  if (negative >= 0)
    throw invalidInput(
      'minWeight',
      lower[negative],
      `cardinality limits need long-only weights (${inputs.assets[negative]} may go short)`,
    );
  const relaxed = run(highs, inputs, options);
  const keep = largestWeights(relaxed.weightsVector, { k, lower, n });
  const restricted = run(highs, inputs, {
    ...options,
    constraints: {
      ...constraints,
      minWeight: keep.map((kept, i) => (kept ? Math.max(m, lower[i]!) : 0)),
      maxWeight: keep.map((kept, i) => (kept ? upper[i]! : 0)),
    },
  });
  const d = restricted.diagnostics;
  return {
    ...restricted,
    constraintsChecked: [
      ...restricted.constraintsChecked,
      ...cardinalityChecks(restricted.weightsVector, limits).map((c) => ({
        ...c,
        ok: c.slack >= -CHECK_TOLERANCE,
      })),
    ],
    diagnostics: {
      ...d,
      solver: `${d.solver}+cardinality-heuristic`,
      iterations: relaxed.diagnostics.iterations + d.iterations,
      solveMs: relaxed.diagnostics.solveMs + d.solveMs,
      solves: relaxed.diagnostics.solves + d.solves,
      message: `${d.message}; top-${k} support of the unrestricted solution (heuristic, not guaranteed optimal)`,
    },
  };
}
