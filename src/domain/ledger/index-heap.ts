/**
 * A binary heap of lot indices (J. W. J. Williams, "Algorithm 232: Heapsort", CACM 7(6), 1964)
 * that records each lot's position in `positions`, so that a lot anywhere in the heap can be
 * removed, or moved after its key changed, in O(log n).
 */

/** Where each lot sits in its heap (−1: in none), shared by every heap of a ledger. */
export interface HeapPositions {
  readonly heapIndex: Int32Array;
}

/** A heap whose top is the lot that comes first under `before` (a strict total order). */
export class IndexHeap {
  private readonly heap: number[] = [];

  constructor(
    private readonly positions: HeapPositions,
    private readonly before: (a: number, b: number) => boolean,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  /** The first lot, or −1 when empty. */
  peek(): number {
    return this.heap.length === 0 ? -1 : this.heap[0]!;
  }

  /** The lots in heap order (a fresh array). */
  items(): number[] {
    return [...this.heap];
  }

  push(lot: number): void {
    this.heap.push(lot);
    this.up(this.heap.length - 1);
  }

  /** Removes `lot` (which must be in this heap); its position becomes −1. */
  remove(lot: number): void {
    const heap = this.heap;
    const last = heap.pop()!;
    const at = this.positions.heapIndex[lot]!;
    this.positions.heapIndex[lot] = -1;
    if (last === lot) return;
    heap[at] = last;
    this.positions.heapIndex[last] = at;
    this.down(this.up(at));
  }

  /** Restores the order after `lot`'s key changed. */
  fix(lot: number): void {
    this.down(this.up(this.positions.heapIndex[lot]!));
  }

  /** Restores the order after any keys changed. */
  heapify(): void {
    for (let i = (this.heap.length >>> 1) - 1; i >= 0; i--) this.down(i);
  }

  private place(lot: number, at: number): void {
    this.heap[at] = lot;
    this.positions.heapIndex[lot] = at;
  }

  private up(start: number): number {
    const heap = this.heap;
    const lot = heap[start]!;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.before(lot, heap[parent]!)) break;
      this.place(heap[parent]!, i);
      i = parent;
    }
    this.place(lot, i);
    return i;
  }

  private down(start: number): void {
    const heap = this.heap;
    const n = heap.length;
    const lot = heap[start]!;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && this.before(heap[r]!, heap[l]!) ? r : l;
      if (!this.before(heap[child]!, lot)) break;
      this.place(heap[child]!, i);
      i = child;
    }
    this.place(lot, i);
  }
}
