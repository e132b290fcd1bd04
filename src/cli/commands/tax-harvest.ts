/**
 * `ballast tax harvest`: the `taxHarvest` use case from flags — a transactions file or a stored
 * portfolio, prices, accounts, equivalents, fund definitions, rates, threshold and tolerance.
 */

import type { Command } from 'commander';
import { invalidInput } from '../../app/errors.ts';
import {
  DEFAULT_HARVEST_LONG_RATE,
  DEFAULT_HARVEST_SHORT_RATE,
  DEFAULT_HARVEST_TOLERANCE,
  taxHarvest,
} from '../../app/tax-harvest.ts';
import { withDeps, type Runtime } from '../context.ts';
import { PORTFOLIO_FLAGS, withFlagNames } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { taxHarvestCsv, taxHarvestTable } from '../format/tax-harvest.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { fundsField, FUNDS_STORED_HELP } from './funds-flags.ts';
import { numberFlag, parseDateOption, parseLotMethod, requireOneOf } from './options.ts';

interface HarvestOptions {
  transactions?: string;
  portfolio?: string;
  prices?: string;
  accounts?: string;
  equivalents?: string;
  funds?: string;
  fundsStored?: string;
  asOf?: string;
  lotMethod: string;
  threshold?: string;
  shortRate?: string;
  longRate?: string;
  tolerance?: string;
  format: Format;
}

const FLAGS = {
  ...PORTFOLIO_FLAGS,
  accounts: '--accounts',
  equivalents: '--equivalents',
  threshold: '--threshold',
  shortRate: '--short-rate',
  longRate: '--long-rate',
  tolerance: '--tolerance',
};

/** The use-case input of the flags (files as paths; numbers checked by the use case). */
function harvestInput(options: HarvestOptions): Record<string, unknown> {
  requireOneOf(options as unknown as Record<string, unknown>, ['transactions', 'portfolio']);
  if (options.transactions !== undefined && options.portfolio !== undefined)
    throw invalidInput(
      '--portfolio',
      options.portfolio,
      'give --transactions or --portfolio, not both',
    );
  const file = (key: 'transactions' | 'prices' | 'accounts' | 'equivalents') =>
    options[key] === undefined ? {} : { [key]: { path: options[key] } };
  const number = (key: 'threshold' | 'shortRate' | 'longRate' | 'tolerance') => {
    const x = numberFlag(FLAGS[key], options[key]);
    return x === undefined ? {} : { [key]: x };
  };
  return {
    ...file('transactions'),
    ...(options.portfolio === undefined ? {} : { portfolio: options.portfolio }),
    ...file('prices'),
    ...file('accounts'),
    ...file('equivalents'),
    ...fundsField(options),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    lotMethod: options.lotMethod,
    ...number('threshold'),
    ...number('shortRate'),
    ...number('longRate'),
    ...number('tolerance'),
  };
}

/** Registers `tax harvest` on the `tax` command. */
export function registerTaxHarvest(tax: Command, io: Io, runtime: Runtime): void {
  tax
    .command('harvest')
    .description(
      'Tax-loss harvesting: lots of taxable accounts at a loss, their estimated saving, the purchases that would wash them, and substitutes within an exposure tolerance',
    )
    .option('--transactions <file>', 'transactions CSV (the ledger)')
    .option(
      '--portfolio <name>',
      'the ledger and accounts of this stored portfolio, instead of --transactions',
    )
    .option(
      '--prices <file>',
      'prices CSV (symbol,price[,date][,source]); then the latest stored close on or before --as-of, then the last trade',
    )
    .option(
      '--accounts <file>',
      "accounts CSV (account,type: taxable | traditional_ira | roth_ira); default the stored portfolio's; unlisted accounts are taxable",
    )
    .option(
      '--equivalents <file>',
      'equivalents CSV (symbol,group): symbols of one group are substantially identical (default: each symbol its own group)',
    )
    .option(
      '--funds <file>',
      'fund definitions YAML for substitutes (default: the shipped config/funds.yaml)',
    )
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .option(
      '--as-of <date>',
      'the sale date considered; later ledger rows are ignored (default: today)',
      (v) => parseDateOption('--as-of', v),
    )
    .option(
      '--lot-method <method>',
      'fifo | lifo | hifo | average | specific',
      parseLotMethod,
      'fifo',
    )
    .option('--threshold <dollars>', 'smallest loss per lot to list (default 0: every loss)')
    .option(
      '--short-rate <rate>',
      `tax rate of a short-term loss, decimal (default ${DEFAULT_HARVEST_SHORT_RATE})`,
    )
    .option(
      '--long-rate <rate>',
      `tax rate of a long-term loss, decimal (default ${DEFAULT_HARVEST_LONG_RATE})`,
    )
    .option(
      '--tolerance <distance>',
      `largest L1 distance of per-$1 economic exposures for a substitute (default ${DEFAULT_HARVEST_TOLERANCE})`,
    )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per candidate lot)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: HarvestOptions, command: Command) => {
      const input = harvestInput(options);
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(FLAGS, () => taxHarvest(input, deps)),
      );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => taxHarvestTable(doc),
          csv: () => taxHarvestCsv(doc),
        }),
      );
    });
}
