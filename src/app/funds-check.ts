/**
 * Use case `funds check`: does a fund behave as its definition says? The fund's returns are
 * regressed on the returns of the exposures it is defined on (with the cash rate as the
 * financing leg when a `cash_rate` column is given), and its betas compared with the
 * definition's loadings: R², tracking error, information ratio, a verdict against thresholds
 * (`checkReplication`; conventions in {@link CHECK_CONVENTIONS}). Dates are the intersection of
 * the series, never filled.
 *
 * @example
 * ```ts
 * const doc = await fundsCheck({ fund: 'SSO', returns: { path: 'returns.csv' } });
 * doc.verdict; // 'consistent' when R² ≥ 0.9 and every |β − loading| ≤ 0.1
 * ```
 */

import * as z from 'zod';
import { BallastError, invalidInput } from '../domain/errors.ts';
import {
  checkReplication,
  DEFAULT_REPLICATION_THRESHOLDS,
  type ReplicationCheck,
} from '../domain/exposures/replication-check.ts';
import { normalizeSymbol } from '../domain/exposures/symbol.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';
import type { ReturnSeries } from '../domain/series/types.ts';
import { parseReturnsFileCsv, type ReturnsFile } from '../data/providers/csv-file.ts';
import { parseInput } from './input.ts';
import {
  fundsSourceName,
  fundsSourceSchema,
  loadFunds,
  type DefinitionDeps,
} from './funds-source.ts';
import { readSource, textSourceSchema } from './sources.ts';

/** Exposure id of the cash rate, whose column (when present) is the financing series. */
const CASH_ID = 'cash_rate';

/** The conventions printed with the document. */
export const CHECK_CONVENTIONS = {
  implied:
    'definition-implied return = sum x_k e_k - (sum x_k - 1) c, c = the cash_rate column (per period); the financing leg is left out without a cash_rate column',
  regression:
    'with cash: (fund - c) on (e_k - c) with intercept (cash_rate itself not a regressor); without: raw returns; dates = intersection, never filled',
  trackingErrorAnnual: 'sample stdev (n - 1) of fund - implied, times sqrt(k)',
  informationRatio: 'alpha annual (alpha x k) / residual vol annual (sqrt(RSS/(n - p)) x sqrt(k))',
  verdict:
    'consistent when R2 >= min-r2 and |beta - loading| <= max-beta-gap for every regressed exposure',
} as const;

/** Input of {@link fundsCheck}. */
export const fundsCheckInputSchema = z.object({
  /** Fund symbol of the definitions file (case-insensitive). */
  fund: z.string().trim().min(1),
  /** Returns CSV `date,…` with the fund's column (and the exposures' unless `exposureReturns`). */
  returns: textSourceSchema,
  /** Returns CSV with one column per exposure id (`cash_rate` = the financing series). */
  exposureReturns: textSourceSchema.optional(),
  /** Fund definitions YAML, or `{ stored: NAME }`; default the shipped config/funds.yaml. */
  funds: fundsSourceSchema.optional(),
  /** Periods per year; default inferred from the fund's dates. */
  periodsPerYear: z.number().positive().optional(),
  /** Newey-West lags for the t-statistics (an integer ≥ 0, or `auto`). */
  hacLags: z.union([z.number().int().nonnegative(), z.literal('auto')]).optional(),
  /** Verdict threshold on R² (default 0.9). */
  minRSquared: z.number().default(DEFAULT_REPLICATION_THRESHOLDS.minRSquared),
  /** Verdict threshold on |β − loading| (default 0.1). */
  maxBetaGap: z.number().default(DEFAULT_REPLICATION_THRESHOLDS.maxBetaGap),
});

/** What callers pass to {@link fundsCheck}. */
export type FundsCheckInput = z.input<typeof fundsCheckInputSchema>;

/** The `funds check` document: the check without the raw regression, plus its conventions. */
export type FundsCheckDocument = Omit<ReplicationCheck, 'regression'> & {
  readonly standardErrors: ReplicationCheck['regression']['standardErrors'];
  readonly conventions: typeof CHECK_CONVENTIONS;
};

function returnsFile(source: z.output<typeof textSourceSchema>, field: string): ReturnsFile {
  const { text, name } = readSource(source, field);
  return parseReturnsFileCsv(text, name);
}

function fundSeries(file: ReturnsFile, symbol: string): ReturnSeries {
  const series = file.seriesByColumn.get(symbol);
  if (series === undefined)
    throw invalidInput(
      'fund',
      symbol,
      `no such column in returns (columns: ${file.columns.join(', ')})`,
    );
  return series;
}

/**
 * The replication check of one fund (see the module comment); `deps` (the store) is needed
 * only for stored fund definitions.
 */
export async function fundsCheck(
  raw: FundsCheckInput,
  deps?: DefinitionDeps,
): Promise<FundsCheckDocument> {
  const input = parseInput(fundsCheckInputSchema, raw);
  const universe = await loadFunds(input.funds, deps);
  const symbol = normalizeSymbol(input.fund);
  const entry = Object.entries(universe.funds).find(([s]) => normalizeSymbol(s) === symbol);
  if (!entry)
    throw new BallastError(
      'NOT_FOUND',
      `fund: ${symbol} is not defined in ${fundsSourceName(input.funds)} (funds: ${Object.keys(universe.funds).join(', ')})`,
      { field: 'fund', value: input.fund },
    );
  const file = returnsFile(input.returns, 'returns');
  const exposureFile = input.exposureReturns
    ? returnsFile(input.exposureReturns, 'exposureReturns')
    : file;
  const fund = fundSeries(file, symbol);
  const exposureReturns = new Map<string, ReturnSeries>();
  for (const id of Object.keys(entry[1].exposures)) {
    const s = exposureFile.seriesByColumn.get(id.toUpperCase());
    if (s) exposureReturns.set(id, s);
  }
  const cash = exposureFile.seriesByColumn.get(CASH_ID.toUpperCase());
  const { regression, ...rest } = checkReplication(
    {
      symbol,
      definition: entry[1],
      fundReturns: fund,
      exposureReturns,
      ...(cash ? { cashReturns: cash } : {}),
    },
    {
      periodsPerYear: input.periodsPerYear ?? inferPeriodsPerYear(fund.map((p) => p.date)),
      cashExposureId: CASH_ID,
      thresholds: { minRSquared: input.minRSquared, maxBetaGap: input.maxBetaGap },
      ...(input.hacLags === undefined ? {} : { hacLags: input.hacLags }),
    },
  );
  return { ...rest, standardErrors: regression.standardErrors, conventions: CHECK_CONVENTIONS };
}
