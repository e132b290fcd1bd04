/**
 * The ledger's open lots, indexed by holding (account × symbol) and kept in relief order, so
 * that a sale costs O(log n) in the number of open lots (O(1) for FIFO and LIFO) rather than a
 * scan and sort of every lot. The relief rules are those of `relieveLots` (relief.ts) and give
 * the same slices, to the cent and the 1e-9 share.
 */

import { BallastError } from '../errors.ts';
import { Holding } from './holding.ts';
import { LotStore } from './lot-store.ts';
import { roundQuantity, type Cents } from './money.ts';
import type { ReliefRequest } from './relief.ts';
import type { Lot, LotMethod, SourceRef } from './types.ts';

/** A piece of a stored lot taken out by a sale, cover or transfer. */
export interface StoredSlice {
  /** The lot's index in the book's store. */
  readonly lot: number;
  /** Signed quantity taken (same sign as the lot). */
  readonly quantity: number;
  /** Signed basis taken with it. */
  readonly basisCents: Cents;
  /** The part of `basisCents` that is a wash-sale adjustment, when the lot carries one. */
  readonly washCents?: Cents;
}

function where(source: SourceRef): string {
  return source.file ? `${source.file}:${source.line}` : `line ${source.line}`;
}

function shortfall(req: ReliefRequest, remaining: number): BallastError {
  return new BallastError(
    'INVALID_INPUT',
    `${where(req.source)}: lots: the listed lots hold ${roundQuantity(req.quantity - remaining)} of the ${req.quantity} ${req.symbol} shares to close`,
    { ...req.source, column: 'lots', value: req.lotIds },
  );
}

/** Open lots of a ledger by holding, in relief order for one lot method. */
export class LotBook {
  readonly store = new LotStore<Holding>();
  private readonly holdings = new Map<string, Map<string, Holding>>();
  private readonly bySymbol = new Map<string, Holding[]>();
  /** The slices the relief under way has taken (a fresh array per relief). */
  private taken: StoredSlice[] = [];
  /** Lots a split brought to zero shares: open (as before) until the next relief. */
  private zeros: number[] = [];

  /** `method` picks the order kept: LIFO, HIFO, or FIFO (FIFO, average and specific). */
  constructor(readonly method: LotMethod) {}

  /** The holdings of an account by symbol (a live map, empty at first). */
  holdingsOf(account: string): ReadonlyMap<string, Holding> {
    let byAccount = this.holdings.get(account);
    if (!byAccount) this.holdings.set(account, (byAccount = new Map<string, Holding>()));
    return byAccount;
  }

  /** The holding of `account` × `symbol`, created empty on first use. */
  holding(account: string, symbol: string): Holding {
    let byAccount = this.holdings.get(account);
    if (!byAccount) this.holdings.set(account, (byAccount = new Map<string, Holding>()));
    let holding = byAccount.get(symbol);
    if (!holding) {
      holding = new Holding(account, symbol, this);
      byAccount.set(symbol, holding);
      const list = this.bySymbol.get(symbol);
      if (list) list.push(holding);
      else this.bySymbol.set(symbol, [holding]);
    }
    return holding;
  }

  /**
   * Adds a lot (last in creation order) to `holding`. `lot.id` is the opening row's source line
   * (id `L<line>`) or an id. A zero-quantity lot stays open until the next relief.
   */
  add(
    holding: Holding,
    lot: Omit<Lot, 'id' | 'account' | 'symbol'> & { id: number | string },
  ): number {
    const i = this.store.add(holding, lot);
    if (lot.quantity === 0) this.zeros.push(i);
    else holding.add(i);
    return i;
  }

  /**
   * Splits `quantity` shares (0 < quantity < the lot's, same sign) off an open lot into a new
   * lot with the same id, holding and acquisition date and the pro-rata basis (rounded to the
   * cent); returns the new lot's index. Wash sales use it when only part of a lot replaces.
   */
  splitOff(lot: number, quantity: number): number {
    const { store } = this;
    const holding = store.holding[lot]!;
    const q = store.quantity[lot]!;
    const basis = store.basisCents[lot]!;
    const cut = Math.round((basis * quantity) / q);
    holding.setQuantity(lot, roundQuantity(q - quantity));
    store.basisCents[lot] = basis - cut;
    holding.update(lot);
    const tax = store.tax.get(lot);
    return this.add(holding, {
      id: store.id(lot),
      acquired: store.acquired[lot]!,
      quantity,
      basisCents: cut,
      ...(tax?.inherited ? { inherited: true } : {}),
    });
  }

  /** The open lots in creation order, as lot objects. */
  lots(): Lot[] {
    const { store } = this;
    const out: Lot[] = [];
    for (let i = 0; i < store.size; i++)
      if (!store.closed[i]) out.push(store.lot(i, store.holding[i]!));
    return out;
  }

  /** A lot object for a slice taken out of a stored lot. */
  sliceLot(slice: StoredSlice): Lot {
    return this.store.slice(slice.lot, this.store.holding[slice.lot]!, slice);
  }

  /** The long lots of a holding in creation order (for a return of capital). */
  longLots(holding: Holding): number[] {
    return holding.long.unordered().sort((a, b) => a - b);
  }

  /** The holdings of `symbol` in every account, in first-use order (a fresh array). */
  holdingsOfSymbol(symbol: string): Holding[] {
    return [...(this.bySymbol.get(symbol) ?? [])];
  }

  /**
   * Moves every open lot of `from` into `to` (a holding of another symbol), its quantity ×
   * `ratio` rounded to 1e-9 share, keeping its id, basis, dates and tax marks (a symbol change
   * or a merger, docs/corporate-actions.md). A lot brought to zero shares closes at the next
   * relief, as after a split.
   */
  move(from: Holding, to: Holding, ratio: number): void {
    const { store } = this;
    const lots = [...from.long.unordered(), ...from.short.unordered()].sort((a, b) => a - b);
    for (const lot of lots) {
      from.remove(lot);
      const quantity = roundQuantity(store.quantity[lot]! * ratio);
      store.quantity[lot] = quantity;
      store.holding[lot] = to;
      if (quantity === 0) this.zeros.push(lot);
      else to.add(lot);
    }
  }

  /** Multiplies the quantity of every lot of `symbol` by `ratio` (a split; `ratio` > 0). */
  split(symbol: string, ratio: number): void {
    for (const holding of this.bySymbol.get(symbol) ?? []) this.zeros.push(...holding.split(ratio));
  }

  private close(holding: Holding, lot: number): void {
    holding.remove(lot);
    this.store.closed[lot] = 1;
  }

  /**
   * Takes `req.quantity` shares out of `holding`'s lots (`req.account` × `req.symbol`) on
   * `req.side`, in the method's order or from the listed lots in the order given, exactly as
   * `relieveLots` does: whole lots keep their basis, the last lot is cut pro rata (rounded to
   * the cent), emptied lots close, and average cost first gives every lot on the side the
   * pool's average cost. Lots a split brought to zero close here too.
   *
   * @throws BallastError NOT_FOUND (a listed lot that is not open) or INVALID_INPUT (listed
   *   lots that do not cover the quantity, or not enough lots), naming file and line.
   */
  relieve(holding: Holding, req: ReliefRequest): StoredSlice[] {
    if (this.zeros.length > 0) {
      for (const lot of this.zeros) this.store.closed[lot] = 1;
      this.zeros = [];
    }
    const sign = req.side === 'long' ? 1 : -1;
    if (req.lotIds?.length) return this.relieveListed(holding, req, sign);
    const side = sign > 0 ? holding.long : holding.short;
    if (req.method === 'average') this.average(side.fifo());
    this.taken = [];
    let remaining = req.quantity;
    while (remaining > 0) {
      const lot = side.next();
      if (lot < 0) break;
      remaining = this.take(lot, remaining, sign);
      if (this.store.quantity[lot] === 0) this.close(holding, lot);
      else side.update(lot);
    }
    if (remaining > 0) throw shortfall(req, remaining);
    return this.taken;
  }

  /**
   * Average cost (relief.ts `averageBasis`): every lot, in FIFO order, gets the pool's basis
   * per share, rounded to the cent, the last one the remainder.
   */
  private average(lots: readonly number[]): void {
    const { basisCents, quantity } = this.store;
    let total = 0;
    let shares = 0;
    for (const i of lots) total += basisCents[i]!;
    for (const i of lots) shares += quantity[i]!;
    let assigned = 0;
    lots.forEach((i, k) => {
      basisCents[i] =
        k === lots.length - 1 ? total - assigned : Math.round((total * quantity[i]!) / shares);
      assigned += basisCents[i];
    });
  }

  private relieveListed(holding: Holding, req: ReliefRequest, sign: number): StoredSlice[] {
    const picked = req.lotIds!.flatMap((id) => {
      const lots = holding.findAll(id, sign);
      if (lots.length === 0) {
        throw new BallastError(
          'NOT_FOUND',
          `${where(req.source)}: lots: lot "${id}" is not an open ${req.side} lot of ${req.symbol} in account ${req.account}`,
          { ...req.source, column: 'lots', value: id },
        );
      }
      return lots;
    });
    this.taken = [];
    let remaining = req.quantity;
    for (const lot of picked) {
      if (remaining <= 0) break;
      remaining = this.take(lot, remaining, sign);
    }
    if (remaining > 0) throw shortfall(req, remaining);
    for (const lot of picked) {
      if (!Holding.isOpen(this.store, lot)) continue;
      if (this.store.quantity[lot] === 0) this.close(holding, lot);
      else holding.update(lot);
    }
    return this.taken;
  }

  /**
   * One step of `relieveLots`: takes up to `remaining` shares from a lot of sign `sign` into
   * {@link LotBook.taken}; returns the rest.
   */
  private take(lot: number, remaining: number, sign: number): number {
    const { quantity, basisCents } = this.store;
    const q = quantity[lot]!;
    const basis = basisCents[lot]!;
    const whole = roundQuantity(Math.abs(q) - remaining) <= 0;
    const taken = whole ? Math.abs(q) : remaining;
    const signed = sign * taken;
    const cut = whole ? basis : Math.round((basis * signed) / q);
    const tax = this.store.tax.get(lot);
    if (tax && tax.washCents !== 0) {
      const wash = whole ? tax.washCents : Math.round((tax.washCents * signed) / q);
      tax.washCents -= wash;
      this.taken.push({ lot, quantity: signed, basisCents: cut, washCents: wash });
    } else this.taken.push({ lot, quantity: signed, basisCents: cut });
    this.store.holding[lot]!.setQuantity(lot, roundQuantity(q - signed));
    basisCents[lot] = basis - cut;
    return roundQuantity(remaining - taken);
  }
}
