/**
 * Every lot a ledger replay opens, stored column-wise in growable typed arrays and addressed by
 * its index — which is also its creation order. A million open lots are then a few arrays of
 * numbers rather than a million objects for the garbage collector to trace; {@link Lot}
 * objects are made only for the lots a caller gets back.
 */

import type { Cents } from './money.ts';
import type { Lot } from './types.ts';

/** Side marks of {@link LotStore.side}: not in a side, in the long side, in the short side. */
export const NO_SIDE = 0;
export const LONG_SIDE = 1;
export const SHORT_SIDE = 2;

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** A lot's tax marks (see {@link LotStore.tax}). */
export interface LotTax {
  /** Acquisition date moved back by a wash sale (the sold shares' holding period tacks on). */
  readonly adjustedAcquired: string | undefined;
  /** Disallowed wash-sale loss added to the lot's basis, in cents (cut pro rata with it). */
  washCents: Cents;
  /** Inherited: long-term whatever the dates (IRS Pub. 551). */
  readonly inherited: boolean;
}

/** Column storage of lots; `H` is the holding type each lot points to. */
export class LotStore<H> {
  /** Lots stored so far (open or closed). */
  size = 0;
  quantity = new Float64Array(256);
  basisCents = new Float64Array(256);
  /** HIFO key: signed basis per signed share. */
  key = new Float64Array(256);
  /** Position in a heap, or −1. */
  heapIndex = new Int32Array(256);
  /** {@link NO_SIDE}, {@link LONG_SIDE} or {@link SHORT_SIDE}. */
  side = new Uint8Array(256);
  /** 1 once the lot has left the ledger. */
  closed = new Uint8Array(256);
  /** Source line of the row that opened the lot: its id is `L<line>` unless {@link ids} says. */
  private line = new Float64Array(256);
  readonly acquired: string[] = [];
  readonly holding: H[] = [];
  private readonly ids = new Map<number, string>();
  /**
   * Tax marks of the few lots that carry one (sparse): a wash-sale basis adjustment with its
   * adjusted acquisition date, or an inherited lot (docs/conventions.md, "Wash sales").
   */
  readonly tax = new Map<number, LotTax>();

  /** Stores a lot and returns its index. `id` is a source line (id `L<line>`) or the id itself. */
  add(holding: H, lot: Omit<Lot, 'id' | 'account' | 'symbol'> & { id: number | string }): number {
    const i = this.size++;
    if (i === this.quantity.length) this.grow();
    this.quantity[i] = lot.quantity;
    this.basisCents[i] = lot.basisCents;
    this.heapIndex[i] = -1;
    if (typeof lot.id === 'number') this.line[i] = lot.id;
    else {
      this.line[i] = NaN;
      this.ids.set(i, lot.id);
    }
    this.acquired.push(lot.acquired);
    this.holding.push(holding);
    if (lot.adjustedAcquired !== undefined || lot.washCents || lot.inherited) {
      this.tax.set(i, {
        adjustedAcquired: lot.adjustedAcquired,
        washCents: lot.washCents ?? 0,
        inherited: lot.inherited === true,
      });
    }
    return i;
  }

  private grow(): void {
    const size = this.quantity.length * 2;
    this.quantity = grown(this.quantity, size);
    this.basisCents = grown(this.basisCents, size);
    this.key = grown(this.key, size);
    this.heapIndex = grown(this.heapIndex, size);
    this.side = grown(this.side, size);
    this.closed = grown(this.closed, size);
    this.line = grown(this.line, size);
  }

  /** The acquisition date that sets the lot's holding period: wash-adjusted when it is. */
  holdingFrom(i: number): string {
    return this.tax.get(i)?.adjustedAcquired ?? this.acquired[i]!;
  }

  /** The lot's id. */
  id(i: number): string {
    const line = this.line[i]!;
    return Number.isNaN(line) ? this.ids.get(i)! : `L${line}`;
  }

  /** Sets the HIFO key from the current basis and quantity. */
  rekey(i: number): void {
    this.key[i] = this.basisCents[i]! / this.quantity[i]!;
  }

  /** A lot object with the stored fields, for callers (a snapshot, not a live view). */
  lot(i: number, where: { account: string; symbol: string }): Lot {
    return this.slice(i, where, { quantity: this.quantity[i]!, basisCents: this.basisCents[i]! });
  }

  /** A lot object with the lot's id, holding and date and the given quantity and basis. */
  slice(
    i: number,
    where: { account: string; symbol: string },
    part: { quantity: number; basisCents: Cents; washCents?: Cents },
  ): Lot {
    const lot: Lot = {
      id: this.id(i),
      account: where.account,
      symbol: where.symbol,
      acquired: this.acquired[i]!,
      quantity: part.quantity,
      basisCents: part.basisCents,
    };
    const tax = this.tax.get(i);
    if (!tax) return lot;
    const washCents = part.washCents ?? tax.washCents;
    return {
      ...lot,
      ...(tax.adjustedAcquired === undefined ? {} : { adjustedAcquired: tax.adjustedAcquired }),
      ...(washCents === 0 ? {} : { washCents }),
      ...(tax.inherited ? { inherited: true } : {}),
    };
  }
}
