/**
 * Target dollars → share quantities on each symbol's lot lattice (current holding + k × step).
 *
 * Rule: round **down** in dollars (new quantity ≤ target quantity, within one step), then
 * round up by one step, in order of largest remainder, wherever the remainder is at least half
 * a step and the plan still leaves cash ≥ the target cash line (the caller's `fitsCash`).
 * Rounding down first guarantees Σ new values ≤ Σ target values, so sells fund buys and cash
 * ends at or above its target before costs; the caller sizes on value − costs to cover those.
 * A position whose target is ≥ 0 is never taken below zero by rounding (it is closed instead).
 * Trades worth less than the minimum are skipped and reported, never resized.
 *
 * Bounds (docs/tax-aware-trades.md, "Funded buys"): a row may carry `minQuantity` (a sell cut:
 * cash-flow-only mode, the gains budget) and `maxQuantity` (a buy skipped). Targets are clamped
 * to them. Sells that are cut no longer fund every buy, so when the buys' shortfall
 * `S = Σ (aim_i − current_i) × price_i` over rows whose aim is above their holding exceeds what
 * the holdings may still grow by, `A = Σ target dollars − Σ final dollars of the other rows −
 * Σ current dollars of the buying rows`, every buy gets `A × s_i / S` dollars (proportional to
 * its shortfall; none when A ≤ 0) and is rounded on its lattice as above. Without bounds nothing
 * changes.
 */

import type { SkippedTrade } from './types.ts';

/** Share step when fractional shares are allowed and no lot size is given. */
export const FRACTIONAL_STEP = 1e-6;

/** One symbol to size. */
export interface SizingRow {
  readonly symbol: string;
  readonly price: number;
  readonly currentQuantity: number;
  readonly targetWeight: number;
  /** Trade quantities are multiples of this (> 0). */
  readonly step: number;
  /** The final quantity may not be below this (on the lattice): a cut sell. */
  readonly minQuantity?: number;
  /** The final quantity may not be above this (on the lattice): a skipped buy. */
  readonly maxQuantity?: number;
}

/** Options of {@link sizeQuantities}. */
export interface SizingOptions {
  /** Dollars the target weights apply to. */
  readonly sizingValueDollars: number;
  readonly minTradeDollars: number;
  /** True when a plan with these final quantities (one per row) keeps cash ≥ its target. */
  readonly fitsCash: (quantities: readonly number[]) => boolean;
}

/** Result of {@link sizeQuantities}: final quantities (row order) and skipped trades. */
export interface Sizing {
  readonly targetQuantities: readonly number[];
  readonly quantities: readonly number[];
  readonly skipped: readonly SkippedTrade[];
}

/** Snaps to a multiple of 1e-9 share, the ledger's quantity precision. */
const snap = (q: number): number => {
  const r = Math.round(q * 1e9) / 1e9;
  return r === 0 ? 0 : r;
};

/** Largest k with current + k·step ≤ target (binary noise of 1e-9 step tolerated). */
function floorOnLattice(row: SizingRow, target: number): number {
  const k = Math.floor((target - row.currentQuantity) / row.step + 1e-9);
  const q = snap(row.currentQuantity + k * row.step);
  return target >= 0 && q < 0 && row.currentQuantity >= 0 ? 0 : q;
}

const tradeDollars = (row: SizingRow, q: number): number =>
  Math.abs(q - row.currentQuantity) * row.price;

const clamp = (row: SizingRow, q: number): number =>
  Math.max(row.minQuantity ?? -Infinity, Math.min(row.maxQuantity ?? Infinity, q));

/** Bounded targets, with the buys scaled to what the holdings may still grow by (module comment). */
function fundedAims(rows: readonly SizingRow[], targets: readonly number[]): number[] {
  const aims = rows.map((r, i) => clamp(r, targets[i]!));
  const budget = rows.reduce((s, r, i) => s + targets[i]! * r.price, 0);
  const buying = rows.map((r, i) => aims[i]! > r.currentQuantity);
  let committed = 0;
  let shortfall = 0;
  rows.forEach((r, i) => {
    if (buying[i]) {
      committed += r.currentQuantity * r.price;
      shortfall += (aims[i]! - r.currentQuantity) * r.price;
    } else committed += floorOnLattice(r, aims[i]!) * r.price;
  });
  const available = Math.max(0, budget - committed);
  if (shortfall <= available) return aims;
  const scale = available / shortfall;
  return rows.map((r, i) =>
    buying[i] ? r.currentQuantity + (aims[i]! - r.currentQuantity) * scale : aims[i]!,
  );
}

/** Sizes every row; see the module comment for the rounding rule. Inputs are not mutated. */
export function sizeQuantities(rows: readonly SizingRow[], options: SizingOptions): Sizing {
  const targets = rows.map((r) => (r.targetWeight * options.sizingValueDollars) / r.price);
  const bounded = rows.some((r) => r.minQuantity !== undefined || r.maxQuantity !== undefined);
  const aims = bounded ? fundedAims(rows, targets) : targets;
  const quantities = rows.map((r, i) => floorOnLattice(r, aims[i]!));
  const skipped: SkippedTrade[] = [];
  const isSmall = (row: SizingRow, q: number): boolean =>
    q !== row.currentQuantity && tradeDollars(row, q) < options.minTradeDollars;
  rows.forEach((row, i) => {
    const q = quantities[i]!;
    if (!isSmall(row, q)) return;
    skipped.push({
      symbol: row.symbol,
      side: q > row.currentQuantity ? 'buy' : 'sell',
      quantity: snap(Math.abs(q - row.currentQuantity)),
      valueDollars: tradeDollars(row, q),
      reason: `below the minimum trade of $${options.minTradeDollars}`,
    });
    quantities[i] = row.currentQuantity;
  });
  const skippedSymbols = new Set(skipped.map((s) => s.symbol));
  const remainders = rows
    .map((row, i) => ({ i, r: (aims[i]! - quantities[i]!) / row.step }))
    .filter(({ i, r }) => r >= 0.5 - 1e-9 && r < 1 && !skippedSymbols.has(rows[i]!.symbol))
    .sort((a, b) => b.r - a.r || (rows[a.i]!.symbol < rows[b.i]!.symbol ? -1 : 1));
  for (const { i } of remainders) {
    const row = rows[i]!;
    // quantity < aim ≤ maxQuantity on one lattice, so one step up stays within the bound.
    const up = snap(quantities[i]! + row.step);
    if (isSmall(row, up)) continue;
    const trial = [...quantities];
    trial[i] = up;
    if (options.fitsCash(trial)) quantities[i] = up;
  }
  return { targetQuantities: targets, quantities, skipped };
}
