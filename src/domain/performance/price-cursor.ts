/**
 * Day-by-day price lookup for a history walk: the day's close when there is one, else the last
 * known close carried forward (adjusted for ledger splits since), else the ledger's last trade
 * price. Every fallback is returned with its flag; nothing is invented.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';
import type { LastTrade, Transaction } from '../ledger/types.ts';
import type { ClosePoint, PriceFlagKind, PriceHistory } from './types.ts';

/** A price for one symbol on one day, with how it was obtained. */
export interface PriceLookup {
  readonly price: number;
  /** Absent when the day's own close was used. */
  readonly flag?: { readonly kind: PriceFlagKind; readonly priceDate: IsoDate };
}

interface Split {
  readonly date: IsoDate;
  readonly ratio: number;
}

function checkCloses(symbol: string, closes: readonly ClosePoint[]): void {
  closes.forEach((p, i) => {
    if (!(p.close > 0 && Number.isFinite(p.close)))
      throw invalidInput(`prices.${symbol}.close`, p.close, `on ${p.date} must be positive`);
    if (i > 0 && !(p.date > closes[i - 1]!.date))
      throw invalidInput(`prices.${symbol}.date`, p.date, 'must be strictly ascending');
  });
}

/**
 * Walks forward in time only (each call's date ≥ the previous call's date for that symbol), so a
 * whole history costs O(days + closes) per symbol.
 */
export class PriceCursor {
  private readonly position = new Map<string, number>();
  private readonly splits = new Map<string, Split[]>();

  constructor(
    private readonly prices: PriceHistory,
    transactions: readonly Transaction[],
  ) {
    for (const [symbol, closes] of prices) checkCloses(symbol, closes);
    for (const tx of transactions) {
      if (tx.type !== 'split') continue;
      const list = this.splits.get(tx.symbol) ?? [];
      list.push({ date: tx.date, ratio: tx.ratio });
      this.splits.set(tx.symbol, list);
    }
  }

  /** Π of the ledger split ratios of `symbol` dated in (after, upTo]. */
  private splitFactor(symbol: string, after: IsoDate, upTo: IsoDate): number {
    let f = 1;
    for (const s of this.splits.get(symbol) ?? [])
      if (s.date > after && s.date <= upTo) f *= s.ratio;
    return f;
  }

  /**
   * Price of `symbol` at the close of `date`. `lastTrade` is the ledger's last trade of the
   * symbol up to `date` (already split-adjusted by the ledger).
   *
   * @throws BallastError DATA_UNAVAILABLE when there is neither a close on or before `date` nor
   *   a trade price.
   */
  price(symbol: string, date: IsoDate, lastTrade: LastTrade | undefined): PriceLookup {
    const closes = this.prices.get(symbol) ?? [];
    let i = this.position.get(symbol) ?? -1;
    while (i + 1 < closes.length && closes[i + 1]!.date <= date) i += 1;
    this.position.set(symbol, i);
    const known = closes[i];
    if (known?.date === date) return { price: known.close };
    if (known) {
      const price = known.close / this.splitFactor(symbol, known.date, date);
      return { price, flag: { kind: 'carriedClose', priceDate: known.date } };
    }
    if (lastTrade)
      return { price: lastTrade.price, flag: { kind: 'lastTrade', priceDate: lastTrade.date } };
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `prices: no close of ${symbol} on or before ${date} and no trade price in the ledger`,
      { field: 'prices', symbol, date },
    );
  }
}
