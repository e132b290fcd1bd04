/**
 * Use case `factors`: OLS of one return column on factor columns with an intercept
 * (`domain/analytics/factor-regression`): alpha per period and annual (α × k), betas with
 * classical or Newey-West standard errors and t-statistics, R², F, residual volatility — on the
 * dates every series shares (never filled; dropped dates are a `DATES_DROPPED` warning).
 *
 * The alpha here is PerformanceAnalytics `CAPM.alpha`'s kind: the per-period intercept of the
 * (excess-return) regression; `analyze`'s alpha is Jensen's annual alpha instead
 * (docs/analytics.md).
 *
 * Defaults: factors read from the returns file unless `factorReturns` is given; no risk-free
 * rate (raw returns); with `riskFreeRateAnnual` it is converted per period, (1 + rf)^(1/k) − 1,
 * and subtracted from the column and (unless `factorsExcess`) from the factors; k inferred from
 * the dates of the column unless given; classical standard errors unless `hacLags`.
 *
 * @example
 * ```ts
 * const doc = factors(
 *   { returns: { path: 'r.csv' }, column: 'ALT', factors: ['SBI', 'SPI'], hacLags: 'auto' },
 * );
 * doc.betas.SPI.t;
 * ```
 */

import * as z from 'zod';
import { riskFreePerPeriod } from '../domain/analytics/annualize.ts';
import {
  factorRegression,
  type ExcessMode,
  type FactorRegression,
} from '../domain/analytics/factor-regression.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Warning } from '../domain/warnings.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { columnSeries, loadReturnsFile, periodsPerYearOf } from './returns-file.ts';
import { textSourceSchema } from './sources.ts';

export type { Warning } from '../domain/warnings.ts';

/** Conventions printed with the `factors` document. */
export const FACTOR_CONVENTIONS = {
  model:
    'OLS with intercept: r - rf = alpha + sum beta_k (f_k - rf) + u on the dates every series shares (never filled); rf per period = (1 + rf annual)^(1/k) - 1, subtracted from the factors unless --factors-excess',
  alphaAnnual: 'alpha per period times k (arithmetic)',
  standardErrors:
    'classical: RSS/(n - p) (X^T X)^-1 (statsmodels OLS); --hac L: Newey-West, Bartlett weights 1 - j/(L+1), no small-sample correction (statsmodels cov_type HAC); auto L = floor(4 (n/100)^(2/9))',
  rSquared: '1 - RSS/TSS (TSS centred); adjusted: 1 - (1 - R2)(n - 1)/(n - p)',
  residualVolAnnual: 'sqrt(RSS/(n - p)) times sqrt(k)',
} as const;

/** Input of {@link factors}. */
export const factorsInputSchema = z.object({
  /** Returns file `date,A,B,...` holding the regressed column (and the factors by default). */
  returns: textSourceSchema,
  /** The regressed column (case-insensitive). */
  column: z.string().trim().min(1),
  /** Factor columns, each once, not the regressed column. */
  factors: z.array(z.string().trim().min(1)).min(1, 'list at least one column'),
  /** Read the factors from this file instead of `returns`. */
  factorReturns: textSourceSchema.optional(),
  /** Annual risk-free rate (decimal): regress excess returns. */
  riskFreeRateAnnual: z.number().finite().gt(-1).optional(),
  /** The factors are already excess returns: subtract rf from the column only. */
  factorsExcess: z.boolean().default(false),
  /** k; default inferred from the dates of the column. */
  periodsPerYear: z.number().finite().positive().optional(),
  /** Newey-West lags (integer ≥ 0) or `auto`; classical standard errors when absent. */
  hacLags: z.union([z.number().int().min(0), z.literal('auto')]).optional(),
});

/** What callers pass to {@link factors} (defaults applied inside). */
export type FactorsInput = z.input<typeof factorsInputSchema>;

/** The `factors` document (the CLI's `--format json`). */
export interface FactorsDocument {
  readonly observations: number;
  readonly from: string;
  readonly to: string;
  readonly periodsPerYear: number;
  /** Intercept per period. */
  readonly alpha: number;
  /** alpha × k. */
  readonly alphaAnnual: number;
  readonly alphaSe: number;
  readonly alphaTStat: number;
  readonly betas: Record<string, { beta: number; se: number; t: number }>;
  readonly rSquared: number;
  readonly adjRSquared: number;
  readonly fStatistic: number;
  readonly residualVolAnnual: number;
  readonly standardErrors: FactorRegression['standardErrors'];
  readonly hacLags: number | null;
  readonly excess: ExcessMode;
  readonly conventions: typeof FACTOR_CONVENTIONS;
  readonly warnings: readonly Warning[];
}

function checkFactors(names: readonly string[], column: string, sameFile: boolean): void {
  const upper = names.map((n) => n.toUpperCase());
  upper.forEach((n, i) => {
    if (upper.indexOf(n) !== i) throw invalidInput('factors', names, `lists ${n} twice`);
    if (sameFile && n === column.toUpperCase())
      throw invalidInput('factors', names, `includes the regressed column ${n}`);
  });
}

/** The document of a regression. */
export function factorsDocument(r: FactorRegression): FactorsDocument {
  return {
    observations: r.observations,
    from: r.from,
    to: r.to,
    periodsPerYear: r.periodsPerYear,
    alpha: r.alpha,
    alphaAnnual: r.alphaAnnual,
    alphaSe: r.alphaSe,
    alphaTStat: r.alphaTStat,
    betas: Object.fromEntries(r.betas.map((b) => [b.id, { beta: b.beta, se: b.se, t: b.t }])),
    rSquared: r.rSquared,
    adjRSquared: r.adjRSquared,
    fStatistic: r.fStatistic,
    residualVolAnnual: r.residualVolAnnual,
    standardErrors: r.standardErrors,
    hacLags: r.hacLags,
    excess: r.excess,
    conventions: FACTOR_CONVENTIONS,
    warnings: r.warnings,
  };
}

/** Regresses `input.column` on `input.factors` (module comment). */
export function factors(raw: FactorsInput, deps?: AppDeps): FactorsDocument {
  const input = parseInput(factorsInputSchema, raw);
  const file = loadReturnsFile(input.returns, 'returns');
  const factorFile = input.factorReturns
    ? loadReturnsFile(input.factorReturns, 'factorReturns')
    : file;
  const y = columnSeries(file, input.column, 'column');
  checkFactors(input.factors, input.column, input.factorReturns === undefined);
  const series = input.factors.map((name) => columnSeries(factorFile, name, 'factors'));
  const k = periodsPerYearOf(
    input.periodsPerYear,
    y.series.map((p) => p.date),
  );
  const rf = input.riskFreeRateAnnual;
  const result = factorRegression(
    {
      returns: y.series,
      returnsId: y.id,
      factors: series,
      ...(rf === undefined ? {} : { riskFree: riskFreePerPeriod(rf, k) }),
    },
    {
      periodsPerYear: k,
      riskFreeOnFactors: !input.factorsExcess,
      ...(input.hacLags === undefined ? {} : { hacLags: input.hacLags }),
    },
  );
  deps?.log.debug(`factors: ${result.observations} observations, k = ${k}`);
  return factorsDocument(result);
}
