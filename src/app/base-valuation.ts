/**
 * A ledger in several currencies replayed in the base currency and its holdings valued there
 * (docs/currencies.md, "Valuation: `positions --base-currency`"), shared by `positions
 * --base-currency` and `exposures --base-currency`:
 *
 * - every row converted at its own date's rate (domain/fx/ledger-in-base.ts), then the ledger
 *   replayed (cost basis and cash in the base currency at the trade dates' rates);
 * - each holding valued at its **local** price × the rate of the valuation date (`asOf`, else
 *   today): the prices file's price (`symbol,price[,date]`, in the symbol's currency), else the
 *   latest stored close on or before the valuation date; a holding with neither is listed in
 *   `unpriced`, never given a made-up value.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { CurrencyCode } from '../domain/fx/currency.ts';
import { buildLedger, type LedgerOptions, type LedgerResult } from '../domain/ledger/ledger.ts';
import { holdingsBySymbol } from '../domain/ledger/holding-lines.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import type { PriceQuote } from '../domain/valuation/value-positions.ts';
import { parsePricesCsv } from '../data/ledger/prices-csv.ts';
import type { AppDeps } from './deps.ts';
import { ledgerInBase, type BaseCurrencyInput, type LedgerInBase } from './ledger-base.ts';
import { roundCents, roundFine } from './rounding.ts';
import { readSource, type TextSource } from './sources.ts';
import { storedCloses } from './stored-closes.ts';

/** One holding valued in the base currency. */
export interface BaseHolding {
  readonly symbol: string;
  readonly quantity: number;
  /** The symbol's currency (its prices'). */
  readonly currency: CurrencyCode;
  /** Price per share in `currency`. */
  readonly price: number;
  readonly priceSource: string;
  readonly priceDate?: IsoDate;
  /** quantity × price, in `currency` (cents). */
  readonly localValue: number;
  /** Base units per 1 `currency` on the valuation date (1 for the base currency). */
  readonly rate: number;
  /** The rate's observation date (the last on or before the valuation date). */
  readonly rateDate: IsoDate;
  /** localValue × rate, in the base currency (cents). */
  readonly baseValue: number;
  /** Cost basis in the base currency at the trade dates' rates (cents). */
  readonly costBasis: number;
  /** baseValue − costBasis: price and currency gain together (cents). */
  readonly unrealizedGain: number;
}

/** Input of {@link valueLedgerInBase} (validated fields of the calling use case). */
export interface ValueInBaseInput extends BaseCurrencyInput {
  /** The valuation date; rows after it are ignored. */
  readonly date: IsoDate;
  /** `symbol,price[,date]` in each symbol's own currency (before the store's closes). */
  readonly prices?: TextSource | undefined;
  /** How the converted ledger is replayed (lot method, as-of, wash-sale rule). */
  readonly ledger?: LedgerOptions;
}

/** A ledger replayed and valued in the base currency. */
export interface LedgerValuedInBase {
  readonly date: IsoDate;
  readonly converted: LedgerInBase;
  readonly ledger: LedgerResult;
  /** Priced holdings, by symbol. */
  readonly holdings: readonly BaseHolding[];
  /** Held symbols without a price (never valued with a made-up one). */
  readonly unpriced: readonly { readonly symbol: string; readonly quantity: number }[];
}

/**
 * Converts `transactions` (those on or before `input.date`) into the base currency, replays
 * them with `input.ledger`, and values the holdings (see the module comment).
 */
export async function valueLedgerInBase(
  transactions: readonly Transaction[],
  input: ValueInBaseInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<LedgerValuedInBase> {
  const { date } = input;
  const kept = transactions.filter((t) => t.date <= date);
  const converted = await ledgerInBase(kept, { ...input, to: date }, deps);
  const ledger = buildLedger(converted.transactions, input.ledger ?? {});
  const symbols = converted.currencies.symbols;
  const held = [...holdingsBySymbol(ledger.lots)]
    .filter(([, h]) => h.quantity !== 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const fromFile = input.prices
    ? (() => {
        const p = readSource(input.prices, 'prices');
        return parsePricesCsv(p.text, p.name);
      })()
    : new Map<string, PriceQuote>();
  const missing = held.map(([s]) => s).filter((s) => !fromFile.has(s));
  const stored =
    missing.length === 0
      ? new Map<string, PriceQuote>()
      : await storedCloses(await deps.store(), missing, date);
  const holdings: BaseHolding[] = [];
  const unpriced: { symbol: string; quantity: number }[] = [];
  for (const [symbol, h] of held) {
    const quote = fromFile.get(symbol) ?? stored.get(symbol);
    if (quote === undefined) {
      unpriced.push({ symbol, quantity: h.quantity });
      continue;
    }
    const currency = symbols.get(symbol) ?? input.baseCurrency;
    const fx = converted.rates.rate(currency, date);
    const localValue = h.quantity * quote.price;
    const baseValue = localValue * fx.rate;
    const costBasis = h.basisCents / 100;
    holdings.push({
      symbol,
      quantity: h.quantity,
      currency,
      price: quote.price,
      priceSource: quote.source,
      ...(quote.date === undefined ? {} : { priceDate: quote.date }),
      localValue: roundCents(localValue),
      rate: roundFine(fx.rate),
      rateDate: fx.date,
      baseValue: roundCents(baseValue),
      costBasis: roundCents(costBasis),
      unrealizedGain: roundCents(baseValue - costBasis),
    });
  }
  return { date, converted, ledger, holdings, unpriced };
}
