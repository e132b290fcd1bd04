/**
 * Wash sales (IRC §1091, IRS Pub. 550 "Wash Sales"; docs/conventions.md "Wash sales"), applied
 * while the ledger replays:
 *
 * - A sale of a long lot at a loss in a taxable account is tested after the relief method has
 *   picked its lots. Its replacement shares are purchases (buys and reinvested dividends) of a
 *   substantially identical security — the same equivalence group — within 30 days before or
 *   after the sale, in any account of the user, IRAs included.
 * - Replacements are matched in acquisition order; each replacement share absorbs the loss of
 *   one sold share at most; the loss is disallowed in proportion to the shares replaced (pro
 *   rata to the cent, the last share taking the remainder).
 * - A disallowed loss is added to the replacement lot's basis, and the replacement's holding
 *   period starts earlier by the days the sold shares were held (adjusted acquisition date).
 *   When only part of a lot replaces, that part is split off into its own lot (same id).
 *   A replacement bought in a traditional or Roth IRA disallows the loss for good: it is added
 *   to no basis and reported as lost (Rev. Rul. 2008-5).
 * - A purchase before the sale replaces only with shares still open at the sale (shares bought
 *   and sold again before the loss sale are not adjusted retroactively).
 * - The sold shares are never their own replacement. The contested case — the rest of a lot
 *   bought within 30 days before, part of which is sold at a loss — counts as replacement
 *   (`partialLot: 'replacement'`, the conservative default) or not (`'not-replacement'`).
 * - Replacements bought after the sale are matched when bought, so cascading wash sales resolve
 *   in date order. Short sales and their covers are not tested. Splits scale pending shares.
 */

import { addDays, daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import type { TaxType } from './accounts.ts';
import type { LotBook } from './lot-book.ts';
import { roundQuantity, type Cents } from './money.ts';
import type { RealizedSlice } from './types.ts';

/** Whether the unsold rest of a lot bought within 30 days before a loss sale replaces it. */
export type PartialLotRule = 'replacement' | 'not-replacement';

/** The wash-sale rules of a ledger replay. */
export interface WashRules {
  /** Tax treatment by account name; accounts not listed are taxable. */
  readonly taxTypes?: ReadonlyMap<string, TaxType>;
  /**
   * Substantially identical securities: symbol → group name. A symbol not listed is its own
   * group (only the same symbol is identical to it).
   */
  readonly equivalents?: ReadonlyMap<string, string>;
  /** The contested case (see the module comment); default `replacement`. */
  readonly partialLot?: PartialLotRule;
}

/** Days before and after a loss sale in which a purchase replaces (IRC §1091: 30). */
export const WASH_WINDOW_DAYS = 30;

/** A purchase that may still replace: its lot and the shares not yet used as replacement. */
interface Purchase {
  readonly lot: number;
  readonly date: IsoDate;
  readonly symbol: string;
  readonly account: string;
  unused: number;
}

/** A loss sale with shares not yet matched to a replacement. */
interface PendingLoss {
  readonly slice: number;
  readonly date: IsoDate;
  readonly symbol: string;
  /** Days the sold shares were held (from their holding-period start to the sale). */
  readonly held: number;
  shares: number;
  lossCents: Cents;
}

/** Recent purchases and pending losses of one equivalence group, oldest first. */
interface Group {
  purchases: Purchase[];
  losses: PendingLoss[];
  /** First live entries of the lists (earlier ones are out of the window or spent). */
  purchaseHead: number;
  lossHead: number;
}

/** Per-slice wash amounts, written into the realised slices at the end of the replay. */
interface SliceWash {
  disallowed: Cents;
  lost: Cents;
}

/** Applies {@link WashRules} during a replay; the ledger calls it on purchases, losses and splits. */
export class WashTracker {
  private readonly groups = new Map<string, Group>();
  private readonly washed = new Map<number, SliceWash>();
  private readonly taxTypes: ReadonlyMap<string, TaxType>;
  private readonly equivalents: ReadonlyMap<string, string>;
  private readonly sameLot: boolean;
  /** The last day pruned for and the first day of its window (dates repeat in runs). */
  private day = '';
  private first = '';

  constructor(
    rules: WashRules,
    private readonly book: LotBook,
    private readonly realized: RealizedSlice[],
  ) {
    this.taxTypes = rules.taxTypes ?? new Map();
    this.equivalents = rules.equivalents ?? new Map();
    this.sameLot = (rules.partialLot ?? 'replacement') === 'replacement';
  }

  private taxable(account: string): boolean {
    return (this.taxTypes.get(account) ?? 'taxable') === 'taxable';
  }

  private group(symbol: string): Group {
    const name = this.equivalents.get(symbol) ?? symbol;
    let group = this.groups.get(name);
    if (!group) {
      group = { purchases: [], losses: [], purchaseHead: 0, lossHead: 0 };
      this.groups.set(name, group);
    }
    return group;
  }

  /**
   * Drops purchases and losses older than the window before `date`, and spent ones at the head
   * (lists are compacted once half of them is dead).
   */
  private prune(group: Group, date: IsoDate): void {
    if (date !== this.day) {
      this.day = date;
      this.first = addDays(date, -WASH_WINDOW_DAYS);
    }
    const first = this.first;
    const { purchases, losses } = group;
    let p = group.purchaseHead;
    while (p < purchases.length && (purchases[p]!.date < first || purchases[p]!.unused <= 0)) p++;
    group.purchaseHead = p;
    let l = group.lossHead;
    while (l < losses.length && (losses[l]!.date < first || losses[l]!.shares <= 0)) l++;
    group.lossHead = l;
    if (p > 32 && p * 2 > purchases.length) {
      group.purchases = purchases.slice(p);
      group.purchaseHead = 0;
    }
    if (l > 32 && l * 2 > losses.length) {
      group.losses = losses.slice(l);
      group.lossHead = 0;
    }
  }

  /**
   * A purchase opened lot `lot` (`quantity` > 0 shares of `symbol` on `date`): it first replaces
   * pending losses of its group sold within the last 30 days, oldest first, then waits as a
   * possible replacement for losses in the next 30 days.
   */
  purchased(lot: number, tx: { date: IsoDate; symbol: string; account: string }): void {
    const group = this.group(tx.symbol);
    this.prune(group, tx.date);
    let unused = this.book.store.quantity[lot]!;
    const { losses } = group;
    for (let i = group.lossHead; i < losses.length; i++) {
      const loss = losses[i]!;
      if (unused <= 0) break;
      if (loss.shares <= 0) continue;
      const shares = Math.min(loss.shares, unused);
      // The split-off piece replaces; the rest keeps the original index for what follows.
      const piece = shares < unused ? this.book.splitOff(lot, shares) : lot;
      this.replace(loss, piece, { shares, bought: tx.date, account: tx.account });
      unused = roundQuantity(unused - shares);
    }
    if (unused > 0) {
      group.purchases.push({ lot, date: tx.date, symbol: tx.symbol, account: tx.account, unused });
    }
  }

  /**
   * A realised slice (`index` into the ledger's list) was booked: a loss on a long lot in a
   * taxable account is matched to purchases of the 30 days before, then waits for purchases of
   * the next 30 days.
   */
  sold(index: number, soldLot: number): void {
    const slice = this.realized[index]!;
    if (slice.kind !== 'sale' || slice.gainCents >= 0 || !this.taxable(slice.account)) return;
    const group = this.group(slice.symbol);
    this.prune(group, slice.disposed);
    const from = this.book.store.holdingFrom(soldLot);
    const loss: PendingLoss = {
      slice: index,
      date: slice.disposed,
      symbol: slice.symbol,
      held: Math.max(0, daysBetween(from, slice.disposed)),
      shares: slice.quantity,
      lossCents: -slice.gainCents,
    };
    const { store } = this.book;
    const { purchases } = group;
    for (let i = group.purchaseHead; i < purchases.length; i++) {
      const purchase = purchases[i]!;
      if (loss.shares <= 0) break;
      if (purchase.unused <= 0 || store.closed[purchase.lot]) continue;
      if (purchase.lot === soldLot && !this.sameLot) continue;
      const open = store.quantity[purchase.lot]!;
      const shares = Math.min(loss.shares, purchase.unused, open);
      if (shares <= 0) continue;
      const piece = shares < open ? this.book.splitOff(purchase.lot, shares) : purchase.lot;
      // A lot replacing with all its open shares has none left unwashed.
      purchase.unused = piece === purchase.lot ? 0 : roundQuantity(purchase.unused - shares);
      this.replace(loss, piece, { shares, bought: purchase.date, account: purchase.account });
    }
    if (loss.shares > 0) group.losses.push(loss);
  }

  /**
   * Disallows the loss of `by.shares` sold shares against replacement lot `piece` (exactly those
   * shares, bought on `by.bought` in `by.account`).
   */
  private replace(
    loss: PendingLoss,
    piece: number,
    by: { shares: number; bought: IsoDate; account: string },
  ): void {
    const { shares, bought, account } = by;
    const last = roundQuantity(loss.shares - shares) <= 0;
    const cents = last ? loss.lossCents : Math.round((loss.lossCents * shares) / loss.shares);
    loss.shares = last ? 0 : roundQuantity(loss.shares - shares);
    loss.lossCents -= cents;
    let wash = this.washed.get(loss.slice);
    if (!wash) this.washed.set(loss.slice, (wash = { disallowed: 0, lost: 0 }));
    wash.disallowed += cents;
    if (!this.taxable(account)) {
      wash.lost += cents;
      return;
    }
    const { store } = this.book;
    store.basisCents[piece] = store.basisCents[piece]! + cents;
    const tax = store.tax.get(piece);
    store.tax.set(piece, {
      adjustedAcquired: addDays(bought, -loss.held),
      washCents: (tax?.washCents ?? 0) + cents,
      inherited: tax?.inherited ?? false,
    });
    store.holding[piece]!.update(piece);
  }

  /** A split of `symbol` by `ratio`: pending shares of it scale (losses and purchases alike). */
  split(symbol: string, ratio: number): void {
    const group = this.groups.get(this.equivalents.get(symbol) ?? symbol);
    if (!group) return;
    for (const p of group.purchases)
      if (p.symbol === symbol) p.unused = roundQuantity(p.unused * ratio);
    for (const l of group.losses)
      if (l.symbol === symbol) l.shares = roundQuantity(l.shares * ratio);
  }

  /** Writes the disallowed (and lost) amounts into the realised slices; gains include them. */
  finish(): void {
    for (const [index, wash] of this.washed) {
      // The slices are the replay's own objects, not yet handed out: completed in place.
      const slice = this.realized[index] as {
        -readonly [K in keyof RealizedSlice]: RealizedSlice[K];
      };
      slice.gainCents += wash.disallowed;
      slice.washDisallowedCents = wash.disallowed;
      if (wash.lost !== 0) slice.washLostCents = wash.lost;
    }
  }
}
