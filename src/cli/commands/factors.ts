import type { Command } from 'commander';
import { factors, type FactorsDocument } from '../../app/factors.ts';
import { warningLines } from '../../app/errors.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable } from '../format/table.ts';
import { withFlagNames } from '../flag-errors.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { hacOption, listFlag, numberFlag } from './analytics-flags.ts';

// `funds check` reads its returns file and columns the same way.
export { columnSeries, readReturnsFile } from '../../app/returns-file.ts';
export { hacOption } from './analytics-flags.ts';

/** The input fields of `factors` the flags set, for error messages. */
const FLAGS = {
  returns: '--returns',
  column: '--column',
  factors: '--factors',
  factorReturns: '--factor-returns',
  riskFreeRateAnnual: '--rf',
  periodsPerYear: '--periods-per-year',
  hacLags: '--hac',
};

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

interface Term {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  readonly t: number;
}

function terms(r: FactorsDocument): Term[] {
  return [
    { term: 'alpha', estimate: r.alpha, se: r.alphaSe, t: r.alphaTStat },
    ...Object.entries(r.betas).map(([id, b]) => ({ term: id, estimate: b.beta, se: b.se, t: b.t })),
  ];
}

/** The table shape: one row per coefficient, then the fit statistics. */
export function factorsTable(r: FactorsDocument): string {
  const rows = terms(r).map((t, i) => (i === 0 ? { ...t, term: 'alpha (per period)' } : t));
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
    ...warningLines(r.warnings),
  ].join('\n');
}

/** The coefficient table as CSV: `term,estimate,std_error,t` (alpha per period first). */
export function factorsCsv(r: FactorsDocument): string {
  return renderCsv(terms(r), [
    { title: 'term', value: (row) => row.term },
    { title: 'estimate', value: (row) => String(row.estimate) },
    { title: 'std_error', value: (row) => String(row.se) },
    { title: 't', value: (row) => String(row.t) },
  ]);
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
    .option(
      '--format <format>',
      'table | json | csv (csv: the coefficient table)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: FactorsOptions) => {
      const periodsPerYear = numberFlag('--periods-per-year', options.periodsPerYear, (x) => x > 0);
      const rf = numberFlag('--rf', options.rf, (x) => x > -1);
      const hacLags = hacOption(options.hac);
      const doc = await withFlagNames(FLAGS, () =>
        Promise.resolve(
          factors({
            returns: { path: options.returns },
            column: options.column,
            factors: listFlag(options.factors),
            ...(options.factorReturns === undefined
              ? {}
              : { factorReturns: { path: options.factorReturns } }),
            ...(rf === undefined ? {} : { riskFreeRateAnnual: rf }),
            factorsExcess: options.factorsExcess === true,
            ...(periodsPerYear === undefined ? {} : { periodsPerYear }),
            ...(hacLags === undefined ? {} : { hacLags }),
          }),
        ),
      );
      if (options.format !== 'table') for (const line of warningLines(doc.warnings)) io.err(line);
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => factorsTable(doc),
          csv: () => factorsCsv(doc),
        }),
      );
    });
}
