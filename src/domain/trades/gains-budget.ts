/**
 * The realised-gains budget (docs/tax-aware-trades.md, "Gains budget"): the net realised gain of
 * a plan in taxable accounts (short + long, losses offsetting gains; covers included) may not
 * exceed the budget. When it does, shares are held back from the sells of lots with the highest
 * gain per share first — just enough of each lot, in whole lattice steps of the symbol (whole
 * shares unless fractional) — and the planner sizes again with those sells cut and the buys
 * funded by what the sells still bring in. Held-back shares stay in their lots; each cut symbol is
 * reported with a GAINS_BUDGET warning and shows as drift.
 */

import { roundQuantity, type Cents } from '../ledger/money.ts';
import type { Lot } from '../ledger/types.ts';
import type { PlannedTrade } from './types.ts';

/** Shares held back from sells: per lot id, and per symbol (multiples of the symbol's step). */
export interface Cuts {
  readonly byLot: Map<string, number>;
  readonly bySymbol: Map<string, number>;
}

/** Copies of `lots` with `withheld` shares taken out of long lots (basis pro rata; empty ones dropped). */
export function withholdLots(lots: readonly Lot[], withheld: ReadonlyMap<string, number>): Lot[] {
  const out: Lot[] = [];
  for (const lot of lots) {
    const held = lot.quantity > 0 ? (withheld.get(lot.id) ?? 0) : 0;
    if (held === 0) {
      out.push({ ...lot });
      continue;
    }
    const quantity = roundQuantity(lot.quantity - held);
    if (quantity <= 0) continue;
    out.push({
      ...lot,
      quantity,
      basisCents: Math.round((lot.basisCents * quantity) / lot.quantity),
    });
  }
  return out;
}

/** The smallest multiple of `step` ≥ `x` (1e-9 noise tolerated). */
export const ceilStep = (x: number, step: number): number =>
  roundQuantity(Math.ceil(x / step - 1e-9) * step);
const floorStep = (x: number, step: number): number =>
  roundQuantity(Math.floor(x / step + 1e-9) * step);

interface Slice {
  readonly symbol: string;
  readonly lotId: string;
  readonly quantity: number;
  readonly perShare: number;
  take: number;
}

/** Moves one symbol's total cut onto its lattice: up from its next slices, else down. */
function toLattice(slices: readonly Slice[], step: number): void {
  const total = slices.reduce((s, x) => s + x.take, 0);
  let extra = roundQuantity(ceilStep(total, step) - total);
  for (const s of slices) {
    if (extra <= 0) break;
    const add = Math.min(roundQuantity(s.quantity - s.take), extra);
    s.take = roundQuantity(s.take + add);
    extra = roundQuantity(extra - add);
  }
  if (extra <= 0) return;
  // Not enough lot shares to round up (a sell that also opens a short): round down instead.
  let remove = roundQuantity(slices.reduce((s, x) => s + x.take, 0) - floorStep(total, step));
  for (const s of [...slices].reverse()) {
    const sub = Math.min(s.take, remove);
    s.take = roundQuantity(s.take - sub);
    remove = roundQuantity(remove - sub);
  }
}

/**
 * Shares to hold back so that the sells' taxable net gain falls by at least `excessCents`: the
 * sells' lot slices in taxable accounts with a gain, highest gain per share first (ties in trade
 * order), each cut by the lattice steps it takes (`step(symbol)`), then each symbol's total put
 * on its lattice. Empty when no taxable sell has a gain.
 */
export function chooseCuts(
  trades: readonly PlannedTrade[],
  excessCents: Cents,
  step: (symbol: string) => number,
): Cuts {
  const slices: Slice[] = trades
    .filter((t) => t.side === 'sell' && t.taxType === 'taxable')
    .flatMap((t) =>
      t.lots.map((l) => ({
        symbol: t.symbol,
        lotId: l.lotId,
        quantity: l.quantity,
        perShare: l.gainCents / l.quantity,
        take: 0,
      })),
    )
    .sort((a, b) => b.perShare - a.perShare);
  let excess = excessCents;
  for (const s of slices) {
    if (excess <= 0 || s.perShare <= 0) break;
    s.take = Math.min(s.quantity, ceilStep(excess / s.perShare, step(s.symbol)));
    excess -= s.take * s.perShare;
  }
  const bySymbol = new Map<string, number>();
  const byLot = new Map<string, number>();
  for (const symbol of new Set(slices.filter((s) => s.take > 0).map((s) => s.symbol))) {
    const own = slices.filter((s) => s.symbol === symbol);
    toLattice(own, step(symbol));
    for (const s of own) {
      if (s.take <= 0) continue;
      byLot.set(s.lotId, roundQuantity((byLot.get(s.lotId) ?? 0) + s.take));
      bySymbol.set(symbol, roundQuantity((bySymbol.get(symbol) ?? 0) + s.take));
    }
  }
  return { byLot, bySymbol };
}

/** `into` plus `more`, key by key (quantities rounded to 1e-9 share). */
export function addCuts(into: Map<string, number>, more: ReadonlyMap<string, number>): void {
  for (const [key, q] of more) into.set(key, roundQuantity((into.get(key) ?? 0) + q));
}
