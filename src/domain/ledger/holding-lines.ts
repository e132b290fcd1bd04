/**
 * Lots → holdings: the one aggregation of open lots into holding lines (docs/conventions.md,
 * "Holdings, ledger and exposures"). A holding line is one symbol in one account: its signed
 * quantity (lots summed, then rounded to 1e-9 share) and its cost basis (cents, exact). Lines
 * per symbol over all accounts, and lines valued at a price, are derived from the same lines,
 * so valuation, risk, stress, exposures and trades all see the same quantities.
 */

import { normalizeSymbol } from '../exposures/symbol.ts';
import { roundQuantity, type Cents } from './money.ts';
import type { Lot } from './types.ts';

/** One symbol in one account. */
export interface HoldingLine {
  readonly account: string;
  /** Upper-case symbol. */
  readonly symbol: string;
  /** Signed shares (negative = short), rounded to 1e-9; 0 when long and short lots cancel. */
  readonly quantity: number;
  /** Σ lot basis, cents. */
  readonly basisCents: Cents;
}

/** A holding line valued at a price (currency units). */
export interface ValuedHoldingLine extends HoldingLine {
  readonly price: number;
  /** quantity × price, unrounded. */
  readonly marketValue: number;
}

interface Accumulator {
  account: string;
  symbol: string;
  quantity: number;
  basisCents: number;
}

function accumulate(lots: readonly Lot[], keyOf: (account: string, symbol: string) => string) {
  const lines = new Map<string, Accumulator>();
  for (const lot of lots) {
    const symbol = normalizeSymbol(lot.symbol);
    const key = keyOf(lot.account, symbol);
    const line = lines.get(key);
    if (line) {
      line.quantity += lot.quantity;
      line.basisCents += lot.basisCents;
    } else
      lines.set(key, {
        account: lot.account,
        symbol,
        quantity: lot.quantity,
        basisCents: lot.basisCents,
      });
  }
  return [...lines.values()].map((l) => ({ ...l, quantity: roundQuantity(l.quantity) }));
}

/**
 * Open lots summed per (account, symbol), in the order each line first appears among the lots
 * (callers sort as their report needs). Lines whose quantity rounds to 0 are kept.
 *
 * @example
 * ```ts
 * holdingLines(ledger.lots); // [{ account: 'IRA', symbol: 'BND', quantity: 100, basisCents: 856000 }, …]
 * ```
 */
export function holdingLines(lots: readonly Lot[]): HoldingLine[] {
  return accumulate(lots, (account, symbol) => `${account}\u0000${symbol}`);
}

/**
 * Open lots summed per symbol over every account (quantity rounded to 1e-9 share, basis in
 * cents), keyed by upper-case symbol in first-appearance order.
 */
export function holdingsBySymbol(
  lots: readonly Lot[],
): Map<string, { readonly quantity: number; readonly basisCents: Cents }> {
  return new Map(
    accumulate(lots, (_, symbol) => symbol).map((l) => [
      l.symbol,
      { quantity: l.quantity, basisCents: l.basisCents },
    ]),
  );
}

/**
 * Holding lines with a non-zero quantity valued at `priceOf(symbol)`: `priced` in line order;
 * `unpriced` the lines `priceOf` has no price for (never given a made-up value).
 */
export function valueHoldingLines(
  lines: readonly HoldingLine[],
  priceOf: (symbol: string) => number | undefined,
): { priced: ValuedHoldingLine[]; unpriced: HoldingLine[] } {
  const priced: ValuedHoldingLine[] = [];
  const unpriced: HoldingLine[] = [];
  for (const line of lines) {
    if (line.quantity === 0) continue;
    const price = priceOf(line.symbol);
    if (price === undefined) unpriced.push(line);
    else priced.push({ ...line, price, marketValue: line.quantity * price });
  }
  return { priced, unpriced };
}
