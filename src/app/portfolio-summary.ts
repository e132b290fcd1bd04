/**
 * Use case `portfolio summary`: the overview of a stored portfolio — value, cash, cost, gains,
 * income, contributions, economic leverage and the change in value over recent windows.
 *
 * - Value, cash, cost basis and unrealised gain are the totals of `portfolioHoldings` (the same
 *   lots, prices and cents): each symbol at the latest stored close on or before the as-of date,
 *   else the ledger's last trade price; `valuation` says which price each symbol got.
 * - Realised gains, income and net contributions are those of the `positions` document.
 * - Leverage is read from the `exposures` document's look-through (fund definitions: `funds`,
 *   default the shipped ones): gross = Σ|economic exposure| / total value, net = Σ economic
 *   exposure / total value; null, with the reason, when the total value is not positive.
 * - Changes over the last day, one month, three months, the year to date and one year come
 *   **only from stored closes** (`domain/performance/value-changes.ts`): both ends at a close of
 *   the store for every position held, never a trade price or a carried close; a window the
 *   store cannot measure is `{ change: null, reason }`. The store is read, never a provider.
 * - The as-of date is `asOf`, else today; the ledger is replayed to it with `lotMethod`.
 *
 * @example
 * ```ts
 * const doc = await portfolioSummary({ portfolio: 'main' }, deps);
 * doc.changes.oneMonth; // { from, to, change, return, … } or { change: null, reason }
 * ```
 */

import * as z from 'zod';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.ts';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { BallastError } from '../domain/errors.ts';
import { summarizePositions } from '../domain/ledger/positions.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { portfolioHistory, symbolsToPrice } from '../domain/performance/history.ts';
import type { ClosePoint } from '../domain/performance/types.ts';
import {
  CHANGE_PERIODS,
  valueChanges,
  valueChangesStart,
  type ChangePeriod,
  type ChangeWindow,
  type ValueChanges,
} from '../domain/performance/value-changes.ts';
import type { Warning } from '../domain/warnings.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import type { AppDeps } from './deps.ts';
import { exposuresDocument, type ExposuresDocument } from './exposures.ts';
import { fundsSourceSchema } from './funds-source-schema.ts';
import { parseInput } from './input.ts';
import { holdingsDocument, type HoldingPosition } from './portfolio-holdings.ts';
import {
  loadExposureConfig,
  pricePortfolio,
  readPortfolioFiles,
  type LoadedPortfolio,
} from './portfolio-input.ts';
import type { PricingDocument } from './portfolio-pricing.ts';
import { roundCents } from './rounding.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { portfolioNameSchema, readStoredLedger, storeHolding } from './stored-ledger.ts';

/** Input of {@link portfolioSummary}. */
export const portfolioSummaryInputSchema = z.object({
  /** The stored portfolio. */
  portfolio: portfolioNameSchema,
  /** Ignore transactions after this date; prices and changes as of it (default today). */
  asOf: isoDateSchema.optional(),
  lotMethod: lotMethodSchema.default('fifo'),
  /** Fund definitions for the leverage look-through; default the shipped config/funds.yaml. */
  funds: fundsSourceSchema.optional(),
});

/** What callers pass to {@link portfolioSummary}. */
export type PortfolioSummaryInput = z.input<typeof portfolioSummaryInputSchema>;

/** Economic leverage through the fund definitions. */
export interface SummaryLeverage {
  /** Σ|economic exposure| / total value (2.0 = 200 %); null when the value is not positive. */
  readonly gross: number | null;
  /** Σ economic exposure / total value. */
  readonly net: number | null;
  /** Holdings left out of the look-through (no fund definition, or no price). */
  readonly unexplained: ExposuresDocument['unexplained'];
  /** Why there is no figure (present when `gross` is null). */
  readonly reason?: string;
}

/** The price a symbol was valued at. */
export interface SummaryPrice {
  readonly symbol: string;
  readonly price: number;
  readonly source: string;
  readonly date: IsoDate | null;
}

/** The `portfolio summary` document (money in dollars, rounded to cents). */
export interface PortfolioSummaryDocument {
  readonly portfolio: string;
  readonly asOf: IsoDate;
  readonly lotMethod: string;
  /** Market value of the priced lots + cash. */
  readonly totalValue: number;
  readonly cash: { readonly byAccount: Readonly<Record<string, number>>; readonly total: number };
  readonly costBasis: number;
  readonly marketValue: number;
  readonly unrealizedGain: number;
  readonly realized: {
    readonly shortTerm: number;
    readonly longTerm: number;
    readonly total: number;
  };
  readonly income: { readonly dividends: number; readonly interest: number; readonly fees: number };
  /** Deposits − withdrawals. */
  readonly netContributions: number;
  readonly leverage: SummaryLeverage;
  /** Changes in value at stored closes; `to` is the close they end at. */
  readonly changes: { readonly to: IsoDate | null } & Readonly<Record<ChangePeriod, ChangeWindow>>;
  /** Which prices were used. */
  readonly valuation: {
    readonly note: string;
    readonly prices: readonly SummaryPrice[];
    readonly unpriced: readonly string[];
    /** Stored closes used and their provenance (present when a stored close priced something). */
    readonly pricing?: PricingDocument;
  };
  readonly warnings: readonly Warning[];
}

/** Every window unavailable for `reason`. */
function noChanges(reason: string): ValueChanges {
  const windows = {} as Record<ChangePeriod, ChangeWindow>;
  for (const period of CHANGE_PERIODS)
    windows[period] = { from: null, to: null, change: null, return: null, reason };
  return { to: null, windows };
}

/** Stored unadjusted closes of `symbols` in `[from, to]` (positive closes only). */
async function closesOf(
  store: MarketStore,
  symbols: readonly string[],
  range: { from: IsoDate; to: IsoDate },
): Promise<Map<string, ClosePoint[]>> {
  const bars = await store.getPriceBarsMany(symbols, range);
  return new Map(
    [...bars].map(([symbol, rows]) => [
      symbol,
      rows
        .filter((b) => Number.isFinite(b.close) && b.close > 0)
        .map((b) => ({ date: b.date, close: b.close })),
    ]),
  );
}

/** The changes of `ledger` at stored closes as of `asOf` (see the module comment). */
async function changesAt(
  ledger: readonly Transaction[],
  at: { asOf: IsoDate; lotMethod: z.output<typeof lotMethodSchema>; store: MarketStore },
): Promise<ValueChanges> {
  const first = ledger[0];
  if (first === undefined) return noChanges('the ledger is empty');
  if (first.date > at.asOf)
    return noChanges(`the ledger begins on ${first.date}, after ${at.asOf}`);
  const calendar = createNyseCalendar();
  const options = {
    transactions: ledger,
    calendar,
    from: valueChangesStart(at.asOf),
    to: at.asOf,
    lotMethod: at.lotMethod,
  };
  try {
    const symbols = symbolsToPrice(options);
    const prices = await closesOf(at.store, symbols, {
      from: addDays(options.from, -14),
      to: at.asOf,
    });
    const history = portfolioHistory({ ...options, prices });
    return valueChanges(history, { asOf: at.asOf, calendar, firstTransaction: first.date });
  } catch (error) {
    if (!(error instanceof BallastError) || error.code === 'INTERNAL') throw error;
    return noChanges(error.message);
  }
}

/** A window with its money rounded to cents. */
function rounded(window: ChangeWindow): ChangeWindow {
  if (window.change === null) return window;
  return {
    ...window,
    valueFrom: roundCents(window.valueFrom),
    valueTo: roundCents(window.valueTo),
    flows: roundCents(window.flows),
    change: roundCents(window.change),
  };
}

/** The leverage of the look-through (null figures when the value is not positive). */
async function leverageOf(
  loaded: LoadedPortfolio,
  funds: z.output<typeof portfolioSummaryInputSchema>['funds'],
  deps: AppDeps,
): Promise<SummaryLeverage> {
  const value =
    loaded.valuation.cash + loaded.valuation.positions.reduce((s, p) => s + p.marketValue, 0);
  if (!(value > 0))
    return {
      gross: null,
      net: null,
      unexplained: [],
      reason: `the total value ${roundCents(value)} is not positive: leverage is undefined`,
    };
  const doc = exposuresDocument(loaded.valuation, await loadExposureConfig(funds, deps));
  return {
    gross: doc.grossEconomicExposure,
    net: doc.netEconomicExposure,
    unexplained: doc.unexplained,
  };
}

/** The price of every priced symbol held, once, by symbol. */
function pricesOf(positions: readonly HoldingPosition[]): SummaryPrice[] {
  const bySymbol = new Map<string, SummaryPrice>();
  for (const p of positions)
    if (p.price !== null && p.priceSource !== null && !bySymbol.has(p.symbol))
      bySymbol.set(p.symbol, {
        symbol: p.symbol,
        price: p.price,
        source: p.priceSource,
        date: p.priceDate,
      });
  return [...bySymbol.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
}

/** The overview of a stored portfolio (see the module comment). */
export async function portfolioSummary(
  raw: PortfolioSummaryInput,
  deps: AppDeps,
): Promise<PortfolioSummaryDocument> {
  const input = parseInput(portfolioSummaryInputSchema, raw);
  const asOf = input.asOf ?? deps.clock.today();
  const stored = await readStoredLedger(input.portfolio, deps);
  const files = readPortfolioFiles(
    { portfolio: input.portfolio, lotMethod: input.lotMethod, asOf: input.asOf },
    stored,
  );
  const loaded = await pricePortfolio(files, { asOf: input.asOf, deps });
  const holdings = holdingsDocument(loaded, { portfolio: input.portfolio, asOf });
  const positions = summarizePositions(loaded.ledger!);
  const store = await storeHolding(input.portfolio, deps);
  const changes = await changesAt(stored, { asOf, lotMethod: input.lotMethod, store });
  const windows = Object.fromEntries(
    CHANGE_PERIODS.map((p) => [p, rounded(changes.windows[p])]),
  ) as Record<ChangePeriod, ChangeWindow>;
  return {
    portfolio: input.portfolio,
    asOf,
    lotMethod: input.lotMethod,
    totalValue: holdings.totals.value,
    cash: {
      byAccount: Object.fromEntries(holdings.accounts.map((a) => [a.account, a.totals.cash])),
      total: holdings.totals.cash,
    },
    costBasis: holdings.totals.costBasis,
    marketValue: holdings.totals.marketValue,
    unrealizedGain: holdings.totals.unrealizedGain,
    realized: positions.realizedTotal,
    income: positions.income,
    netContributions: positions.netContributions,
    leverage: await leverageOf(loaded, input.funds, deps),
    changes: { to: changes.to, ...windows },
    valuation: {
      note: `each symbol at its latest stored close on or before ${asOf}, else the ledger's last trade price; changes only at stored closes`,
      prices: pricesOf(holdings.accounts.flatMap((a) => a.positions)),
      unpriced: holdings.unpriced,
      ...(holdings.pricing === undefined ? {} : { pricing: holdings.pricing }),
    },
    warnings: holdings.warnings,
  };
}
