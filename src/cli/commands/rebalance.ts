import type { Command } from 'commander';
import { BallastError } from '../../domain/errors.ts';
import type { LotMethod } from '../../domain/ledger/types.ts';
import { optimizeAsync } from '../../domain/optimize/optimize.ts';
import { firstPriceBySymbol } from '../../domain/trades/holdings-snapshot.ts';
import { planTrades } from '../../domain/trades/plan-trades.ts';
import { targetsFromRows } from '../../domain/trades/targets.ts';
import type { TradeTargets } from '../../domain/trades/types.ts';
import { parseTargetsCsv } from '../../data/ledger/targets-csv.ts';
import { tradePlanJson, tradePlanTable } from '../format/trade-plan.ts';
import { parseFormat, readTextFile, type Format, type Io } from '../io.ts';
import type { Runtime } from '../context.ts';
import { numberOption } from '../estimate/methods.ts';
import { optimizationInputs, readPanel } from '../optimize/inputs.ts';
import { constraintsFrom, meanVarianceObjective } from '../optimize/objectives.ts';
import { OTHER_OBJECTIVES, otherObjective } from '../optimize/other-objectives.ts';
import { loadPortfolio } from '../portfolio-input.ts';
import { parseDateOption, parseLotMethod, requireOneOf } from './options.ts';

interface RebalanceOptions {
  transactions?: string;
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

/** Targets from `--targets FILE`, or from `--optimize OBJ --returns FILE` (weights of the solution). */
async function targetsFor(options: RebalanceOptions): Promise<TradeTargets> {
  if (options.targets)
    return targetsFromRows(
      parseTargetsCsv(readTextFile(options.targets, '--targets'), options.targets),
    );
  if (!options.returns)
    throw new BallastError(
      'INVALID_INPUT',
      '--optimize needs --returns FILE (the panel of the symbols to hold)',
      { field: 'returns' },
    );
  const table = readPanel({ returns: options.returns });
  const flags = {
    objective: options.optimize!,
    mean: 'historical',
    covariance: 'sample',
    returns: options.returns,
  };
  const { inputs } = optimizationInputs(table, flags);
  const result = await optimizeAsync({
    inputs,
    objective: (OTHER_OBJECTIVES as readonly string[]).includes(flags.objective)
      ? otherObjective(table, flags)
      : meanVarianceObjective(flags),
    constraints: constraintsFrom(flags),
  });
  return { weightsBySymbol: result.weights };
}

/** Registers `ballast rebalance`. */
export function registerRebalance(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('rebalance')
    .description(
      'Trade list from current holdings to target weights: cash-, lot- and tax-aware, sells first',
    )
    .option('--transactions <file>', 'the ledger (transactions CSV)')
    .option('--holdings <file>', 'or a holdings snapshot CSV')
    .option(
      '--prices <file>',
      'prices CSV symbol,price[,date][,source] (first choice for valuation)',
    )
    .option('--targets <file>', 'targets CSV symbol,weight (a CASH row is the cash line)')
    .option(
      '--optimize <objective>',
      'or: targets from ballast optimize on --returns (long-only, fully invested)',
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
    )
    .option('--as-of <date>', 'trade date (default today)', (v) => parseDateOption('--as-of', v))
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: RebalanceOptions) => {
      requireOneOf(options as unknown as Record<string, unknown>, ['transactions', 'holdings']);
      requireOneOf(options as unknown as Record<string, unknown>, ['targets', 'optimize']);
      const portfolio = loadPortfolio({ ...options, lotMethod: options.lotMethod });
      const prices = firstPriceBySymbol(
        portfolio.valuation.positions.map(
          (p) =>
            new Map([
              [
                p.symbol,
                {
                  price: p.price,
                  source: p.priceSource,
                  ...(p.priceDate ? { date: p.priceDate } : {}),
                },
              ],
            ]),
        ),
      );
      const minTrade = numberOption('min-trade', options.minTrade, (x) => x >= 0);
      const bps = numberOption('cost-bps', options.costBps, (x) => x >= 0);
      const fixed = numberOption('cost-per-trade', options.costPerTrade, (x) => x >= 0);
      const plan = planTrades(
        { lots: portfolio.lots, cashCents: portfolio.cashCents, prices },
        await targetsFor(options),
        {
          tradeDate: options.asOf ?? runtime.clock.today(),
          lotMethod: options.lotMethod,
          ...(options.fractional ? { fractional: true } : {}),
          ...(minTrade === undefined ? {} : { minTradeDollars: minTrade }),
          costs: {
            ...(bps === undefined ? {} : { proportionalBps: bps }),
            ...(fixed === undefined ? {} : { fixedPerTradeCents: Math.round(fixed * 100) }),
          },
        },
      );
      io.out(
        options.format === 'json'
          ? JSON.stringify(tradePlanJson(plan), null, 2)
          : tradePlanTable(plan),
      );
    });
}
