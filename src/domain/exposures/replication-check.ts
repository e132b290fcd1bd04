/**
 * Fund replication check: does a fund's return history behave like its definition
 * (economic exposure per $1 of NAV, `config/funds.yaml`)?
 *
 * Conventions:
 * - Financing leg (docs/conventions.md "Leverage" and the funds.yaml header: a fund's embedded leverage
 *   cost is in its returns, the definition does not list it). With a per-period cash series c
 *   (the `cash_rate` exposure), the definition-implied return is
 *   R_impl = Σ_k x_k·e_k − (Σ_k x_k − 1)·c: the fund borrows (or, below 1, holds) the
 *   difference between its NET exposure and its NAV at the cash rate. For long-only definitions
 *   (every definition in config/funds.yaml) Σ x_k = gross = Σ|x_k|, i.e. −(gross − 1)·c; net
 *   rather than gross because a short exposure is not financed by borrowing. Without a cash
 *   series the leg is not modelled (R_impl = Σ x_k·e_k) and the intercept absorbs it.
 * - Regression: with a cash series, excess returns (fund − c) on (e_k − c) — the loadings of
 *   R_impl in excess form are exactly x_k, so β_k is comparable with x_k; the cash exposure, if
 *   listed, has an identically zero excess return and is not a regressor (a cash-only
 *   definition is regressed raw on the cash series instead). Without a cash series, raw returns. OLS conventions of {@link factorRegression}.
 * - Tracking error = sample stdev (n − 1) of (fund − R_impl) × √k; information ratio from the
 *   intercept = α·k / (σ̂·√k) = alphaAnnual / residualVolAnnual (null for an exact fit).
 * - Verdict `consistent` when R² ≥ 0.9 AND |β_k − x_k| ≤ 0.1 for every regressed exposure
 *   (defaults, overridable); otherwise `inconsistent` with the failing checks as reasons.
 */

import { factorRegression, type FactorRegression } from '../analytics/factor-regression.ts';
import { checkPeriodsPerYear } from '../analytics/annualize.ts';
import { sampleStdev } from '../analytics/moments.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';
import { alignCommon, type NamedSeries } from '../series/align-common.ts';
import type { ReturnSeries } from '../series/types.ts';
import type { FundDefinition } from './fund-types.ts';

/** Verdict thresholds of {@link checkReplication}. */
export interface ReplicationThresholds {
  /** Minimum R² of the regression (default 0.9). */
  readonly minRSquared: number;
  /** Maximum |β_k − loading_k| for every regressed exposure (default 0.1). */
  readonly maxBetaGap: number;
}

/** The documented default thresholds: R² ≥ 0.9 and |β − loading| ≤ 0.1. */
export const DEFAULT_REPLICATION_THRESHOLDS: ReplicationThresholds = {
  minRSquared: 0.9,
  maxBetaGap: 0.1,
};

/** A fund, its definition and the return series to check it with (per-period simple returns). */
export interface ReplicationInput {
  readonly symbol: string;
  readonly definition: FundDefinition;
  readonly fundReturns: ReturnSeries;
  /** Exposure id → return series; every exposure of the definition must be present. */
  readonly exposureReturns: ReadonlyMap<string, ReturnSeries>;
  /** Per-period cash (risk-free) return series; enables the financing leg and excess returns. */
  readonly cashReturns?: ReturnSeries;
}

/** Options of {@link checkReplication}. */
export interface ReplicationOptions {
  readonly periodsPerYear: number;
  /** Exposure id of the cash rate (default `cash_rate`). */
  readonly cashExposureId?: string;
  readonly thresholds?: Partial<ReplicationThresholds>;
  /** Newey-West lags for the t-statistics (see {@link factorRegression}). */
  readonly hacLags?: number | 'auto';
}

/** One exposure: the definition's loading against the regression beta. */
export interface ExposureComparison {
  readonly id: string;
  readonly loading: number;
  /** Null for the cash exposure when it is the financing series (not a regressor). */
  readonly beta: number | null;
  readonly se: number | null;
  readonly t: number | null;
  /** β − loading (null when not regressed). */
  readonly difference: number | null;
  readonly withinTolerance: boolean | null;
}

/** Result of {@link checkReplication}. */
export interface ReplicationCheck {
  readonly symbol: string;
  readonly observations: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly periodsPerYear: number;
  readonly exposures: readonly ExposureComparison[];
  readonly rSquared: number;
  readonly adjRSquared: number;
  readonly alpha: number;
  readonly alphaAnnual: number;
  readonly alphaTStat: number;
  readonly residualVolAnnual: number;
  /** alphaAnnual / residualVolAnnual; null for an exact fit (1 − R² ≤ 1e-18, or R² undefined). */
  readonly informationRatio: number | null;
  /** stdev(fund − implied) × √k. */
  readonly trackingErrorAnnual: number;
  /** mean(fund − implied) × k. */
  readonly activeReturnAnnual: number;
  readonly financing: {
    readonly modelled: boolean;
    readonly netExposure: number;
    readonly grossExposure: number;
  };
  readonly thresholds: ReplicationThresholds;
  readonly verdict: 'consistent' | 'inconsistent';
  readonly reasons: readonly string[];
  readonly regression: FactorRegression;
}

function exposureSeries(
  input: ReplicationInput,
  ids: readonly string[],
  cashId: string,
): NamedSeries[] {
  const cash = input.cashReturns;
  const missing = ids.filter((id) => !input.exposureReturns.has(id) && !(cash && id === cashId));
  if (missing.length > 0)
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `${input.symbol}: no return series for exposure${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of its definition`,
      { field: 'exposureReturns', symbol: input.symbol, missing },
    );
  return ids.map((id) => ({
    id,
    series: cash && id === cashId ? cash : input.exposureReturns.get(id)!,
  }));
}

/** Fund − definition-implied return on the dates every series shares. */
function activeReturns(parts: {
  input: ReplicationInput;
  loadings: readonly (readonly [string, number])[];
  series: readonly NamedSeries[];
  cashId: string;
}): Float64Array {
  const { input, loadings, series, cashId } = parts;
  const cash = input.cashReturns;
  const table = alignCommon([
    { id: `fund ${input.symbol}`, series: input.fundReturns },
    ...series,
    ...(cash ? [{ id: `${cashId} (financing)`, series: cash }] : []),
  ]);
  const cashColumn = cash ? table.columns.at(-1)! : undefined;
  const net = loadings.reduce((s, [, x]) => s + x, 0);
  return table.columns[0]!.map((fund, t) => {
    let implied = 0;
    loadings.forEach(([id, x]) => {
      const j = series.findIndex((s) => s.id === id);
      implied += x * (j >= 0 ? table.columns[j + 1]![t]! : cashColumn![t]!);
    });
    if (cashColumn) implied -= (net - 1) * cashColumn[t]!;
    return fund - implied;
  });
}

/**
 * Regresses a fund's returns on its definition's exposure returns and compares betas with the
 * loadings; see the module TSDoc for the conventions and the verdict.
 *
 * @throws BallastError INVALID_INPUT (empty definition, bad thresholds, collinear exposures),
 *   DATA_UNAVAILABLE (an exposure of the definition has no series), INSUFFICIENT_DATA.
 */
export function checkReplication(
  input: ReplicationInput,
  options: ReplicationOptions,
): ReplicationCheck {
  const k = checkPeriodsPerYear(options.periodsPerYear);
  const thresholds = { ...DEFAULT_REPLICATION_THRESHOLDS, ...options.thresholds };
  if (!(thresholds.minRSquared >= 0 && thresholds.minRSquared <= 1))
    throw invalidInput('thresholds.minRSquared', thresholds.minRSquared, 'must be in [0, 1]');
  if (!(thresholds.maxBetaGap >= 0))
    throw invalidInput('thresholds.maxBetaGap', thresholds.maxBetaGap, 'must be ≥ 0');
  const loadings = Object.entries(input.definition.exposures);
  if (loadings.length === 0)
    throw invalidInput(`funds.${input.symbol}.exposures`, {}, 'the definition lists no exposure');
  const cashId = options.cashExposureId ?? 'cash_rate';
  const financed = input.cashReturns !== undefined;
  // Excess form unless the definition is cash alone (then its excess would be identically 0).
  const excess = financed && loadings.some(([id]) => id !== cashId);
  const regressed = loadings.map(([id]) => id).filter((id) => !(excess && id === cashId));
  const series = exposureSeries(input, regressed, cashId);
  const regression = factorRegression(
    {
      returns: input.fundReturns,
      returnsId: input.symbol,
      factors: series,
      ...(excess && input.cashReturns ? { riskFree: input.cashReturns } : {}),
    },
    { periodsPerYear: k, ...(options.hacLags === undefined ? {} : { hacLags: options.hacLags }) },
  );
  const active = activeReturns({ input, loadings, series, cashId });
  const exposures = loadings.map(([id, loading]): ExposureComparison => {
    const b = regression.betas.find((x) => x.id === id);
    if (!b)
      return {
        id,
        loading,
        beta: null,
        se: null,
        t: null,
        difference: null,
        withinTolerance: null,
      };
    const difference = b.beta - loading;
    const withinTolerance = Math.abs(difference) <= thresholds.maxBetaGap;
    return { id, loading, beta: b.beta, se: b.se, t: b.t, difference, withinTolerance };
  });
  const reasons = [
    ...(regression.rSquared >= thresholds.minRSquared
      ? []
      : [`R² ${regression.rSquared.toFixed(3)} < ${thresholds.minRSquared}`]),
    ...exposures
      .filter((e) => e.withinTolerance === false)
      .map(
        (e) =>
          `${e.id}: |β ${e.beta!.toFixed(3)} − loading ${e.loading}| = ${Math.abs(e.difference!).toFixed(3)} > ${thresholds.maxBetaGap}`,
      ),
  ];
  let meanActive = 0;
  active.forEach((a) => (meanActive += a / active.length));
  return {
    symbol: input.symbol,
    observations: regression.observations,
    from: regression.from,
    to: regression.to,
    periodsPerYear: k,
    exposures,
    rSquared: regression.rSquared,
    adjRSquared: regression.adjRSquared,
    alpha: regression.alpha,
    alphaAnnual: regression.alphaAnnual,
    alphaTStat: regression.alphaTStat,
    residualVolAnnual: regression.residualVolAnnual,
    // An exact fit (RSS/TSS ≤ 1e-18, i.e. σ̂ at rounding level) has no information ratio.
    informationRatio:
      1 - regression.rSquared > 1e-18
        ? regression.alphaAnnual / regression.residualVolAnnual
        : null,
    trackingErrorAnnual: sampleStdev(active) * Math.sqrt(k),
    activeReturnAnnual: meanActive * k,
    financing: {
      modelled: financed,
      netExposure: loadings.reduce((s, [, x]) => s + x, 0),
      grossExposure: loadings.reduce((s, [, x]) => s + Math.abs(x), 0),
    },
    thresholds,
    verdict: reasons.length === 0 ? 'consistent' : 'inconsistent',
    reasons,
    regression,
  };
}
