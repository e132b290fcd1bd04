/**
 * One holding (account × symbol) of the ledger: its long and short lots in relief order, its
 * quantity summed exactly, and (built on first use) its lots by id for specific identification.
 */

import { HeapSide, OrderedSide, type LotEntry, type LotSide } from './lot-side.ts';
import { roundQuantity } from './money.ts';
import type { LotMethod } from './types.ts';

/** Quantities are kept to 1e-9 share (money.ts `roundQuantity`): the held sum counts in those. */
const NANO = 1e9;

function sideFor(method: LotMethod, long: boolean): LotSide {
  return method === 'hifo' ? new HeapSide(long) : new OrderedSide(method === 'lifo');
}

const bySeq = (a: LotEntry, b: LotEntry): number => a.seq - b.seq;

/** The open lots of one account × symbol. */
export class Holding {
  readonly long: LotSide;
  readonly short: LotSide;
  /** Σ quantity in 1e-9 share units (exact integers). */
  private nano = 0;
  /** Lots whose quantity is not a whole number of 1e-9 shares (a raw input quantity). */
  private offGrid = 0;
  private ids: Map<string, LotEntry[]> | undefined;

  constructor(
    readonly account: string,
    readonly symbol: string,
    method: LotMethod,
  ) {
    this.long = sideFor(method, true);
    this.short = sideFor(method, false);
  }

  /** The side a lot of this signed quantity belongs to. */
  side(quantity: number): LotSide {
    return quantity > 0 ? this.long : this.short;
  }

  private count(quantity: number, sign: 1 | -1): void {
    const n = Math.round(quantity * NANO);
    if (n / NANO !== quantity) this.offGrid += sign;
    this.nano += sign * n;
  }

  /**
   * The signed quantity held, rounded to 1e-9 share: the exact sum of the lots' quantities
   * (they are multiples of 1e-9 share), or their sum in creation order when a lot carries more
   * decimals than that.
   */
  held(): number {
    if (this.offGrid > 0) {
      const all = [...this.long.fifo(), ...this.short.fifo()].sort(bySeq);
      return roundQuantity(all.reduce((s, e) => s + e.lot.quantity, 0));
    }
    return this.nano === 0 ? 0 : this.nano / NANO;
  }

  /** Adds an open lot (non-zero quantity). */
  add(entry: LotEntry): void {
    this.count(entry.lot.quantity, 1);
    this.side(entry.lot.quantity).add(entry);
    const list = this.ids?.get(entry.lot.id);
    if (list) {
      list.push(entry);
      if (list.length > 1 && list.at(-2)!.seq > entry.seq) list.sort(bySeq);
    } else this.ids?.set(entry.lot.id, [entry]);
  }

  /** Removes a lot from its side. */
  remove(entry: LotEntry): void {
    entry.side?.remove(entry);
    this.count(entry.lot.quantity, -1);
    const list = this.ids?.get(entry.lot.id);
    if (!list) return;
    const rest = list.filter((e) => e !== entry);
    if (rest.length === 0) this.ids!.delete(entry.lot.id);
    else this.ids!.set(entry.lot.id, rest);
  }

  /** Sets a lot's quantity (same sign or zero), keeping the held sum exact. */
  setQuantity(entry: LotEntry, quantity: number): void {
    this.count(entry.lot.quantity, -1);
    entry.lot.quantity = quantity;
    this.count(quantity, 1);
  }

  /** The open lot `id` of the given sign, first in creation order (specific identification). */
  find(id: string, sign: number): LotEntry | undefined {
    if (!this.ids) {
      this.ids = new Map();
      for (const entry of [...this.long.fifo(), ...this.short.fifo()].sort(bySeq)) {
        const list = this.ids.get(entry.lot.id);
        if (list) list.push(entry);
        else this.ids.set(entry.lot.id, [entry]);
      }
    }
    return this.ids
      .get(id)
      ?.find((e) => e.side !== undefined && Math.sign(e.lot.quantity) === sign);
  }

  /**
   * Multiplies every lot's quantity by `ratio` (rounded to 1e-9 share); returns the lots that
   * reached zero, which leave their side.
   */
  split(ratio: number): LotEntry[] {
    const zeros: LotEntry[] = [];
    for (const entry of [...this.long.fifo(), ...this.short.fifo()]) {
      const quantity = roundQuantity(entry.lot.quantity * ratio);
      if (Math.sign(quantity) === Math.sign(entry.lot.quantity)) {
        this.setQuantity(entry, quantity);
        continue;
      }
      this.remove(entry);
      entry.lot.quantity = quantity;
      if (quantity === 0) zeros.push(entry);
      else this.add(entry);
    }
    this.long.reorder();
    this.short.reorder();
    return zeros;
  }
}
