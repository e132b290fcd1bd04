import type { Command } from 'commander';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import {
  checkReplication,
  DEFAULT_REPLICATION_THRESHOLDS,
  type ReplicationCheck,
} from '../../domain/exposures/replication-check.ts';
import { normalizeSymbol } from '../../domain/exposures/symbol.ts';
import type { ReturnSeries } from '../../domain/series/types.ts';
import { loadFundUniverse } from '../../data/config/load-fund-universe.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { numberOption } from '../estimate/methods.ts';
import { inferPeriodsPerYear } from '../estimate/panel.ts';
import { columnSeries, hacOption, readReturnsFile } from './factors.ts';

/** Exposure id of the cash rate, whose column (when present) is the financing series. */
const CASH_ID = 'cash_rate';

/** Conventions printed with `ballast funds check --format json`. */
const CHECK_CONVENTIONS = {
  implied:
    'definition-implied return = sum x_k e_k - (sum x_k - 1) c, c = the cash_rate column (per period); the financing leg is left out without a cash_rate column',
  regression:
    'with cash: (fund - c) on (e_k - c) with intercept (cash_rate itself not a regressor); without: raw returns; dates = intersection, never filled',
  trackingErrorAnnual: 'sample stdev (n - 1) of fund - implied, times sqrt(k)',
  informationRatio: 'alpha annual (alpha x k) / residual vol annual (sqrt(RSS/(n - p)) x sqrt(k))',
  verdict:
    'consistent when R2 >= min-r2 and |beta - loading| <= max-beta-gap for every regressed exposure',
} as const;

interface CheckOptions {
  fund: string;
  returns: string;
  exposureReturns?: string;
  funds?: string;
  periodsPerYear?: string;
  hac?: string;
  minR2?: string;
  maxBetaGap?: string;
  format: Format;
}

const num = (x: number | null, digits = 4): string => (x === null ? '—' : x.toFixed(digits));

function checkTable(c: ReplicationCheck): string {
  return [
    renderTable(c.exposures, [
      { title: 'Exposure', value: (e) => e.id },
      { title: 'Loading', value: (e) => num(e.loading, 3), align: 'right' },
      { title: 'Beta', value: (e) => num(e.beta, 3), align: 'right' },
      { title: 's.e.', value: (e) => num(e.se, 3), align: 'right' },
      { title: 'Beta - loading', value: (e) => num(e.difference, 3), align: 'right' },
      {
        title: 'OK',
        value: (e) => (e.withinTolerance === null ? 'financing' : e.withinTolerance ? 'yes' : 'no'),
      },
    ]),
    '',
    `${c.symbol}: ${c.observations} observations ${c.from}..${c.to}, k = ${c.periodsPerYear}`,
    `R² ${num(c.rSquared)}  tracking error ${num(c.trackingErrorAnnual)} / yr  alpha ${num(c.alphaAnnual)} / yr (t ${num(c.alphaTStat, 2)})  IR ${num(c.informationRatio, 2)}`,
    `financing leg ${c.financing.modelled ? `modelled: −(${num(c.financing.netExposure, 3)} − 1) × cash_rate` : 'not modelled (no cash_rate column)'}`,
    `verdict: ${c.verdict}${c.reasons.length ? ` (${c.reasons.join('; ')})` : ''}`,
  ].join('\n');
}

/** Registers `ballast funds check` under the `funds` command. */
export function registerFundsCheck(funds: Command, io: Io): void {
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
    .option('--periods-per-year <n>', 'periods per year (default: inferred from the dates)')
    .option('--hac <lags>', 'Newey-West standard errors with this many lags, or auto')
    .option(
      '--min-r2 <x>',
      `verdict threshold on R² (default ${DEFAULT_REPLICATION_THRESHOLDS.minRSquared})`,
    )
    .option(
      '--max-beta-gap <x>',
      `verdict threshold on |beta − loading| (default ${DEFAULT_REPLICATION_THRESHOLDS.maxBetaGap})`,
    )
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: CheckOptions) => {
      if (options.format === 'csv') throw invalidInput('--format', 'csv', 'use table or json');
      const universe = options.funds
        ? await loadFundUniverse(options.funds)
        : await loadFundUniverse();
      const symbol = normalizeSymbol(options.fund);
      const entry = Object.entries(universe.funds).find(([s]) => normalizeSymbol(s) === symbol);
      if (!entry)
        throw new BallastError(
          'NOT_FOUND',
          `--fund: ${symbol} is not defined in ${options.funds ?? 'config/funds.yaml'} (funds: ${Object.keys(universe.funds).join(', ')})`,
          { field: 'fund', value: options.fund },
        );
      const file = readReturnsFile(options.returns, '--returns');
      const exposureFile = options.exposureReturns
        ? readReturnsFile(options.exposureReturns, '--exposure-returns')
        : file;
      const fund = columnSeries(file, symbol, '--fund');
      const exposureReturns = new Map<string, ReturnSeries>();
      for (const id of Object.keys(entry[1].exposures)) {
        const s = exposureFile.seriesByColumn.get(id.toUpperCase());
        if (s) exposureReturns.set(id, s);
      }
      const cash = exposureFile.seriesByColumn.get(CASH_ID.toUpperCase());
      const hac = hacOption(options.hac);
      const result = checkReplication(
        {
          symbol,
          definition: entry[1],
          fundReturns: fund.series,
          exposureReturns,
          ...(cash ? { cashReturns: cash } : {}),
        },
        {
          periodsPerYear:
            numberOption('periods-per-year', options.periodsPerYear, (x) => x > 0) ??
            inferPeriodsPerYear(fund.series.map((p) => p.date)),
          cashExposureId: CASH_ID,
          thresholds: {
            minRSquared:
              numberOption('min-r2', options.minR2) ?? DEFAULT_REPLICATION_THRESHOLDS.minRSquared,
            maxBetaGap:
              numberOption('max-beta-gap', options.maxBetaGap) ??
              DEFAULT_REPLICATION_THRESHOLDS.maxBetaGap,
          },
          ...(hac === undefined ? {} : { hacLags: hac }),
        },
      );
      if (options.format === 'json') {
        const { regression, ...rest } = result;
        return io.out(
          JSON.stringify(
            { ...rest, standardErrors: regression.standardErrors, conventions: CHECK_CONVENTIONS },
            null,
            2,
          ),
        );
      }
      io.out(checkTable(result));
    });
}
