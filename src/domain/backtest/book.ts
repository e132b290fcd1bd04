/**
 * The holdings of one strategy while a backtest runs — shares of each asset and cash — with
 * the operations a rebalance rule is made of: accrue cash interest, value at a close, trade to
 * the targets net of costs, invest a contribution at the targets, withdraw pro rata, sell
 * everything. Each trade pays `costRate` × |traded value| from cash (docs/backtest.md).
 * A driver ({@link runStrategy} in engine.ts) decides which operation happens on which row;
 * other drivers (margin rules, tax-aware selling) can be built from the same operations.
 */

import { invalidInput } from '../errors.ts';
import { netRebalanceValue } from './net-value.ts';
import type { PriceMatrix, Trade } from './types.ts';

/** One trade of one asset as the book makes it: quantity > 0 buys, at `price`, paying `cost`. */
export interface Fill {
  readonly quantity: number;
  readonly price: number;
  readonly cost: number;
}

/** What a book needs to know about its strategy. */
export interface BookSetup {
  readonly market: PriceMatrix;
  /** The asset symbols, in target order. */
  readonly assets: readonly string[];
  /** Column of `market` of each asset. */
  readonly columns: readonly number[];
  readonly costRate: number;
  readonly wholeShares: boolean;
  readonly recordTrades: boolean;
  /** Told of every trade (quantity > 0 buys), e.g. to keep tax lots (tax-lots.ts). */
  readonly onTrade?: (asset: number, row: number, fill: Fill) => void;
}

/** Shares are rounded to whole shares after adding this slack (binary noise: 9.9999999999 → 10). */
const SHARE_SLACK = 1e-9;

/** Per-row interest rates of cash (docs/backtest.md, "Cash"). */
export interface CashRates {
  /** (1 + rate)^(1/252) − 1, on positive cash. */
  readonly lend: number;
  /** (1 + rate + borrowSpread)^(1/252) − 1, on negative cash. */
  readonly borrow: number;
}

/** The per-row rates of annual `rate` and `borrowSpread` (252 rows a year). */
export function cashRates(rate: number, borrowSpread: number): CashRates {
  return { lend: (1 + rate) ** (1 / 252) - 1, borrow: (1 + rate + borrowSpread) ** (1 / 252) - 1 };
}

/** Shares and cash of one strategy, and what trading them has cost. */
export class Book {
  readonly quantities: Float64Array;
  cash = 0;
  costs = 0;
  interest = 0;
  readonly trades: Trade[] = [];
  private readonly setup: BookSetup;
  private readonly target: Float64Array;

  constructor(setup: BookSetup) {
    this.setup = setup;
    this.quantities = new Float64Array(setup.assets.length);
    this.target = new Float64Array(setup.assets.length);
  }

  /** Price of asset i at the close of `row`. */
  price(i: number, row: number): number {
    return this.setup.market.closes[this.setup.columns[i]!]![row]!;
  }

  /** Money held in each asset at the close of `row`. */
  holdings(row: number): Float64Array {
    const q = this.quantities;
    const out = new Float64Array(q.length);
    for (let i = 0; i < q.length; i++) out[i] = q[i]! * this.price(i, row);
    return out;
  }

  /** Value at the close of `row`: Σ qᵢ pᵢ + cash. */
  value(row: number): number {
    const q = this.quantities;
    let v = this.cash;
    for (let i = 0; i < q.length; i++) v += q[i]! * this.price(i, row);
    return v;
  }

  /** What selling everything at the close of `row` would leave: value − k Σ|qᵢ pᵢ|. */
  liquidationValue(row: number): number {
    const q = this.quantities;
    let v = this.cash;
    for (let i = 0; i < q.length; i++) {
      const h = q[i]! * this.price(i, row);
      v += h - this.setup.costRate * Math.abs(h);
    }
    return v;
  }

  /** One row's interest on the cash held since the previous close; returns it. */
  accrue(rates: CashRates): number {
    const earned = this.cash * (this.cash >= 0 ? rates.lend : rates.borrow);
    this.cash += earned;
    this.interest += earned;
    return earned;
  }

  /** Adds (deposit) or removes (withdrawal) cash without trading. */
  moveCash(amount: number): void {
    this.cash += amount;
  }

  /**
   * Trades to exactly `targets` of the value net of this rebalance's own costs
   * (`netRebalanceValue`); with whole shares each target quantity is rounded down (towards
   * zero) and the rest stays in cash. The caller makes sure the value exceeds the cost of
   * selling everything ({@link liquidationValue} > 0).
   */
  rebalance(row: number, targets: ArrayLike<number>): void {
    const net = netRebalanceValue({
      value: this.value(row),
      targets,
      holdings: this.holdings(row),
      costRate: this.setup.costRate,
    });
    for (let i = 0; i < targets.length; i++)
      this.target[i] = this.shares((targets[i]! * net) / this.price(i, row));
    this.tradeTo(row, this.target);
  }

  /**
   * Invests `amount` (> 0) in proportion to `targets`: asset i is bought for wᵢ C′ with
   * C′ = C / (1 + k Σ|wᵢ|), so the purchases and their costs use the whole contribution and
   * C′(1 − Σwᵢ) goes to cash (borrowed when Σw > 1). Whole shares round each purchase down.
   */
  contribute(row: number, targets: ArrayLike<number>, amount: number): void {
    let gross = 0;
    for (let i = 0; i < targets.length; i++) gross += Math.abs(targets[i]!);
    const invested = amount / (1 + this.setup.costRate * gross);
    this.cash += amount;
    for (let i = 0; i < targets.length; i++)
      this.target[i] =
        this.quantities[i]! + this.shares((targets[i]! * invested) / this.price(i, row));
    this.tradeTo(row, this.target);
  }

  /**
   * Pays out `amount` (> 0) by selling the same fraction f of every position and of the cash
   * line, f = W / (value − k Σ|hᵢ|): the weights (cash included) are unchanged and the sales
   * pay for their own costs. Whole shares round each sale up. The caller makes sure
   * `amount` < {@link liquidationValue}.
   */
  withdraw(row: number, amount: number): void {
    const f = amount / this.liquidationValue(row);
    const q = this.quantities;
    for (let i = 0; i < q.length; i++) {
      const sell = this.setup.wholeShares
        ? Math.min(Math.abs(q[i]!), Math.ceil(Math.abs(q[i]!) * f - SHARE_SLACK)) * Math.sign(q[i]!)
        : q[i]! * f;
      this.target[i] = q[i]! - sell;
    }
    this.tradeTo(row, this.target);
    this.cash -= amount;
  }

  /** Sells (or buys back) every position at the close of `row`, paying the costs. */
  liquidate(row: number): void {
    this.target.fill(0);
    this.tradeTo(row, this.target);
  }

  /** A target quantity as the book holds it: rounded towards zero with whole shares. */
  shares(x: number): number {
    if (!Number.isFinite(x)) throw invalidInput('weights', x, 'a target quantity is not finite');
    if (!this.setup.wholeShares) return x;
    return x >= 0 ? Math.floor(x + SHARE_SLACK) : -Math.floor(-x + SHARE_SLACK);
  }

  /**
   * Trades every asset to `quantities` (as given: no rounding), paying k |Δq p| per trade from
   * cash. Public for the rules built on the book (margin.ts, fixed-debt.ts).
   */
  tradeTo(row: number, quantities: Float64Array): void {
    const { costRate, recordTrades, assets, market } = this.setup;
    const q = this.quantities;
    for (let i = 0; i < q.length; i++) {
      const delta = quantities[i]! - q[i]!;
      if (delta === 0) continue;
      const price = this.price(i, row);
      const value = delta * price;
      const cost = costRate * Math.abs(value);
      this.cash -= value + cost;
      this.costs += cost;
      q[i] = quantities[i]!;
      this.setup.onTrade?.(i, row, { quantity: delta, price, cost });
      if (recordTrades)
        this.trades.push({
          date: market.dates[row]!,
          symbol: assets[i]!,
          quantity: delta,
          price,
          value,
          cost,
        });
    }
  }
}
