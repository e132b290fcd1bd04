/**
 * The `fixed-debt` leverage mode (docs/backtest.md, "Margin and leverage modes"): the loan
 * the first purchase takes, D = −cash after it, is what every later trade of the strategy
 * keeps, while `fixed-ratio` (the engine's default {@link Book}) trades back to the weights.
 *
 * - The asset mix is the weighting's targets normalised, sᵢ = wᵢ / Σw (Σw > 1 on the first row:
 *   there is a loan to hold).
 * - A rebalance of a value V (the row's flow included) trades asset i to sᵢ X with
 *   X = V + D − k Σ|sᵢ X − hᵢ|: the net-value problem of "Rebalancing" with value V + D and
 *   targets s, solved exactly by {@link netRebalanceValue}. Cash after it is
 *   V − X − costs = −D; the equity is V′ = X − D, so the asset weights are
 *   sᵢ X / V′ = sᵢ (V′ + D) / V′: the targets scaled to (equity + debt) / equity.
 * - Interest accrues on the loan between rebalances (the debt grows); the next rebalance sells
 *   assets to bring it back to D.
 * - A contribution without a rebalance buys the mix s with all of it, C′ = C / (1 + k); a
 *   withdrawal sells the same fraction f = W / (Σhᵢ − k Σ|hᵢ|) of every position: the loan is
 *   unchanged by either. (Should f reach 1 — only with cash left over by whole shares — the
 *   book's own pro-rata withdrawal is used.)
 * - A margin call's sale repays part of the loan: D becomes the debt after it ({@link keepDebt}).
 * - Bands compare the drifted weights hᵢ / V with the targets a rebalance would trade to before
 *   costs, sᵢ (V + D) / V ({@link leverageBook}'s weighting), so they react to the mix, not to
 *   the leverage the mode lets drift.
 * - A rebalance whose costs would exceed the equity (X ≤ D, only at extreme leverage) is skipped.
 */

import { invalidInput } from '../errors.ts';
import { Book, type BookSetup } from './book.ts';
import { netRebalanceValue } from './net-value.ts';
import type { StrategySpec, Weighting } from './types.ts';

/** Shares are rounded after this slack (binary noise), as the book does. */
const SHARE_SLACK = 1e-9;

/** The asset mix sᵢ = wᵢ / Σw of some targets (Σw > 0). */
export function assetMix(targets: ArrayLike<number>): Float64Array {
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += targets[i]!;
  if (!(sum > 0))
    throw invalidInput(
      'leverageMode',
      'fixed-debt',
      `needs target weights summing above 0 (${sum})`,
    );
  return Float64Array.from(targets, (w) => w / sum);
}

/** A book that keeps the loan of its first purchase (module comment). */
export class FixedDebtBook extends Book {
  /** The loan rebalances keep (−cash after the first purchase); undefined before it. */
  debt: number | undefined;
  private readonly costRate: number;
  private readonly wholeShares: boolean;

  constructor(setup: BookSetup) {
    super(setup);
    this.costRate = setup.costRate;
    this.wholeShares = setup.wholeShares;
  }

  /** The loan becomes what is owed now (after a margin call's sale). */
  keepDebt(): void {
    this.debt = -this.cash;
  }

  /**
   * The first call is the first purchase at the targets (Σw > 1); later calls trade the mix to
   * (V + D − costs) keeping the loan D (module comment).
   *
   * @throws BallastError INVALID_INPUT (`leverageMode`) when the first targets sum to 1 or less.
   */
  override rebalance(row: number, targets: ArrayLike<number>): void {
    if (this.debt === undefined) {
      let sum = 0;
      for (let i = 0; i < targets.length; i++) sum += targets[i]!;
      if (!(sum > 1))
        throw invalidInput(
          'leverageMode',
          'fixed-debt',
          `needs target weights summing above 1 (a loan to keep); they sum to ${sum}`,
        );
      super.rebalance(row, targets);
      this.keepDebt();
      return;
    }
    const mix = assetMix(targets);
    const debt = this.debt;
    const gross = netRebalanceValue({
      value: this.value(row) + debt,
      targets: mix,
      holdings: this.holdings(row),
      costRate: this.costRate,
    });
    if (!(gross > debt)) return;
    const next = Float64Array.from(mix, (s, i) => this.shares((s * gross) / this.price(i, row)));
    this.tradeTo(row, next);
  }

  /** Buys the asset mix with all of `amount` (its costs included): the loan is unchanged. */
  override contribute(row: number, targets: ArrayLike<number>, amount: number): void {
    super.contribute(row, assetMix(targets), amount);
  }

  /** Sells the same fraction of every position to pay `amount` and its costs; the loan is unchanged. */
  override withdraw(row: number, amount: number): void {
    const h = this.holdings(row);
    let net = 0;
    for (let i = 0; i < h.length; i++) net += h[i]! - this.costRate * Math.abs(h[i]!);
    const f = amount / net;
    if (!(net > 0 && f < 1)) {
      super.withdraw(row, amount);
      return;
    }
    const q = this.quantities;
    const next = Float64Array.from(q, (held) =>
      this.wholeShares
        ? held -
          Math.min(Math.abs(held), Math.ceil(Math.abs(held) * f - SHARE_SLACK)) * Math.sign(held)
        : held * (1 - f),
    );
    this.tradeTo(row, next);
    this.moveCash(-amount);
  }
}

/**
 * The book and the weighting a strategy runs with: the default {@link Book} and its own
 * weighting in `fixed-ratio` mode; in `fixed-debt` mode a {@link FixedDebtBook} and the
 * weighting scaled to the targets a rebalance trades to, sᵢ (V + D) / V (module comment).
 *
 * @throws BallastError INVALID_INPUT (`leverageMode`) for an unknown mode.
 */
export function leverageBook(
  spec: Pick<StrategySpec, 'leverageMode' | 'weighting'>,
  setup: BookSetup,
): { book: Book; weighting: Weighting } {
  const mode = spec.leverageMode ?? 'fixed-ratio';
  if (mode === 'fixed-ratio') return { book: new Book(setup), weighting: spec.weighting };
  if (mode !== 'fixed-debt')
    throw invalidInput('leverageMode', mode, 'must be fixed-ratio or fixed-debt');
  const book = new FixedDebtBook(setup);
  const inner = spec.weighting;
  const weighting: Weighting = (ctx) => {
    const targets = inner(ctx);
    const debt = book.debt;
    if (debt === undefined) return targets;
    let value = ctx.cash;
    for (let i = 0; i < ctx.columns.length; i++)
      value += ctx.quantities[i]! * ctx.market.closes[ctx.columns[i]!]![ctx.row]!;
    const scale = (value + debt) / value;
    return assetMix(targets).map((s) => s * scale);
  };
  return { book, weighting };
}
