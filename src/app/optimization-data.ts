/**
 * The data of an optimisation, loaded once for `optimize`, `frontier` and `plan`: annual μ and Σ
 * from a returns panel estimated with any model of the estimation spec, or from a moments file
 * (docs/moments.md); the risk-free asset and rate; the panel itself for the scenario
 * objectives; and every warning of the estimate (a rank-deficient sample covariance warns
 * `COVARIANCE_RANK_DEFICIENT`, naming shrinkage as the remedy).
 *
 * Zero variance: a column whose returns are all equal (all zero, or a constant return) — or,
 * in a moments file, an asset with zero variance — is refused with INVALID_INPUT naming every
 * such column, unless it is declared the risk-free asset (`riskFreeColumn`). The declared
 * column leaves the risky universe and its mean return, annualised (arithmetic mean × periods
 * per year, docs/conventions.md "Estimation"; μ for a moments file), becomes the risk-free
 * rate, also for CAPM and the Black-Litterman prior.
 */

import type { Matrix } from '../core/linalg/matrix.ts';
import { invalidInput } from '../domain/errors.ts';
import type { OptimizationInputs } from '../domain/optimize/problem.ts';
import type { AlignedTable } from '../domain/series/align-common.ts';
import { constantColumns } from '../domain/series/constant-columns.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';
import type { Warning } from '../domain/warnings.ts';
import type { AppDeps } from './deps.ts';
import { fitMoments } from './estimate-moments.ts';
import { parseEstimationSpec, type EstimationSpec } from './estimation-spec.ts';
import { readMoments, type Moments } from './moments.ts';
import type { MomentsSpec } from './optimize-input.ts';
import { loadReturnsPanel, type ReturnsPanel } from './returns-panel.ts';

/** What {@link loadOptimizationData} reads (validated by the calling use case's schema). */
export interface OptimizationDataInput {
  readonly moments: MomentsSpec;
  readonly riskFreeColumn?: string | undefined;
  readonly riskFreeRateAnnual?: number | undefined;
}

/** The loaded data of an optimisation. */
export interface OptimizationData {
  /** μ, Σ of the risky assets and the risk-free rate. */
  readonly inputs: OptimizationInputs;
  /** The risky assets' per-period returns when the moments were estimated from a panel. */
  readonly table?: AlignedTable;
  /** Periods per year of `table`. */
  readonly periodsPerYear?: number;
  /** The declared risk-free column and its annual rate. */
  readonly riskFree?: { readonly column: string; readonly rateAnnual: number };
  readonly warnings: readonly Warning[];
}

/** Exact, else case-insensitive position of `name` in `ids`; −1 when absent. */
export function indexOfName(ids: readonly string[], name: string): number {
  const exact = ids.indexOf(name);
  if (exact >= 0) return exact;
  const upper = name.toUpperCase();
  return ids.findIndex((id) => id.toUpperCase() === upper);
}

function columnIndex(ids: readonly string[], name: string): number {
  const j = indexOfName(ids, name);
  if (j < 0)
    throw invalidInput('riskFreeColumn', name, `no such column (columns: ${ids.join(', ')})`);
  return j;
}

function refuseZeroVariance(field: string, names: readonly string[]): void {
  if (names.length === 0) return;
  throw invalidInput(
    field,
    names,
    `${names.length === 1 ? 'column' : 'columns'} ${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} zero variance (every return the same): a riskless column would take the whole portfolio with a meaningless Sharpe ratio — declare it the risk-free column or leave it out`,
  );
}

function withoutColumn(table: AlignedTable, j: number): AlignedTable {
  return {
    ids: table.ids.filter((_, k) => k !== j),
    dates: table.dates,
    columns: table.columns.filter((_, k) => k !== j),
  };
}

function riskFreeRate(input: OptimizationDataInput, fallback: number | undefined): number {
  return input.riskFreeRateAnnual ?? fallback ?? 0;
}

function refuseTwoRates(input: OptimizationDataInput, spec?: EstimationSpec): void {
  if (input.riskFreeColumn === undefined) return;
  const given = input.riskFreeRateAnnual ?? spec?.riskFreeRateAnnual;
  if (given !== undefined)
    throw invalidInput(
      'riskFreeRateAnnual',
      given,
      `give a risk-free rate or a risk-free column (${input.riskFreeColumn}), not both`,
    );
}

async function fromPanel(
  input: OptimizationDataInput,
  source: Extract<MomentsSpec, { kind: 'estimate' }>,
  deps: AppDeps,
): Promise<OptimizationData> {
  const spec = parseEstimationSpec(source.spec);
  refuseTwoRates(input, spec);
  const panel: ReturnsPanel = await loadReturnsPanel(source.panel, deps, {
    centredGram: spec.covariance.method === 'sample' && input.riskFreeColumn === undefined,
  });
  let table = panel.table;
  const periodsPerYear =
    spec.periodsPerYear ?? panel.periodsPerYear ?? inferPeriodsPerYear(table.dates);
  let riskFree: OptimizationData['riskFree'];
  if (input.riskFreeColumn !== undefined) {
    const j = columnIndex(table.ids, input.riskFreeColumn);
    const column = table.columns[j]!;
    let sum = 0;
    for (const r of column) sum += r;
    riskFree = { column: table.ids[j]!, rateAnnual: (sum / column.length) * periodsPerYear };
    table = withoutColumn(table, j);
  }
  refuseZeroVariance('moments.panel', constantColumns(table));
  const gram = table === panel.table ? panel.centredGram : undefined;
  const fitted = fitMoments(
    {
      table,
      warnings: panel.warnings,
      periodsPerYear,
      ...(gram === undefined ? {} : { centredGram: gram }),
    },
    riskFree === undefined ? spec : { ...spec, riskFreeRateAnnual: riskFree.rateAnnual },
  );
  return {
    inputs: inputsOf(
      fitted.moments,
      riskFree?.rateAnnual ?? riskFreeRate(input, spec.riskFreeRateAnnual),
    ),
    table: fitted.table,
    periodsPerYear: fitted.periodsPerYear,
    ...(riskFree === undefined ? {} : { riskFree }),
    warnings: fitted.warnings,
  };
}

function withoutAsset(m: Moments, j: number): Moments {
  const n = m.assets.length;
  const keep = m.assets.map((_, k) => k).filter((k) => k !== j);
  const data = new Float64Array(keep.length * keep.length);
  keep.forEach((a, r) =>
    keep.forEach((b, c) => (data[r * keep.length + c] = m.covarianceAnnual.data[a * n + b]!)),
  );
  const covarianceAnnual: Matrix = { rows: keep.length, cols: keep.length, data };
  return {
    assets: keep.map((k) => m.assets[k]!),
    expectedReturnsAnnual: Float64Array.from(keep, (k) => m.expectedReturnsAnnual[k]!),
    covarianceAnnual,
  };
}

function fromFile(
  input: OptimizationDataInput,
  source: Extract<MomentsSpec, { kind: 'file' }>,
): OptimizationData {
  refuseTwoRates(input);
  let moments = readMoments(source.moments, 'moments.moments');
  let riskFree: OptimizationData['riskFree'];
  if (input.riskFreeColumn !== undefined) {
    const j = columnIndex(moments.assets, input.riskFreeColumn);
    riskFree = { column: moments.assets[j]!, rateAnnual: moments.expectedReturnsAnnual[j]! };
    moments = withoutAsset(moments, j);
  }
  const n = moments.assets.length;
  refuseZeroVariance(
    'moments.moments',
    moments.assets.filter((_, i) => !(moments.covarianceAnnual.data[i * n + i]! > 0)),
  );
  return {
    inputs: inputsOf(
      moments,
      riskFree?.rateAnnual ?? riskFreeRate(input, moments.riskFreeRateAnnual),
    ),
    ...(riskFree === undefined ? {} : { riskFree }),
    warnings: [],
  };
}

function inputsOf(m: Moments, riskFreeRateAnnual: number): OptimizationInputs {
  return {
    assets: m.assets,
    expectedReturnsAnnual: m.expectedReturnsAnnual,
    covarianceAnnual: m.covarianceAnnual,
    riskFreeRateAnnual,
  };
}

/**
 * Loads the data of an optimisation (module comment). Errors: INVALID_INPUT naming the field
 * (`riskFreeColumn`, `moments.panel` for zero-variance columns, `moments.moments.*` for a
 * malformed moments file), NOT_FOUND for a missing file, the estimators' INSUFFICIENT_DATA.
 */
export async function loadOptimizationData(
  input: OptimizationDataInput,
  deps: AppDeps,
): Promise<OptimizationData> {
  return input.moments.kind === 'estimate'
    ? fromPanel(input, input.moments, deps)
    : fromFile(input, input.moments);
}
