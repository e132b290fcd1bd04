/**
 * Factor regression: OLS of a per-period return series on factor return series with
 * an intercept, r_t − rf_t = α + Σ_k β_k (f_kt − rf_t) + u_t (the rf terms only when a
 * risk-free rate is given; on the factors too unless they are already excess returns).
 *
 * Conventions (stated once, used by `ballast factors` and the fund replication check):
 * - Dates: the INTERSECTION of the dates of the returns, every factor and a risk-free series
 *   (never filled, never carried).
 * - α is per period; `alphaAnnual` = α × k (arithmetic, the factor-model literature's
 *   annualisation, e.g. ×12 for monthly data; not compounded).
 * - Standard errors: classical σ̂²(ZᵀZ)⁻¹ with σ̂² = RSS/(n − p), p = 1 + number of factors
 *   (statsmodels `OLS.fit()`), or Newey-West HAC with Bartlett weights and no small-sample
 *   correction (statsmodels `cov_type="HAC"`); `hacLags: 'auto'` = ⌊4·(n/100)^(2/9)⌋
 *   (Newey & West 1994, statsmodels' default rule). t = estimate / standard error.
 * - R² = 1 − RSS/TSS (TSS centered); adjusted R² = 1 − (1 − R²)(n − 1)/(n − p);
 *   F = ((TSS − RSS)/(p − 1))/σ̂².
 * - Residual volatility = σ̂ = √(RSS/(n − p)) per period (statsmodels `sqrt(mse_resid)`),
 *   annualised × √k.
 * - Solved by Cholesky of the equilibrated Gram matrix with a condition-number check
 *   (`src/core/stats/ols.ts`): collinear factors or a constant factor are an error naming them.
 */

import { olsWithIntercept, type OlsFit } from '../../core/stats/ols.ts';
import { matrix } from '../../core/linalg/matrix.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';
import { alignCommon, type NamedSeries } from '../series/align-common.ts';
import type { ReturnSeries } from '../series/types.ts';
import type { Warning } from '../warnings.ts';
import { checkPeriodsPerYear } from './annualize.ts';
import { droppedDatesWarning } from './dropped-dates.ts';

/** The dependent series, its factors and an optional per-period risk-free rate. */
export interface FactorRegressionInput {
  /** Per-period simple returns of the regressed series. */
  readonly returns: ReturnSeries;
  /** Name of the regressed series in messages (default `returns`). */
  readonly returnsId?: string;
  /** Factor return series, one per regressor, ids unique. */
  readonly factors: readonly NamedSeries[];
  /** Per-period risk-free rate: a constant or a dated series (aligned like the others). */
  readonly riskFree?: number | ReturnSeries;
}

/** Options of {@link factorRegression}. */
export interface FactorRegressionOptions {
  /** k, used for `alphaAnnual` (α·k) and `residualVolAnnual` (σ̂·√k). */
  readonly periodsPerYear: number;
  /** Subtract the risk-free rate from the factors too (default true: factors are total returns). */
  readonly riskFreeOnFactors?: boolean;
  /** Newey-West lags (integer ≥ 0) or `auto`; omitted → classical standard errors. */
  readonly hacLags?: number | 'auto';
}

/** One factor's loading with its standard error and t-statistic. */
export interface FactorBeta {
  readonly id: string;
  readonly beta: number;
  readonly se: number;
  readonly t: number;
}

/** Which returns had the risk-free rate subtracted. */
export type ExcessMode = 'none' | 'returns' | 'returns-and-factors';

/** Result of {@link factorRegression}. */
export interface FactorRegression {
  readonly observations: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly periodsPerYear: number;
  /** Intercept per period. */
  readonly alpha: number;
  /** α × k (arithmetic annualisation). */
  readonly alphaAnnual: number;
  readonly alphaSe: number;
  readonly alphaTStat: number;
  readonly betas: readonly FactorBeta[];
  readonly rSquared: number;
  readonly adjRSquared: number;
  readonly fStatistic: number;
  /** σ̂ = √(RSS/(n − p)) per period. */
  readonly residualVol: number;
  /** σ̂·√k. */
  readonly residualVolAnnual: number;
  readonly standardErrors: 'classical' | 'newey-west';
  /** Lags used by Newey-West; null for classical standard errors. */
  readonly hacLags: number | null;
  readonly excess: ExcessMode;
  /** Condition number of the equilibrated Gram matrix of [1 | factors]. */
  readonly condition: number;
  /** Residual u_t per aligned date. */
  readonly residuals: ReturnSeries;
  /** `DATES_DROPPED` when some dates of the regressed series have no factor (or rf) value. */
  readonly warnings: readonly Warning[];
}

const RISK_FREE_ID = 'risk-free';

/** Newey-West lag count ⌊4·(n/100)^(2/9)⌋ (Newey & West 1994; statsmodels' default). */
export function neweyWestAutoLags(observations: number): number {
  return Math.floor(4 * (observations / 100) ** (2 / 9));
}

function resolveLags(hacLags: number | 'auto' | undefined, n: number): number | null {
  if (hacLags === undefined) return null;
  if (hacLags === 'auto') return neweyWestAutoLags(n);
  if (!Number.isInteger(hacLags) || hacLags < 0)
    throw invalidInput('hacLags', hacLags, "must be an integer ≥ 0 or 'auto'");
  return hacLags;
}

function aligned(input: FactorRegressionInput) {
  const returnsId = input.returnsId ?? 'returns';
  const rfSeries = typeof input.riskFree === 'object' ? input.riskFree : undefined;
  if (typeof input.riskFree === 'number' && !Number.isFinite(input.riskFree))
    throw invalidInput('riskFree', input.riskFree, 'must be a finite per-period rate');
  const table = alignCommon([
    { id: returnsId, series: input.returns },
    ...input.factors,
    ...(rfSeries ? [{ id: RISK_FREE_ID, series: rfSeries }] : []),
  ]);
  const m = input.factors.length;
  const rf =
    rfSeries !== undefined
      ? table.columns[m + 1]!
      : new Float64Array(table.dates.length).fill(
          typeof input.riskFree === 'number' ? input.riskFree : 0,
        );
  return { table, rf, returnsId };
}

function failure(
  result: Exclude<ReturnType<typeof olsWithIntercept>, { ok: true }>,
  ids: readonly string[],
  returnsId: string,
): BallastError {
  if (result.reason === 'too-few-observations')
    return new BallastError(
      'INSUFFICIENT_DATA',
      `${returnsId}: ${result.observations} common observations for ${ids.length + 1} parameters (intercept + ${ids.join(', ')}): need at least ${ids.length + 2}`,
      { field: 'factors', factors: ids, observations: result.observations },
    );
  const factors = result.columns.filter((c) => c > 0).map((c) => ids[c - 1]!);
  const what =
    factors.length === 1
      ? `factor ${factors[0]!} is constant`
      : `collinear factors ${factors.join(', ')}`;
  const condition = Number.isFinite(result.condition)
    ? result.condition.toPrecision(3)
    : 'infinite';
  return new BallastError(
    'INVALID_INPUT',
    `factors: singular design: ${what} (condition number ${condition}); drop or replace ${factors.length === 1 ? 'it' : 'one of them'}`,
    { field: 'factors', factors, condition: result.condition },
  );
}

/**
 * OLS regression of `input.returns` on `input.factors` with an intercept, on the dates all
 * series share; see the module TSDoc for every convention.
 *
 * @throws BallastError INVALID_INPUT (no factors, bad options, duplicate ids, collinear or
 *   constant factors — naming them), INSUFFICIENT_DATA (no common dates, or n ≤ p).
 */
export function factorRegression(
  input: FactorRegressionInput,
  options: FactorRegressionOptions,
): FactorRegression {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  const ids = input.factors.map((f) => f.id);
  if (ids.length === 0) throw invalidInput('factors', [], 'at least one factor is needed');
  const { table, rf, returnsId } = aligned(input);
  const n = table.dates.length;
  const lags = resolveLags(options.hacLags, n);
  const onFactors = options.riskFreeOnFactors ?? true;
  const m = ids.length;
  const x = matrix(n, m);
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    y[t] = table.columns[0]![t]! - rf[t]!;
    for (let j = 0; j < m; j++)
      x.data[t * m + j] = table.columns[j + 1]![t]! - (onFactors ? rf[t]! : 0);
  }
  // n = p leaves no residual degree of freedom: treated like n < p.
  const result =
    n <= m + 1
      ? ({ ok: false, reason: 'too-few-observations', observations: n } as const)
      : olsWithIntercept(x, y, lags === null ? {} : { hacLags: lags });
  if (!result.ok) throw failure(result, ids, returnsId);
  const dropped = droppedDatesWarning({
    field: 'factors',
    subject: returnsId,
    dates: input.returns.map((p) => p.date),
    kept: table.dates,
    why: `not every factor${typeof input.riskFree === 'object' ? ' and the risk-free series' : ''} has a return on them`,
  });
  return {
    ...report({
      fit: result.fit,
      ids,
      k,
      lags,
      dates: table.dates,
      excess: excessMode(input, onFactors),
    }),
    warnings: dropped ? [dropped] : [],
  };
}

function excessMode(input: FactorRegressionInput, onFactors: boolean): ExcessMode {
  if (input.riskFree === undefined) return 'none';
  return onFactors ? 'returns-and-factors' : 'returns';
}

function report(parts: {
  fit: OlsFit;
  ids: readonly string[];
  k: number;
  lags: number | null;
  dates: readonly IsoDate[];
  excess: ExcessMode;
}): Omit<FactorRegression, 'warnings'> {
  const { fit, ids, k, lags, dates } = parts;
  const residualVol = Math.sqrt(fit.residualVariance);
  return {
    observations: fit.observations,
    from: dates[0]!,
    to: dates.at(-1)!,
    periodsPerYear: k,
    alpha: fit.coefficients[0]!,
    alphaAnnual: fit.coefficients[0]! * k,
    alphaSe: fit.standardErrors[0]!,
    alphaTStat: fit.tStats[0]!,
    betas: ids.map((id, j) => ({
      id,
      beta: fit.coefficients[j + 1]!,
      se: fit.standardErrors[j + 1]!,
      t: fit.tStats[j + 1]!,
    })),
    rSquared: fit.rSquared,
    adjRSquared: fit.adjRSquared,
    fStatistic: fit.fStatistic,
    residualVol,
    residualVolAnnual: residualVol * Math.sqrt(k),
    standardErrors: lags === null ? 'classical' : 'newey-west',
    hacLags: lags,
    excess: parts.excess,
    condition: fit.condition,
    residuals: dates.map((date, t) => ({ date, value: fit.residuals[t]! })),
  };
}
