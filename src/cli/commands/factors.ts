import type { Command } from 'commander';
import { riskFreePerPeriod } from '../../domain/analytics/annualize.ts';
import {
  factorRegression,
  type FactorRegression,
} from '../../domain/analytics/factor-regression.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import { parseReturnsFileCsv, type ReturnsFile } from '../../data/providers/csv-file.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, readTextFile, type Format, type Io } from '../io.ts';
import { numberOption } from '../estimate/methods.ts';
import { inferPeriodsPerYear } from '../estimate/panel.ts';

/** A returns file (column names upper-cased by the parser, so matched case-insensitively). */
export function readReturnsFile(path: string, what: string): ReturnsFile {
  return parseReturnsFileCsv(readTextFile(path, what), path);
}

/**
 * The series of column `name` in `file` (case-insensitive), reported under `name` as the user
 * wrote it (trimmed); an unknown column is INVALID_INPUT naming the option, the name and the
 * file's columns.
 */
export function columnSeries(
  file: ReturnsFile,
  name: string,
  field: string,
): { id: string; series: ReturnSeries } {
  const id = name.trim();
  const series = file.seriesByColumn.get(id.toUpperCase());
  if (series === undefined || id === '')
    throw invalidInput(field, name, `no such column (columns: ${file.columns.join(', ')})`);
  return { id, series };
}

/** `--hac` value: a lag count (integer ≥ 0) or `auto`. */
export function hacOption(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  return numberOption('hac', value, (x) => Number.isInteger(x) && x >= 0);
}

/** Conventions printed with `ballast factors --format json`. */
export const FACTOR_CONVENTIONS = {
  model:
    'OLS with intercept: r - rf = alpha + sum beta_k (f_k - rf) + u on the dates every series shares (never filled); rf per period = (1 + rf annual)^(1/k) - 1, subtracted from the factors unless --factors-excess',
  alphaAnnual: 'alpha per period times k (arithmetic)',
  standardErrors:
    'classical: RSS/(n - p) (X^T X)^-1 (statsmodels OLS); --hac L: Newey-West, Bartlett weights 1 - j/(L+1), no small-sample correction (statsmodels cov_type HAC); auto L = floor(4 (n/100)^(2/9))',
  rSquared: '1 - RSS/TSS (TSS centred); adjusted: 1 - (1 - R2)(n - 1)/(n - p)',
  residualVolAnnual: 'sqrt(RSS/(n - p)) times sqrt(k)',
} as const;

interface FactorsOptions {
  returns: string;
  column: string;
  factors: string;
  factorReturns?: string;
  rf?: string;
  factorsExcess?: boolean;
  periodsPerYear?: string;
  hac?: string;
  format: Format;
}

/** The JSON shape of `ballast factors`. */
export function factorsJson(r: FactorRegression): Record<string, unknown> {
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
  };
}

/** The table shape: one row per coefficient, then the fit statistics. */
export function factorsTable(r: FactorRegression): string {
  const rows = [
    { term: 'alpha (per period)', estimate: r.alpha, se: r.alphaSe, t: r.alphaTStat },
    ...r.betas.map((b) => ({ term: b.id, estimate: b.beta, se: b.se, t: b.t })),
  ];
  const fmt = (x: number) => x.toPrecision(6);
  return [
    renderTable(rows, [
      { title: 'Term', value: (row) => row.term },
      { title: 'Estimate', value: (row) => fmt(row.estimate), align: 'right' },
      {
        title: r.standardErrors === 'classical' ? 'Std error' : `NW(${r.hacLags}) s.e.`,
        value: (row) => fmt(row.se),
        align: 'right',
      },
      { title: 't', value: (row) => row.t.toFixed(2), align: 'right' },
    ]),
    '',
    `${r.observations} observations ${r.from}..${r.to}, k = ${r.periodsPerYear}`,
    `alpha annual ${fmt(r.alphaAnnual)} (alpha × k)  R² ${r.rSquared.toFixed(4)}  adj. R² ${r.adjRSquared.toFixed(4)}  F ${r.fStatistic.toPrecision(4)}`,
    `residual volatility annual ${fmt(r.residualVolAnnual)}`,
  ].join('\n');
}

/** Registers `ballast factors`: OLS of one return column on factor columns. */
export function registerFactors(program: Command, io: Io): void {
  program
    .command('factors')
    .description(
      'Factor regression: alpha, betas, t-stats, R², residual volatility of a return column on factor columns',
    )
    .requiredOption('--returns <file>', 'returns CSV date,A,B,...')
    .requiredOption('--column <name>', 'the regressed column')
    .requiredOption('--factors <list>', 'factor columns A,B,C')
    .option('--factor-returns <file>', 'read the factors from this CSV instead of --returns')
    .option('--rf <annual>', 'risk-free rate, annual decimal: regress excess returns')
    .option(
      '--factors-excess',
      'factors are already excess returns: subtract rf from the column only',
    )
    .option('--periods-per-year <n>', 'periods per year (default: inferred from the dates)')
    .option('--hac <lags>', 'Newey-West standard errors with this many lags, or auto')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action((options: FactorsOptions) => {
      if (options.format === 'csv') throw invalidInput('--format', 'csv', 'use table or json');
      const file = readReturnsFile(options.returns, '--returns');
      const factorFile = options.factorReturns
        ? readReturnsFile(options.factorReturns, '--factor-returns')
        : file;
      const y = columnSeries(file, options.column, '--column');
      const names = options.factors.split(',').filter((s) => s.trim() !== '');
      if (names.length === 0)
        throw invalidInput('--factors', options.factors, 'list at least one column');
      const upper = names.map((n) => n.trim().toUpperCase());
      upper.forEach((n, i) => {
        if (upper.indexOf(n) !== i)
          throw invalidInput('--factors', options.factors, `lists ${n} twice`);
        if (n === options.column.trim().toUpperCase() && factorFile === file)
          throw invalidInput('--factors', options.factors, `includes the regressed column ${n}`);
      });
      const factors = names.map((name) => columnSeries(factorFile, name, '--factors'));
      const k =
        numberOption('periods-per-year', options.periodsPerYear, (x) => x > 0) ??
        inferPeriodsPerYear(y.series.map((p) => p.date));
      const rf = numberOption('rf', options.rf, (x) => x > -1);
      const hac = hacOption(options.hac);
      const result = factorRegression(
        {
          returns: y.series,
          returnsId: y.id,
          factors,
          ...(rf === undefined ? {} : { riskFree: riskFreePerPeriod(rf, k) }),
        },
        {
          periodsPerYear: k,
          riskFreeOnFactors: !options.factorsExcess,
          ...(hac === undefined ? {} : { hacLags: hac }),
        },
      );
      io.out(
        options.format === 'json'
          ? JSON.stringify(factorsJson(result), null, 2)
          : factorsTable(result),
      );
    });
}
