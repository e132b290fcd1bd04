/**
 * Use case `portfolio holdings`: a stored portfolio's positions by account, each with its open
 * lots priced — cost, market value, unrealised gain and tax term of every lot — with totals per
 * account and overall, and the realised gains by calendar year of disposal.
 *
 * - The ledger is replayed as `positions` does (`asOf`: ignore transactions after it; default
 *   every transaction), with `lotMethod` (default FIFO).
 * - Valuation as in `exposures` (`portfolio-input.ts`): each symbol at the latest stored close on
 *   or before the as-of date, else the ledger's last trade price, each price labelled with its
 *   source and date; `pricing` lists the stored closes used. A symbol nothing prices has `null`
 *   price, market value and gain, and is left out of the totals' market value (listed in
 *   `unpriced`).
 * - The as-of date of prices and terms is `asOf`, else today.
 * - Term of a long lot as of that date: **long-term when held more than one year, by
 *   calendar** — from the day after the first anniversary of its acquisition (bought 2023-03-15:
 *   long-term from 2024-03-16; bought 29 February: the anniversary is 28 February of a common
 *   year). `daysUntilLongTerm` counts the calendar days until then, 0 once long-term. A short
 *   lot is `short` (a short sale's gain is short-term) with `daysUntilLongTerm: null`.
 * - Money is computed in integer cents (a lot's market value is quantity × price rounded to the
 *   cent, as a trade's cash is), so the lots add up exactly to their position, account and
 *   portfolio totals; the document gives dollars. Cost per share keeps 12 significant digits.
 * - Realised gains by year sum the `realized` rows of the `positions` document (short-term,
 *   long-term, total), by the year of their disposal date.
 *
 * @example
 * ```ts
 * const doc = await portfolioHoldings({ portfolio: 'main', asOf: '2024-12-31' }, deps);
 * doc.accounts[0].positions[0].lots[0].daysUntilLongTerm;
 * ```
 */

import * as z from 'zod';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { daysUntilLongTerm, holdingTerm, type Term } from '../domain/ledger/holding-period.ts';
import { centsToDollars, roundQuantity, tradeValueCents } from '../domain/ledger/money.ts';
import { summarizePositions, type RealizedView } from '../domain/ledger/positions.ts';
import type { Lot } from '../domain/ledger/types.ts';
import type { PriceQuote } from '../domain/valuation/value-positions.ts';
import type { Warning } from '../domain/warnings.ts';
import { parseInput } from './input.ts';
import { loadPortfolio, type LoadedPortfolio, type PortfolioDeps } from './portfolio-input.ts';
import { pricingFields, type PricingDocument } from './portfolio-pricing.ts';
import { roundFine } from './rounding.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { portfolioNameSchema } from './stored-ledger.ts';

/** Input of {@link portfolioHoldings}. */
export const portfolioHoldingsInputSchema = z.object({
  /** The stored portfolio. */
  portfolio: portfolioNameSchema,
  /** Ignore transactions after this date; prices and terms as of it (default today). */
  asOf: isoDateSchema.optional(),
  lotMethod: lotMethodSchema.default('fifo'),
});

/** What callers pass to {@link portfolioHoldings}. */
export type PortfolioHoldingsInput = z.input<typeof portfolioHoldingsInputSchema>;

/** The rule the terms follow, stated in the document. */
export const TERM_RULE =
  'long-term when held more than one year, by calendar: from the day after the first anniversary of the acquisition (29 February: 28 February of a common year); short lots are short-term';

/** A price with its source and date (null fields when nothing prices the symbol). */
export interface HoldingPrice {
  readonly price: number | null;
  /** e.g. `stored close (stooq)`, `last trade price (ledger)`. */
  readonly priceSource: string | null;
  readonly priceDate: IsoDate | null;
}

/** One open lot, priced. */
export interface HoldingLot extends HoldingPrice {
  /** `L<line>` of the row that opened it. */
  readonly id: string;
  readonly acquired: IsoDate;
  /** Wash-sale replacement: the adjusted date its holding period (term, days) runs from. */
  readonly adjustedAcquired?: IsoDate;
  /** Wash-sale replacement: the disallowed loss included in its basis, in dollars. */
  readonly washAdjustment?: number;
  /** Signed: negative is a short. */
  readonly quantity: number;
  readonly costPerShare: number;
  readonly costBasis: number;
  readonly marketValue: number | null;
  readonly unrealizedGain: number | null;
  readonly term: Term;
  /** Calendar days until long-term; 0 when long-term; null for a short lot. */
  readonly daysUntilLongTerm: number | null;
}

/** One symbol in one account with its lots. */
export interface HoldingPosition extends HoldingPrice {
  readonly symbol: string;
  readonly quantity: number;
  readonly costBasis: number;
  readonly marketValue: number | null;
  readonly unrealizedGain: number | null;
  readonly lots: readonly HoldingLot[];
}

/** Totals of an account or of the portfolio (priced lots only in market value and gain). */
export interface HoldingTotals {
  readonly cash: number;
  readonly costBasis: number;
  readonly marketValue: number;
  readonly unrealizedGain: number;
  /** Market value + cash. */
  readonly value: number;
}

/** One account: its cash, positions and totals. */
export interface HoldingAccount {
  readonly account: string;
  readonly positions: readonly HoldingPosition[];
  readonly totals: HoldingTotals;
}

/** Realised gains of one calendar year of disposal. */
export interface RealizedYear {
  readonly year: number;
  readonly shortTerm: number;
  readonly longTerm: number;
  readonly total: number;
}

/** The `portfolio holdings` document. */
export interface PortfolioHoldingsDocument {
  readonly portfolio: string;
  /** The date prices and terms speak for (`asOf`, else today). */
  readonly asOf: IsoDate;
  /**
   * The ledger's as-of date as the `positions` document gives it: `asOf` when given, else the
   * last transaction's date (null for an empty ledger).
   */
  readonly ledgerAsOf: IsoDate | null;
  readonly lotMethod: string;
  readonly termRule: string;
  readonly accounts: readonly HoldingAccount[];
  readonly totals: HoldingTotals;
  readonly realizedByYear: readonly RealizedYear[];
  /** Held symbols without any price (left out of market value). */
  readonly unpriced: readonly string[];
  /** Stored closes used and their provenance; present only when a stored close priced something. */
  readonly pricing?: PricingDocument;
  readonly warnings: readonly Warning[];
}

/** Cents totals, summed exactly. */
interface Sums {
  cash: number;
  basis: number;
  value: number;
  gain: number;
}

const zero = (): Sums => ({ cash: 0, basis: 0, value: 0, gain: 0 });

function add(into: Sums, from: Sums): void {
  into.cash += from.cash;
  into.basis += from.basis;
  into.value += from.value;
  into.gain += from.gain;
}

function totals(s: Sums): HoldingTotals {
  return {
    cash: centsToDollars(s.cash),
    costBasis: centsToDollars(s.basis),
    marketValue: centsToDollars(s.value),
    unrealizedGain: centsToDollars(s.gain),
    value: centsToDollars(s.value + s.cash),
  };
}

function priceOf(quote: PriceQuote | undefined): HoldingPrice {
  return {
    price: quote?.price ?? null,
    priceSource: quote?.source ?? null,
    priceDate: quote?.date ?? null,
  };
}

/** A lot priced at `quote` as of `asOf`, and its cents. */
function holdingLot(lot: Lot, quote: PriceQuote | undefined, asOf: IsoDate) {
  const valueCents =
    quote === undefined
      ? undefined
      : Math.sign(lot.quantity) * tradeValueCents(lot.quantity, quote.price);
  const long = lot.quantity > 0;
  // A wash-sale replacement's holding period runs from its adjusted date; inherited is long.
  const from = lot.adjustedAcquired ?? lot.acquired;
  const view: HoldingLot = {
    id: lot.id,
    acquired: lot.acquired,
    ...(lot.adjustedAcquired === undefined ? {} : { adjustedAcquired: lot.adjustedAcquired }),
    ...(lot.washCents ? { washAdjustment: centsToDollars(lot.washCents) } : {}),
    quantity: lot.quantity,
    costPerShare: roundFine(centsToDollars(lot.basisCents) / lot.quantity),
    costBasis: centsToDollars(lot.basisCents),
    ...priceOf(quote),
    marketValue: valueCents === undefined ? null : centsToDollars(valueCents),
    unrealizedGain: valueCents === undefined ? null : centsToDollars(valueCents - lot.basisCents),
    term: !long ? 'short' : lot.inherited ? 'long' : holdingTerm(from, asOf),
    daysUntilLongTerm: !long ? null : lot.inherited ? 0 : daysUntilLongTerm(from, asOf),
  };
  return { view, valueCents };
}

/** The positions of one account's lots (by symbol) and the account's cents. */
function accountPositions(
  lots: readonly Lot[],
  quotes: ReadonlyMap<string, PriceQuote>,
  asOf: IsoDate,
): { positions: HoldingPosition[]; sums: Sums } {
  const bySymbol = new Map<string, Lot[]>();
  for (const lot of lots) bySymbol.set(lot.symbol, [...(bySymbol.get(lot.symbol) ?? []), lot]);
  const sums = zero();
  const positions = [...bySymbol]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([symbol, held]) => {
      const quote = quotes.get(symbol);
      const priced = held.map((lot) => holdingLot(lot, quote, asOf));
      const basis = held.reduce((s, l) => s + l.basisCents, 0);
      const value = priced.reduce((s, p) => s + (p.valueCents ?? 0), 0);
      sums.basis += basis;
      if (quote !== undefined) {
        sums.value += value;
        sums.gain += value - basis;
      }
      return {
        symbol,
        quantity: roundQuantity(held.reduce((s, l) => s + l.quantity, 0)),
        costBasis: centsToDollars(basis),
        ...priceOf(quote),
        marketValue: quote === undefined ? null : centsToDollars(value),
        unrealizedGain: quote === undefined ? null : centsToDollars(value - basis),
        lots: priced.map((p) => p.view),
      };
    });
  return { positions, sums };
}

/** Realised gains summed by calendar year of disposal (in cents, then dollars). */
export function realizedByYear(realized: readonly RealizedView[]): RealizedYear[] {
  const years = new Map<number, { short: number; long: number }>();
  for (const r of realized) {
    const year = Number(r.disposed.slice(0, 4));
    const sums = years.get(year) ?? { short: 0, long: 0 };
    const cents = Math.round(r.gain * 100);
    if (r.term === 'long') sums.long += cents;
    else sums.short += cents;
    years.set(year, sums);
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, s]) => ({
      year,
      shortTerm: centsToDollars(s.short),
      longTerm: centsToDollars(s.long),
      total: centsToDollars(s.short + s.long),
    }));
}

/**
 * The {@link PortfolioHoldingsDocument} of a stored portfolio's ledger loaded and priced
 * (`loadPortfolio`), as of `asOf` (shared with `portfolioSummary`).
 */
export function holdingsDocument(
  loaded: LoadedPortfolio,
  at: { readonly portfolio: string; readonly asOf: IsoDate },
): PortfolioHoldingsDocument {
  const { asOf } = at;
  const ledger = loaded.ledger!;
  const lotsByAccount = new Map<string, Lot[]>([...ledger.cashCents.keys()].map((a) => [a, []]));
  for (const lot of ledger.lots)
    lotsByAccount.set(lot.account, [...(lotsByAccount.get(lot.account) ?? []), lot]);
  const all = zero();
  const accounts = [...lotsByAccount]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, lots]) => {
      const { positions, sums } = accountPositions(lots, loaded.quotes, asOf);
      sums.cash = ledger.cashCents.get(account) ?? 0;
      add(all, sums);
      return { account, positions, totals: totals(sums) };
    });
  const notes = pricingFields(loaded.pricing);
  return {
    portfolio: at.portfolio,
    asOf,
    ledgerAsOf: ledger.asOf ?? null,
    lotMethod: ledger.lotMethod,
    termRule: TERM_RULE,
    accounts,
    totals: totals(all),
    realizedByYear: realizedByYear(summarizePositions(ledger).realized),
    unpriced: [...new Set(ledger.lots.map((l) => l.symbol))]
      .filter((symbol) => !loaded.quotes.has(symbol))
      .sort(),
    ...(notes.pricing === undefined ? {} : { pricing: notes.pricing }),
    warnings: notes.warnings ?? [],
  };
}

/** Positions with priced lots of a stored portfolio (see the module comment). */
export async function portfolioHoldings(
  raw: PortfolioHoldingsInput,
  deps: PortfolioDeps,
): Promise<PortfolioHoldingsDocument> {
  const input = parseInput(portfolioHoldingsInputSchema, raw);
  const loaded = await loadPortfolio(
    { portfolio: input.portfolio, lotMethod: input.lotMethod, asOf: input.asOf },
    deps,
  );
  return holdingsDocument(loaded, {
    portfolio: input.portfolio,
    asOf: input.asOf ?? deps.clock.today(),
  });
}
