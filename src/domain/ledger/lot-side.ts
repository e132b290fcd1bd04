/**
 * The open lots of one side (long or short) of one holding, kept in lot relief order so that a
 * sale finds its next lot in O(1) (FIFO, LIFO) or O(log n) (HIFO) instead of sorting every open
 * lot of the ledger (docs/conventions.md "Holdings, ledger and exposures").
 */

import type { Lot } from './types.ts';

/** A lot with the bookkeeping the ledger needs to find it quickly. */
export interface LotEntry {
  readonly lot: Lot;
  /** Creation order over the whole ledger (the order lots were opened or received). */
  readonly seq: number;
  /** Position in a {@link HeapSide}'s array; unused by an {@link OrderedSide}. */
  index: number;
  /** HIFO key: signed basis per signed share (cents per share). */
  key: number;
  /** The side the lot sits in while it is open with a non-zero quantity. */
  side: LotSide | undefined;
  /** True once the lot has left the ledger (fully relieved, or a split brought it to zero). */
  closed: boolean;
}

/** FIFO order: earlier acquisition first, creation order between equal dates. */
export function fifoBefore(a: LotEntry, b: LotEntry): boolean {
  const x = a.lot.acquired;
  const y = b.lot.acquired;
  return x < y || (x === y && a.seq < b.seq);
}

/** One side of a holding in relief order. */
export interface LotSide {
  /** Open lots in the side. */
  readonly size: number;
  add(entry: LotEntry): void;
  /** Removes an entry anywhere in the side. */
  remove(entry: LotEntry): void;
  /** The next lot to relieve, or undefined when the side is empty. */
  next(): LotEntry | undefined;
  /** Tells the side that `entry`'s basis or quantity changed (its HIFO key may move). */
  update(entry: LotEntry): void;
  /** Tells the side that every entry's basis or quantity may have changed. */
  reorder(): void;
  /** The open entries in FIFO order (a fresh array). */
  fifo(): LotEntry[];
}

/**
 * FIFO or LIFO: an array sorted in FIFO order with removed entries left as tombstones until
 * the array is compacted. New lots almost always come last (trades are dated in order), so an
 * insert is a push; a transfer with an earlier acquisition date is a binary-search insert.
 */
export class OrderedSide implements LotSide {
  private items: LotEntry[] = [];
  private head = 0;
  size = 0;

  constructor(private readonly lifo: boolean) {}

  add(entry: LotEntry): void {
    entry.side = this;
    this.size++;
    const items = this.items;
    const n = items.length;
    if (n === this.head || fifoBefore(items[n - 1]!, entry)) {
      items.push(entry);
      return;
    }
    let lo = this.head;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (fifoBefore(items[mid]!, entry)) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, entry);
  }

  remove(entry: LotEntry): void {
    entry.side = undefined;
    this.size--;
    const items = this.items;
    while (items.length > this.head && items[items.length - 1]!.side !== this) items.pop();
    while (this.head < items.length && items[this.head]!.side !== this) this.head++;
    if (this.head === items.length) {
      this.items = [];
      this.head = 0;
    } else if (items.length - this.head > 2 * this.size + 32) {
      this.items = this.fifo();
      this.head = 0;
    }
  }

  next(): LotEntry | undefined {
    if (this.size === 0) return undefined;
    return this.lifo ? this.items[this.items.length - 1] : this.items[this.head];
  }

  update(): void {}

  reorder(): void {}

  fifo(): LotEntry[] {
    const out: LotEntry[] = [];
    const items = this.items;
    for (let i = this.head; i < items.length; i++) if (items[i]!.side === this) out.push(items[i]!);
    return out;
  }
}

/**
 * HIFO: a binary heap on cost per share — highest first for long lots, lowest short price first
 * for short lots — with FIFO order between equal costs, so the order is the one a full sort
 * gives (J. W. J. Williams, "Algorithm 232: Heapsort", CACM 7(6), 1964).
 */
export class HeapSide implements LotSide {
  private heap: LotEntry[] = [];

  constructor(private readonly long: boolean) {}

  get size(): number {
    return this.heap.length;
  }

  private before(a: LotEntry, b: LotEntry): boolean {
    if (a.key !== b.key) return this.long ? a.key > b.key : a.key < b.key;
    return fifoBefore(a, b);
  }

  add(entry: LotEntry): void {
    entry.side = this;
    entry.key = entry.lot.basisCents / entry.lot.quantity;
    entry.index = this.heap.length;
    this.heap.push(entry);
    this.up(entry.index);
  }

  remove(entry: LotEntry): void {
    entry.side = undefined;
    const heap = this.heap;
    const last = heap.pop()!;
    if (last === entry) return;
    heap[entry.index] = last;
    last.index = entry.index;
    this.down(this.up(last.index));
  }

  next(): LotEntry | undefined {
    return this.heap[0];
  }

  update(entry: LotEntry): void {
    entry.key = entry.lot.basisCents / entry.lot.quantity;
    this.down(this.up(entry.index));
  }

  reorder(): void {
    const heap = this.heap;
    for (const entry of heap) entry.key = entry.lot.basisCents / entry.lot.quantity;
    for (let i = (heap.length >>> 1) - 1; i >= 0; i--) this.down(i);
  }

  fifo(): LotEntry[] {
    return [...this.heap].sort((a, b) => (fifoBefore(a, b) ? -1 : 1));
  }

  private swap(i: number, j: number): void {
    const heap = this.heap;
    const a = heap[i]!;
    const b = heap[j]!;
    heap[i] = b;
    heap[j] = a;
    a.index = j;
    b.index = i;
  }

  private up(start: number): number {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.before(this.heap[i]!, this.heap[parent]!)) break;
      this.swap(i, parent);
      i = parent;
    }
    return i;
  }

  private down(start: number): void {
    const heap = this.heap;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) return;
      const r = l + 1;
      const child = r < heap.length && this.before(heap[r]!, heap[l]!) ? r : l;
      if (!this.before(heap[child]!, heap[i]!)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
