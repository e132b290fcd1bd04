import { BallastError } from '../../src/domain/errors.ts';
import { roundQuantity, type Cents } from '../../src/domain/ledger/money.ts';
import type { Lot, LotMethod, SourceRef } from '../../src/domain/ledger/types.ts';

/** A piece of a lot taken out by a sale, cover or transfer. */
export interface LotSlice {
  readonly lot: Lot;
  /** Signed quantity taken (same sign as the lot). */
  readonly quantity: number;
  /** Signed basis taken with it. */
  readonly basisCents: Cents;
}

/** What to relieve: `quantity` shares (positive) from the long or short lots of one holding. */
export interface ReliefRequest {
  readonly account: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly quantity: number;
  readonly method: LotMethod;
  readonly lotIds?: readonly string[] | undefined;
  readonly source: SourceRef;
}

function where(source: SourceRef): string {
  return source.file ? `${source.file}:${source.line}` : `line ${source.line}`;
}

const perShare = (lot: Lot): number => lot.basisCents / lot.quantity;

/**
 * Orders candidate lots for relief. FIFO: oldest acquisition first; LIFO: newest first; HIFO
 * (tax-minimising): for longs the highest cost per share first, for shorts the lowest short price
 * first; ties fall back to FIFO. Creation order breaks equal dates, so the order is deterministic.
 */
export function orderForRelief(candidates: readonly Lot[], method: LotMethod): Lot[] {
  const seq = new Map(candidates.map((lot, i) => [lot, i]));
  const fifo = (a: Lot, b: Lot): number =>
    a.acquired < b.acquired ? -1 : a.acquired > b.acquired ? 1 : seq.get(a)! - seq.get(b)!;
  const sorted = [...candidates];
  if (method === 'lifo') return sorted.sort((a, b) => fifo(b, a));
  if (method === 'hifo') {
    return sorted.sort((a, b) => {
      const d = a.quantity > 0 ? perShare(b) - perShare(a) : perShare(a) - perShare(b);
      return d !== 0 ? d : fifo(a, b);
    });
  }
  return sorted.sort(fifo);
}

/**
 * Average cost (mutual funds, IRS Pub. 550 "average basis"): before a sale every open lot of the
 * holding on that side gets the pool's average cost per share; shares then leave first-in
 * first-out, which sets their holding periods. Total basis is preserved to the cent.
 */
export function averageBasis(lots: readonly Lot[]): void {
  const total = lots.reduce((s, l) => s + l.basisCents, 0);
  const quantity = lots.reduce((s, l) => s + l.quantity, 0);
  let assigned = 0;
  lots.forEach((lot, i) => {
    lot.basisCents =
      i === lots.length - 1 ? total - assigned : Math.round((total * lot.quantity) / quantity);
    assigned += lot.basisCents;
  });
}

function pickSpecific(candidates: readonly Lot[], req: ReliefRequest): Lot[] {
  return (req.lotIds ?? []).map((id) => {
    const lot = candidates.find((l) => l.id === id);
    if (!lot) {
      throw new BallastError(
        'NOT_FOUND',
        `${where(req.source)}: lots: lot "${id}" is not an open ${req.side} lot of ${req.symbol} in account ${req.account}`,
        { ...req.source, column: 'lots', value: id },
      );
    }
    return lot;
  });
}

/**
 * Takes `req.quantity` shares out of the open lots (mutating `lots`: emptied lots are removed)
 * and returns the slices with their proportional basis. Lot ids given on the request override the
 * method (specific identification); the ids must cover the quantity.
 */
export function relieveLots(lots: Lot[], req: ReliefRequest): LotSlice[] {
  const sign = req.side === 'long' ? 1 : -1;
  const candidates = lots.filter(
    (l) => l.account === req.account && l.symbol === req.symbol && Math.sign(l.quantity) === sign,
  );
  if (req.method === 'average' && !req.lotIds?.length)
    averageBasis(orderForRelief(candidates, 'fifo'));
  const ordered = req.lotIds?.length
    ? pickSpecific(candidates, req)
    : orderForRelief(candidates, req.method === 'specific' ? 'fifo' : req.method);

  const slices: LotSlice[] = [];
  let remaining = req.quantity;
  for (const lot of ordered) {
    if (remaining <= 0) break;
    const whole = roundQuantity(Math.abs(lot.quantity) - remaining) <= 0;
    const take = whole ? Math.abs(lot.quantity) : remaining;
    const signed = sign * take;
    const basis = whole ? lot.basisCents : Math.round((lot.basisCents * signed) / lot.quantity);
    slices.push({ lot, quantity: signed, basisCents: basis });
    lot.quantity = roundQuantity(lot.quantity - signed);
    lot.basisCents -= basis;
    remaining = roundQuantity(remaining - take);
  }
  if (remaining > 0) {
    throw new BallastError(
      'INVALID_INPUT',
      `${where(req.source)}: lots: the listed lots hold ${roundQuantity(req.quantity - remaining)} of the ${req.quantity} ${req.symbol} shares to close`,
      { ...req.source, column: 'lots', value: req.lotIds },
    );
  }
  for (let i = lots.length - 1; i >= 0; i--) if (lots[i]!.quantity === 0) lots.splice(i, 1);
  return slices;
}
