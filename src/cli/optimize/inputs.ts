import { annualizeCovariance } from '../../domain/estimate/annualize-covariance.ts';
import { estimateCovariance } from '../../domain/estimate/estimate-covariance.ts';
import { estimateExpectedReturns } from '../../domain/estimate/mean-estimate.ts';
import { BallastError } from '../../domain/errors.ts';
import type { OptimizationInputs } from '../../domain/optimize/problem.ts';
import type { AlignedTable } from '../../domain/series/align-common.ts';
import { alignCommon } from '../../domain/series/align-common.ts';
import { parseReturnsFileCsv } from '../../data/providers/csv-file.ts';
import { covarianceMethod, meanMethod, numberOption } from '../estimate/methods.ts';
import { inferPeriodsPerYear, tableToMatrix } from '../estimate/panel.ts';
import { readTextFile } from '../io.ts';

/** Options that define the optimiser's inputs. */
export interface InputOptions {
  readonly returns: string;
  readonly prices?: boolean | undefined;
  readonly periodsPerYear?: string | undefined;
  readonly rf?: string | undefined;
  readonly mean: string;
  readonly covariance: string;
  readonly lambda?: string | undefined;
}

/**
 * Simple returns from a price panel: r_t = P_t / P_{t−1} − 1 per column on consecutive dates of
 * the common window (the first date has no return and is dropped).
 */
export function pricesToReturns(prices: AlignedTable): AlignedTable {
  prices.columns.forEach((c, j) => {
    c.forEach((p, t) => {
      if (!(p > 0))
        throw new BallastError(
          'INVALID_INPUT',
          `--prices: ${prices.ids[j]} has a non-positive price ${p} on ${prices.dates[t]}`,
          { field: prices.ids[j], value: p },
        );
    });
  });
  return {
    ids: prices.ids,
    dates: prices.dates.slice(1),
    columns: prices.columns.map((c) =>
      Float64Array.from({ length: c.length - 1 }, (_, t) => c[t + 1]! / c[t]! - 1),
    ),
  };
}

/** The returns panel of `--returns FILE` (or prices with `--prices`), on common dates. */
export function readPanel(options: Pick<InputOptions, 'returns' | 'prices'>): AlignedTable {
  const file = parseReturnsFileCsv(readTextFile(options.returns, '--returns'), options.returns);
  const table = alignCommon(
    file.columns.map((id) => ({ id, series: file.seriesByColumn.get(id)! })),
  );
  return options.prices ? pricesToReturns(table) : table;
}

/**
 * Optimiser inputs from a panel. Defaults: arithmetic sample mean × N and sample
 * covariance (n − 1) × N, N from `--periods-per-year` or inferred from the dates.
 */
export function optimizationInputs(
  table: AlignedTable,
  options: InputOptions,
): { inputs: OptimizationInputs; periodsPerYear: number } {
  const periodsPerYear =
    numberOption('periods-per-year', options.periodsPerYear, (x) => x > 0) ??
    inferPeriodsPerYear(table.dates);
  const spec = covarianceMethod(options);
  if (spec.method === 'garch')
    throw new BallastError(
      'INVALID_INPUT',
      '--covariance garch: use ballast estimate for GARCH; optimize takes sample, ewma, ledoit-wolf*, oas, semicovariance, denoised',
      { field: 'covariance', value: 'garch' },
    );
  const covarianceAnnual = annualizeCovariance(
    estimateCovariance(tableToMatrix(table), spec).covariance,
    periodsPerYear,
  );
  const mean = estimateExpectedReturns(table, {
    ...meanMethod(options, { assets: table.ids, covarianceAnnual }),
    periodsPerYear,
  });
  return {
    inputs: {
      assets: table.ids,
      expectedReturnsAnnual: Float64Array.from(mean.muAnnual),
      covarianceAnnual,
      riskFreeRateAnnual: numberOption('rf', options.rf) ?? 0,
    },
    periodsPerYear,
  };
}
