/**
 * The portfolio input shared by `exposures`, `risk`, `stress`, `rebalance` and `demo`: a holdings
 * snapshot and/or a transactions ledger (both: combined, e.g. one account as a snapshot and
 * another as a ledger), a prices file, and the fund definitions that look through the funds
 * (docs/conventions.md, "Holdings, ledger and exposures"). Written once here; each use case
 * spreads {@link portfolioInputShape} into its own schema.
 *
 * Valuation: each symbol at the first price found in the prices file, the holdings file's own
 * prices, the ledger's last trade price — each quote labelled with its source. A symbol none of
 * them prices is listed as unpriced, never given a made-up value.
 */

import type { z } from 'zod';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import type { ExposureRegistry } from '../domain/exposures/registry.ts';
import { invalidInput } from '../domain/errors.ts';
import { buildLedger, type LedgerResult } from '../domain/ledger/ledger.ts';
import type { Cents } from '../domain/ledger/money.ts';
import type { Lot } from '../domain/ledger/types.ts';
import { firstPriceBySymbol } from '../domain/trades/holdings-snapshot.ts';
import {
  valuePositions,
  type PriceQuote,
  type Valuation,
} from '../domain/valuation/value-positions.ts';
import { loadExposureRegistry } from '../data/config/load-exposure-config.ts';
import { loadFundUniverse, parseFundUniverse } from '../data/config/load-fund-universe.ts';
import { parseHoldingsCsv } from '../data/ledger/holdings-csv.ts';
import { parsePricesCsv } from '../data/ledger/prices-csv.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { readSource, textSourceSchema, type TextSource } from './sources.ts';

/** The fields of a portfolio input (spread into a use case's `z.object`). */
export const portfolioInputShape = {
  /** Holdings snapshot CSV `symbol,quantity,cost_basis,acquired,account[,price|market_value]`. */
  holdings: textSourceSchema.optional(),
  /** Transactions CSV (the ledger); combined with `holdings` when both are given. */
  transactions: textSourceSchema.optional(),
  /** Prices CSV `symbol,price[,date][,source]`: the first choice for valuation. */
  prices: textSourceSchema.optional(),
  /** Fund definitions YAML (economic exposure per $1 of NAV); default the shipped config/funds.yaml. */
  funds: textSourceSchema.optional(),
  /** Lot relief for the ledger (default FIFO). */
  lotMethod: lotMethodSchema.default('fifo'),
  /** Ignore ledger transactions after this date. */
  asOf: isoDateSchema.optional(),
};

/** A validated portfolio input. */
export type PortfolioInput = z.output<z.ZodObject<typeof portfolioInputShape>>;

/** A portfolio read from its sources: open lots, cash, quotes, and the ledger when there was one. */
export interface LoadedPortfolio {
  readonly lots: readonly Lot[];
  readonly cashCents: ReadonlyMap<string, Cents>;
  readonly ledger?: LedgerResult;
  /** Held symbols valued (accounts summed) with the first price found; unpriced ones listed. */
  readonly valuation: Valuation;
  /**
   * Every quote of every source, first source wins, by upper-case symbol — held or not (a
   * rebalance target the portfolio does not hold is priced from here).
   */
  readonly quotes: ReadonlyMap<string, PriceQuote>;
}

/**
 * Reads and values a portfolio (see the module comment). Throws INVALID_INPUT naming
 * `holdings` when neither `holdings` nor `transactions` is given; parse errors name the
 * source and line.
 */
export function loadPortfolio(input: PortfolioInput): LoadedPortfolio {
  if (input.holdings === undefined && input.transactions === undefined)
    throw invalidInput('holdings', undefined, 'give holdings or transactions (or both)');
  const lots: Lot[] = [];
  const cash = new Map<string, Cents>();
  const addCash = (cents: ReadonlyMap<string, Cents>): void => {
    for (const [account, c] of cents) cash.set(account, (cash.get(account) ?? 0) + c);
  };
  const priceSources: ReadonlyMap<string, PriceQuote>[] = [];
  if (input.prices) {
    const { text, name } = readSource(input.prices, 'prices');
    priceSources.push(parsePricesCsv(text, name));
  }
  if (input.holdings) {
    const { text, name } = readSource(input.holdings, 'holdings');
    const snapshot = parseHoldingsCsv(text, name);
    lots.push(...snapshot.lots);
    addCash(snapshot.cashCents);
    priceSources.push(snapshot.prices);
  }
  let ledger: LedgerResult | undefined;
  if (input.transactions) {
    const { text, name } = readSource(input.transactions, 'transactions');
    ledger = buildLedger(parseTransactionsCsv(text, name), {
      lotMethod: input.lotMethod,
      ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    });
    lots.push(...ledger.lots);
    addCash(ledger.cashCents);
  }
  const valuation = valuePositions({
    lots,
    cashCents: cash,
    priceSources,
    ...(ledger ? { lastTrade: ledger.lastTrade } : {}),
  });
  const lastTrade = new Map(
    [...(ledger?.lastTrade ?? [])].map(([symbol, t]) => [
      symbol,
      { price: t.price, date: t.date, source: 'last trade price (ledger)' },
    ]),
  );
  return {
    lots,
    cashCents: cash,
    ...(ledger ? { ledger } : {}),
    valuation,
    quotes: firstPriceBySymbol([...priceSources, lastTrade]),
  };
}

/** Fund definitions from `source`, or the shipped config/funds.yaml when absent. */
export async function loadFunds(source: TextSource | undefined): Promise<FundUniverse> {
  if (source === undefined) return loadFundUniverse();
  if ('path' in source) return loadFundUniverse(source.path);
  return parseFundUniverse(source.text, source.name);
}

/** The exposure registry (config/exposures.yaml) and the fund definitions, loaded together. */
export async function loadExposureConfig(
  funds: TextSource | undefined,
): Promise<{ registry: ExposureRegistry; funds: FundUniverse }> {
  const [registry, universe] = await Promise.all([loadExposureRegistry(), loadFunds(funds)]);
  return { registry, funds: universe };
}

/** The as-of date a valuation speaks for: given, else the ledger's, else the latest price date. */
export function valuationDate(portfolio: LoadedPortfolio, asOf?: string): string | null {
  const priceDates = portfolio.valuation.positions.flatMap((p) =>
    p.priceDate ? [p.priceDate] : [],
  );
  return asOf ?? portfolio.ledger?.asOf ?? priceDates.sort().at(-1) ?? null;
}
