import type { Command } from 'commander';
import { loadHighs } from '../../core/solvers/highs.ts';
import { annualizeCovariance } from '../../domain/estimate/annualize-covariance.ts';
import { sampleCovariance } from '../../domain/estimate/sample-covariance.ts';
import { arithmeticMeanReturns } from '../../domain/estimate/mean-historical.ts';
import { BallastError } from '../../domain/errors.ts';
import type { LotMethod } from '../../domain/ledger/types.ts';
import { fundExposureTable } from '../../domain/optimize/fund-mapping/mapping.ts';
import { optimize } from '../../domain/optimize/optimize.ts';
import { planTwoStage } from '../../domain/optimize/fund-mapping/two-stage.ts';
import { firstPriceBySymbol } from '../../domain/trades/holdings-snapshot.ts';
import { loadFundUniverse } from '../../data/config/load-fund-universe.ts';
import { fmtPercent } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import { tradePlanJson, tradePlanTable } from '../format/trade-plan.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import type { Runtime } from '../context.ts';
import { numberOption } from '../estimate/methods.ts';
import { tableToMatrix } from '../estimate/panel.ts';
import { bundledUniversePanel } from '../estimate/universe-panel.ts';
import { loadPortfolio } from '../portfolio-input.ts';
import { DEMO_LEDGER } from './demo.ts';
import { meanVarianceObjective } from '../optimize/objectives.ts';
import { parseDateOption, parseLotMethod } from './options.ts';

interface PlanOptions {
  transactions?: string;
  funds?: string;
  objective: string;
  targetVolatility: string;
  maxLeverage: string;
  notionalCap: string;
  borrowSpread: string;
  minTrade?: string;
  fractional?: boolean;
  lotMethod: LotMethod;
  asOf?: string;
  format: Format;
}

const CASH = 'cash_rate';

/**
 * Registers `ballast plan`: the leverage-aware pipeline on a portfolio (default: the demo).
 * Stage 1 optimises economic exposures on the bundled monthly real returns (exposures the
 * available funds can reach; borrowing through `cash_rate` at its mean return + spread, gross
 * exposure ≤ max leverage, scaled along the capital allocation line to the target volatility).
 * Stage 2 chooses fund weights that track those exposures (risk-weighted distance under the
 * notional cap). Stage 3 sizes trades from current holdings (sells first, lot-aware).
 */
export function registerPlan(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('plan')
    .description(
      'Exposures → funds → trades: the two-stage leverage-aware pipeline (default: the demo portfolio)',
    )
    .option('--transactions <file>', 'ledger (default: the bundled demo ledger)')
    .option('--funds <file>', 'fund definitions YAML (default config/funds.yaml)')
    .option(
      '--objective <objective>',
      'stage-1 objective: max-sharpe | min-variance | max-diversification | utility',
      'max-sharpe',
    )
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
    .option('--lot-method <method>', 'lot relief for sells', parseLotMethod, 'fifo' as LotMethod)
    .option('--as-of <date>', 'trade date (default today)', (v) => parseDateOption('--as-of', v))
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: PlanOptions) => {
      const num = (name: string, v: string, ok: (x: number) => boolean): number =>
        numberOption(name, v, ok)!;
      const targetVol = num('target-volatility', options.targetVolatility, (x) => x > 0);
      const maxLeverage = num('max-leverage', options.maxLeverage, (x) => x >= 1);
      const notionalCap = num('notional-cap', options.notionalCap, (x) => x > 0);
      const spread = num('borrow-spread', options.borrowSpread, (x) => x >= 0);
      const portfolio = loadPortfolio({
        transactions: options.transactions ?? DEMO_LEDGER,
        lotMethod: options.lotMethod,
      });
      const universe = options.funds
        ? await loadFundUniverse(options.funds)
        : await loadFundUniverse();
      const funds = fundExposureTable(universe);
      const priced = portfolio.valuation.positions
        .map((p) => p.symbol)
        .filter((s) => funds[s] !== undefined);
      const { table, warnings } = bundledUniversePanel();
      const reachable = new Set(priced.flatMap((s) => Object.keys(funds[s]!)));
      const cols = table.ids
        .map((id, j) => ({ id, j }))
        .filter((c) => c.id !== CASH && reachable.has(c.id));
      if (cols.length === 0)
        throw new BallastError(
          'INVALID_INPUT',
          'no held fund reaches an exposure of the universe',
          { field: 'funds' },
        );
      const cashIndex = table.ids.indexOf(CASH);
      const mu = arithmeticMeanReturns(table, { periodsPerYear: 12 });
      const cov = annualizeCovariance(sampleCovariance(tableToMatrix(table)).covariance, 12);
      const n = table.ids.length;
      const sub = Float64Array.from(cols.flatMap((a) => cols.map((b) => cov.data[a.j * n + b.j]!)));
      const highs = await loadHighs();
      const stage1 = optimize(highs, {
        inputs: {
          assets: cols.map((c) => c.id),
          expectedReturnsAnnual: Float64Array.from(cols.map((c) => mu[c.j]!)),
          covarianceAnnual: { rows: cols.length, cols: cols.length, data: sub },
          riskFreeRateAnnual: cashIndex >= 0 ? mu[cashIndex]! : 0,
        },
        objective: meanVarianceObjective({ objective: options.objective }),
        constraints: {
          budget: { kind: 'cashLine', borrowSpreadAnnual: spread, maxBorrow: maxLeverage - 1 },
        },
        targetVolatilityAnnual: targetVol,
      });
      const targetExposures = { ...stage1.weights, [CASH]: stage1.cash };
      const minTrade = numberOption('min-trade', options.minTrade, (x) => x >= 0);
      const plan = planTwoStage(
        highs,
        {
          targetExposures,
          covariance: { ids: table.ids, matrix: cov },
          funds,
          holdings: {
            lots: portfolio.lots,
            cashCents: portfolio.cashCents,
            prices: firstPriceBySymbol(
              portfolio.valuation.positions.map(
                (p) => new Map([[p.symbol, { price: p.price, source: p.priceSource }]]),
              ),
            ),
          },
        },
        {
          mapping: {
            availableFunds: priced,
            borrowing: { maxFraction: maxLeverage - 1, costAnnual: spread },
            notionalCap,
          },
          trades: {
            tradeDate: options.asOf ?? runtime.clock.today(),
            lotMethod: options.lotMethod,
            ...(options.fractional ? { fractional: true } : {}),
            ...(minTrade === undefined ? {} : { minTradeDollars: minTrade }),
          },
        },
      );
      if (options.format === 'json') {
        return io.out(
          JSON.stringify(
            {
              stage1: {
                objective: stage1.objective,
                exposures: targetExposures,
                expectedReturnAnnual: stage1.expectedReturnAnnual,
                volatilityAnnual: stage1.volatilityAnnual,
                sharpe: stage1.sharpe,
                diagnostics: stage1.diagnostics,
              },
              mapping: plan.mapping,
              trades: tradePlanJson(plan.trades),
              warnings,
            },
            null,
            2,
          ),
        );
      }
      const m = plan.mapping;
      io.out(
        [
          `Stage 1 — target exposures (${stage1.objective}, bundled monthly real returns; volatility ${fmtPercent(stage1.volatilityAnnual)}, expected real return ${fmtPercent(stage1.expectedReturnAnnual)})`,
          renderTable(Object.keys(m.targetExposures), [
            { title: 'Exposure', value: (k) => k },
            {
              title: 'Target',
              value: (k) => fmtPercent(m.targetExposures[k] ?? 0),
              align: 'right',
            },
            {
              title: 'Achieved',
              value: (k) => fmtPercent(m.achievedExposures[k] ?? 0),
              align: 'right',
            },
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
          tradePlanTable(plan.trades),
        ].join('\n'),
      );
    });
}
