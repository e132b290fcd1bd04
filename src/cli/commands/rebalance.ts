import type { Command } from 'commander';
import { BallastError } from '../../app/errors.ts';
import { rebalance, REBALANCE_OBJECTIVES, type RebalanceInput } from '../../app/rebalance.ts';
import type { LotMethod } from '../../app/schemas.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames, PORTFOLIO_FLAGS } from '../flag-errors.ts';
import { renderDocument } from '../format/output.ts';
import { tradePlanCsv, tradePlanTable } from '../format/trade-plan.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import {
  choiceFlag,
  numberFlag,
  parseDateOption,
  parseLotMethod,
  requireOneOf,
} from './options.ts';
import {
  TRADE_TAX_FLAGS,
  tradeTaxInput,
  withTradeTaxOptions,
  type TradeTaxFlags,
} from './trade-tax-flags.ts';

interface RebalanceOptions extends TradeTaxFlags {
  transactions?: string;
  portfolio?: string;
  holdings?: string;
  prices?: string;
  targets?: string;
  optimize?: string;
  returns?: string;
  minTrade?: string;
  fractional?: boolean;
  costBps?: string;
  costPerTrade?: string;
  lotMethod: LotMethod;
  asOf?: string;
  format: Format;
}

const REBALANCE_FLAGS = {
  ...PORTFOLIO_FLAGS,
  targets: '--targets',
  'optimize.returns': '--returns',
  // errors of the optimisation behind --optimize name its own fields
  file: '--returns',
  'moments.panel': '--returns',
  optimize: '--optimize',
  minTrade: '--min-trade',
  costBps: '--cost-bps',
  costPerTrade: '--cost-per-trade',
  ...TRADE_TAX_FLAGS,
};

/** The use-case input of the flags. */
function rebalanceInput(options: RebalanceOptions): RebalanceInput {
  const flags = options as unknown as Record<string, unknown>;
  requireOneOf(flags, ['transactions', 'holdings', 'portfolio']);
  requireOneOf(flags, ['targets', 'optimize']);
  const file = (path: string | undefined) => (path === undefined ? undefined : { path });
  const number = (flag: string, value: string | undefined) =>
    numberFlag(flag, value, (x) => x >= 0);
  const minTrade = number('--min-trade', options.minTrade);
  const costBps = number('--cost-bps', options.costBps);
  const costPerTrade = number('--cost-per-trade', options.costPerTrade);
  const targetsFile = file(options.targets);
  let optimize: RebalanceInput['optimize'];
  if (options.optimize !== undefined && targetsFile === undefined) {
    const returns = options.returns;
    if (returns === undefined)
      throw new BallastError(
        'INVALID_INPUT',
        '--optimize needs --returns FILE (the panel of the symbols to hold)',
        { field: 'returns' },
      );
    optimize = {
      objective: choiceFlag('--optimize', options.optimize, REBALANCE_OBJECTIVES),
      returns: { path: returns },
    };
  }
  return {
    ...(options.holdings ? { holdings: { path: options.holdings } } : {}),
    ...(options.transactions ? { transactions: { path: options.transactions } } : {}),
    ...(options.portfolio === undefined ? {} : { portfolio: options.portfolio }),
    ...(options.prices ? { prices: { path: options.prices } } : {}),
    ...(targetsFile ? { targets: targetsFile } : {}),
    ...(optimize ? { optimize } : {}),
    lotMethod: options.lotMethod,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.fractional ? { fractional: true } : {}),
    ...(minTrade === undefined ? {} : { minTrade }),
    ...(costBps === undefined ? {} : { costBps }),
    ...(costPerTrade === undefined ? {} : { costPerTrade }),
    ...tradeTaxInput(options),
  };
}

/** Registers `ballast rebalance`. */
export function registerRebalance(program: Command, io: Io, runtime: Runtime): void {
  withTradeTaxOptions(
    program
      .command('rebalance')
      .description(
        'Trade list from current holdings to target weights: cash-, lot- and tax-aware, sells first',
      )
      .option('--transactions <file>', 'the ledger (transactions CSV)')
      .option('--portfolio <name>', 'or the ledger of this stored portfolio')
      .option('--holdings <file>', 'or a holdings snapshot CSV')
      .option(
        '--prices <file>',
        'prices CSV symbol,price[,date][,source] (first choice for valuation, then the latest stored close on or before --as-of, the holdings file, the last trade; also prices targets not held)',
      )
      .option('--targets <file>', 'targets CSV symbol,weight (a CASH row is the cash line)')
      .option(
        '--optimize <objective>',
        `or: targets from an optimisation on --returns (long-only, fully invested): ${REBALANCE_OBJECTIVES.join(' | ')}`,
      )
      .option('--returns <file>', 'with --optimize: returns CSV of the symbols')
      .option('--min-trade <dollars>', 'skip trades smaller than this (default 0)')
      .option('--fractional', 'allow fractional shares')
      .option('--cost-bps <bps>', 'proportional cost per trade in basis points (default 0)')
      .option('--cost-per-trade <dollars>', 'fixed cost per trade (default 0)')
      .option(
        '--lot-method <method>',
        'lot relief for sells: fifo | lifo | hifo | average | specific',
        parseLotMethod,
        'fifo' as LotMethod,
      ),
  )
    .option(
      '--as-of <date>',
      'trade date, and stored closes on or before it (default today)',
      (v) => parseDateOption('--as-of', v),
    )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per trade)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: RebalanceOptions, command: Command) => {
      const input = rebalanceInput(options);
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(REBALANCE_FLAGS, () => rebalance(input, deps)),
      );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => tradePlanTable(doc),
          csv: () => tradePlanCsv(doc),
        }),
      );
    });
}
