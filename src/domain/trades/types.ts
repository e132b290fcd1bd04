/**
 * Shapes of the trade planner: current holdings and target weights in, an ordered trade list
 * with costs, estimated realised gains, residual cash and drift out. Money is integer cents
 * (docs/conventions.md "Units"); weights are decimals of total portfolio value including cash.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { Term } from '../ledger/holding-period.ts';
import type { TaxType } from '../ledger/accounts.ts';
import type { Cents } from '../ledger/money.ts';
import type { Lot, LotMethod, RealizedSlice, Transaction } from '../ledger/types.ts';
import type { PriceQuote } from '../valuation/value-positions.ts';
import type { Warning } from '../warnings.ts';

/** What the portfolio holds now: open lots (from the ledger or a snapshot) and cash per account. */
export interface CurrentHoldings {
  /** Open lots; never mutated by the planner. Quantities are signed (negative = short). */
  readonly lots: readonly Lot[];
  /** Cash per account in cents; negative = margin debt. */
  readonly cashCents: ReadonlyMap<string, Cents>;
  /** Price with its source per upper-case symbol; every held and every target symbol needs one. */
  readonly prices: ReadonlyMap<string, PriceQuote>;
}

/**
 * Target weights by symbol (decimals of total value including cash; negative = short) and the
 * cash line: a number is an explicit cash weight (negative = borrowing) and the symbol weights
 * plus it must sum to 1; `'residual'` makes cash 1 − Σ weights; omitted means no cash line, so
 * the symbol weights must sum to 1 (±1e-6) — otherwise INVALID_INPUT.
 */
export interface TradeTargets {
  readonly weightsBySymbol: Readonly<Record<string, number>>;
  readonly cashWeight?: number | 'residual';
}

/** Estimated trading costs of one trade: `round(gross × bps / 10 000) + fixed`, in cents. */
export interface TradeCostModel {
  /** Proportional cost in basis points of the trade's gross value (default 0). */
  readonly proportionalBps?: number;
  /** Fixed cost per trade line, in cents (default 0). */
  readonly fixedPerTradeCents?: Cents;
}

/**
 * Which lots a sell closes (docs/tax-aware-trades.md, "Lot selection"): `method` = the ledger's
 * relief method; `hifo` = highest cost per share first; `losses-first` = taxable losses (largest
 * loss per share first), then lots without a taxable gain, then long-term gains, then short-term
 * gains (lowest gain per share first); `tax-min` = lowest estimated tax per share first.
 */
export type LotSelection = 'method' | 'hifo' | 'losses-first' | 'tax-min';

/** Flat tax rates on realised gains in taxable accounts, decimals in [0, 1]. */
export interface TaxRates {
  /** On short-term gains (held one year or less). */
  readonly short: number;
  /** On long-term gains. */
  readonly long: number;
}

/** What the wash-sale checks read from the ledger (docs/tax-aware-trades.md, "Wash sales"). */
export interface TradeHistory {
  /** The ledger's transactions: buys and reinvestments are purchases (lot id `L<line>`). */
  readonly transactions: readonly Transaction[];
  /** The ledger's realised slices: sales at a loss in taxable accounts. */
  readonly realized: readonly RealizedSlice[];
}

/** Options of {@link planTrades}. */
export interface TradePlanOptions {
  /** Day the trades are assumed to settle; sets holding periods of estimated gains. */
  readonly tradeDate: IsoDate;
  /** Allow fractional shares (step 1e-6 share unless a lot size is given). Default false. */
  readonly fractional?: boolean;
  /** Trade quantities per symbol must be multiples of this (e.g. 100 for round lots). */
  readonly lotSizes?: Readonly<Record<string, number>>;
  /** Trades smaller than this many dollars are skipped and reported (default 0). */
  readonly minTradeDollars?: number;
  /** Relief method for estimated gains; `specific` (no lot ids here) acts as FIFO. Default FIFO. */
  readonly lotMethod?: LotMethod;
  readonly costs?: TradeCostModel;
  /** Account for new positions; default: the account holding most of the symbol, else most cash. */
  readonly newPositionAccount?: string;
  /** How sells pick their lots (default `method`, the ledger's relief method). */
  readonly lotSelection?: LotSelection;
  /** Tax type per account; an account not listed is `taxable`. */
  readonly accountTaxTypes?: ReadonlyMap<string, TaxType>;
  /** Rates of the estimated tax (defaults `DEFAULT_TAX_RATES` of `tax-cost.ts`). */
  readonly taxRates?: Partial<TaxRates>;
  /** Net realised gains in taxable accounts may not exceed this many cents (≥ 0); sells are cut. */
  readonly gainsBudgetCents?: Cents;
  /** Purchases and loss sales for the wash-sale checks; without it nothing is checked. */
  readonly history?: TradeHistory;
  /** Equivalence groups (upper-case symbol → group); a symbol not listed is its own group. */
  readonly equivalents?: ReadonlyMap<string, string>;
  /**
   * Skip buys that would wash a recent loss and, with a `lotSelection` other than `method`, sell
   * loss lots that would wash last (default true); false only flags them.
   */
  readonly avoidWashSales?: boolean;
  /** No sells: cash (with the deposit) buys the underweight symbols. Default false. */
  readonly cashFlowOnly?: boolean;
  /** New money added to cash before sizing, in cents (≥ 0; default 0). */
  readonly depositCents?: Cents;
  /** Account the deposit goes to; needed when the portfolio has more than one account. */
  readonly depositAccount?: string;
}

/** One closed lot slice of a planned trade with its estimated realised gain. */
export interface PlannedLotSlice {
  readonly lotId: string;
  readonly acquired: IsoDate;
  /** Shares closed (positive). */
  readonly quantity: number;
  readonly proceedsCents: Cents;
  readonly costBasisCents: Cents;
  readonly gainCents: Cents;
  readonly term: Term;
  /** True when selling this lot at a loss may be a wash sale (see `TradePlan.tax.washSaleRisks`). */
  readonly washSale?: true;
}

/** One order: a side, a symbol, an account and a positive quantity, with its cash effect. */
export interface PlannedTrade {
  readonly side: 'sell' | 'buy';
  readonly symbol: string;
  readonly account: string;
  /** Shares (positive; fractional only when allowed). */
  readonly quantity: number;
  readonly price: number;
  readonly priceSource: string;
  readonly priceDate?: IsoDate;
  /** quantity × price rounded to the cent. */
  readonly grossCents: Cents;
  readonly costCents: Cents;
  /** Signed cash effect: +gross − cost for a sell, −gross − cost for a buy. */
  readonly cashCents: Cents;
  /** Lots closed (long lots for a sell, short lots for a buy), in relief order. */
  readonly lots: readonly PlannedLotSlice[];
  /** Shares that open a new position (a short for a sell, a long for a buy). */
  readonly opensQuantity: number;
  readonly realizedShortTermCents: Cents;
  readonly realizedLongTermCents: Cents;
  /** Tax treatment of the trade's account (`taxable` when the account is not listed). */
  readonly taxType: TaxType;
  /**
   * `round(short × shortRate + long × longRate)` cents in a taxable account (negative = a loss's
   * saving), 0 in an IRA.
   */
  readonly estimatedTaxCents: Cents;
}

/** What a wash-sale risk conflicts with: an earlier purchase or loss sale, or a planned buy. */
export interface WashTrigger {
  readonly kind: 'purchase' | 'planned buy' | 'loss sale';
  readonly symbol: string;
  readonly account: string;
  readonly date: IsoDate;
  readonly quantity: number;
  /** Purchase: the lot it opened; loss sale: the first lot it closed. */
  readonly lotId?: string;
  /** Loss sale: the loss realised (< 0 cents). */
  readonly gainCents?: Cents;
}

/**
 * A planned trade that may be a wash sale (docs/tax-aware-trades.md, "Wash sales"): a `sell` of
 * a lot at a loss with an equivalent bought in the 30 days before (or in this plan), or a `buy`
 * of an equivalent of a loss sale in the 30 days before.
 */
export interface WashSaleRisk {
  readonly side: 'sell' | 'buy';
  readonly symbol: string;
  /** Account of the planned trade; absent for a buy that was skipped. */
  readonly account?: string;
  /** Shares at risk: the lot's shares sold at a loss, or the buy's shares. */
  readonly quantity: number;
  /** Sell: the lot sold at a loss. */
  readonly lotId?: string;
  /** Sell: the estimated loss of the slice (< 0 cents). */
  readonly gainCents?: Cents;
  /** The latest conflicting transaction. */
  readonly trigger: WashTrigger;
  /** trigger.date + 31 days: the first day the trade would not wash against it. */
  readonly firstCleanDate: IsoDate;
  /** `skipped`: the buy was left out (avoidWashSales); `flagged`: planned anyway. */
  readonly action: 'skipped' | 'flagged';
}

/** Tax summary of a plan (taxable accounts only). */
export interface PlanTax {
  readonly rates: TaxRates;
  readonly shortTermGainCents: Cents;
  readonly longTermGainCents: Cents;
  /** Σ of the trades' estimated tax (negative = a saving). */
  readonly estimatedTaxCents: Cents;
  readonly budgetCents?: Cents;
  readonly washSaleRisks: readonly WashSaleRisk[];
}

/** A trade left out, with why. */
export interface SkippedTrade {
  readonly symbol: string;
  readonly side: 'sell' | 'buy';
  readonly quantity: number;
  readonly valueDollars: number;
  readonly reason: string;
}

/** Per-symbol outcome: target versus achieved (never renormalised). */
export interface PositionOutcome {
  readonly symbol: string;
  readonly price: number;
  readonly priceSource: string;
  readonly currentQuantity: number;
  /** Unrounded target quantity: targetWeight × sizing value / price. */
  readonly targetQuantity: number;
  readonly finalQuantity: number;
  readonly targetWeight: number;
  /** final market value / value after trades. */
  readonly achievedWeight: number;
  /** achievedWeight − targetWeight. */
  readonly drift: number;
}

/** The trade plan: orders (sells before buys), skipped trades, cash, costs, gains and drift. */
export interface TradePlan {
  readonly tradeDate: IsoDate;
  readonly lotMethod: LotMethod;
  readonly lotSelection: LotSelection;
  readonly cashFlowOnly: boolean;
  /** New money added to cash before trading (included in total value and cash before). */
  readonly depositCents: Cents;
  /** Σ holdings at quoted prices + cash, before trading. */
  readonly totalValueCents: Cents;
  /** Value target dollars are sized on: total value − estimated costs. */
  readonly sizingValueCents: Cents;
  /** Σ holdings at quoted prices + cash, after trading (= sizing value up to cent rounding). */
  readonly valueAfterCents: Cents;
  readonly cashBeforeCents: Cents;
  readonly cashAfterCents: Cents;
  /** Cash after trades per account, sorted by account. */
  readonly cashAfterByAccount: Readonly<Record<string, Cents>>;
  readonly trades: readonly PlannedTrade[];
  readonly skipped: readonly SkippedTrade[];
  readonly positions: readonly PositionOutcome[];
  readonly cash: {
    readonly targetWeight: number;
    readonly achievedWeight: number;
    readonly drift: number;
  };
  readonly totals: {
    readonly buysCents: Cents;
    readonly sellsCents: Cents;
    readonly costsCents: Cents;
    readonly realizedShortTermCents: Cents;
    readonly realizedLongTermCents: Cents;
  };
  readonly tax: PlanTax;
  /** What the plan must say about itself (cash short of the target, an account overdrawn, costs unsettled). */
  readonly warnings: readonly Warning[];
}
