/**
 * Stage 2 of the leverage-aware pipeline (docs/conventions.md "Two-stage"): given target
 * exposures x* (decimals of portfolio value; a negative cash entry is borrowing), an exposure
 * covariance Σ and fund definitions E (economic exposure per $1), choose fund weights w
 * minimising the risk-weighted distance (Eᵀw − x*)ᵀΣ(Eᵀw − x*) plus proportional costs under
 * fund bounds, fund availability per account, account budgets with optional borrowing, a
 * notional cap and minimum positions.
 *
 * The QP (`problem.ts`) goes to HiGHS through the solver wrapper and is polished
 * on its active set (`polish.ts`), so a target that funds can reach exactly is
 * reached to rounding: when funds map one-to-one to exposures (E = I) the result is x* itself
 * and two-stage equals single-stage. Weights are never renormalised after the solve.
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { invalidInput } from '../../errors.ts';
import { requireChecksHold } from '../check.ts';
import type { FundUniverse } from '../../exposures/fund-types.ts';
import { enforceMinimums } from './minimums.ts';
import { reportMapping } from './mapping-report.ts';
import { setupMapping } from './setup.ts';
import { failureError, solveMapping, type MappingSolver, type SolveTally } from './solve.ts';
import type {
  FundExposureTable,
  FundMappingInput,
  FundMappingOptions,
  FundMappingResult,
} from './types.ts';

/** The exposure table (fund → exposure id → economic exposure per $1) of a fund universe. */
export function fundExposureTable(universe: FundUniverse): FundExposureTable {
  return Object.fromEntries(
    Object.entries(universe.funds).map(([symbol, definition]) => [symbol, definition.exposures]),
  );
}

/**
 * Maps target exposures onto funds (see the module comment). `options` defaults: every fund
 * of the table, one account, no borrowing, bounds [0, +∞) per fund, no notional cap, no
 * minimum, no costs, cash exposure `cash_rate` when Σ has it. Σ is taken as annual, so
 * `trackingErrorAnnual` is annual.
 *
 * @throws BallastError INVALID_INPUT (malformed Σ, a target outside Σ, unknown fund, bad
 *   option), INFEASIBLE (bounds, budgets, borrowing and caps admit no weights, or a minimum
 *   position cannot be met), UNBOUNDED or SOLVER_FAILED (solver status, with its message, or
 *   a constraint check that fails on the returned weights: the failure policy of `check.ts`).
 */
export function mapExposuresToFunds(
  highs: HighsRuntime,
  input: FundMappingInput,
  options: FundMappingOptions = {},
): FundMappingResult {
  const setup = setupMapping(input, options);
  const m = options.minimumPosition;
  if (m !== undefined && (!Number.isFinite(m) || m < 0)) {
    throw invalidInput('minimumPosition', m, 'must be a finite decimal ≥ 0');
  }
  const tally: SolveTally = { solves: 0, iterations: 0, solveMs: 0, solver: 'highs-qp' };
  const solver: MappingSolver = { highs, setup, options, tally };
  const first = solveMapping(solver);
  if (!first.ok) throw failureError(first, 'fund mapping');
  const { solution, decisions } =
    m !== undefined && m > 0
      ? enforceMinimums(solver, first, m)
      : { solution: first, decisions: [] };
  const report = reportMapping(setup, options, solution.x);
  requireChecksHold(report.constraintsChecked, {
    label: 'fund mapping',
    details: { solver: tally.solver, polished: solution.polished },
  });
  return {
    status: 'optimal',
    ...report,
    minimumPositions: decisions,
    excludedFunds: setup.excludedFunds,
    diagnostics: {
      solver: solution.polished ? `${tally.solver}+kkt-polish` : tally.solver,
      solves: tally.solves,
      iterations: tally.iterations,
      solveMs: tally.solveMs,
      polished: solution.polished,
    },
    warnings: report.warnings,
  };
}
