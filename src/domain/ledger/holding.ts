/**
 * One holding (account × symbol) of the ledger: its long and short lots in relief order, its
 * quantity summed exactly, and (built on first use) its lots by id for specific identification.
 */

import { HeapSide, OrderedSide, type LotSide } from './lot-side.ts';
import { LONG_SIDE, NO_SIDE, SHORT_SIDE, type LotStore } from './lot-store.ts';
import { roundQuantity } from './money.ts';
import type { LotMethod } from './types.ts';

/** Quantities are kept to 1e-9 share (money.ts `roundQuantity`): the held sum counts in those. */
const NANO = 1e9;

const ascending = (a: number, b: number): number => a - b;

/** The open lots of one account × symbol. */
export class Holding {
  readonly long: LotSide;
  readonly short: LotSide;
  /** Σ quantity in 1e-9 share units (exact integers). */
  private nano = 0;
  /** Lots whose quantity is not a whole number of 1e-9 shares (a raw input quantity). */
  private offGrid = 0;
  private ids: Map<string, number[]> | undefined;

  constructor(
    readonly account: string,
    readonly symbol: string,
    private readonly context: { readonly method: LotMethod; readonly store: LotStore<Holding> },
  ) {
    const { method, store } = context;
    const side = (mark: number): LotSide =>
      method === 'hifo'
        ? new HeapSide(store, mark)
        : new OrderedSide(store, { mark, lifo: method === 'lifo' });
    this.long = side(LONG_SIDE);
    this.short = side(SHORT_SIDE);
  }

  private get store(): LotStore<Holding> {
    return this.context.store;
  }

  private count(quantity: number, sign: 1 | -1): void {
    const n = Math.round(quantity * NANO);
    if (n / NANO !== quantity) this.offGrid += sign;
    this.nano += sign * n;
  }

  /** Every lot in a side, in creation order. */
  private all(): number[] {
    return [...this.long.unordered(), ...this.short.unordered()].sort(ascending);
  }

  /**
   * The signed quantity held, rounded to 1e-9 share: the exact sum of the lots' quantities
   * (multiples of 1e-9 share), or their sum in creation order when a lot carries more decimals.
   */
  held(): number {
    if (this.offGrid > 0) {
      const q = this.store.quantity;
      return roundQuantity(this.all().reduce((s, i) => s + q[i]!, 0));
    }
    return this.nano === 0 ? 0 : this.nano / NANO;
  }

  /** Adds an open lot (non-zero quantity) to the side of its sign. */
  add(lot: number): void {
    const quantity = this.store.quantity[lot]!;
    this.count(quantity, 1);
    (quantity > 0 ? this.long : this.short).add(lot);
    if (!this.ids) return;
    const id = this.store.id(lot);
    const list = this.ids.get(id);
    if (list) list.push(lot);
    else this.ids.set(id, [lot]);
  }

  /** Removes a lot from its side. */
  remove(lot: number): void {
    const store = this.store;
    (store.side[lot] === LONG_SIDE ? this.long : this.short).remove(lot);
    this.count(store.quantity[lot]!, -1);
    if (!this.ids) return;
    const id = store.id(lot);
    const rest = this.ids.get(id)?.filter((i) => i !== lot) ?? [];
    if (rest.length === 0) this.ids.delete(id);
    else this.ids.set(id, rest);
  }

  /** Sets a lot's quantity (same sign, or zero just before it leaves), keeping the sum exact. */
  setQuantity(lot: number, quantity: number): void {
    this.count(this.store.quantity[lot]!, -1);
    this.store.quantity[lot] = quantity;
    this.count(quantity, 1);
  }

  /** Tells the lot's side that its basis or quantity changed. */
  update(lot: number): void {
    (this.store.side[lot] === LONG_SIDE ? this.long : this.short).update(lot);
  }

  /**
   * The open lots `id` of the given sign in creation order (specific identification): one lot,
   * or several when a wash sale split part of it off (the pieces keep the id).
   */
  findAll(id: string, sign: number): number[] {
    this.find(id, sign);
    const store = this.store;
    const side = sign > 0 ? LONG_SIDE : SHORT_SIDE;
    return this.ids!.get(id)?.filter((i) => store.side[i] === side) ?? [];
  }

  /** The open lot `id` of the given sign, first in creation order (specific identification). */
  find(id: string, sign: number): number {
    const store = this.store;
    if (!this.ids) {
      this.ids = new Map();
      for (const lot of this.all()) {
        const list = this.ids.get(store.id(lot));
        if (list) list.push(lot);
        else this.ids.set(store.id(lot), [lot]);
      }
    }
    const side = sign > 0 ? LONG_SIDE : SHORT_SIDE;
    return this.ids.get(id)?.find((i) => store.side[i] === side) ?? -1;
  }

  /**
   * Multiplies every lot's quantity by `ratio` (> 0; rounded to 1e-9 share); returns the lots
   * that reached zero, which leave their side.
   */
  split(ratio: number): number[] {
    const store = this.store;
    const zeros: number[] = [];
    for (const lot of [...this.long.unordered(), ...this.short.unordered()]) {
      const quantity = roundQuantity(store.quantity[lot]! * ratio);
      if (quantity !== 0) {
        this.setQuantity(lot, quantity);
        continue;
      }
      this.remove(lot);
      store.quantity[lot] = 0;
      zeros.push(lot);
    }
    this.long.reorder();
    this.short.reorder();
    return zeros;
  }

  /** True when the lot sits in one of this holding's sides. */
  static isOpen(store: LotStore<Holding>, lot: number): boolean {
    return store.side[lot] !== NO_SIDE;
  }
}
