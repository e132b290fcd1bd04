/**
 * Use case `plan`: the leverage-aware pipeline on a portfolio (docs/conventions.md,
 * "Two-stage", "Leverage", "Trades"). Stage 1 optimises economic exposures on the exposure
 * moments (`plan-exposures.ts`: the bundled monthly real returns by default) among the exposures
 * the available funds can reach — borrowing through `cash_rate` at its mean return + spread,
 * gross exposure ≤ max leverage, scaled along the capital allocation line to the target
 * volatility. Stage 2 chooses fund weights that track those exposures (risk-weighted distance
 * under the notional cap) among the funds held and the candidates (funds not yet held, priced
 * from the prices file or the store). Stage 3 sizes the trades from current holdings (sells
 * first, lot-aware, with `rebalance`'s tax-aware options). Holdings are valued as every portfolio is (`portfolio-input.ts`: the prices
 * file, the latest stored close on or before the as-of date, the holdings file's prices, the
 * ledger's last trade). Without holdings or transactions the bundled demo ledger is the
 * portfolio.
 *
 * @example
 * ```ts
 * const doc = await plan({ holdings: { path: 'h.csv' }, prices: { path: 'p.csv' },
 *   candidates: ['VTI'], asOf: '2025-10-01' }, deps);
 * doc.trades.trades; // sells first, then buys
 * ```
 */

import * as z from 'zod';
import { BallastError, invalidInput } from '../domain/errors.ts';
import { fundExposureTable } from '../domain/optimize/fund-mapping/mapping.ts';
import type { FundMappingResult } from '../domain/optimize/fund-mapping/types.ts';
import { planTwoStage } from '../domain/optimize/fund-mapping/two-stage.ts';
import { optimize } from '../domain/optimize/optimize.ts';
import type { OptimizationResult } from '../domain/optimize/result.ts';
import { firstPriceBySymbol } from '../domain/trades/holdings-snapshot.ts';
import type { Warning } from '../domain/warnings.ts';
import { parseSymbolList } from '../data/ledger/symbol-list.ts';
import { DEMO_LEDGER } from './demo-ledger.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { domainObjective } from './optimize-objective.ts';
import { MEAN_VARIANCE_KINDS, momentsInputSchema, objectiveInputSchema } from './optimize-input.ts';
import { CASH_EXPOSURE, exposureMoments, type ExposureMoments } from './plan-exposures.ts';
import { loadFunds, loadPortfolio, portfolioInputShape } from './portfolio-input.ts';
import { pricingFields, type PricingDocument } from './portfolio-pricing.ts';
import { tradePlanDocument, type TradePlanDocument } from './rebalance.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { tradeTaxInputShape, tradeTaxOptions } from './trade-tax-input.ts';

export type { FundMappingResult } from '../domain/optimize/fund-mapping/types.ts';

/** Input of {@link plan}. */
export const planInputSchema = z.object({
  ...portfolioInputShape,
  /** Exposure moments; default the bundled sample (`universe`, source `sample`). */
  moments: momentsInputSchema.prefault({
    kind: 'estimate',
    panel: { kind: 'universe', source: 'sample' },
  }),
  /** Stage-1 objective, of the mean-variance family (default max Sharpe). */
  objective: objectiveInputSchema.prefault({ kind: 'max-sharpe' }),
  /** Scale the exposures along the CAL to this annual volatility (default 0.10). */
  targetVolatilityAnnual: z.number().positive().default(0.1),
  /** Gross economic exposure cap Σ|x| (default 2). */
  maxLeverage: z.number().min(1).default(2),
  /** Stage-2 notional cap Σ|w| over funds (default 1.5). */
  notionalCap: z.number().positive().default(1.5),
  /** Borrowing cost over the cash return, annual (default 0.01). */
  borrowSpreadAnnual: z.number().nonnegative().default(0.01),
  /** Funds not held that stage 2 may buy (priced from `prices`). */
  candidates: z.array(z.string().trim().min(1)).default([]),
  /** Or a file of them (a `symbol` column, or one symbol per line). */
  candidatesFile: textSourceSchema.optional(),
  /** Skip trades smaller than this many dollars. */
  minTrade: z.number().nonnegative().optional(),
  /** Allow fractional shares (default whole shares). */
  fractional: z.boolean().default(false),
  /** Stage 3's tax-aware options (docs/tax-aware-trades.md), as `rebalance` takes them. */
  ...tradeTaxInputShape,
});

/** What callers pass to {@link plan}. */
export type PlanInput = z.input<typeof planInputSchema>;
type ParsedInput = z.output<typeof planInputSchema>;

/** The `plan` document (the CLI's `--format json`). */
export interface PlanDocument {
  readonly stage1: {
    /** The domain's objective kind (`maxSharpe`). */
    readonly objective: string;
    /** Target exposures x* by exposure id, `cash_rate` = the cash line (negative = borrowing). */
    readonly exposures: Readonly<Record<string, number>>;
    readonly expectedReturnAnnual: number;
    readonly volatilityAnnual: number;
    readonly sharpe: number;
    readonly diagnostics: OptimizationResult['diagnostics'];
  };
  readonly mapping: FundMappingResult;
  readonly trades: TradePlanDocument;
  /** Where the exposure returns came from and their frequency. */
  readonly returns: ExposureMoments['returns'];
  /** The stored closes that valued holdings (absent when none did). */
  readonly pricing?: PricingDocument;
  readonly warnings: readonly Warning[];
}

function candidatesOf(input: ParsedInput): string[] {
  const listed = input.candidates.map((s) => s.toUpperCase());
  if (input.candidatesFile === undefined) return listed;
  const { text, name } = readSource(input.candidatesFile, 'candidatesFile');
  return [...new Set([...listed, ...parseSymbolList(text, name)])];
}

/** Stage 1: target exposures among the `reachable` ones (module comment). */
function stage1(
  highs: Parameters<typeof optimize>[0],
  input: ParsedInput,
  on: { readonly moments: ExposureMoments; readonly reachable: ReadonlySet<string> },
): OptimizationResult {
  const { moments: m, reachable } = on;
  const cols = m.ids
    .map((id, j) => ({ id, j }))
    .filter((c) => c.id !== CASH_EXPOSURE && reachable.has(c.id));
  if (cols.length === 0)
    throw invalidInput(
      'funds',
      null,
      'no held or candidate fund reaches an exposure of the universe',
    );
  const n = m.ids.length;
  const cov = m.covarianceAnnual.data;
  const sub = Float64Array.from(cols.flatMap((a) => cols.map((b) => cov[a.j * n + b.j]!)));
  const inputs = {
    assets: cols.map((c) => c.id),
    expectedReturnsAnnual: Float64Array.from(cols.map((c) => m.muAnnual[c.j]!)),
    covarianceAnnual: { rows: cols.length, cols: cols.length, data: sub },
    riskFreeRateAnnual: m.cashRateAnnual,
  };
  if (!(MEAN_VARIANCE_KINDS as readonly string[]).includes(input.objective.kind))
    throw invalidInput(
      'objective.kind',
      input.objective.kind,
      `stage 1 takes a mean-variance objective (${MEAN_VARIANCE_KINDS.join(', ')})`,
    );
  const objective = domainObjective(input.objective, { inputs, warnings: [] });
  return optimize(highs, {
    inputs,
    objective,
    constraints: {
      budget: {
        kind: 'cashLine',
        borrowSpreadAnnual: input.borrowSpreadAnnual,
        maxBorrow: input.maxLeverage - 1,
      },
    },
    targetVolatilityAnnual: input.targetVolatilityAnnual,
  });
}

/** Exposures → funds → trades for a portfolio (see the module comment). */
export async function plan(raw: PlanInput, deps: AppDeps): Promise<PlanDocument> {
  const input = parseInput(planInputSchema, raw);
  const listed = candidatesOf(input);
  const portfolio = await loadPortfolio(
    input.holdings === undefined &&
      input.transactions === undefined &&
      input.portfolio === undefined
      ? { ...input, transactions: { path: DEMO_LEDGER } }
      : input,
    deps,
    { alsoQuote: listed },
  );
  const funds = fundExposureTable(await loadFunds(input.funds, deps));
  const held = portfolio.valuation.positions
    .map((p) => p.symbol)
    .filter((s) => funds[s] !== undefined);
  const candidates = listed.filter((s) => !held.includes(s));
  candidates.forEach((s, i) => {
    if (funds[s] === undefined)
      throw invalidInput(`candidates[${i}]`, s, 'not a fund of the fund definitions');
    if (!portfolio.quotes.has(s))
      throw new BallastError(
        'DATA_UNAVAILABLE',
        `candidates[${i}]: no price for ${s} (give it in the prices file, or store its closes)`,
        { field: `candidates[${i}]`, value: s },
      );
  });
  const available = [...held, ...candidates];
  const m = await exposureMoments(input.moments, deps);
  const highs = await deps.solver();
  const s1 = stage1(highs, input, {
    moments: m,
    reachable: new Set(available.flatMap((s) => Object.keys(funds[s]!))),
  });
  const targetExposures = { ...s1.weights, [CASH_EXPOSURE]: s1.cash };
  const prices = firstPriceBySymbol([
    ...portfolio.valuation.positions.map(
      (p) => new Map([[p.symbol, { price: p.price, source: p.priceSource }]]),
    ),
    new Map(candidates.map((s) => [s, portfolio.quotes.get(s)!])),
  ]);
  const result = planTwoStage(
    highs,
    {
      targetExposures,
      covariance: { ids: m.ids, matrix: m.covarianceAnnual },
      funds,
      holdings: { lots: portfolio.lots, cashCents: portfolio.cashCents, prices },
    },
    {
      mapping: {
        availableFunds: available,
        borrowing: { maxFraction: input.maxLeverage - 1, costAnnual: input.borrowSpreadAnnual },
        notionalCap: input.notionalCap,
      },
      trades: {
        ...(await tradeTaxOptions(input, portfolio, deps)),
        tradeDate: input.asOf ?? deps.clock.today(),
        lotMethod: input.lotMethod,
        ...(input.fractional ? { fractional: true } : {}),
        ...(input.minTrade === undefined ? {} : { minTradeDollars: input.minTrade }),
      },
    },
  );
  const valuation = pricingFields(portfolio.pricing);
  return {
    stage1: {
      objective: s1.objective,
      exposures: targetExposures,
      expectedReturnAnnual: s1.expectedReturnAnnual,
      volatilityAnnual: s1.volatilityAnnual,
      sharpe: s1.sharpe,
      diagnostics: s1.diagnostics,
    },
    mapping: result.mapping,
    trades: tradePlanDocument(result.trades),
    returns: m.returns,
    ...(valuation.pricing === undefined ? {} : { pricing: valuation.pricing }),
    warnings: [...m.warnings, ...s1.warnings, ...(valuation.warnings ?? [])],
  };
}
