/**
 * Target weights for `rebalance` from an optimisation on a returns file: historical arithmetic
 * mean and sample covariance (n − 1), both annualised by the file's inferred frequency
 * (docs/conventions.md, "Estimation"), long-only and fully invested, risk-free rate 0 — what
 * `optimize --objective OBJ --returns FILE` gives with its defaults (docs/conventions.md,
 * "Optimisation").
 *
 * A bridge until the `optimize` use case exists: then this becomes one call to it.
 */

import { z } from 'zod';
import { annualizeCovariance } from '../domain/estimate/annualize-covariance.ts';
import { estimateCovariance } from '../domain/estimate/estimate-covariance.ts';
import { estimateExpectedReturns } from '../domain/estimate/mean-estimate.ts';
import type { Objective, OptimizationInputs } from '../domain/optimize/index.ts';
import { optimize } from '../domain/optimize/index.ts';
import { alignCommon, type AlignedTable } from '../domain/series/align-common.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-periods-per-year.ts';
import { tableMatrix } from '../domain/series/table-matrix.ts';
import type { TradeTargets } from '../domain/trades/types.ts';
import { parseReturnsFileCsv } from '../data/providers/csv-file.ts';
import type { AppDeps } from './deps.ts';
import { readSource, textSourceSchema } from './sources.ts';

const MEAN_VARIANCE: Readonly<Record<string, Objective>> = {
  'min-variance': { kind: 'minVariance' },
  'max-sharpe': { kind: 'maxSharpe' },
  utility: { kind: 'utility', riskAversion: 1 },
  'max-return': { kind: 'maxReturn' },
  'max-diversification': { kind: 'maxDiversification' },
};

/** Objectives `rebalance` can take its targets from (none needs a target or a parameter). */
export const REBALANCE_OBJECTIVES = [
  'min-variance',
  'max-sharpe',
  'utility',
  'max-return',
  'max-diversification',
  'risk-parity',
  'hrp',
  'herc',
  'min-cvar',
  'min-cdar',
  'min-semivariance',
] as const;

/** An optimisation that yields the targets. */
export const optimizeTargetsSchema = z.object({
  objective: z.enum(REBALANCE_OBJECTIVES),
  /** Returns CSV `date,A,B,…` of the symbols to hold. */
  returns: textSourceSchema,
});

function inputsOf(table: AlignedTable, periodsPerYear: number): OptimizationInputs {
  const covarianceAnnual = annualizeCovariance(
    estimateCovariance(tableMatrix(table), { method: 'sample' }).covariance,
    periodsPerYear,
  );
  const mean = estimateExpectedReturns(table, { method: 'historical', periodsPerYear });
  return {
    assets: table.ids,
    expectedReturnsAnnual: Float64Array.from(mean.muAnnual),
    covarianceAnnual,
    riskFreeRateAnnual: 0,
  };
}

/** The optimised weights as rebalance targets (see the module comment). */
export async function optimizedTargets(
  spec: z.output<typeof optimizeTargetsSchema>,
  deps: AppDeps,
): Promise<TradeTargets> {
  const { text, name } = readSource(spec.returns, 'optimize.returns');
  const file = parseReturnsFileCsv(text, name);
  const table = alignCommon(
    file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! })),
  );
  const periodsPerYear = inferPeriodsPerYear(table.dates);
  const inputs = inputsOf(table, periodsPerYear);
  const scenarios = { scenarios: tableMatrix(table), periodsPerYear };
  const returns = { returns: tableMatrix(table), periodsPerYear };
  const objectives: Readonly<Record<string, Objective>> = {
    ...MEAN_VARIANCE,
    'risk-parity': { kind: 'riskParity' },
    hrp: { kind: 'hrp' },
    herc: { kind: 'herc' },
    'min-cvar': { kind: 'minCvar', scenarios: returns, confidence: 0.95 },
    'min-cdar': { kind: 'minCdar', scenarios: returns, confidence: 0.95 },
    'min-semivariance': { kind: 'minSemivariance', scenarios: returns },
  };
  const result = optimize(await deps.solver(), {
    inputs,
    objective: objectives[spec.objective]!,
  });
  return { weightsBySymbol: result.weights };
}
