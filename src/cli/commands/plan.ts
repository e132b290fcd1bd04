import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import { UNIVERSE_SOURCES } from '../../app/exposure-returns.ts';
import { plan, type PlanDocument, type PlanInput } from '../../app/plan.ts';
import type { LotMethod } from '../../app/schemas.ts';
import { withDeps, type Runtime } from '../context.ts';
import { PORTFOLIO_FLAGS, withFlagNames } from '../flag-errors.ts';
import { fmtPercent } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { renderTable } from '../format/table.ts';
import { tradePlanCsv, tradePlanTable } from '../format/trade-plan.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { estimationSpecOf, numberOption, withModelOptions } from '../estimate/methods.ts';
import {
  MOMENTS_FLAGS,
  refuseEstimationFlags,
  type MomentsFlags,
} from '../optimize/moments-flags.ts';
import { objectiveInput } from '../optimize/objective-flags.ts';
import { fundsField } from './funds-flags.ts';
import { runLocation } from './location.ts';
import { invalidInput } from '../../app/errors.ts';
import { choiceFlag, withPortfolioOptions, type PortfolioFlags } from './options.ts';
import {
  TRADE_TAX_FLAGS,
  tradeTaxInput,
  withTradeTaxOptions,
  type TradeTaxFlags,
} from './trade-tax-flags.ts';

interface PlanOptions extends PortfolioFlags, TradeTaxFlags, Omit<MomentsFlags, 'prices'> {
  readonly objective: string;
  readonly targetVolatility: string;
  readonly maxLeverage: string;
  readonly notionalCap: string;
  readonly borrowSpread: string;
  readonly minTrade?: string;
  readonly fractional?: boolean;
  readonly candidates?: string;
  readonly source: string;
  readonly lotMethod: LotMethod;
  readonly format: Format;
}

const PLAN_FLAGS = {
  ...PORTFOLIO_FLAGS,
  ...MOMENTS_FLAGS,
  'moments.panel.source': '--source',
  candidates: '--candidates',
  candidatesFile: '--candidates',
  objective: '--objective',
  targetVolatilityAnnual: '--target-volatility',
  maxLeverage: '--max-leverage',
  notionalCap: '--notional-cap',
  borrowSpreadAnnual: '--borrow-spread',
  minTrade: '--min-trade',
  ...TRADE_TAX_FLAGS,
};

/** `--candidates`: a file when it names one, else a comma-separated list of symbols. */
function candidatesOf(value: string | undefined): Partial<PlanInput> {
  if (value === undefined) return {};
  if (existsSync(value)) return { candidatesFile: { path: value } };
  return {
    candidates: value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** The use-case input of the flags (flag errors name the flags). */
function planInput(options: PlanOptions, command: Command): PlanInput {
  if (options.moments !== undefined) refuseEstimationFlags(command);
  const num = (name: string, v: string, ok: (x: number) => boolean): number =>
    numberOption(name, v, ok)!;
  const minTrade = numberOption('min-trade', options.minTrade, (x) => x >= 0);
  const source = choiceFlag('--source', options.source, UNIVERSE_SOURCES);
  const file = (path: string | undefined) => (path === undefined ? undefined : { path });
  const holdings = file(options.holdings);
  const transactions = file(options.transactions);
  const prices = file(options.prices);
  return {
    ...(holdings ? { holdings } : {}),
    ...(transactions ? { transactions } : {}),
    ...(options.portfolio === undefined ? {} : { portfolio: options.portfolio }),
    ...(prices ? { prices } : {}),
    ...fundsField(options),
    lotMethod: options.lotMethod,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    moments:
      options.moments === undefined
        ? {
            kind: 'estimate',
            panel: { kind: 'universe', source },
            spec: estimationSpecOf(options),
          }
        : { kind: 'file', moments: { path: options.moments } },
    objective: objectiveInput(options),
    targetVolatilityAnnual: num('target-volatility', options.targetVolatility, (x) => x > 0),
    maxLeverage: num('max-leverage', options.maxLeverage, (x) => x >= 1),
    notionalCap: num('notional-cap', options.notionalCap, (x) => x > 0),
    borrowSpreadAnnual: num('borrow-spread', options.borrowSpread, (x) => x >= 0),
    ...candidatesOf(options.candidates),
    ...(minTrade === undefined ? {} : { minTrade }),
    ...(options.fractional ? { fractional: true } : {}),
    ...tradeTaxInput(options),
  };
}

const SOURCE_LABEL: Readonly<Record<string, string>> = {
  sample: 'bundled monthly real returns',
  store: 'stored monthly total returns',
  moments: 'moments file',
};

/** The plan for people: target exposures, fund weights, trades, warnings. */
function planTable(doc: PlanDocument): string {
  const m = doc.mapping;
  const s1 = doc.stage1;
  const label = SOURCE_LABEL[doc.returns.source] ?? `${doc.returns.source} returns`;
  return [
    `Stage 1 — target exposures (${s1.objective}, ${label}; volatility ${fmtPercent(s1.volatilityAnnual)}, expected real return ${fmtPercent(s1.expectedReturnAnnual)})`,
    renderTable(Object.keys(m.targetExposures), [
      { title: 'Exposure', value: (k) => k },
      { title: 'Target', value: (k) => fmtPercent(m.targetExposures[k] ?? 0), align: 'right' },
      { title: 'Achieved', value: (k) => fmtPercent(m.achievedExposures[k] ?? 0), align: 'right' },
    ]),
    '',
    `Stage 2 — funds (tracking error ${fmtPercent(m.trackingErrorAnnual)}, notional ${fmtPercent(m.totalNotional)}, gross economic ${fmtPercent(m.grossEconomicExposure)}, cash ${fmtPercent(m.cashWeight)})`,
    renderTable(
      Object.entries(m.weightsByFund).filter(([, w]) => Math.abs(w) > 1e-9),
      [
        { title: 'Fund', value: ([f]) => f },
        { title: 'Weight', value: ([, w]) => fmtPercent(w), align: 'right' },
      ],
    ),
    '',
    'Stage 3 — trades',
    tradePlanTable(doc.trades),
    ...warningLines(doc.warnings),
  ].join('\n');
}

/** Whether `--accounts` names an asset-location file (YAML) rather than the accounts CSV. */
function isLocationFile(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** `--accounts` plans from its file alone: a portfolio or candidates beside it would be ignored. */
function refusePortfolioFlags(options: PlanOptions): void {
  const given = (
    [
      ['--holdings', options.holdings],
      ['--transactions', options.transactions],
      ['--portfolio', options.portfolio],
      ['--prices', options.prices],
      ['--candidates', options.candidates],
      ['--moments', options.moments],
    ] as const
  ).find(([, v]) => v !== undefined);
  if (given !== undefined)
    throw invalidInput(
      given[0],
      given[1],
      'not used with --accounts (asset location reads its accounts file)',
    );
}

/**
 * Registers `ballast plan`: the leverage-aware pipeline on a portfolio (default: the demo) —
 * exposures → funds (held, plus `--candidates`) → trades.
 */
export function registerPlan(program: Command, io: Io, runtime: Runtime): void {
  withModelOptions(
    withTradeTaxOptions(
      withPortfolioOptions(
        program
          .command('plan')
          .description(
            'Exposures → funds → trades: the two-stage leverage-aware pipeline (default: the demo portfolio)',
          ),
      ),
    ),
    { ownRiskAversion: true },
  )
    .option(
      '--source <source>',
      'exposure returns: sample (the bundled monthly real returns, default) | store | auto (the store when it holds them, else the sample)',
      'sample',
    )
    .option(
      '--moments <file>',
      'or: exposure moments written by `ballast estimate universe --format json`',
    )
    .option(
      '--candidates <list|file>',
      'funds not held that stage 2 may buy, SYM,SYM or a file (symbol column or one per line); priced from --prices',
    )
    .option(
      '--objective <objective>',
      'stage-1 objective: max-sharpe | min-variance | max-diversification | utility | …',
      'max-sharpe',
    )
    .option('--risk-aversion <gamma>', 'utility γ (default 1); with --mean black-litterman also δ')
    .option(
      '--target-volatility <annual>',
      'scale exposures along the CAL to this volatility',
      '0.10',
    )
    .option('--max-leverage <g>', 'gross economic exposure cap Σ|x| (decimal)', '2')
    .option('--notional-cap <c>', 'stage-2 notional cap Σ|w| over funds', '1.5')
    .option('--borrow-spread <annual>', 'borrowing cost over the cash return', '0.01')
    .option('--min-trade <dollars>', 'skip trades smaller than this')
    .option('--fractional', 'allow fractional shares')
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per trade)',
      parseFormat,
      'table' as Format,
    )
    .addHelpText(
      'after',
      '\nWith --accounts FILE.yaml (or .yml) plan runs asset location instead: one target allocation placed\nacross taxable, traditional and Roth accounts, as `ballast location --accounts FILE` (docs/asset-location.md).\nA CSV --accounts (account,type) keeps its meaning: account types for the tax-aware trades.',
    )
    .action(async (options: PlanOptions, command: Command) => {
      if (options.accounts !== undefined && isLocationFile(options.accounts)) {
        refusePortfolioFlags(options);
        await runLocation({ ...options, accounts: options.accounts }, { command, runtime, io });
        return;
      }
      const input = planInput(options, command);
      const doc = await withDeps(command, runtime, (deps) =>
        withFlagNames(PLAN_FLAGS, () => plan(input, deps)),
      );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => planTable(doc),
          csv: () => tradePlanCsv(doc.trades),
        }),
      );
    });
}
