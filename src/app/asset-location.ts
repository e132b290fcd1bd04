/**
 * Use case `location`: one household target allocation placed across taxable, traditional
 * and Roth accounts (docs/asset-location.md). Reads the accounts file
 * (`asset-location-file.ts`) and the fund definitions (default config/funds.yaml), solves
 * the program of `src/domain/location` with HiGHS and returns the placement document: per
 * account the dollars per fund and the exposures, per exposure where it sits, the after-tax
 * value at the horizon and the first-year tax drag beside the naive pro-rata placement.
 * Money is rounded to cents and other figures to 12 significant digits (docs/conventions.md,
 * "Units").
 *
 * @example
 * ```ts
 * const doc = await assetLocation({ accounts: { path: 'examples/location/accounts.yaml' } }, deps);
 * doc.accounts[0].holdings; // [{ fund: 'VTI', dollars: 300000 }, …]
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import { fundExposureTable } from '../domain/optimize/fund-mapping/mapping.ts';
import { placeAssets } from '../domain/location/place-assets.ts';
import type { LocationResult } from '../domain/location/types.ts';
import { locationProblemOf, parseAccountsFile } from './asset-location-file.ts';
import type { AppDeps } from './deps.ts';
import { fundsSourceName, fundsSourceSchema, loadFunds } from './funds-source.ts';
import { parseInput } from './input.ts';
import { roundCents, roundFine } from './rounding.ts';
import { readSource, textSourceSchema } from './sources.ts';

/** Input of {@link assetLocation}. */
export const assetLocationInputSchema = z
  .object({
    /** The accounts file (YAML or JSON; docs/asset-location.md). */
    accounts: textSourceSchema,
    /** Fund definitions; default the shipped config/funds.yaml. */
    funds: fundsSourceSchema.optional(),
  })
  .strict();

/** What callers pass to {@link assetLocation}. */
export type AssetLocationInput = z.input<typeof assetLocationInputSchema>;

/** The `location` document (the CLI's `--format json`). */
export type AssetLocationDocument = LocationResult & {
  readonly source: { readonly accounts: string; readonly funds: string };
};

const cents = roundCents;
const sig12 = roundFine;
const centsBy = (r: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cents(v)]));

/** Money to cents, other figures to 12 significant digits. */
function rounded(r: LocationResult): LocationResult {
  return {
    ...r,
    accounts: r.accounts.map((a) => ({
      ...a,
      balance: cents(a.balance),
      holdings: a.holdings.map((h) => ({ fund: h.fund, dollars: cents(h.dollars) })),
      exposureDollars: centsBy(a.exposureDollars),
      taxDragAnnual: cents(a.taxDragAnnual),
    })),
    exposures: r.exposures.map((e) => ({
      ...e,
      targetDollars: cents(e.targetDollars),
      placedDollars: cents(e.placedDollars),
      deviationDollars: cents(e.deviationDollars),
      byAccount: centsBy(e.byAccount),
      taxDragPerDollar: sig12(e.taxDragPerDollar),
    })),
    householdDollars: cents(r.householdDollars),
    householdBasisDollars: cents(r.householdBasisDollars),
    objective: {
      ...r.objective,
      afterTaxValue: cents(r.objective.afterTaxValue),
      naiveAfterTaxValue: cents(r.objective.naiveAfterTaxValue),
    },
    taxDrag: {
      placementAnnual: cents(r.taxDrag.placementAnnual),
      naiveAnnual: cents(r.taxDrag.naiveAnnual),
      savedAnnual: cents(r.taxDrag.savedAnnual),
    },
    totalDeviationDollars: cents(r.totalDeviationDollars),
    solver: { ...r.solver, solveMs: sig12(r.solver.solveMs) },
  };
}

/** An error about a field of the accounts file, its message prefixed with the file's name. */
function inFile(e: unknown, name: string): unknown {
  if (!(e instanceof BallastError) || e.details.field === undefined) return e;
  return new BallastError(
    e.code,
    `${name}: ${e.message}`,
    { ...e.details, file: name },
    { cause: e },
  );
}

/** Places the household target across the accounts of the file (module comment). */
export async function assetLocation(
  raw: AssetLocationInput,
  deps: Pick<AppDeps, 'solver' | 'store' | 'existingStore'>,
): Promise<AssetLocationDocument> {
  const input = parseInput(assetLocationInputSchema, raw);
  const { text, name } = readSource(input.accounts, 'accounts');
  const file = parseAccountsFile(text, name);
  const funds = fundExposureTable(await loadFunds(input.funds, deps));
  const highs = await deps.solver();
  let result: LocationResult;
  try {
    result = placeAssets(highs, locationProblemOf(file, funds));
  } catch (e) {
    throw inFile(e, name);
  }
  return { ...rounded(result), source: { accounts: name, funds: fundsSourceName(input.funds) } };
}
