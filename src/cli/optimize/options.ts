import type { Command } from 'commander';
import { COVARIANCE_METHODS, MEAN_METHODS } from '../estimate/methods';

/**
 * The flags `optimize` and `frontier` share: the returns panel, its frequency, the estimators
 * and the weight constraints.
 */
export function withPanelAndConstraintOptions(command: Command): Command {
  return command
    .requiredOption('--returns <file>', 'returns CSV date,A,B,... (or prices with --prices)')
    .option('--prices', 'the file holds prices; returns are P_t/P_{t-1} − 1')
    .option('--periods-per-year <n>', 'periods per year (default: inferred from the dates)')
    .option('--rf <annual>', 'risk-free rate, annual decimal (default 0)')
    .option('--min-weight <x>', 'lower bound per asset (negative allows shorts)')
    .option('--max-weight <x>', 'upper bound per asset')
    .option('--long-short', 'allow shorts (bounds −1..1 unless given)')
    .option('--gross-leverage <g>', 'with --long-short: Σ|w| ≤ g')
    .option('--borrow-spread <annual>', 'open a cash line: borrowing costs rf + spread')
    .option('--mean <method>', MEAN_METHODS.join(' | '), 'historical')
    .option(
      '--covariance <method>',
      COVARIANCE_METHODS.filter((m) => m !== 'garch').join(' | '),
      'sample',
    )
    .option('--lambda <x>', 'EWMA λ');
}
