import type { Command } from 'commander';
import { exposures, exposuresChart } from '../../app/exposures.ts';
import { withDeps, type Runtime } from '../context.ts';
import { chartFormatOf, writeExposureChart } from '../format/chart-file.ts';
import { exposureTable, exposuresCsv } from '../format/exposures.ts';
import { renderDocument } from '../format/output.ts';
import { withFlagNames, PORTFOLIO_FLAGS } from '../flag-errors.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { withCurrencyOptions, type CurrencyOptions } from './currency-flags.ts';
import { portfolioInput, withPortfolioOptions, type PortfolioFlags } from './options.ts';

const FLAGS = { ...PORTFOLIO_FLAGS, baseCurrency: '--base-currency', currencies: '--currencies' };

interface ExposuresOptions extends PortfolioFlags, CurrencyOptions {
  format: Format;
  chart?: string;
}

/** Registers `ballast exposures`. */
export function registerExposures(program: Command, io: Io, runtime: Runtime): void {
  withCurrencyOptions(
    withPortfolioOptions(
      program
        .command('exposures')
        .description(
          'What you really own: holdings decomposed into economic exposures through fund definitions',
        ),
    ),
  )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per exposure)',
      parseFormat,
      'table' as Format,
    )
    .option('--chart <file>', 'also write the exposure breakdown (treemap) as .svg or .png')
    .action(async (options: ExposuresOptions, command: Command) => {
      if (options.chart) chartFormatOf(options.chart);
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(FLAGS, () =>
          exposures(
            {
              ...portfolioInput(options),
              ...(options.baseCurrency === undefined ? {} : { baseCurrency: options.baseCurrency }),
              ...(options.currencies === undefined ? {} : { currencies: options.currencies }),
            },
            deps,
          ),
        ),
      );
      if (options.chart) await writeExposureChart(options.chart, await exposuresChart(doc), io);
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => exposureTable(doc),
          csv: () => exposuresCsv(doc),
        }),
      );
    });
}
