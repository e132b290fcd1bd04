/**
 * Asset location: one household target allocation placed across taxable, traditional and Roth
 * accounts (docs/asset-location.md). The program (`build-model.ts`) maximises the after-tax
 * dollars at the horizon H of every dollar placed,
 *
 *   max Σ_{a,f} x_af c_af,   c_af = (1 + r_f − d_f)^H (taxable) | (1 + r_f)^H (roth)
 *                                  | (1 − t_w)(1 + r_f)^H (traditional)
 *
 * subject to each account holding exactly its balance in funds of its own menu (no cash moves
 * between accounts) and the household's economic exposures equalling the target (each exposure
 * of a levered or return-stacked fund counts). So the least tax-efficient exposures go where
 * they are not taxed each year and the fastest-growing where growth is never taxed (Roth).
 *
 * When no placement meets the target exactly, a first program finds the smallest total miss
 * Σ_k |placed_k − target_k| (dollars); without `allowDeviation` that is an INFEASIBLE error
 * listing the miss per exposure, with it the value is maximised among placements whose miss is
 * that smallest one (lexicographic: no penalty weight to choose) and a warning reports it.
 *
 * @example
 * ```ts
 * const highs = await loadHighs();
 * const r = placeAssets(highs, { accounts, targetWeights: { bonds: 0.5, stocks: 0.5 }, funds,
 *   exposures, tax });
 * r.accounts[0].holdings; // [{ fund: 'STK', dollars: 50000 }]
 * ```
 */

import type { HighsRuntime } from '../../core/solvers/highs.ts';
import { BallastError } from '../errors.ts';
import { solveError } from '../optimize/model/solve-model.ts';
import { warning, type Warning } from '../warnings.ts';
import { prepareLocation, type PreparedLocation } from './prepare.ts';
import { reportLocation } from './report.ts';
import { solveLocation, type LocationSolve } from './solve-location.ts';
import type { LocationProblem, LocationResult } from './types.ts';

const LABEL = 'asset location';

function misses(
  prep: PreparedLocation,
  closest: LocationSolve,
): { exposure: string; dollars: number }[] {
  const x = closest.report.x!;
  const K = prep.exposureIds.length;
  const first = closest.built.firstDeviation;
  return prep.exposureIds
    .map((k, r) => ({
      exposure: k,
      dollars: (x[first + K + r]! - x[first + r]!) * prep.householdDollars,
    }))
    .filter((m) => Math.abs(m.dollars) > 1e-9 * prep.householdDollars);
}

function describeMisses(list: readonly { exposure: string; dollars: number }[]): string {
  return list
    .map((m) => `${m.exposure} ${m.dollars > 0 ? '+' : ''}${m.dollars.toFixed(2)}`)
    .join(', ');
}

/** The placement closest to the target (module comment): an error or the capped re-solve. */
function closestPlacement(
  highs: HighsRuntime,
  prep: PreparedLocation,
): { solved: LocationSolve; warnings: Warning[] } {
  const closest = solveLocation(highs, prep, { deviationCap: Infinity, objective: 'deviation' });
  if (closest.report.status !== 'optimal' || closest.report.x === undefined)
    throw solveError(LABEL, closest.report);
  const list = misses(prep, closest);
  const missScaled = closest.report.objective ?? 0;
  if (prep.problem.allowDeviation !== true)
    throw new BallastError(
      'INFEASIBLE',
      `${LABEL}: the accounts' funds cannot reach the target exposures exactly; the closest placement misses (dollars) ${describeMisses(list)} — widen the fund menus, change the target, or set allowDeviation to accept the miss`,
      { misses: list },
    );
  const cap = missScaled * (1 + 1e-9) + 1e-12;
  const solved = solveLocation(highs, prep, { deviationCap: cap, objective: 'value' });
  if (solved.report.status !== 'optimal') throw solveError(LABEL, solved.report);
  const message = `the target exposures are missed by ${describeMisses(list)} dollars (the smallest total miss the fund menus allow)`;
  return { solved, warnings: [warning('LOCATION_TARGET_MISSED', message, { misses: list })] };
}

/**
 * Places the target allocation across the accounts (module comment).
 *
 * @throws BallastError INVALID_INPUT (a rate outside [0, 1), a non-positive horizon, a negative
 *   balance, a fund without a definition, an exposure without a profile), INFEASIBLE (a target
 *   exposure no account's fund carries — named —, a target the menus cannot meet without
 *   `allowDeviation`, a minimum position no placement meets), SOLVER_FAILED.
 */
export function placeAssets(highs: HighsRuntime, problem: LocationProblem): LocationResult {
  const prep = prepareLocation(problem);
  let solved = solveLocation(highs, prep, { deviationCap: 0, objective: 'value' });
  let warnings: Warning[] = [];
  if (solved.report.status === 'infeasible') ({ solved, warnings } = closestPlacement(highs, prep));
  const { report } = solved;
  if (report.status !== 'optimal' || report.x === undefined) throw solveError(LABEL, report);
  return reportLocation(
    prep,
    { x: report.x, firstDeviation: solved.built.firstDeviation },
    {
      solver: {
        kind: solved.kind,
        name: report.solver ?? 'highs',
        iterations: report.iterations,
        solveMs: report.solveMs,
      },
      warnings,
    },
  );
}
