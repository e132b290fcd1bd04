/**
 * The ledger flags every `ballast tax` subcommand takes (docs/conventions.md "Wash sales"):
 * `--transactions` or `--portfolio`, `--accounts`, `--equivalents`, `--lot-method`, `--as-of`,
 * `--partial-lot`, `--no-wash-sales`, and their use-case input.
 */

import type { Command } from 'commander';
import type { TaxGainsInput } from '../../app/tax-gains.ts';
import type { FlagNames } from '../flag-errors.ts';
import { choiceFlag, parseDateOption, parseLotMethod } from './options.ts';

/** The ledger flags every `tax` subcommand takes. */
export interface TaxLedgerFlags {
  transactions?: string;
  portfolio?: string;
  accounts?: string;
  equivalents?: string;
  asOf?: string;
  lotMethod: string;
  partialLot?: string;
  washSales: boolean;
}

/** Flag names of the tax ledger fields, for error messages. */
export const TAX_LEDGER_FLAGS: FlagNames = {
  transactions: '--transactions',
  portfolio: '--portfolio',
  accounts: '--accounts',
  equivalents: '--equivalents',
  lotMethod: '--lot-method',
  asOf: '--as-of',
  partialLot: '--partial-lot',
};

/** Adds the wash-sale flags (`--accounts`, `--equivalents`, `--partial-lot`, `--no-wash-sales`). */
export function withWashOptions(command: Command): Command {
  return command
    .option('--accounts <file>', 'accounts CSV account,type (taxable | traditional_ira | roth_ira)')
    .option('--equivalents <file>', 'substantially identical securities: CSV symbol,group')
    .option(
      '--partial-lot <rule>',
      'the unsold rest of a lot bought within 30 days: replacement (default) | not-replacement',
    )
    .option('--no-wash-sales', 'do not apply the wash-sale rule');
}

/** Adds the ledger flags of {@link TaxLedgerFlags} to a `tax` subcommand. */
export function withTaxLedgerOptions(command: Command): Command {
  return withWashOptions(
    command
      .option('--transactions <file>', 'transactions CSV (see README "Transactions file")')
      .option('--portfolio <name>', 'a stored portfolio (its ledger and accounts)'),
  )
    .option('--as-of <date>', 'ignore transactions after this date (YYYY-MM-DD)', (v) =>
      parseDateOption('--as-of', v),
    )
    .option(
      '--lot-method <method>',
      'fifo | lifo | hifo | average | specific',
      parseLotMethod,
      'fifo',
    );
}

/** The use-case input of the wash-sale flags ({@link withWashOptions}). */
export function washInput(
  flags: Pick<TaxLedgerFlags, 'accounts' | 'equivalents' | 'partialLot' | 'washSales'>,
): Pick<TaxGainsInput, 'accounts' | 'equivalents' | 'partialLot' | 'washSales'> {
  const partialLot =
    flags.partialLot === undefined
      ? undefined
      : choiceFlag('--partial-lot', flags.partialLot, ['replacement', 'not-replacement'] as const);
  return {
    ...(flags.accounts === undefined ? {} : { accounts: { path: flags.accounts } }),
    ...(flags.equivalents === undefined ? {} : { equivalents: { path: flags.equivalents } }),
    ...(partialLot === undefined ? {} : { partialLot }),
    washSales: flags.washSales,
  };
}

/** The use-case input of the shared tax ledger flags. */
export function taxLedgerInput(flags: TaxLedgerFlags): Omit<TaxGainsInput, 'year' | 'rates'> {
  return {
    ...(flags.transactions === undefined ? {} : { transactions: { path: flags.transactions } }),
    ...(flags.portfolio === undefined ? {} : { portfolio: flags.portfolio }),
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    ...washInput(flags),
    lotMethod: flags.lotMethod,
  };
}
