/**
 * The open lots of one side (long or short) of one holding, as lot indices into a
 * {@link LotStore}, kept in lot relief order so that a sale finds its next lot in O(1) or
 * O(log n) instead of sorting every open lot of the ledger (docs/conventions.md "Holdings,
 * ledger and exposures").
 */

import { IndexHeap } from './index-heap.ts';
import { LONG_SIDE, NO_SIDE, type LotStore } from './lot-store.ts';

/** What a side reads from the store: dates, keys, side marks and heap positions. */
type Store = Pick<LotStore<unknown>, 'acquired' | 'key' | 'side' | 'heapIndex'>;

/** FIFO order: earlier acquisition first, creation order (the index) between equal dates. */
export function fifoBefore(store: Store, a: number, b: number): boolean {
  const x = store.acquired[a]!;
  const y = store.acquired[b]!;
  return x < y || (x === y && a < b);
}

/** One side of a holding in relief order. */
export interface LotSide {
  /** Open lots in the side. */
  readonly size: number;
  add(lot: number): void;
  /** Removes a lot anywhere in the side. */
  remove(lot: number): void;
  /** The next lot to relieve, or −1 when the side is empty. */
  next(): number;
  /** Tells the side that a lot's basis or quantity changed (its HIFO key may move). */
  update(lot: number): void;
  /** Tells the side that every lot's basis or quantity may have changed. */
  reorder(): void;
  /** The lots in FIFO order (a fresh array). */
  fifo(): number[];
  /** The lots in no particular order (a fresh array): cheaper than {@link LotSide.fifo}. */
  unordered(): number[];
}

/**
 * FIFO or LIFO. Lots almost always arrive in FIFO order (trades are dated in order): those go
 * to the end of an array sorted in FIFO order, whose removed lots stay as tombstones until it
 * is compacted. The few that arrive out of order (transfers keep their original acquisition
 * date) wait in a heap in relief order; the next lot is the better of the two heads.
 */
export class OrderedSide implements LotSide {
  private items: number[] = [];
  /** Acquisition date of the last lot in `items`. */
  private tail = '';
  private head = 0;
  private inItems = 0;
  private readonly late: IndexHeap;
  private readonly first: (a: number, b: number) => boolean;
  private readonly mark: number;
  private readonly lifo: boolean;

  constructor(
    private readonly store: Store,
    options: { mark: number; lifo: boolean },
  ) {
    this.mark = options.mark;
    this.lifo = options.lifo;
    this.first = options.lifo
      ? (a, b) => fifoBefore(store, b, a)
      : (a, b) => fifoBefore(store, a, b);
    this.late = new IndexHeap(store, this.first);
  }

  get size(): number {
    return this.inItems + this.late.size;
  }

  add(lot: number): void {
    this.store.side[lot] = this.mark;
    const items = this.items;
    // The newest lot has the largest index: it goes last unless acquired before the last one.
    if (items.length === this.head || this.store.acquired[lot]! >= this.tail) {
      this.tail = this.store.acquired[lot]!;
      items.push(lot);
      this.inItems++;
    } else this.late.push(lot);
  }

  remove(lot: number): void {
    const store = this.store;
    store.side[lot] = NO_SIDE;
    if (store.heapIndex[lot]! >= 0) {
      this.late.remove(lot);
      return;
    }
    this.inItems--;
    const items = this.items;
    const mark = this.mark;
    const length = items.length;
    while (items.length > this.head && store.side[items[items.length - 1]!] !== mark) items.pop();
    if (items.length < length && items.length > this.head)
      this.tail = store.acquired[items[items.length - 1]!]!;
    while (this.head < items.length && store.side[items[this.head]!] !== mark) this.head++;
    if (this.head === items.length) {
      this.items = [];
      this.head = 0;
    } else if (items.length - this.head > 2 * this.inItems + 32) {
      this.items = items.slice(this.head).filter((i) => store.side[i] === mark);
      this.head = 0;
    }
  }

  next(): number {
    const b = this.late.peek();
    if (this.inItems === 0) return b;
    const a = this.lifo ? this.items[this.items.length - 1]! : this.items[this.head]!;
    return b < 0 || this.first(a, b) ? a : b;
  }

  update(): void {}

  reorder(): void {}

  unordered(): number[] {
    const { store, items, mark } = this;
    const out = this.late.items();
    for (let i = this.head; i < items.length; i++)
      if (store.side[items[i]!] === mark) out.push(items[i]!);
    return out;
  }

  fifo(): number[] {
    const { store, items, mark } = this;
    const late = this.late.items().sort((a, b) => (fifoBefore(store, a, b) ? -1 : 1));
    const out: number[] = [];
    let j = 0;
    for (let i = this.head; i < items.length; i++) {
      const lot = items[i]!;
      if (store.side[lot] !== mark) continue;
      while (j < late.length && fifoBefore(store, late[j]!, lot)) out.push(late[j++]!);
      out.push(lot);
    }
    while (j < late.length) out.push(late[j++]!);
    return out;
  }
}

/**
 * HIFO: a heap on cost per share — highest first for long lots, lowest short price first for
 * short lots — with FIFO order between equal costs, the order a full sort gives.
 */
export class HeapSide implements LotSide {
  private readonly heap: IndexHeap;

  constructor(
    private readonly store: Store & Pick<LotStore<unknown>, 'rekey'>,
    private readonly mark: number,
  ) {
    const long = mark === LONG_SIDE;
    this.heap = new IndexHeap(store, (a, b) => {
      const x = store.key[a]!;
      const y = store.key[b]!;
      if (x !== y) return long ? x > y : x < y;
      return fifoBefore(store, a, b);
    });
  }

  get size(): number {
    return this.heap.size;
  }

  add(lot: number): void {
    this.store.side[lot] = this.mark;
    this.store.rekey(lot);
    this.heap.push(lot);
  }

  remove(lot: number): void {
    this.store.side[lot] = NO_SIDE;
    this.heap.remove(lot);
  }

  next(): number {
    return this.heap.peek();
  }

  update(lot: number): void {
    this.store.rekey(lot);
    this.heap.fix(lot);
  }

  reorder(): void {
    const lots = this.heap.items();
    for (const lot of lots) this.store.rekey(lot);
    this.heap.heapify();
  }

  unordered(): number[] {
    return this.heap.items();
  }

  fifo(): number[] {
    return this.heap.items().sort((a, b) => (fifoBefore(this.store, a, b) ? -1 : 1));
  }
}
