/**
 * Reading a solved asset-location program back into dollars: per account the funds and the
 * exposures, per exposure where it sits, the after-tax value at the horizon and the
 * first-year tax drag, each beside the naive pro-rata placement (the target mix in every
 * account, which the accounts' fund menus may not be able to build: it is a yardstick).
 */

import type { Warning } from '../warnings.ts';
import type { PreparedLocation } from './prepare.ts';
import { afterTaxValuePerDollar, exposureTaxDrag, mixFigures } from './tax-model.ts';
import type { LocationResult, PlacedAccount } from './types.ts';

/** What is maximised, in words (docs/asset-location.md). */
export const LOCATION_OBJECTIVE =
  'maximise after-tax dollars at the horizon: Σ dollars × (taxable (1 + r − drag)^H, roth (1 + r)^H, traditional (1 − withdrawalRate)(1 + r)^H)';

/** Positions smaller than this share of the household are reported as 0. */
const DUST = 1e-9;

function accountsOf(prep: PreparedLocation, dollars: Float64Array): PlacedAccount[] {
  return prep.problem.accounts.map((a, i) => {
    const exposureDollars: Record<string, number> = {};
    const holdings: { fund: string; dollars: number }[] = [];
    let taxDragAnnual = 0;
    prep.positions.forEach((p, j) => {
      const x = dollars[j]!;
      if (p.account !== i || x === 0) return;
      holdings.push({ fund: p.fund, dollars: x });
      taxDragAnnual += x * p.dragPerDollar;
      for (const [k, e] of Object.entries(p.exposures))
        if (e !== 0) exposureDollars[k] = (exposureDollars[k] ?? 0) + x * e;
    });
    holdings.sort((p, q) => q.dollars - p.dollars || p.fund.localeCompare(q.fund));
    return {
      name: a.name,
      type: a.type,
      balance: a.balance,
      holdings,
      exposureDollars,
      taxDragAnnual,
    };
  });
}

/** The naive pro-rata placement's value at H and first-year drag (module comment). */
function naive(prep: PreparedLocation): { value: number; drag: number } {
  const { problem } = prep;
  const mix = mixFigures(problem.targetWeights, problem.exposures, problem.tax);
  let value = 0;
  let drag = 0;
  for (const a of problem.accounts) {
    value +=
      a.balance * afterTaxValuePerDollar(a.type, mix, { rates: problem.tax, field: 'target' });
    if (a.type === 'taxable') drag += a.balance * mix.dragAnnual;
  }
  return { value, drag };
}

/**
 * The result of a solved placement: `solved.x` is the program's variable vector (in units of
 * the household total, `build-model.ts`), `firstDeviation` where its shortfall variables start.
 */
export function reportLocation(
  prep: PreparedLocation,
  solved: { readonly x: Float64Array; readonly firstDeviation: number },
  meta: Pick<LocationResult, 'solver'> & { readonly warnings: readonly Warning[] },
): LocationResult {
  const N = prep.householdDollars;
  const dollars = Float64Array.from(prep.positions, (_, j) => {
    const x = solved.x[j]!;
    return Math.abs(x) < DUST ? 0 : x * N;
  });
  const accounts = accountsOf(prep, dollars);
  const K = prep.exposureIds.length;
  const { problem } = prep;
  const exposures = prep.exposureIds.map((k, r) => {
    const byAccount = Object.fromEntries(accounts.map((a) => [a.name, a.exposureDollars[k] ?? 0]));
    const targetDollars = (problem.targetWeights[k] ?? 0) * prep.householdBasisDollars;
    const deviationDollars =
      (solved.x[solved.firstDeviation + K + r]! - solved.x[solved.firstDeviation + r]!) * N;
    const profile = problem.exposures[k];
    return {
      exposure: k,
      targetDollars,
      placedDollars: targetDollars + deviationDollars,
      deviationDollars,
      byAccount,
      taxDragPerDollar: profile === undefined ? 0 : exposureTaxDrag(profile, problem.tax),
    };
  });
  const afterTaxValue = prep.positions.reduce((s, p, j) => s + dollars[j]! * p.valuePerDollar, 0);
  const placementAnnual = accounts.reduce((s, a) => s + a.taxDragAnnual, 0);
  const base = naive(prep);
  return {
    accounts,
    exposures,
    traditionalBasis: prep.basis,
    householdDollars: N,
    householdBasisDollars: prep.householdBasisDollars,
    objective: {
      description: LOCATION_OBJECTIVE,
      horizonYears: problem.tax.horizonYears,
      afterTaxValue,
      naiveAfterTaxValue: base.value,
    },
    taxDrag: { placementAnnual, naiveAnnual: base.drag, savedAnnual: base.drag - placementAnnual },
    totalDeviationDollars: exposures.reduce((s, e) => s + Math.abs(e.deviationDollars), 0),
    solver: meta.solver,
    warnings: meta.warnings,
  };
}
