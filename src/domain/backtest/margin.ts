/**
 * The margin requirement and its forced deleveraging (docs/backtest.md, "Margin and leverage
 * modes"), in the Reg T style: the equity of the account divided by its gross position value
 * must stay at or above `maintenance`.
 *
 * - Equity E is the book's value at the close (Σ qᵢ pᵢ + cash, the loan counted negative);
 *   gross G is Σ |qᵢ pᵢ| (the long market value for the config's long-only strategies; a short
 *   counts by its absolute value, a simplification of the Reg T short rules).
 * - The check runs at every close from row 1 on (the final row included), after the row's
 *   interest and before its flow and trades. A close with E / G < `maintenance` (strictly; a
 *   book without positions is never called) is a margin call: every position is sold pro rata
 *   at that close, the same fraction f of each, until E′ / G′ = `initial` (the level a call
 *   sells back to, ≥ maintenance; by default the maintenance itself). Selling f of every
 *   position gets f·G of cash (repaying the loan), costs k·f·G and leaves the value otherwise
 *   unchanged, so E′ = E − k f G and G′ = (1 − f) G, and E′ / G′ = r gives
 *
 *     f = (r − ρ) / (r − k),  ρ = E / G.
 *
 *   When f ≥ 1 (ρ ≤ k: selling everything would not leave positive equity) everything is sold.
 *   With whole shares each sale is rounded up (the ratio ends at or above r).
 * - A close whose equity is already ≤ 0 is not a call but a wipe-out (the engine's "Stops").
 */

import { invalidInput } from '../errors.ts';
import type { Book } from './book.ts';
import { FixedDebtBook } from './fixed-debt.ts';
import type { PriceMatrix, StrategySpec } from './types.ts';

/** A margin requirement: equity / gross must stay ≥ `maintenance`; a call sells back to `initial`. */
export interface MarginRequirement {
  /** Minimum equity / gross position value, in (0, 1] (Reg T: 0.25). */
  readonly maintenance: number;
  /** The equity / gross a forced sale restores, in [maintenance, 1]. */
  readonly initial: number;
}

/**
 * What a rebalance holds constant (docs/backtest.md, "Margin and leverage modes"):
 * `fixed-ratio` trades back to the target weights (the engine's default); `fixed-debt` keeps
 * the loan at its dollar amount and scales the assets to (equity + debt) / equity.
 */
export type LeverageMode = 'fixed-ratio' | 'fixed-debt';

/** One position sold by a margin call (quantity < 0 sells, as in the trades). */
export interface MarginSale {
  readonly symbol: string;
  readonly quantity: number;
  readonly price: number;
  /** quantity × price (< 0 for a sale). */
  readonly value: number;
}

/** One margin call: the account at the close before it, what was sold, and the account after. */
export interface MarginCall {
  readonly date: string;
  readonly row: number;
  /** Value at the close before the sale (cash included, after the row's interest). */
  readonly equityBefore: number;
  /** Σ |qᵢ pᵢ| before the sale. */
  readonly grossBefore: number;
  /** equityBefore / grossBefore, below the maintenance. */
  readonly ratioBefore: number;
  readonly sold: readonly MarginSale[];
  /** Trading costs of the forced sale (also in the run's `costs`). */
  readonly cost: number;
  readonly equityAfter: number;
  readonly grossAfter: number;
  /** equityAfter / grossAfter: `initial` (at or above it with whole shares); null when all was sold. */
  readonly ratioAfter: number | null;
}

/** Shares are rounded after this slack (binary noise), as the book does. */
const SHARE_SLACK = 1e-9;

/**
 * Checks a requirement: 0 < maintenance ≤ initial ≤ 1.
 *
 * @throws BallastError INVALID_INPUT naming `margin.maintenance` or `margin.initial`.
 */
export function checkMarginRequirement(m: MarginRequirement): void {
  if (!(m.maintenance > 0 && m.maintenance <= 1))
    throw invalidInput('margin.maintenance', m.maintenance, 'must be in (0, 1]');
  if (!(m.initial >= m.maintenance && m.initial <= 1))
    throw invalidInput(
      'margin.initial',
      m.initial,
      `must be in [maintenance (${m.maintenance}), 1]`,
    );
}

/**
 * The fraction of every position a call sells: f = (r − ρ) / (r − k), clamped to [0, 1]
 * (module comment), with ρ the equity / gross before the sale, r the ratio to restore and k
 * the cost per unit traded.
 *
 * @example
 * // ρ = 3,200 / 13,200, r = 0.25, k = 0: f = (0.25 − 0.242424…) / 0.25 = 1/33
 * saleFraction(3200 / 13200, 0.25, 0); // 0.0303030…
 */
export function saleFraction(ratio: number, restore: number, costRate: number): number {
  if (ratio >= restore) return 0;
  if (!(restore > costRate)) return 1;
  return Math.min(1, (restore - ratio) / (restore - costRate));
}

/** Σ |qᵢ pᵢ| of a book at the close of `row`. */
export function grossValue(book: Book, row: number): number {
  const h = book.holdings(row);
  let g = 0;
  for (let i = 0; i < h.length; i++) g += Math.abs(h[i]!);
  return g;
}

/** The margin rule of one run: checks each close and records the calls (module comment). */
export class MarginWatch {
  readonly calls: MarginCall[] = [];
  private readonly requirement: MarginRequirement;
  private readonly spec: Pick<StrategySpec, 'assets' | 'costRate' | 'wholeShares'>;
  private readonly dates: PriceMatrix['dates'];

  /** @throws BallastError INVALID_INPUT for a bad requirement ({@link checkMarginRequirement}). */
  constructor(
    requirement: MarginRequirement,
    spec: Pick<StrategySpec, 'assets' | 'costRate' | 'wholeShares'>,
    dates: PriceMatrix['dates'],
  ) {
    checkMarginRequirement(requirement);
    this.requirement = requirement;
    this.spec = spec;
    this.dates = dates;
  }

  /**
   * Checks the close of `row` (value `value`, after the row's interest) and, below the
   * maintenance, sells pro rata back to the initial ratio. Returns the value after it.
   */
  check(book: Book, row: number, value: number): number {
    const gross = grossValue(book, row);
    if (!(value > 0) || gross === 0) return value;
    const ratio = value / gross;
    if (ratio >= this.requirement.maintenance) return value;
    const f = saleFraction(ratio, this.requirement.initial, this.spec.costRate);
    const q = book.quantities;
    const next = new Float64Array(q.length);
    const sold: MarginSale[] = [];
    for (let i = 0; i < q.length; i++) {
      const held = q[i]!;
      const sell =
        f >= 1
          ? held
          : this.spec.wholeShares
            ? Math.min(Math.abs(held), Math.ceil(Math.abs(held) * f - SHARE_SLACK)) *
              Math.sign(held)
            : held * f;
      next[i] = held - sell;
      if (sell !== 0) {
        const price = book.price(i, row);
        sold.push({ symbol: this.spec.assets[i]!, quantity: -sell, price, value: -sell * price });
      }
    }
    const costsBefore = book.costs;
    book.tradeTo(row, next);
    if (book instanceof FixedDebtBook) book.keepDebt();
    const equityAfter = book.value(row);
    const grossAfter = grossValue(book, row);
    this.calls.push({
      date: this.dates[row]!,
      row,
      equityBefore: value,
      grossBefore: gross,
      ratioBefore: ratio,
      sold,
      cost: book.costs - costsBefore,
      equityAfter,
      grossAfter,
      ratioAfter: grossAfter === 0 ? null : equityAfter / grossAfter,
    });
    return equityAfter;
  }
}
