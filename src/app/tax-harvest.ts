/**
 * Use case `tax harvest`: the open lots of taxable accounts whose unrealised loss is worth
 * harvesting on the as-of date — each with its term, estimated tax saving, the recent purchases
 * (any account) that would wash it, and the date until which buying back washes — and, for each
 * symbol, substitutes from the fund universe that keep the economic exposure within a tolerance
 * without being in its equivalence group (docs/tax-harvest.md).
 *
 * - The ledger: a transactions file or a stored portfolio, replayed up to `asOf` (default today)
 *   with `lotMethod` (default FIFO).
 * - Accounts: the accounts file (`account,type`) when given, else the stored portfolio's; an
 *   account listed nowhere is taxable. Only taxable accounts harvest; every account's purchases
 *   can wash.
 * - Prices as in `exposures` (`portfolio-input.ts`): the prices file, then the latest stored
 *   close on or before `asOf`, then the ledger's last trade price (warned about: an old trade
 *   price can show or hide a loss). An unpriced symbol is not assessed (warned about).
 * - Equivalents file `symbol,group`: symbols of one group are substantially identical; default
 *   every symbol its own group.
 * - `threshold`: the smallest loss per lot, dollars (default 0: every lot at a loss).
 *   `shortRate`/`longRate`: decimal tax rates of short- and long-term losses (default 0.37, the
 *   top US federal ordinary rate, and 0.20, the top long-term rate; state tax and the 3.8 % net
 *   investment income tax not included). `tolerance`: largest L1 distance of per-$1 exposure
 *   vectors for a substitute (default 0.05).
 * - Money in the document is dollars rounded to cents; distances to 12 significant digits.
 *
 * @example
 * ```ts
 * const doc = await taxHarvest({ portfolio: 'main', threshold: 500 }, deps);
 * doc.candidates[0].taxSaving; // dollars
 * ```
 */

import * as z from 'zod';
import { centsToDollars, roundHalfAway } from '../domain/ledger/money.ts';
import { findSubstitutes, type SubstituteSearch } from '../domain/tax/harvest-substitutes.ts';
import { harvestCandidates, purchasesOf, type HarvestResult } from '../domain/tax/harvest.ts';
import type { Warning } from '../domain/warnings.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import type { PriceQuote } from '../domain/valuation/value-positions.ts';
import { parsePricesCsv } from '../data/ledger/prices-csv.ts';
import type { AppDeps } from './deps.ts';
import { fundsSourceSchema } from './funds-source-schema.ts';
import { loadFunds } from './funds-source.ts';
import { parseInput } from './input.ts';
import { readTaxLedger } from './tax-ledger.ts';
import { pricePortfolio } from './portfolio-input.ts';
import { pricingFields, type PricingDocument } from './portfolio-pricing.ts';
import { roundCents, roundFine } from './rounding.ts';
import { harvestWarnings } from './tax-harvest-warnings.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { readSource, textSourceSchema } from './sources.ts';
import { portfolioNameSchema, type StoredLedgerDeps } from './stored-ledger.ts';

/** Default rate of a short-term loss: the top US federal ordinary income rate (2024). */
export const DEFAULT_HARVEST_SHORT_RATE = 0.37;
/** Default rate of a long-term loss: the top US federal long-term capital gains rate (2024). */
export const DEFAULT_HARVEST_LONG_RATE = 0.2;
/** Default largest L1 distance of per-$1 exposure vectors for a substitute. */
export const DEFAULT_HARVEST_TOLERANCE = 0.05;

const rateSchema = z.number().min(0).max(1);

/** Input of {@link taxHarvest} (money in dollars, rates and tolerance decimals). */
export const taxHarvestInputSchema = z.object({
  /** The ledger, in the transactions-CSV format (or `portfolio`). */
  transactions: textSourceSchema.optional(),
  /** A stored portfolio whose ledger and accounts to use instead of a transactions file. */
  portfolio: portfolioNameSchema.optional(),
  /** Prices CSV `symbol,price[,date][,source]`: the first choice for valuation. */
  prices: textSourceSchema.optional(),
  /** Accounts CSV `account,type` (taxable, traditional_ira, roth_ira); default the stored ones. */
  accounts: textSourceSchema.optional(),
  /** Equivalents CSV `symbol,group`: substantially identical symbols share a group. */
  equivalents: textSourceSchema.optional(),
  /** Fund definitions for substitutes (a file or `{ stored }`); default config/funds.yaml. */
  funds: fundsSourceSchema.optional(),
  /** The day of the sale considered; ledger rows after it are ignored (default today). */
  asOf: isoDateSchema.optional(),
  lotMethod: lotMethodSchema.default('fifo'),
  /** Smallest loss per lot to report, dollars (≥ 0; default 0: every loss). */
  threshold: z.number().min(0).max(1e13).default(0),
  /** Tax rate of a short-term loss, decimal (default 0.37). */
  shortRate: rateSchema.default(DEFAULT_HARVEST_SHORT_RATE),
  /** Tax rate of a long-term loss, decimal (default 0.20). */
  longRate: rateSchema.default(DEFAULT_HARVEST_LONG_RATE),
  /** Largest L1 distance of per-$1 exposure vectors for a substitute (default 0.05). */
  tolerance: z.number().min(0).max(1000).default(DEFAULT_HARVEST_TOLERANCE),
});

/** What callers pass to {@link taxHarvest}. */
export type TaxHarvestInput = z.input<typeof taxHarvestInputSchema>;

/** What {@link taxHarvest} needs: the store (stored ledger, accounts, closes) and the clock. */
export type TaxHarvestDeps = StoredLedgerDeps & Pick<AppDeps, 'clock'>;

/** A purchase that would wash a sale on the as-of date. */
export interface WashingPurchase {
  readonly date: string;
  readonly account: string;
  readonly symbol: string;
  readonly quantity: number;
  /** The lot it opened, `L<line>`. */
  readonly lotId: string;
}

/** One candidate lot (dollars). */
export interface TaxHarvestCandidate {
  readonly account: string;
  readonly symbol: string;
  readonly lotId: string;
  readonly acquired: string;
  readonly term: 'short' | 'long';
  readonly quantity: number;
  readonly price: number;
  readonly priceSource: string;
  readonly priceDate: string | null;
  readonly costBasis: number;
  readonly value: number;
  /** value − cost basis: negative. */
  readonly loss: number;
  /** The rate of the term. */
  readonly rate: number;
  /** |loss| × rate. */
  readonly taxSaving: number;
  readonly blocked: boolean;
  readonly blockedBy: readonly WashingPurchase[];
  /** Buying an equivalent back on or before this day washes the loss. */
  readonly washUntil: string;
}

/** Candidates of one symbol in one account (dollars). */
export interface TaxHarvestPosition {
  readonly account: string;
  readonly symbol: string;
  readonly lots: number;
  readonly quantity: number;
  readonly costBasis: number;
  readonly value: number;
  readonly loss: number;
  readonly taxSaving: number;
  readonly blockedLots: number;
}

/** The `tax harvest` document (the CLI's `--format json`). */
export interface TaxHarvestDocument {
  readonly asOf: string;
  readonly lotMethod: string;
  /** Dollars. */
  readonly threshold: number;
  readonly rates: { readonly shortTerm: number; readonly longTerm: number };
  readonly tolerance: number;
  /** Purchases from `purchasesFrom` to `asOf` block; buying back until `washUntil` washes. */
  readonly washWindow: {
    readonly purchasesFrom: string;
    readonly washUntil: string;
    readonly firstCleanDate: string;
  };
  /** Biggest saving first. */
  readonly candidates: readonly TaxHarvestCandidate[];
  /** Candidates summed by account and symbol, biggest saving first. */
  readonly positions: readonly TaxHarvestPosition[];
  /** For each candidate symbol (in candidate order): its substitutes, nearest first. */
  readonly substitutes: readonly SubstituteSearch[];
  readonly totals: {
    readonly candidates: number;
    readonly blocked: number;
    readonly loss: number;
    readonly taxSaving: number;
    /** Over candidates that are not blocked. */
    readonly unblockedLoss: number;
    readonly unblockedTaxSaving: number;
  };
  readonly excluded: {
    /** Long lots of non-taxable accounts (never harvested). */
    readonly nonTaxableLots: number;
    readonly shortLots: number;
    /** Symbols of taxable lots without a price (not assessed). */
    readonly unpriced: readonly string[];
  };
  /** Stored closes used and their provenance; present only when a stored close priced something. */
  readonly pricing?: PricingDocument;
  readonly warnings: readonly Warning[];
}

function candidateDocument(
  c: HarvestResult['candidates'][number],
  quote: PriceQuote | undefined,
): TaxHarvestCandidate {
  return {
    account: c.account,
    symbol: c.symbol,
    lotId: c.lotId,
    acquired: c.acquired,
    term: c.term,
    quantity: c.quantity,
    price: c.price,
    priceSource: quote?.source ?? '',
    priceDate: quote?.date ?? null,
    costBasis: centsToDollars(c.costBasisCents),
    value: centsToDollars(c.valueCents),
    loss: centsToDollars(c.lossCents),
    rate: c.rate,
    taxSaving: centsToDollars(c.taxSavingCents),
    blocked: c.blocked,
    blockedBy: c.blockedBy,
    washUntil: c.washUntil,
  };
}

function substituteDocument(s: SubstituteSearch): SubstituteSearch {
  const fine = (r: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, roundFine(v)]));
  return {
    ...s,
    substitutes: s.substitutes.map((x) => ({
      ...x,
      distance: roundFine(x.distance),
      difference: fine(x.difference),
    })),
  };
}

function sumCents(values: readonly number[]): number {
  return centsToDollars(values.reduce((a, b) => a + b, 0));
}

/** Harvest candidates and substitutes of a ledger (see the module comment). */
export async function taxHarvest(
  raw: TaxHarvestInput,
  deps: TaxHarvestDeps,
): Promise<TaxHarvestDocument> {
  const input = parseInput(taxHarvestInputSchema, raw);
  const asOf = input.asOf ?? deps.clock.today();
  // The ledger under the wash-sale rule: a replacement lot's basis carries the disallowed loss.
  const { transactions, ledger, taxTypes, equivalents } = await readTaxLedger(
    {
      ...(input.transactions === undefined ? {} : { transactions: input.transactions }),
      ...(input.portfolio === undefined ? {} : { portfolio: input.portfolio }),
      ...(input.accounts === undefined ? {} : { accounts: input.accounts }),
      ...(input.equivalents === undefined ? {} : { equivalents: input.equivalents }),
      lotMethod: input.lotMethod,
      asOf,
      partialLot: 'replacement',
      washSales: true,
    },
    deps,
  );
  let pricesFile: ReadonlyMap<string, PriceQuote> = new Map();
  if (input.prices !== undefined) {
    const { text, name } = readSource(input.prices, 'prices');
    pricesFile = parsePricesCsv(text, name);
  }
  const universe: FundUniverse = await loadFunds(input.funds, deps);
  const priced = await pricePortfolio(
    {
      lots: ledger.lots,
      cashCents: ledger.cashCents,
      ledger,
      pricesFile,
      holdingsPrices: new Map(),
    },
    { asOf, deps },
  );
  const result = harvestCandidates({
    lots: ledger.lots,
    prices: new Map([...priced.quotes].map(([s, q]) => [s, q.price])),
    purchases: purchasesOf(transactions, asOf),
    taxTypes,
    equivalents,
    asOf,
    thresholdCents: roundHalfAway(input.threshold * 100),
    rates: { short: input.shortRate, long: input.longRate },
  });
  const symbols = [...new Set(result.candidates.map((c) => c.symbol))];
  const searches = symbols.map((s) =>
    findSubstitutes(s, universe, { tolerance: input.tolerance, equivalents }),
  );
  const unblocked = result.candidates.filter((c) => !c.blocked);
  const { pricing, warnings } = pricingFields(priced.pricing);
  return {
    asOf,
    lotMethod: input.lotMethod,
    threshold: roundCents(input.threshold),
    rates: { shortTerm: input.shortRate, longTerm: input.longRate },
    tolerance: input.tolerance,
    washWindow: {
      purchasesFrom: result.windowStart,
      washUntil: result.washUntil,
      firstCleanDate: result.firstCleanDate,
    },
    candidates: result.candidates.map((c) => candidateDocument(c, priced.quotes.get(c.symbol))),
    positions: result.positions.map((p) => ({
      account: p.account,
      symbol: p.symbol,
      lots: p.lots,
      quantity: roundFine(p.quantity),
      costBasis: centsToDollars(p.costBasisCents),
      value: centsToDollars(p.valueCents),
      loss: centsToDollars(p.lossCents),
      taxSaving: centsToDollars(p.taxSavingCents),
      blockedLots: p.blockedLots,
    })),
    substitutes: searches.map(substituteDocument),
    totals: {
      candidates: result.candidates.length,
      blocked: result.candidates.length - unblocked.length,
      loss: sumCents(result.candidates.map((c) => c.lossCents)),
      taxSaving: sumCents(result.candidates.map((c) => c.taxSavingCents)),
      unblockedLoss: sumCents(unblocked.map((c) => c.lossCents)),
      unblockedTaxSaving: sumCents(unblocked.map((c) => c.taxSavingCents)),
    },
    excluded: {
      nonTaxableLots: result.nonTaxableLots,
      shortLots: result.shortLots,
      unpriced: result.unpriced,
    },
    ...(pricing === undefined ? {} : { pricing }),
    warnings: [
      ...(warnings ?? []),
      ...harvestWarnings(result, { quotes: priced.quotes, searches, lots: ledger.lots, taxTypes }),
    ],
  };
}
