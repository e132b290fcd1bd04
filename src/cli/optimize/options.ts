import type { Command } from 'commander';
import { FUNDS_STORED_HELP } from '../commands/funds-flags.ts';
import { withModelOptions } from '../estimate/methods.ts';
import { collect } from './constraint-flags.ts';

/**
 * The data flags of `optimize`, `frontier` and `plan`: a returns file (`--returns`, prices with
 * `--prices`) estimated with the model flags of `estimate` (`--covariance`, `--mean`, …), or a
 * moments file (`--moments`); the risk-free column and `--periods-per-year`.
 */
export function withMomentsOptions(
  command: Command,
  spec: { readonly ownRiskAversion?: boolean } = {},
): Command {
  return withModelOptions(
    command
      .option('--returns <file>', 'returns CSV date,A,B,... (or prices with --prices)')
      .option('--prices', 'the --returns file holds prices; returns are P_t/P_{t-1} − 1')
      .option(
        '--moments <file>',
        'or: a moments file written by `ballast estimate --format json` (annual μ and Σ)',
      )
      .option(
        '--risk-free-column <column>',
        'the column (or moments asset) that is the risk-free asset: it leaves the risky assets and its mean return is the risk-free rate (a zero-variance column is refused otherwise)',
      )
      .option('--periods-per-year <n>', 'periods per year (default: inferred from the dates)'),
    spec,
  );
}

/**
 * The constraint flags `optimize` and `frontier` share: weights, long-short, the cash line,
 * groups, economic exposures, turnover and costs, the tracking-error limit.
 */
export function withConstraintOptions(command: Command): Command {
  return command
    .option('--min-weight <x>', 'lower bound per asset (negative allows shorts)')
    .option('--max-weight <x>', 'upper bound per asset')
    .option('--long-short', 'allow shorts (bounds −1..1 unless given)')
    .option('--gross-leverage <g>', 'with --long-short: Σ|w| ≤ g')
    .option('--borrow-spread <annual>', 'open a cash line: borrowing costs rf + spread')
    .option(
      '--funds <file>',
      'fund definitions YAML mapping columns to economic exposures (default config/funds.yaml)',
    )
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .option('--exposure-bounds <list>', 'limits on x = Eᵀw: id=min:max,... (a side may be empty)')
    .option('--category-bounds <list>', 'limits on exposure categories: equity_beta=0.4:0.8,...')
    .option('--max-gross-exposure <g>', 'gross economic leverage cap Σ_k |x_k| ≤ g')
    .option('--group <spec>', 'group limit name=A+B+C:min:max (repeatable)', collect)
    .option('--groups <file>', 'group limits CSV: group,asset,min,max (one member per row)')
    .option('--current-weights <list>', 'current weights A=0.5,B=0.5 (unlisted assets: 0)')
    .option('--current <file>', 'current weights CSV: asset,weight')
    .option('--max-turnover <t>', 'Σ|w − w_current| ≤ t')
    .option('--cost-bps <n>', 'proportional trading cost, basis points of the amount traded')
    .option(
      '--fixed-cost <f>',
      'fixed cost per traded asset in weight units ($ per trade / portfolio value)',
    )
    .option('--benchmark-weights <list>', 'benchmark weights A=0.5,B=0.5 (unlisted assets: 0)')
    .option('--tracking-error-limit <te>', 'annual tracking error vs --benchmark-weights ≤ te');
}
