/**
 * The ledger's open lots, indexed by holding (account × symbol) and kept in relief order, so
 * that a sale costs O(log n) in the number of open lots (O(1) for FIFO and LIFO) rather than a
 * scan and sort of every lot. The relief rules are those of `relieveLots` (relief.ts) and give
 * the same slices, to the cent and the 1e-9 share.
 */

import { BallastError } from '../errors.ts';
import { Holding } from './holding.ts';
import type { LotEntry } from './lot-side.ts';
import { roundQuantity } from './money.ts';
import { averageBasis, type LotSlice, type ReliefRequest } from './relief.ts';
import type { Lot, LotMethod, SourceRef } from './types.ts';

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
  private readonly holdings = new Map<string, Map<string, Holding>>();
  private readonly bySymbol = new Map<string, Holding[]>();
  /** Every lot in creation order; closed ones are dropped when they are the majority. */
  private entries: LotEntry[] = [];
  private open = 0;
  /** Lots a split brought to zero shares: open (as before) until the next relief. */
  private zeros: LotEntry[] = [];
  private seq = 0;

  /** `method` picks the order kept: LIFO, HIFO, or FIFO (FIFO, average and specific). */
  constructor(private readonly method: LotMethod) {}

  /** The holding of `account` × `symbol`, created empty on first use. */
  holding(account: string, symbol: string): Holding {
    let byAccount = this.holdings.get(account);
    if (!byAccount) this.holdings.set(account, (byAccount = new Map()));
    let holding = byAccount.get(symbol);
    if (!holding) {
      holding = new Holding(account, symbol, this.method);
      byAccount.set(symbol, holding);
      const list = this.bySymbol.get(symbol);
      if (list) list.push(holding);
      else this.bySymbol.set(symbol, [holding]);
    }
    return holding;
  }

  /** Adds a lot (last in creation order). A zero-quantity lot stays open until the next relief. */
  add(lot: Lot): void {
    const entry: LotEntry = {
      lot,
      seq: this.seq++,
      index: -1,
      key: 0,
      side: undefined,
      closed: false,
    };
    this.entries.push(entry);
    this.open++;
    if (lot.quantity === 0) this.zeros.push(entry);
    else this.holding(lot.account, lot.symbol).add(entry);
  }

  /** The open lots in creation order. */
  lots(): Lot[] {
    const out: Lot[] = [];
    for (const entry of this.entries) if (!entry.closed) out.push(entry.lot);
    return out;
  }

  /** The long lots of a holding in creation order (for a return of capital). */
  longLots(account: string, symbol: string): Lot[] {
    return this.holding(account, symbol)
      .long.fifo()
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e.lot);
  }

  /** Multiplies the quantity of every lot of `symbol` by `ratio` (a split). */
  split(symbol: string, ratio: number): void {
    for (const holding of this.bySymbol.get(symbol) ?? []) this.zeros.push(...holding.split(ratio));
  }

  private close(holding: Holding, entry: LotEntry): void {
    holding.remove(entry);
    this.retire(entry);
  }

  private retire(entry: LotEntry): void {
    entry.closed = true;
    this.open--;
    if (this.entries.length > 1024 && this.open < this.entries.length / 2) {
      this.entries = this.entries.filter((e) => !e.closed);
    }
  }

  /**
   * Takes `req.quantity` shares out of the holding's lots on `req.side`, in the method's order
   * or from the listed lots in the order given, exactly as `relieveLots` does: whole lots keep
   * their basis, the last lot is cut pro rata (rounded to the cent), emptied lots close, and
   * average cost first gives every lot on the side the pool's average cost. Lots a split
   * brought to zero close here too.
   *
   * @throws BallastError NOT_FOUND (a listed lot that is not open) or INVALID_INPUT (listed
   *   lots that do not cover the quantity, or not enough lots), naming file and line.
   */
  relieve(req: ReliefRequest): LotSlice[] {
    for (const entry of this.zeros) if (!entry.closed) this.retire(entry);
    this.zeros = [];
    const holding = this.holding(req.account, req.symbol);
    const sign = req.side === 'long' ? 1 : -1;
    if (req.lotIds?.length) return this.relieveListed(holding, req, sign);
    const side = sign > 0 ? holding.long : holding.short;
    if (req.method === 'average') averageBasis(side.fifo().map((e) => e.lot));
    const slices: LotSlice[] = [];
    let remaining = req.quantity;
    while (remaining > 0) {
      const entry = side.next();
      if (!entry) break;
      remaining = take(holding, entry, { remaining, sign, slices });
      if (entry.lot.quantity === 0) this.close(holding, entry);
      else side.update(entry);
    }
    if (remaining > 0) throw shortfall(req, remaining);
    return slices;
  }

  private relieveListed(holding: Holding, req: ReliefRequest, sign: number): LotSlice[] {
    const picked = req.lotIds!.map((id) => {
      const entry = holding.find(id, sign);
      if (!entry) {
        throw new BallastError(
          'NOT_FOUND',
          `${where(req.source)}: lots: lot "${id}" is not an open ${req.side} lot of ${req.symbol} in account ${req.account}`,
          { ...req.source, column: 'lots', value: id },
        );
      }
      return entry;
    });
    const slices: LotSlice[] = [];
    let remaining = req.quantity;
    for (const entry of picked) {
      if (remaining <= 0) break;
      remaining = take(holding, entry, { remaining, sign, slices });
    }
    if (remaining > 0) throw shortfall(req, remaining);
    for (const entry of picked) {
      if (entry.side === undefined) continue;
      if (entry.lot.quantity === 0) this.close(holding, entry);
      else entry.side.update(entry);
    }
    return slices;
  }
}

/** One step of `relieveLots`: takes up to `remaining` shares from one lot; returns what is left. */
function take(
  holding: Holding,
  entry: LotEntry,
  step: { remaining: number; sign: number; slices: LotSlice[] },
): number {
  const { remaining, sign } = step;
  const lot = entry.lot;
  const whole = roundQuantity(Math.abs(lot.quantity) - remaining) <= 0;
  const taken = whole ? Math.abs(lot.quantity) : remaining;
  const signed = sign * taken;
  const basis = whole ? lot.basisCents : Math.round((lot.basisCents * signed) / lot.quantity);
  step.slices.push({ lot, quantity: signed, basisCents: basis });
  holding.setQuantity(entry, roundQuantity(lot.quantity - signed));
  lot.basisCents -= basis;
  return roundQuantity(remaining - taken);
}
