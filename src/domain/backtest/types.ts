/**
 * The vocabulary of the backtest engine (docs/backtest.md): a price matrix, a strategy
 * specification with a pluggable weighting, and what one run of a strategy leaves behind.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { BucketFrequency } from '../calendar/period-bucket.ts';
import type { WeightingRecord } from './weightings/record.ts';
import type { DividendSchedule } from './dividends.ts';
import type { LeverageMode, MarginCall, MarginRequirement } from './margin.ts';
import type { BacktestTax, TaxOutcome } from './tax-lots.ts';

/**
 * Closes on trading days: `closes[j][t]` is symbol `symbols[j]` at the close of `dates[t]`.
 * Every row is a trading day; prices are total-return adjusted (dividends already in them).
 */
export interface PriceMatrix {
  readonly dates: readonly IsoDate[];
  readonly symbols: readonly string[];
  readonly closes: readonly Float64Array[];
}

/** When a strategy may rebalance: never, every row, or the last row of each calendar period. */
export type RebalanceSchedule = 'never' | 'daily' | BucketFrequency;

/** How often an external flow happens: every row or the last row of each calendar period. */
export type FlowFrequency = 'daily' | BucketFrequency;

/**
 * A tolerance band around each target: `absolute` trades when some |w − t| > width,
 * `relative` when some |w − t| > width × |t| (docs/backtest.md, "Bands").
 */
export interface Bands {
  readonly kind: 'absolute' | 'relative';
  readonly width: number;
}

/** A recurring external flow: deposit > 0, withdrawal < 0, in money. */
export interface RecurringFlow {
  readonly amount: number;
  readonly every: FlowFrequency;
}

/** What a weighting sees on a row where the strategy may trade. */
export interface WeightingContext {
  /** The row (index into `market.dates`); a weighting must not read rows after it. */
  readonly row: number;
  readonly market: PriceMatrix;
  /** Column of `market` of each of the strategy's assets (same order as the targets). */
  readonly columns: readonly number[];
  /** Shares held of each asset at the close, before the row's trades. */
  readonly quantities: Float64Array;
  /** Cash at the close before the row's trades (negative: borrowed). */
  readonly cash: number;
  /** Records what the weighting did on the row (the run's `weightingLog`). */
  readonly report?: (record: WeightingRecord) => void;
}

/**
 * The target weights of the strategy's assets on a row (fractions of value; their sum may
 * exceed 1, the rest being borrowed cash). Called on the first row, on every row where a
 * rebalance is considered and on every contribution; it must use only data up to `ctx.row`.
 */
export type Weighting = (ctx: WeightingContext) => Float64Array;

/** One strategy, ready to run. */
export interface StrategySpec {
  readonly name: string;
  /** Symbols held (each a column of the price matrix), in the order the weighting uses. */
  readonly assets: readonly string[];
  readonly weighting: Weighting;
  readonly rebalance: RebalanceSchedule;
  readonly bands?: Bands | undefined;
  /** Cost per unit of traded value, a decimal (10 bps = 0.001), on every trade. */
  readonly costRate: number;
  readonly flow?: RecurringFlow | undefined;
  /** Round every target quantity down to whole shares (the rest stays in cash). */
  readonly wholeShares: boolean;
  /** Cash dividends on unadjusted closes, paid on their rows (dividends.ts). */
  readonly dividends?: DividendSchedule | undefined;
  /** Forced deleveraging below a maintenance margin (docs/backtest.md, "Margin and leverage modes"). */
  readonly margin?: MarginRequirement | undefined;
  /** What a rebalance holds constant: the weights (default) or the loan's dollar amount. */
  readonly leverageMode?: LeverageMode | undefined;
  /** Tax lots, realised gains and yearly tax paid from cash (docs/backtest.md, "Taxes"). */
  readonly tax?: BacktestTax | undefined;
}

/** Settings shared by every strategy of a run. */
export interface BacktestSettings {
  /** Money invested at the close of the first row. */
  readonly initial: number;
  /** Annual rate earned on positive cash (decimal). */
  readonly cashRate: number;
  /** Annual spread over `cashRate` paid on negative cash (decimal). */
  readonly borrowSpread: number;
  /** Record each trade (default true; a sweep that needs only values can turn it off). */
  readonly recordTrades?: boolean;
}

/** One executed trade: quantity > 0 buys, < 0 sells; value = quantity × price. */
export interface Trade {
  readonly date: IsoDate;
  readonly symbol: string;
  readonly quantity: number;
  readonly price: number;
  readonly value: number;
  readonly cost: number;
}

/**
 * Why a strategy stopped before the final row: its value at a close was not positive
 * (`wipedOut`; everything was sold at that close), or a withdrawal took all that was left
 * (`depleted`).
 */
export interface StrategyStop {
  readonly date: IsoDate;
  readonly row: number;
  readonly reason: 'wipedOut' | 'depleted';
  /** Value after the stop (0 when depleted; ≤ 0 when wiped out: what is still owed). */
  readonly value: number;
}

/** What one run of a strategy produced, row by row. */
export interface StrategyRun {
  readonly name: string;
  readonly dates: readonly IsoDate[];
  /** Value at each close after that row's flow and trades (cash included). */
  readonly values: Float64Array;
  /** External flow made on each row (deposit > 0, withdrawal < 0; row 0 is 0). */
  readonly flows: Float64Array;
  /** Money invested before the first row's trades (the settings' `initial`). */
  readonly initial: number;
  /** Rows where the strategy rebalanced (the first row's purchase is not one). */
  readonly rebalanceRows: readonly number[];
  /** Every trade, in row order (empty when `recordTrades` is false). */
  readonly trades: readonly Trade[];
  /** Sum of the trading costs, first purchase included. */
  readonly costs: number;
  /** Net cash interest: earned (> 0) minus paid on borrowing. */
  readonly interest: number;
  /** Shares held of each asset and cash after the last row. */
  readonly quantities: Float64Array;
  readonly cash: number;
  readonly stopped?: StrategyStop;
  /** What the weighting reported, in row order (absent when it reported nothing). */
  readonly weightingLog?: readonly WeightingRecord[];
  /** Dividends received (with `spec.dividends`; negative: paid on short positions). */
  readonly dividends?: number;
  /** The forced sales of the margin rule, in row order (only with `spec.margin`). */
  readonly marginCalls?: readonly MarginCall[];
  /** The taxes paid per calendar year (only with `spec.tax`; tax-lots.ts). */
  readonly tax?: TaxOutcome;
}
