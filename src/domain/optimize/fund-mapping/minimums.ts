/**
 * Minimum position sizes for the stage-2 QP: every (fund, account) weight is 0 or at least
 * `minimum` in absolute value. That is a mixed-integer QP, which HiGHS does not solve, so this
 * is a **greedy branching heuristic** (documented, not guaranteed globally optimal):
 *
 * 1. Solve the continuous problem.
 * 2. Among positions with 0 < |w| < minimum (beyond 1e-9), take the smallest (ties: lowest
 *    position index) and solve two branches: fixed at 0 ("dropped") and bounded away from 0
 *    on its side, |w| ≥ minimum ("raised"). Keep the feasible branch with the lower objective
 *    (ties go to dropping: fewer holdings); the decision is final.
 * 3. Repeat until no position is below the minimum — at most one round per position, two
 *    solves per round.
 *
 * Reference: the "round and re-solve" heuristics for cardinality-constrained mean-variance
 * problems, e.g. Jobst, Horniman, Lucas & Mitra, "Computational aspects of alternative
 * portfolio selection models in the presence of discrete asset choice constraints",
 * Quantitative Finance 1 (2001).
 */

import { BallastError } from '../../errors.ts';
import { failureError, solveMapping, type MappingSolution, type MappingSolver } from './solve.ts';
import type { MinimumDecision } from './types.ts';

const EPS = 1e-9;

/** Result of {@link enforceMinimums}: the final solution and one decision per branched position. */
export interface MinimumsOutcome {
  readonly solution: MappingSolution;
  readonly decisions: readonly MinimumDecision[];
}

/**
 * Applies the heuristic from `start` (see the module comment). Throws INFEASIBLE when neither
 * branch of a position is feasible, naming the position.
 */
export function enforceMinimums(
  solver: MappingSolver,
  start: MappingSolution,
  minimum: number,
): MinimumsOutcome {
  const decisions: MinimumDecision[] = [];
  let current = start;
  const positions = solver.setup.positions;
  for (let round = 0; round < positions.length; round++) {
    const below = positions
      .map((p) => ({ p, w: current.x[p.index]! }))
      .filter(({ w }) => Math.abs(w) > EPS && Math.abs(w) < minimum - EPS)
      .sort((a, b) => Math.abs(a.w) - Math.abs(b.w) || a.p.index - b.p.index);
    const next = below[0];
    if (next === undefined) break;
    const { p, w } = next;
    const lower = current.built.problem.lower[p.index]!;
    const upper = current.built.problem.upper[p.index]!;
    const branches: {
      decision: MinimumDecision['decision'];
      bounds: { lower: number; upper: number };
    }[] = [];
    if (lower <= 0 && upper >= 0)
      branches.push({ decision: 'dropped', bounds: { lower: 0, upper: 0 } });
    const raised =
      w > 0
        ? { lower: Math.max(lower, minimum), upper }
        : { lower, upper: Math.min(upper, -minimum) };
    if (raised.lower <= raised.upper) branches.push({ decision: 'raised', bounds: raised });
    let best: { solution: MappingSolution; decision: MinimumDecision['decision'] } | undefined;
    let lastFailure;
    for (const branch of branches) {
      const overrides = new Map(current.overrides).set(p.index, branch.bounds);
      const attempt = solveMapping(solver, overrides);
      if (!attempt.ok) {
        lastFailure = attempt;
        continue;
      }
      const tol = 1e-12 * Math.max(1, Math.abs(attempt.objective));
      if (best === undefined || attempt.objective < best.solution.objective - tol) {
        best = { solution: attempt, decision: branch.decision };
      }
    }
    if (best === undefined) {
      if (lastFailure !== undefined && lastFailure.status !== 'infeasible') {
        throw failureError(lastFailure, `minimum position for ${p.fund}@${p.account}`);
      }
      throw new BallastError(
        'INFEASIBLE',
        `minimumPosition: ${p.fund} in account ${p.account} can be neither 0 nor at least ${minimum} under the other constraints`,
        { field: 'minimumPosition', fund: p.fund, account: p.account, value: minimum },
      );
    }
    decisions.push({ fund: p.fund, account: p.account, relaxedWeight: w, decision: best.decision });
    current = best.solution;
  }
  return { solution: current, decisions };
}
