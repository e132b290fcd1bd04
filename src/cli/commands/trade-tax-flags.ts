/**
 * The tax-aware trade flags shared by `ballast rebalance` and `ballast plan`
 * (docs/tax-aware-trades.md): lot selection, gains budget, accounts and equivalents files,
 * wash-sale avoidance, tax rates, cash-flow-only mode and a deposit.
 */

import type { Command } from 'commander';
import { LOT_SELECTIONS, type TradeTaxInput } from '../../app/trade-tax-input.ts';
import type { FlagNames } from '../flag-errors.ts';
import { choiceFlag, numberFlag } from './options.ts';

/** The flags as commander parses them. */
export interface TradeTaxFlags {
  readonly lotSelection?: string;
  readonly gainsBudget?: string;
  readonly accounts?: string;
  readonly equivalents?: string;
  /** `--no-avoid-wash-sales` sets it false. */
  readonly avoidWashSales: boolean;
  readonly shortRate?: string;
  readonly longRate?: string;
  readonly cashFlowOnly?: boolean;
  readonly deposit?: string;
  readonly depositAccount?: string;
}

/** Input fields (the use case's and the planner's) → the flags. */
export const TRADE_TAX_FLAGS: FlagNames = {
  lotSelection: '--lot-selection',
  gainsBudget: '--gains-budget',
  gainsBudgetCents: '--gains-budget',
  accounts: '--accounts',
  equivalents: '--equivalents',
  shortRate: '--short-rate',
  'taxRates.short': '--short-rate',
  longRate: '--long-rate',
  'taxRates.long': '--long-rate',
  deposit: '--deposit',
  depositCents: '--deposit',
  depositAccount: '--deposit-account',
};

/** Adds the tax-aware trade flags to `command`. */
export function withTradeTaxOptions(command: Command): Command {
  return command
    .option(
      '--lot-selection <how>',
      `lots a sell closes: ${LOT_SELECTIONS.join(' | ')} (default method: the --lot-method order)`,
    )
    .option(
      '--gains-budget <dollars>',
      'cap on net realised gains in taxable accounts; sells of the highest-gain lots are cut',
    )
    .option('--accounts <file>', 'accounts CSV account,type (taxable | traditional_ira | roth_ira)')
    .option('--equivalents <file>', 'equivalents CSV symbol,group for the wash-sale checks')
    .option('--no-avoid-wash-sales', 'only flag trades that may wash a loss (default: avoid them)')
    .option('--short-rate <rate>', 'tax rate on short-term gains, a decimal (default 0.37)')
    .option('--long-rate <rate>', 'tax rate on long-term gains, a decimal (default 0.20)')
    .option('--cash-flow-only', 'no sells: cash and --deposit buy the underweight symbols')
    .option('--deposit <dollars>', 'new money added to cash before trading')
    .option('--deposit-account <name>', 'account the deposit goes to (when there are several)');
}

/** The use-case fields of the flags (flag errors name the flag). */
export function tradeTaxInput(flags: TradeTaxFlags): Partial<TradeTaxInput> {
  const money = (flag: string, v: string | undefined) => numberFlag(flag, v, (x) => x >= 0);
  const rate = (flag: string, v: string | undefined) =>
    numberFlag(flag, v, (x) => x >= 0 && x <= 1);
  const gainsBudget = money('--gains-budget', flags.gainsBudget);
  const shortRate = rate('--short-rate', flags.shortRate);
  const longRate = rate('--long-rate', flags.longRate);
  const deposit = money('--deposit', flags.deposit);
  return {
    ...(flags.lotSelection === undefined
      ? {}
      : { lotSelection: choiceFlag('--lot-selection', flags.lotSelection, LOT_SELECTIONS) }),
    ...(gainsBudget === undefined ? {} : { gainsBudget }),
    ...(flags.accounts === undefined ? {} : { accounts: { path: flags.accounts } }),
    ...(flags.equivalents === undefined ? {} : { equivalents: { path: flags.equivalents } }),
    avoidWashSales: flags.avoidWashSales,
    ...(shortRate === undefined ? {} : { shortRate }),
    ...(longRate === undefined ? {} : { longRate }),
    ...(flags.cashFlowOnly ? { cashFlowOnly: true } : {}),
    ...(deposit === undefined ? {} : { deposit }),
    ...(flags.depositAccount === undefined ? {} : { depositAccount: flags.depositAccount }),
  };
}
