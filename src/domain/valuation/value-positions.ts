import type { IsoDate } from '../calendar/iso-date.ts';
import { holdingsBySymbol } from '../ledger/holding-lines.ts';
import { centsToDollars } from '../ledger/money.ts';
import type { LastTrade, Lot } from '../ledger/types.ts';

/** A price with where it came from (shown to users next to every valuation). */
export interface PriceQuote {
  readonly price: number;
  /** e.g. `prices file p.csv`, `last trade price (ledger)`, `stored close (stooq)`. */
  readonly source: string;
  readonly date?: IsoDate;
  /** When the price was fetched (UTC ISO timestamp), for prices read from the store. */
  readonly fetchedAt?: string;
}

/** A symbol's holding across accounts, valued. */
export interface ValuedPosition {
  readonly symbol: string;
  readonly quantity: number;
  readonly price: number;
  readonly priceSource: string;
  readonly priceDate?: IsoDate;
  /** When the price was fetched (stored closes only; UTC ISO timestamp). */
  readonly priceFetchedAt?: string;
  readonly marketValue: number;
  readonly costBasis: number;
  readonly unrealizedGain: number;
}

/** Result of {@link valuePositions}. */
export interface Valuation {
  readonly positions: readonly ValuedPosition[];
  /** Symbols held that no price source covers (never given a made-up price). */
  readonly unpriced: readonly { readonly symbol: string; readonly quantity: number }[];
  /** Total cash over accounts, dollars (negative = margin debt). */
  readonly cash: number;
}

/**
 * Values open lots per symbol (accounts summed) with the first price source that has the symbol,
 * in the order given (e.g. a prices file, then a holdings file, then the ledger's last trades).
 * The ledger's last trade price is labelled `last trade price (ledger)`. Positions are sorted by
 * symbol; symbols without any price are listed in `unpriced`, not guessed.
 */
export function valuePositions(input: {
  lots: readonly Lot[];
  cashCents: ReadonlyMap<string, number>;
  priceSources: readonly ReadonlyMap<string, PriceQuote>[];
  lastTrade?: ReadonlyMap<string, LastTrade>;
}): Valuation {
  const bySymbol = holdingsBySymbol(input.lots);
  const fromLedger = new Map<string, PriceQuote>(
    [...(input.lastTrade ?? new Map<string, LastTrade>())].map(([s, t]) => [
      s,
      { price: t.price, date: t.date, source: 'last trade price (ledger)' },
    ]),
  );
  const sources = [...input.priceSources, fromLedger];
  const positions: ValuedPosition[] = [];
  const unpriced: { symbol: string; quantity: number }[] = [];
  for (const [symbol, h] of [...bySymbol].sort(([a], [b]) => a.localeCompare(b))) {
    const quantity = h.quantity;
    if (quantity === 0) continue;
    const quote = sources.map((s) => s.get(symbol)).find((q) => q !== undefined);
    if (!quote) {
      unpriced.push({ symbol, quantity });
      continue;
    }
    const marketValue = quantity * quote.price;
    positions.push({
      symbol,
      quantity,
      price: quote.price,
      priceSource: quote.source,
      ...(quote.date === undefined ? {} : { priceDate: quote.date }),
      ...(quote.fetchedAt === undefined ? {} : { priceFetchedAt: quote.fetchedAt }),
      marketValue,
      costBasis: centsToDollars(h.basisCents),
      unrealizedGain: marketValue - centsToDollars(h.basisCents),
    });
  }
  const cash = centsToDollars([...input.cashCents.values()].reduce((s, c) => s + c, 0));
  return { positions, unpriced, cash };
}
