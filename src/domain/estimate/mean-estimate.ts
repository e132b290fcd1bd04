/**
 * One entry point for expected returns: `estimateExpectedReturns(returns, options)` with a
 * discriminated union of methods (the CLI's `--mean`). Each case calls the estimator of its own
 * file and returns the annual means together with a method name, its parameters as JSON (for
 * `ReturnDistribution.method` and the inputs hash) and warnings.
 *
 * Methods needing a covariance (`equilibrium`, `blackLitterman`) take it annualised, from the
 * covariance estimator the caller chose; Black-Litterman also returns its posterior covariance
 * Σ + M, which the caller may use in place of Σ.
 *
 * Reproducibility: the returned `parameters` go into `ReturnDistribution.method.parameters` and
 * hence into the inputs hash. A covariance passed in is not copied there: it is covered by
 * `method.covariance` and its parameters when it was estimated from the same panel; a covariance
 * from anywhere else must be described in the parameters by the caller. A given market series
 * (CAPM) is recorded by its hash (`fnv1a64:…`), not by value.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { invalidInput } from '../errors.ts';
import type { AlignedTable } from '../series/align-common.ts';
import type { Warning } from '../warnings.ts';
import { blackLitterman, DEFAULT_TAU } from './black-litterman.ts';
import type { BlackLittermanView, OmegaSpec, ViewMatrices } from './black-litterman-views.ts';
import { buildingBlockReturns } from './building-block.ts';
import { capmReturns, impliedEquilibriumReturns } from './capm.ts';
import { hashFloat64, type JsonValue } from './distribution-hash.ts';
import { DEFAULT_EWMA_SPAN, ewmaMeanReturns } from './mean-ewma.ts';
import { arithmeticMeanReturns, geometricMeanReturns } from './mean-historical.ts';
import { assertPeriodsPerYear, assertReturnPanel } from './mean-input.ts';
import { jamesSteinMeanReturns } from './mean-shrinkage.ts';
import { toRows } from '../../core/linalg/matrix.ts';

/** Equilibrium inputs: Π = δ Σ w + r_f. */
export interface EquilibriumSpec {
  /** Market or user weights in asset order. */
  readonly weights: ArrayLike<number>;
  /** δ > 0 (e.g. from `marketImpliedRiskAversion`). */
  readonly riskAversion: number;
  readonly riskFreeRateAnnual?: number;
}

/** The Black-Litterman prior: implied equilibrium or given returns. */
export type BlackLittermanPrior =
  | ({ readonly kind: 'equilibrium' } & EquilibriumSpec)
  | { readonly kind: 'given'; readonly priorAnnual: ArrayLike<number> };

/** `--mean` and its parameters. */
export type ExpectedReturnMethod =
  | { readonly method: 'historical' }
  | { readonly method: 'geometric' }
  | { readonly method: 'ewma'; readonly span?: number; readonly compounding?: boolean }
  | { readonly method: 'shrinkage' }
  | {
      readonly method: 'capm';
      readonly marketReturns?: Float64Array;
      readonly riskFreeRateAnnual?: number;
      readonly compounding?: boolean;
    }
  | ({ readonly method: 'equilibrium'; readonly covarianceAnnual: Matrix } & EquilibriumSpec)
  | {
      readonly method: 'blackLitterman';
      readonly covarianceAnnual: Matrix;
      readonly prior: BlackLittermanPrior;
      readonly views: readonly BlackLittermanView[] | ViewMatrices;
      readonly tau?: number;
      readonly omega?: OmegaSpec;
    }
  | {
      readonly method: 'buildingBlock';
      readonly inflationAnnual: number;
      readonly realRiskFreeAnnual: number;
      readonly premiumsAnnual: Readonly<Record<string, number>>;
    };

/** Options: the method plus the panel's frequency. */
export type ExpectedReturnOptions = ExpectedReturnMethod & { readonly periodsPerYear: number };

/** Annual expected returns and their provenance. */
export interface ExpectedReturnEstimate {
  /** Annual decimals in the panel's asset order. */
  readonly muAnnual: Float64Array;
  /** Method name for `ReturnDistribution.method.mean`. */
  readonly method: ExpectedReturnMethod['method'];
  /** Parameters (JSON) for `ReturnDistribution.method.parameters` and the inputs hash. */
  readonly parameters: Readonly<Record<string, JsonValue>>;
  readonly warnings: readonly Warning[];
  /** Black-Litterman only: the posterior covariance Σ + M (annual). */
  readonly posteriorCovarianceAnnual?: Matrix;
}

const list = (values: ArrayLike<number>): number[] => Array.from(values);

function viewsJson(views: readonly BlackLittermanView[] | ViewMatrices): JsonValue {
  if ('P' in views) return { P: toRows(views.P), Q: list(views.Q) };
  return views.map((view) => ({ ...view }));
}

function omegaJson(omega: OmegaSpec): JsonValue {
  if (omega.method === 'given') return { method: 'given', omega: toRows(omega.omega) };
  return omega.method === 'idzorek'
    ? { method: 'idzorek', confidences: [...omega.confidences] }
    : { method: 'heLitterman' };
}

/** Runs the chosen expected-return estimator on `returns` (simple returns, common dates). */
export function estimateExpectedReturns(
  returns: AlignedTable,
  options: ExpectedReturnOptions,
): ExpectedReturnEstimate {
  const periodsPerYear = options.periodsPerYear;
  const base = { method: options.method, warnings: [] as Warning[] };
  switch (options.method) {
    case 'historical':
      return {
        ...base,
        muAnnual: arithmeticMeanReturns(returns, { periodsPerYear }),
        parameters: {},
      };
    case 'geometric':
      return {
        ...base,
        muAnnual: geometricMeanReturns(returns, { periodsPerYear }),
        parameters: {},
      };
    case 'ewma': {
      const span = options.span ?? DEFAULT_EWMA_SPAN;
      const compounding = options.compounding ?? true;
      const muAnnual = ewmaMeanReturns(returns, { periodsPerYear, span, compounding });
      return { ...base, muAnnual, parameters: { span, compounding } };
    }
    case 'shrinkage': {
      const result = jamesSteinMeanReturns(returns, { periodsPerYear });
      const parameters = { target: 'grandMean', intensity: result.intensity };
      return { ...base, muAnnual: result.muAnnual, parameters, warnings: [...result.warnings] };
    }
    case 'capm': {
      const riskFreeRateAnnual = options.riskFreeRateAnnual ?? 0;
      const compounding = options.compounding ?? true;
      const result = capmReturns(returns, {
        periodsPerYear,
        riskFreeRateAnnual,
        compounding,
        ...(options.marketReturns === undefined ? {} : { marketReturns: options.marketReturns }),
      });
      const market =
        options.marketReturns === undefined ? 'equalWeight' : hashFloat64(options.marketReturns);
      const parameters = { riskFreeRateAnnual, compounding, market, betas: list(result.betas) };
      return { ...base, muAnnual: result.muAnnual, parameters };
    }
    case 'equilibrium': {
      assertPeriodsPerYear(periodsPerYear);
      assertReturnPanel(returns, { minObservations: 1, estimator: 'equilibrium' });
      const muAnnual = impliedEquilibriumReturns(options);
      return { ...base, muAnnual, parameters: equilibriumJson(options) };
    }
    case 'blackLitterman':
      return blackLittermanEstimate(returns, options);
    case 'buildingBlock': {
      assertPeriodsPerYear(periodsPerYear);
      const muAnnual = buildingBlockReturns({ ...options, assets: returns.ids });
      const { inflationAnnual, realRiskFreeAnnual, premiumsAnnual } = options;
      return {
        ...base,
        muAnnual,
        parameters: { inflationAnnual, realRiskFreeAnnual, premiumsAnnual: { ...premiumsAnnual } },
      };
    }
  }
}

function equilibriumJson(spec: EquilibriumSpec): Record<string, JsonValue> {
  return {
    weights: list(spec.weights),
    riskAversion: spec.riskAversion,
    riskFreeRateAnnual: spec.riskFreeRateAnnual ?? 0,
  };
}

function blackLittermanEstimate(
  returns: AlignedTable,
  options: Extract<ExpectedReturnOptions, { method: 'blackLitterman' }>,
): ExpectedReturnEstimate {
  assertPeriodsPerYear(options.periodsPerYear);
  assertReturnPanel(returns, { minObservations: 1, estimator: 'Black-Litterman' });
  const { prior } = options;
  const priorAnnual =
    prior.kind === 'equilibrium'
      ? impliedEquilibriumReturns({ ...prior, covarianceAnnual: options.covarianceAnnual })
      : Float64Array.from(prior.priorAnnual);
  if (priorAnnual.length !== returns.ids.length) {
    throw invalidInput(
      'prior',
      priorAnnual.length,
      `must have one value per asset (${returns.ids.length})`,
    );
  }
  const tau = options.tau ?? DEFAULT_TAU;
  const omega = options.omega ?? { method: 'heLitterman' };
  const result = blackLitterman(
    {
      assets: returns.ids,
      priorAnnual,
      covarianceAnnual: options.covarianceAnnual,
      views: options.views,
    },
    { tau, omega },
  );
  const priorJson: JsonValue =
    prior.kind === 'equilibrium'
      ? { kind: 'equilibrium', ...equilibriumJson(prior) }
      : { kind: 'given', priorAnnual: list(priorAnnual) };
  return {
    method: 'blackLitterman',
    muAnnual: result.muAnnual,
    parameters: {
      prior: priorJson,
      priorAnnual: list(priorAnnual),
      views: viewsJson(options.views),
      tau,
      omega: omegaJson(omega),
    },
    warnings: [...result.warnings],
    posteriorCovarianceAnnual: result.covarianceAnnual,
  };
}
