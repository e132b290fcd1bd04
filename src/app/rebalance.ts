/**
 * Use case `rebalance`: the trade list from current holdings to target weights — weights of
 * total value including cash, sized in whole shares unless fractional, sells before buys,
 * lot-aware estimated gains by term, costs, residual cash and drift (docs/conventions.md,
 * "Trades"). Targets come from a targets file (`symbol,weight`, a `CASH` row is the cash line),
 * from weights given directly, or from an optimisation on a returns file.
 *
 * Prices: every held and every target symbol at the first quote found in the prices file, the
 * latest stored close on or before the as-of date (default today), the holdings file's prices,
 * the ledger's last trade price — a target the portfolio does not hold is bought at its quote.
 * A symbol with no quote is DATA_UNAVAILABLE naming it. When a stored close is used the
 * document carries `pricing` and, for closes more than a week of sessions old, a `STALE_PRICE`
 * warning.
 *
 * Tax-aware options (docs/tax-aware-trades.md, `trade-tax-input.ts`): the lot selection of sells,
 * a realised-gains budget, wash-sale checks against the ledger (with equivalence groups), the
 * estimated tax at given rates, and a cash-flow-only mode that spends cash and a deposit on the
 * underweight symbols without selling.
 *
 * @example
 * ```ts
 * const doc = await rebalance(
 *   { transactions: { path: 'ledger.csv' }, prices: { path: 'p.csv' }, weights: { VTI: 0.6, BND: 0.4 } },
 *   deps,
 * );
 * doc.trades; // sells first, then buys
 * ```
 */

import * as z from 'zod';
import { invalidInput } from '../domain/errors.ts';
import { centsToDollars } from '../domain/ledger/money.ts';
import { planTrades } from '../domain/trades/plan-trades.ts';
import { targetsFromRows } from '../domain/trades/targets.ts';
import type { TradePlan, TradeTargets } from '../domain/trades/types.ts';
import type { Warning } from '../domain/warnings.ts';
import { parseTargetsCsv } from '../data/ledger/targets-csv.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { portfolioInputShape, pricePortfolio, readPortfolioSources } from './portfolio-input.ts';
import { pricingFields, type PricingDocument } from './portfolio-pricing.ts';
import { optimize } from './optimize.ts';
import { PARAMETERLESS_OBJECTIVES } from './optimize-input.ts';
import { roundCents } from './rounding.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { tradeTaxInputShape, tradeTaxOptions } from './trade-tax-input.ts';

export type { TradePlan } from '../domain/trades/types.ts';

/** Objectives `rebalance` can take its targets from (none needs a target or a parameter). */
export const REBALANCE_OBJECTIVES = PARAMETERLESS_OBJECTIVES;

/**
 * An optimisation that yields the targets: `optimize` with its defaults — historical mean and
 * sample covariance annualised by the file's inferred frequency, long-only, fully invested,
 * risk-free rate 0 (docs/conventions.md, "Optimisation").
 */
export const optimizeTargetsSchema = z.object({
  objective: z.enum(REBALANCE_OBJECTIVES),
  /** Returns CSV `date,A,B,…` of the symbols to hold. */
  returns: textSourceSchema,
});

const { holdings, transactions, prices, lotMethod, asOf } = portfolioInputShape;

/** Input of {@link rebalance}: the portfolio, exactly one source of targets, sizing options. */
export const rebalanceInputSchema = z.object({
  holdings,
  transactions,
  portfolio: portfolioInputShape.portfolio,
  prices,
  lotMethod,
  asOf,
  /** Targets CSV `symbol,weight` (a `CASH` row is the explicit cash line). */
  targets: textSourceSchema.optional(),
  /** Or target weights by symbol (decimals of total value; they sum to 1 without `cashWeight`). */
  weights: z.record(z.string(), z.number()).optional(),
  /** With `weights`: the cash line (negative = borrowing), or `residual` = 1 − Σ weights. */
  cashWeight: z.union([z.number(), z.literal('residual')]).optional(),
  /** Or targets from an optimisation on a returns file (long-only, fully invested). */
  optimize: optimizeTargetsSchema.optional(),
  /** Skip trades smaller than this many dollars (default 0). */
  minTrade: z.number().nonnegative().optional(),
  /** Allow fractional shares (default whole shares). */
  fractional: z.boolean().default(false),
  /** Proportional cost per trade, basis points of its gross value (default 0). */
  costBps: z.number().nonnegative().optional(),
  /** Fixed cost per trade, dollars (default 0). */
  costPerTrade: z.number().nonnegative().optional(),
  ...tradeTaxInputShape,
});

/** What callers pass to {@link rebalance}. */
export type RebalanceInput = z.input<typeof rebalanceInputSchema>;
type ParsedInput = z.output<typeof rebalanceInputSchema>;

/** A trade plan as its document: money in dollars (cents rounded), every field kept. */
export interface TradePlanDocument {
  readonly tradeDate: string;
  readonly lotMethod: string;
  /** How sells picked their lots (`method` = the relief method). */
  readonly lotSelection: string;
  readonly cashFlowOnly: boolean;
  /** New money added to cash before trading (part of total value and cash before). */
  readonly deposit: number;
  readonly totalValue: number;
  readonly cashBefore: number;
  readonly cashAfter: number;
  readonly cashAfterByAccount: Readonly<Record<string, number>>;
  readonly trades: readonly {
    side: 'sell' | 'buy';
    symbol: string;
    account: string;
    quantity: number;
    price: number;
    priceSource: string;
    gross: number;
    cost: number;
    realizedShortTerm: number;
    realizedLongTerm: number;
    /** The account's tax type. */
    taxType: string;
    /** Estimated tax of the trade's gains (negative = a saving; 0 in an IRA). */
    estimatedTax: number;
    lots: {
      lotId: string;
      acquired: string;
      quantity: number;
      gain: number;
      term: string;
      washSale?: true;
    }[];
  }[];
  readonly skipped: TradePlan['skipped'];
  readonly positions: TradePlan['positions'];
  readonly cash: TradePlan['cash'];
  readonly totals: {
    readonly buys: number;
    readonly sells: number;
    readonly costs: number;
    readonly realizedShortTerm: number;
    readonly realizedLongTerm: number;
  };
  readonly tax: TaxDocument;
  readonly warnings: readonly Warning[];
}

/** What a wash-sale risk conflicts with, money in dollars. */
export interface WashTriggerDocument {
  readonly kind: string;
  readonly symbol: string;
  readonly account: string;
  readonly date: string;
  readonly quantity: number;
  readonly lotId?: string;
  readonly gain?: number;
}

/** The tax summary of a trade plan (taxable accounts only), money in dollars. */
export interface TaxDocument {
  readonly shortRate: number;
  readonly longRate: number;
  readonly shortTermGain: number;
  readonly longTermGain: number;
  readonly estimatedTax: number;
  readonly budget?: number;
  readonly washSaleRisks: readonly {
    readonly side: 'sell' | 'buy';
    readonly symbol: string;
    readonly account?: string;
    readonly quantity: number;
    readonly lotId?: string;
    readonly gain?: number;
    readonly trigger: WashTriggerDocument;
    readonly firstCleanDate: string;
    readonly action: 'skipped' | 'flagged';
  }[];
}

function taxDocument(tax: TradePlan['tax']): TaxDocument {
  const d = (c: number): number => roundCents(centsToDollars(c));
  const gain = (c: number | undefined) => (c === undefined ? {} : { gain: d(c) });
  return {
    shortRate: tax.rates.short,
    longRate: tax.rates.long,
    shortTermGain: d(tax.shortTermGainCents),
    longTermGain: d(tax.longTermGainCents),
    estimatedTax: d(tax.estimatedTaxCents),
    ...(tax.budgetCents === undefined ? {} : { budget: d(tax.budgetCents) }),
    washSaleRisks: tax.washSaleRisks.map(({ trigger: t, ...r }) => ({
      side: r.side,
      symbol: r.symbol,
      ...(r.account === undefined ? {} : { account: r.account }),
      quantity: r.quantity,
      ...(r.lotId === undefined ? {} : { lotId: r.lotId }),
      ...gain(r.gainCents),
      trigger: {
        kind: t.kind,
        symbol: t.symbol,
        account: t.account,
        date: t.date,
        quantity: t.quantity,
        ...(t.lotId === undefined ? {} : { lotId: t.lotId }),
        ...gain(t.gainCents),
      },
      firstCleanDate: r.firstCleanDate,
      action: r.action,
    })),
  };
}

/** The `rebalance` document (the CLI's `--format json`). */
export interface RebalanceDocument extends TradePlanDocument {
  /** Stored closes used and their provenance; present only when a stored close priced something. */
  readonly pricing?: PricingDocument;
}

/** A trade plan as its document (shared with `plan`). */
export function tradePlanDocument(plan: TradePlan): TradePlanDocument {
  const d = (c: number): number => roundCents(centsToDollars(c));
  return {
    tradeDate: plan.tradeDate,
    lotMethod: plan.lotMethod,
    lotSelection: plan.lotSelection,
    cashFlowOnly: plan.cashFlowOnly,
    deposit: d(plan.depositCents),
    totalValue: d(plan.totalValueCents),
    cashBefore: d(plan.cashBeforeCents),
    cashAfter: d(plan.cashAfterCents),
    cashAfterByAccount: Object.fromEntries(
      Object.entries(plan.cashAfterByAccount).map(([a, c]) => [a, d(c)]),
    ),
    trades: plan.trades.map((t) => ({
      side: t.side,
      symbol: t.symbol,
      account: t.account,
      quantity: t.quantity,
      price: t.price,
      priceSource: t.priceSource,
      gross: d(t.grossCents),
      cost: d(t.costCents),
      realizedShortTerm: d(t.realizedShortTermCents),
      realizedLongTerm: d(t.realizedLongTermCents),
      taxType: t.taxType,
      estimatedTax: d(t.estimatedTaxCents),
      lots: t.lots.map((l) => ({
        lotId: l.lotId,
        acquired: l.acquired,
        quantity: l.quantity,
        gain: d(l.gainCents),
        term: l.term,
        ...(l.washSale ? { washSale: true as const } : {}),
      })),
    })),
    skipped: plan.skipped,
    positions: plan.positions,
    cash: plan.cash,
    totals: {
      buys: d(plan.totals.buysCents),
      sells: d(plan.totals.sellsCents),
      costs: d(plan.totals.costsCents),
      realizedShortTerm: d(plan.totals.realizedShortTermCents),
      realizedLongTerm: d(plan.totals.realizedLongTermCents),
    },
    tax: taxDocument(plan.tax),
    warnings: plan.warnings,
  };
}

async function targetsOf(input: ParsedInput, deps: AppDeps): Promise<TradeTargets> {
  const given = (['targets', 'weights', 'optimize'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1)
    throw invalidInput(
      given[1] ?? 'targets',
      given.length === 0 ? undefined : input[given[1]!],
      'give exactly one of targets, weights or optimize',
    );
  if (input.targets) {
    const { text, name } = readSource(input.targets, 'targets');
    return targetsFromRows(parseTargetsCsv(text, name));
  }
  if (input.weights)
    return {
      weightsBySymbol: input.weights,
      ...(input.cashWeight === undefined ? {} : { cashWeight: input.cashWeight }),
    };
  const spec = input.optimize!;
  const doc = await optimize(
    {
      moments: { kind: 'estimate', panel: { kind: 'file', file: spec.returns } },
      objective: { kind: spec.objective },
    },
    deps,
  );
  return { weightsBySymbol: doc.weights };
}

/** The trade plan of a portfolio towards its targets (see the module comment). */
export async function rebalance(raw: RebalanceInput, deps: AppDeps): Promise<RebalanceDocument> {
  const input = parseInput(rebalanceInputSchema, raw);
  const files = await readPortfolioSources(input, deps);
  const targets = await targetsOf(input, deps);
  const portfolio = await pricePortfolio(
    files,
    { asOf: input.asOf, deps },
    { alsoQuote: Object.keys(targets.weightsBySymbol) },
  );
  const plan = planTrades(
    { lots: portfolio.lots, cashCents: portfolio.cashCents, prices: portfolio.quotes },
    targets,
    {
      ...(await tradeTaxOptions(input, files, deps)),
      tradeDate: input.asOf ?? deps.clock.today(),
      lotMethod: input.lotMethod,
      ...(input.fractional ? { fractional: true } : {}),
      ...(input.minTrade === undefined ? {} : { minTradeDollars: input.minTrade }),
      costs: {
        ...(input.costBps === undefined ? {} : { proportionalBps: input.costBps }),
        ...(input.costPerTrade === undefined
          ? {}
          : { fixedPerTradeCents: Math.round(input.costPerTrade * 100) }),
      },
    },
  );
  const doc = tradePlanDocument(plan);
  const valuation = pricingFields(portfolio.pricing);
  if (valuation.pricing === undefined) return doc;
  return {
    ...doc,
    warnings: [...doc.warnings, ...(valuation.warnings ?? [])],
    pricing: valuation.pricing,
  };
}
