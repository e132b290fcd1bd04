/**
 * The accounts file of asset location (docs/asset-location.md, "The accounts file"): YAML (or
 * JSON) with the accounts and their fund menus, the household target exposures, the tax rates
 * and the return and tax profile of each exposure. Validated by a strict zod schema: a wrong
 * field is INVALID_INPUT naming the file, the field path and the value.
 */

import * as z from 'zod';
import { parseWithSchema, parseYamlText } from '../data/config/read-yaml.ts';
import type { LocationProblem } from '../domain/location/types.ts';

const rate = z.number().min(0).lt(1);
const share = z.number().min(0).max(1);
const symbol = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.toUpperCase());

const accountSchema = z
  .object({
    name: z.string().trim().min(1),
    type: z.enum(['taxable', 'traditional', 'roth']),
    /** Dollars (statement value; pre-tax for a traditional account). */
    balance: z.number().nonnegative().finite(),
    /** Fund symbols the account may hold. */
    funds: z.array(symbol),
  })
  .strict();

const exposureSchema = z
  .object({
    /** Expected total return per year before tax (decimal). */
    expectedReturn: z.number().gt(-1).lt(10),
    /** Distribution yield per year (decimal). */
    yield: z.number().min(0).lt(1),
    /** Share of the yield that is qualified dividends (default 0: all ordinary). */
    qualifiedShare: share.default(0),
    /** Share of the holding sold per year (default 0). */
    turnover: z.number().min(0).max(10).default(0),
    /** Share of the value turned over that is a realised gain (needed when turnover > 0). */
    realisedGainShare: share.optional(),
  })
  .strict()
  .refine((e) => e.turnover === 0 || e.realisedGainShare !== undefined, {
    message: 'realisedGainShare is needed when turnover is above 0',
    path: ['realisedGainShare'],
  });

/** Schema of the accounts file. */
export const accountsFileSchema = z
  .object({
    accounts: z.array(accountSchema).min(1),
    /** Target economic exposure per exposure id, as a fraction of the household. */
    target: z.record(z.string().trim().min(1), z.number().finite()),
    tax: z
      .object({
        ordinaryRate: rate,
        qualifiedRate: rate,
        capitalGainsRate: rate,
        withdrawalRate: rate,
        horizonYears: z.number().positive().max(100),
        /** How traditional dollars count towards the target (default pre-tax: face value). */
        traditionalBasis: z.enum(['pre-tax', 'after-tax']).default('pre-tax'),
      })
      .strict(),
    exposures: z.record(z.string().trim().min(1), exposureSchema),
    /** Minimum dollars of a fund in an account (a MILP); absent: none. */
    minPosition: z.number().positive().finite().optional(),
    /** Accept the closest placement when the target cannot be met exactly (default false). */
    allowDeviation: z.boolean().default(false),
  })
  .strict();

/** A validated accounts file. */
export type AccountsFile = z.output<typeof accountsFileSchema>;

/** Parses the accounts file `text` read from `name` (errors name the file and the field). */
export function parseAccountsFile(text: string, name: string): AccountsFile {
  return parseWithSchema(accountsFileSchema, parseYamlText(text, name), name);
}

/** The domain problem of a file and fund definitions (fund → exposure → per $1). */
export function locationProblemOf(
  file: AccountsFile,
  funds: LocationProblem['funds'],
): LocationProblem {
  return {
    accounts: file.accounts,
    targetWeights: file.target,
    funds,
    exposures: Object.fromEntries(
      Object.entries(file.exposures).map(([k, e]) => [
        k,
        {
          expectedReturnAnnual: e.expectedReturn,
          yieldAnnual: e.yield,
          qualifiedShare: e.qualifiedShare,
          turnoverAnnual: e.turnover,
          realisedGainShare: e.realisedGainShare ?? 0,
        },
      ]),
    ),
    tax: file.tax,
    traditionalBasis: file.tax.traditionalBasis,
    ...(file.minPosition === undefined ? {} : { minPositionDollars: file.minPosition }),
    allowDeviation: file.allowDeviation,
  };
}
