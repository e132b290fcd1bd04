/**
 * Estimating annual moments from a returns panel with an {@link EstimationSpec}: the
 * computation behind `estimate`, `estimate universe` and (later) every optimiser input. Per
 * period estimates are annualised once, explicitly (docs/conventions.md, "Estimation"); the
 * result is a `ReturnDistribution` summary (the `estimate` document) and the {@link Moments}
 * an optimiser takes.
 *
 * @example
 * ```ts
 * const panel = await loadReturnsPanel({ kind: 'file', file: { path: 'r.csv' } }, deps);
 * const { moments } = estimateMoments(panel, { covariance: { method: 'ledoit-wolf' } });
 * ```
 */

import {
  annualizeCovariance,
  annualizeCovarianceInPlace,
} from '../domain/estimate/annualize-covariance.ts';
import { returnsMatrix } from '../domain/estimate/covariance-input.ts';
import {
  createReturnDistribution,
  type DistributionMethod,
} from '../domain/estimate/distribution.ts';
import { hashFloat64, type JsonValue } from '../domain/estimate/distribution-hash.ts';
import {
  summariseDistribution,
  type DistributionSummary,
} from '../domain/estimate/distribution-summary.ts';
import {
  describeCovarianceMethod,
  estimateCovariance,
  estimateSampleCovarianceOfGram,
} from '../domain/estimate/estimate-covariance.ts';
import type { CentredGram } from '../core/stats/centred-gram.ts';
import { garchCovariance } from '../domain/estimate/garch-covariance.ts';
import { estimateExpectedReturns } from '../domain/estimate/mean-estimate.ts';
import { invalidInput } from '../domain/errors.ts';
import type { AlignedTable } from '../domain/series/align-common.ts';
import { alignCommonReport } from '../domain/series/align-report.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';
import type { Warning } from '../domain/warnings.ts';
import type { Matrix } from '../core/linalg/matrix.ts';
import {
  covarianceMethodOf,
  meanMethodOf,
  parseEstimationSpec,
  type CovarianceModel,
  type EstimationSpecInput,
} from './estimation-spec.ts';
import type { Moments } from './moments.ts';
import { readPanelFile } from './panel-file.ts';

export type { DistributionSummary } from '../domain/estimate/distribution-summary.ts';

/** A panel to estimate from (a `ReturnsPanel` fits). */
export interface EstimationPanel {
  readonly table: AlignedTable;
  /** Warnings of the panel, carried into the estimate's. */
  readonly warnings?: readonly Warning[];
  /** Periods per year fixed by the source; else inferred from the dates. */
  readonly periodsPerYear?: number;
  /**
   * Centred cross-products of exactly `table.columns` (every row), when reading the panel made
   * them: the sample covariance then comes from them instead of another pass over the data.
   */
  readonly centredGram?: CentredGram;
}

/** The estimate: its document form and the optimiser's input. */
export interface EstimatedMoments {
  /** What `estimate --format json` prints (annual μ, Σ, volatility, correlation, provenance). */
  readonly summary: DistributionSummary;
  /** Annual μ and Σ in `summary.assets` order (rf when the spec gives one). */
  readonly moments: Moments;
  /** The panel the estimate used (fewer dates than given when factor returns lack some). */
  readonly table: AlignedTable;
}

/** The asset panel and the factor matrix on the dates both share, with what was dropped. */
function withFactors(
  table: AlignedTable,
  model: Extract<CovarianceModel, { method: 'factor' }>,
): { table: AlignedTable; factors: Matrix; parameters: JsonValue; warnings: Warning[] } {
  const read = readPanelFile(model.factorReturns, { field: 'covariance.factorReturns' });
  const wanted = model.factors?.map((f) => f.toUpperCase()) ?? read.table.ids;
  const columns = wanted.map((id) => {
    const k = read.table.ids.indexOf(id);
    if (k < 0)
      throw invalidInput(
        'covariance.factors',
        id,
        `no such column in the factor returns (columns: ${read.table.ids.join(', ')})`,
      );
    return { id: `factor:${id}`, k };
  });
  const clash = table.ids.find((id) => id.startsWith('factor:'));
  if (clash !== undefined)
    throw invalidInput('returns', clash, 'asset ids may not start with factor:');
  const aligned = alignCommonReport([
    ...table.ids.map((id, j) => ({ id, series: points(table, j) })),
    ...columns.map(({ id, k }) => ({ id, series: points(read.table, k) })),
  ]);
  const n = table.ids.length;
  const assets: AlignedTable = {
    ids: table.ids,
    dates: aligned.table.dates,
    columns: aligned.table.columns.slice(0, n),
  };
  const factors = returnsMatrix({
    ids: columns.map((c) => c.id),
    dates: aligned.table.dates,
    columns: aligned.table.columns.slice(n),
  });
  return {
    table: assets,
    factors,
    parameters: { columns: wanted, hash: hashFloat64(factors.data) },
    warnings: [...read.warnings, ...aligned.warnings],
  };
}

function points(table: AlignedTable, j: number): { date: string; value: number }[] {
  const column = table.columns[j]!;
  return table.dates.map((date, t) => ({ date, value: column[t]! }));
}

/** `gram` when it describes exactly the columns of `table` (as many rows and columns). */
function gramOf(gram: CentredGram | undefined, table: AlignedTable): CentredGram | undefined {
  if (gram === undefined) return undefined;
  const fits = gram.count === table.dates.length && gram.means.length === table.columns.length;
  return fits ? gram : undefined;
}

/** The lean estimate: the optimiser's moments and what produced them, without the summary. */
export interface FittedMoments {
  /** Annual μ and Σ in `table.ids` order (rf when the spec gives one). */
  readonly moments: Moments;
  /** The panel the estimate used (fewer dates than given when factor returns lack some). */
  readonly table: AlignedTable;
  readonly periodsPerYear: number;
  /** The panel's, then the covariance model's, then the mean model's. */
  readonly warnings: readonly Warning[];
  /** Method labels and parameters, as the summary reports them. */
  readonly method: DistributionMethod;
}

/**
 * Fits the covariance and mean models of `spec` (validated; INVALID_INPUT names the field) to
 * `panel`: annual μ and Σ and the warnings, without building the `estimate` summary (what the
 * optimisers need). Periods per year: `spec.periodsPerYear`, else the panel's, else inferred
 * from the dates. Warnings: the panel's, then the covariance model's (e.g.
 * `COVARIANCE_RANK_DEFICIENT`, `COVARIANCE_REPAIRED`, GARCH fit warnings by asset), then the
 * mean model's.
 */
export function fitMoments(panel: EstimationPanel, rawSpec: EstimationSpecInput): FittedMoments {
  const spec = parseEstimationSpec(rawSpec);
  const warnings: Warning[] = [...(panel.warnings ?? [])];
  let table = panel.table;
  let factors: Matrix | undefined;
  let factorParameters: JsonValue | undefined;
  if (spec.covariance.method === 'factor') {
    const joined = withFactors(table, spec.covariance);
    ({ table, factors } = joined);
    factorParameters = joined.parameters;
    warnings.push(...joined.warnings);
  }
  const periodsPerYear =
    spec.periodsPerYear ?? panel.periodsPerYear ?? inferPeriodsPerYear(table.dates);
  const { horizon } = spec;
  const method = covarianceMethodOf(spec.covariance, factors);
  const gram = table === panel.table ? gramOf(panel.centredGram, table) : undefined;
  let perPeriod: Matrix;
  let covarianceLabel: string;
  // Whether perPeriod was made here for this call only (annualised in place then).
  let owned = false;
  if (method.method === 'sample' && gram !== undefined) {
    const c = estimateSampleCovarianceOfGram(gram, method);
    perPeriod = c.covariance;
    owned = true;
    covarianceLabel = describeCovarianceMethod(method);
    warnings.push(...c.warnings);
  } else if (method.method === 'garch') {
    const x = returnsMatrix(table);
    const g = garchCovariance(x, { horizon, assets: table.ids });
    perPeriod = g.covariance;
    covarianceLabel = `garch(1,1)+constant-correlation(horizon=${horizon})`;
    warnings.push(...g.warnings);
  } else {
    const c = estimateCovariance(returnsMatrix(table), method);
    perPeriod = c.covariance;
    covarianceLabel = describeCovarianceMethod(method);
    warnings.push(...c.warnings);
  }
  const covarianceAnnual = owned
    ? annualizeCovarianceInPlace(perPeriod, periodsPerYear)
    : annualizeCovariance(perPeriod, periodsPerYear);

  const riskFreeRateAnnual = spec.riskFreeRateAnnual ?? 0;
  const mean = estimateExpectedReturns(table, {
    ...meanMethodOf(spec.mean, { assets: table.ids, covarianceAnnual, riskFreeRateAnnual }),
    periodsPerYear,
  });
  return {
    moments: {
      assets: table.ids,
      expectedReturnsAnnual: Float64Array.from(mean.muAnnual),
      covarianceAnnual,
      ...(spec.riskFreeRateAnnual === undefined ? {} : { riskFreeRateAnnual }),
    },
    table,
    periodsPerYear,
    warnings: [...warnings, ...mean.warnings],
    method: {
      mean: mean.method,
      covariance: covarianceLabel,
      parameters: {
        ...mean.parameters,
        ...(factorParameters === undefined ? {} : { factorReturns: factorParameters }),
        horizon,
        periodsPerYear,
      },
    },
  };
}

/**
 * Estimates annual moments of `panel` with `spec` and summarises them as the `estimate`
 * document ({@link fitMoments} plus the distribution's window, volatility, correlation and
 * inputs hash).
 */
export function estimateMoments(
  panel: EstimationPanel,
  rawSpec: EstimationSpecInput,
): EstimatedMoments {
  const fitted = fitMoments(panel, rawSpec);
  const distribution = createReturnDistribution({
    returns: fitted.table,
    muAnnual: fitted.moments.expectedReturnsAnnual,
    covarianceAnnual: fitted.moments.covarianceAnnual,
    method: fitted.method,
    periodsPerYear: fitted.periodsPerYear,
    warnings: fitted.warnings,
  });
  const rf = fitted.moments.riskFreeRateAnnual;
  return {
    summary: summariseDistribution(distribution),
    moments: {
      assets: distribution.assets,
      expectedReturnsAnnual: Float64Array.from(distribution.mu),
      covarianceAnnual: distribution.covariance,
      ...(rf === undefined ? {} : { riskFreeRateAnnual: rf }),
    },
    table: fitted.table,
  };
}
