/**
 * Use case `positions --base-currency`: the `positions` document of a ledger in several
 * currencies, in the base currency (docs/currencies.md):
 *
 * - every row is converted at its own date's rate (domain/fx/ledger-in-base.ts), so cost basis,
 *   realised gains, income and cash are base-currency amounts at the trade dates' rates;
 * - `symbolCurrencies` gives each symbol's currency, `rates` every rate used (currency, date,
 *   rate, the observation date under the as-of rule, the stored series);
 * - `valuation` values each holding at its **local** price × the rate of the valuation date:
 *   local value, rate and base value per holding, then cash and the total in the base currency.
 *   The price is the prices file's (`symbol,price[,date]`, in the symbol's currency), else the
 *   latest stored close on or before the valuation date; a holding with neither is listed in
 *   `unpriced`, never given a made-up value.
 *
 * For a ledger entirely in the base currency the document is the `positions` document plus
 * those blocks (no rate listed). The ledger is a transactions file or a stored portfolio
 * (`portfolio`: its rows keep their currencies; a row without one is in the portfolio's base
 * currency, which `baseCurrency` need not be — docs/currencies.md).
 *
 * @example
 * ```ts
 * const doc = await positionsInBase(
 *   { transactions: { path: 'ledger.csv' }, baseCurrency: 'USD', currencies: { SAP: 'EUR' } },
 *   deps,
 * );
 * doc.valuation.holdings[0]; // { symbol, currency, price, localValue, rate, baseValue, … }
 * ```
 */

import * as z from 'zod';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { CurrencyCode } from '../domain/fx/currency.ts';
import { summarizePositions } from '../domain/ledger/positions.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { valueLedgerInBase, type BaseHolding } from './base-valuation.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { baseCurrencyShape, type RateUsed } from './ledger-base.ts';
import { positionsDocument, type PositionsDocument } from './positions.ts';
import { roundCents } from './rounding.ts';
import { isoDateSchema, lotMethodSchema } from './schemas.ts';
import { readSource, textSourceSchema, type TextSource } from './sources.ts';
import { portfolioNameSchema, readStoredLedgerWithCurrencies } from './stored-ledger.ts';
import { accountTaxTypes, washOption, washRuleShape } from './tax-ledger.ts';

/** Input of {@link positionsInBase}. */
export const positionsInBaseInputSchema = z
  .object({
    /** The ledger, in the transactions-CSV format (optional `currency` column); or `portfolio`. */
    transactions: textSourceSchema.optional(),
    /** A stored portfolio whose ledger (each row with its currency) to value; or `transactions`. */
    portfolio: portfolioNameSchema.optional(),
    /** Ignore transactions after this date; also the valuation date (default today). */
    asOf: isoDateSchema.optional(),
    lotMethod: lotMethodSchema.default('fifo'),
    ...baseCurrencyShape,
    /** `symbol,price[,date]` in each symbol's own currency (before the store's closes). */
    prices: textSourceSchema.optional(),
    ...washRuleShape,
  })
  .superRefine((i, ctx) => {
    if ((i.transactions === undefined) === (i.portfolio === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [i.portfolio === undefined ? 'transactions' : 'portfolio'],
        input: i.portfolio,
        message:
          i.portfolio === undefined
            ? 'give transactions or portfolio'
            : 'give transactions or portfolio, not both',
      });
  });

export type { BaseHolding } from './base-valuation.ts';

/** What callers pass to {@link positionsInBase}. */
export type PositionsInBaseInput = z.input<typeof positionsInBaseInputSchema>;

/** The `valuation` block. */
export interface BaseValuation {
  /** The valuation date: `asOf`, else today. */
  readonly date: IsoDate;
  readonly holdings: readonly BaseHolding[];
  /** Held symbols without a price (never valued with a made-up one). */
  readonly unpriced: readonly { readonly symbol: string; readonly quantity: number }[];
  /** Cash over accounts, base currency. */
  readonly cash: number;
  /** Σ baseValue + cash. */
  readonly total: number;
}

/** The document of {@link positionsInBase}. */
export type PositionsInBaseDocument = PositionsDocument & {
  readonly baseCurrency: CurrencyCode;
  /** Each symbol's currency. */
  readonly symbolCurrencies: Readonly<Record<string, CurrencyCode>>;
  /** Every rate used: the rows' dates, then the valuation date. */
  readonly rates: readonly RateUsed[];
  readonly valuation: BaseValuation;
};

/** The ledger to value: the transactions file's rows, or the stored portfolio's. */
async function ledgerOf(
  input: { transactions?: TextSource | undefined; portfolio?: string | undefined },
  deps: AppDeps,
): Promise<Transaction[]> {
  if (input.portfolio !== undefined) {
    // A stored row without a currency is in the portfolio's base currency, whatever the report's.
    const stored = await readStoredLedgerWithCurrencies(input.portfolio, deps);
    return stored.transactions.map((tx) => ({ currency: stored.baseCurrency, ...tx }));
  }
  const { text, name } = readSource(input.transactions!, 'transactions');
  return parseTransactionsCsv(text, name);
}

/** Positions and valuation in the base currency (see the module comment). */
export async function positionsInBase(
  raw: PositionsInBaseInput,
  deps: AppDeps,
): Promise<PositionsInBaseDocument> {
  const input = parseInput(positionsInBaseInputSchema, raw);
  const parsed = await ledgerOf(input, deps);
  const date = input.asOf ?? deps.clock.today();
  const valued = await valueLedgerInBase(
    parsed,
    {
      ...input,
      date,
      ledger: {
        lotMethod: input.lotMethod,
        ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
        ...washOption(input, accountTaxTypes(input.accounts)),
      },
    },
    deps,
  );
  const { converted, holdings, unpriced } = valued;
  const report = positionsDocument(summarizePositions(valued.ledger));
  const symbols = converted.currencies.symbols;
  const cash = Object.values(report.cash).reduce((s, c) => s + c, 0);
  const total = holdings.reduce((s, h) => s + h.baseValue, 0) + cash;
  return {
    ...report,
    baseCurrency: input.baseCurrency,
    symbolCurrencies: Object.fromEntries([...symbols].sort(([a], [b]) => a.localeCompare(b))),
    rates: converted.rates.list(),
    valuation: { date, holdings, unpriced, cash: roundCents(cash), total: roundCents(total) },
  };
}
