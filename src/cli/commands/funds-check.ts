import type { Command } from 'commander';
import { fundsCheck, type FundsCheckDocument } from '../../app/funds-check.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { withFlagNames } from '../flag-errors.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { fundsField, FUNDS_STORED_HELP } from './funds-flags.ts';
import { numberFlag } from './options.ts';

interface CheckOptions {
  fund: string;
  returns: string;
  exposureReturns?: string;
  funds?: string;
  fundsStored?: string;
  periodsPerYear?: string;
  hac?: string;
  minR2?: string;
  maxBetaGap?: string;
  format: Format;
}

const num = (x: number | null, digits = 4): string => (x === null ? '—' : x.toFixed(digits));

type Row = FundsCheckDocument['exposures'][number];

const ok = (e: Row): string =>
  e.withinTolerance === null ? 'financing' : e.withinTolerance ? 'yes' : 'no';

function checkTable(c: FundsCheckDocument): string {
  const columns: Column<Row>[] = [
    { title: 'Exposure', value: (e) => e.id },
    { title: 'Loading', value: (e) => num(e.loading, 3), align: 'right' },
    { title: 'Beta', value: (e) => num(e.beta, 3), align: 'right' },
    { title: 's.e.', value: (e) => num(e.se, 3), align: 'right' },
    { title: 'Beta - loading', value: (e) => num(e.difference, 3), align: 'right' },
    { title: 'OK', value: ok },
  ];
  return [
    renderTable(c.exposures, columns),
    '',
    `${c.symbol}: ${c.observations} observations ${c.from}..${c.to}, k = ${c.periodsPerYear}`,
    `R² ${num(c.rSquared)}  tracking error ${num(c.trackingErrorAnnual)} / yr  alpha ${num(c.alphaAnnual)} / yr (t ${num(c.alphaTStat, 2)})  IR ${num(c.informationRatio, 2)}`,
    `financing leg ${c.financing.modelled ? `modelled: −(${num(c.financing.netExposure, 3)} − 1) × cash_rate` : 'not modelled (no cash_rate column)'}`,
    `verdict: ${c.verdict}${c.reasons.length ? ` (${c.reasons.join('; ')})` : ''}`,
  ].join('\n');
}

/** One CSV row per exposure: loading, beta, standard error, gap and whether it is within tolerance. */
function checkCsv(c: FundsCheckDocument): string {
  const cell = (x: number | null): string => (x === null ? '' : String(x));
  return renderCsv(c.exposures, [
    { title: 'exposure', value: (e) => e.id },
    { title: 'loading', value: (e) => String(e.loading) },
    { title: 'beta', value: (e) => cell(e.beta) },
    { title: 'se', value: (e) => cell(e.se) },
    { title: 't', value: (e) => cell(e.t) },
    { title: 'beta_minus_loading', value: (e) => cell(e.difference) },
    { title: 'ok', value: ok },
  ]);
}

const CHECK_FLAGS = {
  fund: '--fund',
  returns: '--returns',
  exposureReturns: '--exposure-returns',
  funds: '--funds',
  'funds.stored': '--funds-stored',
  periodsPerYear: '--periods-per-year',
};

/** `--hac` value: a lag count (integer ≥ 0) or `auto`. */
function hacFlag(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  return numberFlag('--hac', value, (x) => Number.isInteger(x) && x >= 0);
}

/** Registers `ballast funds check` under the `funds` command. */
export function registerFundsCheck(funds: Command, io: Io, runtime: Runtime): void {
  funds
    .command('check')
    .description(
      "Replication check: regress a fund's returns on its definition's exposure returns (R², tracking error, IR, betas vs loadings)",
    )
    .requiredOption('--fund <symbol>', 'fund symbol of the definitions file')
    .requiredOption('--returns <file>', 'returns CSV with the fund column (and the exposures)')
    .option(
      '--exposure-returns <file>',
      'returns CSV with one column per exposure id (cash_rate = financing series)',
    )
    .option('--funds <file>', 'fund definitions YAML (default: config/funds.yaml)')
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .option('--periods-per-year <n>', 'periods per year (default: inferred from the dates)')
    .option('--hac <lags>', 'Newey-West standard errors with this many lags, or auto')
    .option('--min-r2 <x>', 'verdict threshold on R² (default 0.9)')
    .option('--max-beta-gap <x>', 'verdict threshold on |beta − loading| (default 0.1)')
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per exposure)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: CheckOptions, command: Command) => {
      const periodsPerYear = numberFlag('--periods-per-year', options.periodsPerYear, (x) => x > 0);
      const minRSquared = numberFlag('--min-r2', options.minR2);
      const maxBetaGap = numberFlag('--max-beta-gap', options.maxBetaGap);
      const hacLags = hacFlag(options.hac);
      const doc = await withFlagNames(CHECK_FLAGS, () =>
        withDeps(command, runtime, (deps) =>
          fundsCheck(
            {
              fund: options.fund,
              returns: { path: options.returns },
              ...(options.exposureReturns
                ? { exposureReturns: { path: options.exposureReturns } }
                : {}),
              ...fundsField(options),
              ...(periodsPerYear === undefined ? {} : { periodsPerYear }),
              ...(hacLags === undefined ? {} : { hacLags }),
              ...(minRSquared === undefined ? {} : { minRSquared }),
              ...(maxBetaGap === undefined ? {} : { maxBetaGap }),
            },
            deps,
          ),
        ),
      );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => checkTable(doc),
          csv: () => checkCsv(doc),
        }),
      );
    });
}
