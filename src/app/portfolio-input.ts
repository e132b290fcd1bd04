/**
 * The portfolio input shared by `exposures`, `risk`, `stress`, `rebalance` and `demo`: a holdings
 * snapshot and/or a ledger — a transactions file or a stored portfolio's (both a snapshot and a
 * ledger: combined, e.g. one account as a snapshot and another as a ledger), a prices file, and the fund definitions that look through the funds
 * (docs/conventions.md, "Holdings, ledger and exposures"). Written once here; each use case
 * spreads {@link portfolioInputShape} into its own schema.
 *
 * Valuation: each symbol at the first price found, in this order of precedence — the prices
 * file (explicit), the latest stored close on or before the as-of date (the input's `asOf`, else
 * today; read from the store, never fetched), the holdings file's own prices, the ledger's last
 * trade price — each quote labelled with its source, stored closes with their date, fetched-at
 * time and age (see `portfolio-pricing.ts`). A symbol none of them prices is listed as unpriced,
 * never given a made-up value.
 */

import type * as z from 'zod';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { invalidInput } from '../domain/errors.ts';
import { buildLedger, type LedgerResult } from '../domain/ledger/ledger.ts';
import type { Cents } from '../domain/ledger/money.ts';
import type { TaxType } from '../domain/ledger/accounts.ts';
import type { Lot, Transaction } from '../domain/ledger/types.ts';
import { normalizeSymbol } from '../domain/exposures/symbol.ts';
import { firstPriceBySymbol, quantityBySymbol } from '../domain/trades/holdings-snapshot.ts';
import {
  valuePositions,
  type PriceQuote,
  type Valuation,
} from '../domain/valuation/value-positions.ts';
import { parseHoldingsCsv } from '../data/ledger/holdings-csv.ts';
import { parsePricesCsv } from '../data/ledger/prices-csv.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import type { AppDeps } from './deps.ts';
import { fundsSourceSchema } from './funds-source-schema.ts';
import { portfolioPricing, type PortfolioPricing } from './portfolio-pricing.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { storedCloses, type StoredClose } from './stored-closes.ts';
import { portfolioNameSchema, readStoredLedger, type StoredLedgerDeps } from './stored-ledger.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { storedTaxTypes } from './tax-ledger.ts';

export { loadExposureConfig, loadFunds } from './funds-source.ts';

/** The fields of a portfolio input (spread into a use case's `z.object`). */
export const portfolioInputShape = {
  /** Holdings snapshot CSV `symbol,quantity,cost_basis,acquired,account[,price|market_value]`. */
  holdings: textSourceSchema.optional(),
  /** Transactions CSV (the ledger); combined with `holdings` when both are given. */
  transactions: textSourceSchema.optional(),
  /** A stored portfolio whose ledger to use instead of a transactions file. */
  portfolio: portfolioNameSchema.optional(),
  /** Prices CSV `symbol,price[,date][,source]`: the first choice for valuation. */
  prices: textSourceSchema.optional(),
  /**
   * Fund definitions (economic exposure per $1 of NAV): a YAML file, or `{ stored: NAME }` a set
   * saved with `funds save`; default the shipped config/funds.yaml.
   */
  funds: fundsSourceSchema.optional(),
  /** Lot relief for the ledger (default FIFO). */
  lotMethod: lotMethodSchema.default('fifo'),
  /** Ignore ledger transactions after this date; stored closes are taken on or before it (default today). */
  asOf: isoDateSchema.optional(),
};

/** A validated portfolio input. */
export type PortfolioInput = z.output<z.ZodObject<typeof portfolioInputShape>>;

/** A portfolio read from its sources: open lots, cash, quotes, and the ledger when there was one. */
export interface LoadedPortfolio {
  readonly lots: readonly Lot[];
  readonly cashCents: ReadonlyMap<string, Cents>;
  readonly ledger?: LedgerResult;
  /** The ledger's transactions when there was a ledger (the wash-sale checks read them). */
  readonly transactions?: readonly Transaction[];
  /** Held symbols valued (accounts summed) with the first price found; unpriced ones listed. */
  readonly valuation: Valuation;
  /**
   * Every quote of every source, first source wins, by upper-case symbol — held or not (a
   * rebalance target the portfolio does not hold is priced from here).
   */
  readonly quotes: ReadonlyMap<string, PriceQuote>;
  /** The stored closes used, their provenance and age, and the warnings they raise. */
  readonly pricing: PortfolioPricing;
}

/**
 * What {@link loadPortfolio} needs besides its input: the store (`existingStore` when given, so
 * that valuing a portfolio never creates the default store) and the clock ("today").
 */
export type PortfolioDeps = Pick<AppDeps, 'store' | 'existingStore' | 'clock'>;

/** Options of {@link loadPortfolio}. */
export interface LoadPortfolioOptions {
  /** Symbols to quote besides the held ones (e.g. rebalance targets not held). */
  readonly alsoQuote?: readonly string[];
}

/** The files of a portfolio input, read: lots, cash, ledger and the prices the files state. */
export interface PortfolioFiles {
  readonly lots: readonly Lot[];
  readonly cashCents: ReadonlyMap<string, Cents>;
  readonly ledger?: LedgerResult;
  /** The ledger's transactions when there was a ledger. */
  readonly transactions?: readonly Transaction[];
  /** The prices file's quotes (first precedence), empty when none was given. */
  readonly pricesFile: ReadonlyMap<string, PriceQuote>;
  /** The holdings file's own prices, empty when none. */
  readonly holdingsPrices: ReadonlyMap<string, PriceQuote>;
}

/** The ledger of a portfolio input: the transactions file's, or the stored portfolio's given. */
function ledgerTransactions(
  input: PortfolioInput,
  stored: readonly Transaction[] | undefined,
): readonly Transaction[] | undefined {
  if (input.transactions !== undefined && input.portfolio !== undefined)
    throw invalidInput('portfolio', input.portfolio, 'give transactions or portfolio, not both');
  if (input.portfolio !== undefined) {
    if (stored === undefined)
      throw invalidInput(
        'portfolio',
        input.portfolio,
        'a stored portfolio is read through the store (readPortfolioSources)',
      );
    return stored;
  }
  if (input.transactions === undefined) return undefined;
  const { text, name } = readSource(input.transactions, 'transactions');
  return parseTransactionsCsv(text, name);
}

/**
 * Reads the files of a portfolio input (no valuation yet; see {@link pricePortfolio}), with
 * `stored` the ledger of `input.portfolio` when one is named (see {@link readPortfolioSources}).
 * Throws INVALID_INPUT naming `holdings` when none of `holdings`, `transactions` or `portfolio`
 * is given, and naming `portfolio` when it comes with `transactions`; parse errors name the
 * source and line.
 */
export function readPortfolioFiles(
  input: PortfolioInput,
  stored?: readonly Transaction[],
  taxTypes: ReadonlyMap<string, TaxType> = new Map(),
): PortfolioFiles {
  if (
    input.holdings === undefined &&
    input.transactions === undefined &&
    input.portfolio === undefined
  )
    throw invalidInput('holdings', undefined, 'give holdings, transactions or portfolio');
  const lots: Lot[] = [];
  const cash = new Map<string, Cents>();
  const addCash = (cents: ReadonlyMap<string, Cents>): void => {
    for (const [account, c] of cents) cash.set(account, (cash.get(account) ?? 0) + c);
  };
  let pricesFile: ReadonlyMap<string, PriceQuote> = new Map();
  if (input.prices) {
    const { text, name } = readSource(input.prices, 'prices');
    pricesFile = parsePricesCsv(text, name);
  }
  let holdingsPrices: ReadonlyMap<string, PriceQuote> = new Map();
  if (input.holdings) {
    const { text, name } = readSource(input.holdings, 'holdings');
    const snapshot = parseHoldingsCsv(text, name);
    lots.push(...snapshot.lots);
    addCash(snapshot.cashCents);
    holdingsPrices = snapshot.prices;
  }
  let ledger: LedgerResult | undefined;
  const transactions = ledgerTransactions(input, stored);
  if (transactions) {
    // Wash sales apply (docs/conventions.md "Wash sales"): a replacement lot's basis carries the
    // disallowed loss, as the tax engine and a broker's lot screen show it.
    ledger = buildLedger(transactions, {
      lotMethod: input.lotMethod,
      ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
      wash: { taxTypes },
    });
    lots.push(...ledger.lots);
    addCash(ledger.cashCents);
  }
  return {
    lots,
    cashCents: cash,
    ...(ledger ? { ledger } : {}),
    ...(transactions ? { transactions } : {}),
    pricesFile,
    holdingsPrices,
  };
}

/**
 * {@link readPortfolioFiles} with the ledger of the stored portfolio `input.portfolio` when one
 * is named (NOT_FOUND when it is not stored).
 */
export async function readPortfolioSources(
  input: PortfolioInput,
  deps: StoredLedgerDeps,
): Promise<PortfolioFiles> {
  if (input.portfolio === undefined) return readPortfolioFiles(input);
  const stored = await readStoredLedger(input.portfolio, deps);
  return readPortfolioFiles(input, stored, await storedTaxTypes(input.portfolio, deps));
}

function heldSymbols(lots: readonly Lot[]): string[] {
  return [...quantityBySymbol(lots)].filter(([, q]) => q !== 0).map(([s]) => s);
}

function valueFiles(
  files: PortfolioFiles,
  stored: { asOf: IsoDate; closes: ReadonlyMap<string, StoredClose> },
): LoadedPortfolio {
  const { lots, cashCents, ledger, transactions, pricesFile, holdingsPrices } = files;
  const priceSources = [pricesFile, stored.closes, holdingsPrices];
  const valuation = valuePositions({
    lots,
    cashCents,
    priceSources,
    ...(ledger ? { lastTrade: ledger.lastTrade } : {}),
  });
  const lastTrade = new Map(
    [...(ledger?.lastTrade ?? [])].map(([symbol, t]) => [
      symbol,
      { price: t.price, date: t.date, source: 'last trade price (ledger)' },
    ]),
  );
  const quotes = firstPriceBySymbol([...priceSources, lastTrade]);
  return {
    lots,
    cashCents,
    ...(ledger ? { ledger } : {}),
    ...(transactions ? { transactions } : {}),
    valuation,
    quotes,
    pricing: portfolioPricing({
      asOf: stored.asOf,
      stored: stored.closes,
      chosen: quotes,
      held: heldSymbols(lots),
    }),
  };
}

/**
 * Reads and values a portfolio from its files only — the prices file, the holdings file's
 * prices, the ledger's last trades — without the store (for callers without dependencies).
 * Errors as {@link loadPortfolio}.
 */
export function loadPortfolioFromFiles(input: PortfolioInput, today: IsoDate): LoadedPortfolio {
  return valueFiles(readPortfolioFiles(input), { asOf: input.asOf ?? today, closes: new Map() });
}

/**
 * Values portfolio files read by {@link readPortfolioFiles} (see the module comment): stored
 * closes on or before `asOf` (default today) are read for every held symbol, and every symbol
 * of `options.alsoQuote`, that the prices file does not price.
 */
export async function pricePortfolio(
  files: PortfolioFiles,
  at: { readonly asOf?: IsoDate | undefined; readonly deps: PortfolioDeps },
  options: LoadPortfolioOptions = {},
): Promise<LoadedPortfolio> {
  const asOf = at.asOf ?? at.deps.clock.today();
  const wanted = [
    ...new Set([...heldSymbols(files.lots), ...(options.alsoQuote ?? []).map(normalizeSymbol)]),
  ].filter((s) => s !== '' && !files.pricesFile.has(s));
  const store =
    wanted.length === 0
      ? undefined
      : await (at.deps.existingStore ? at.deps.existingStore() : at.deps.store());
  const closes =
    store === undefined ? new Map<string, StoredClose>() : await storedCloses(store, wanted, asOf);
  return valueFiles(files, { asOf, closes });
}

/**
 * Reads and values a portfolio (see the module comment; {@link readPortfolioSources} then
 * {@link pricePortfolio}). Errors as {@link readPortfolioFiles}, and NOT_FOUND for a portfolio
 * that is not stored.
 */
export async function loadPortfolio(
  input: PortfolioInput,
  deps: PortfolioDeps,
  options: LoadPortfolioOptions = {},
): Promise<LoadedPortfolio> {
  return pricePortfolio(
    await readPortfolioSources(input, deps),
    { asOf: input.asOf, deps },
    options,
  );
}

/** The as-of date a valuation speaks for: given, else the ledger's, else the latest price date. */
export function valuationDate(portfolio: LoadedPortfolio, asOf?: string): string | null {
  const priceDates = portfolio.valuation.positions.flatMap((p) =>
    p.priceDate ? [p.priceDate] : [],
  );
  return asOf ?? portfolio.ledger?.asOf ?? priceDates.sort().at(-1) ?? null;
}
