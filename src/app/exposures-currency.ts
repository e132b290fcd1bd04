/**
 * `exposures --base-currency` of a ledger in several currencies (docs/currencies.md, "Exposures
 * in the base currency"):
 *
 * - the ledger replayed and its holdings valued in the base currency at the valuation date's
 *   rate, exactly as `positions --base-currency` values them (`base-valuation.ts`);
 * - the holdings decomposed through the fund definitions on those base-currency values;
 * - each unhedged foreign holding adds a `currency_<CCY>` exposure equal to its base-currency
 *   value (domain/exposures/currency-exposure.ts); a fund defined `currencyHedged: true` adds
 *   none;
 * - the document gets a `currency` block: base currency, valuation date, each symbol's currency,
 *   the hedged symbols held, each holding's local price, local value, rate and base value, and
 *   every rate used.
 *
 * A ledger with every row and mapped symbol in the base currency gives no block here: the caller
 * then returns the ordinary document, byte for byte.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { invalidInput } from '../domain/errors.ts';
import type { HoldingCurrency } from '../domain/exposures/currency-exposure.ts';
import { normalizeSymbol } from '../domain/exposures/symbol.ts';
import type { CurrencyCode } from '../domain/fx/currency.ts';
import { centsToDollars } from '../domain/ledger/money.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { valueLedgerInBase, type BaseHolding } from './base-valuation.ts';
import type { AppDeps } from './deps.ts';
import { isMultiCurrency, type BaseCurrencyInput, type RateUsed } from './ledger-base.ts';
import type { PortfolioInput } from './portfolio-input.ts';
import { roundCents } from './rounding.ts';
import { readSource } from './sources.ts';
import { readStoredLedgerWithCurrencies, type StoredLedgerDeps } from './stored-ledger.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import type { Valuation } from '../domain/valuation/value-positions.ts';

/** The `currency` block of a multi-currency `exposures` document. */
export interface ExposuresCurrencyDocument {
  /** Currency of every money figure of the document. */
  readonly baseCurrency: CurrencyCode;
  /** The valuation date (`asOf`, else today) whose rates convert the holdings. */
  readonly valuationDate: IsoDate;
  /** Each symbol's currency. */
  readonly symbolCurrencies: Readonly<Record<string, CurrencyCode>>;
  /** Foreign holdings of a currency-hedged share class (no currency exposure). */
  readonly hedged: readonly string[];
  /** Each priced holding: local price and value, rate, base value (= the position's marketValue). */
  readonly holdings: readonly BaseHolding[];
  /** Every rate used: the rows' dates, then the valuation date. */
  readonly rates: readonly RateUsed[];
}

/** A ledger valued in the base currency, ready for the decomposition. */
export interface ExposuresInBase {
  readonly valuation: Valuation;
  /** Currency and hedge of each priced holding, by normalised symbol. */
  readonly currencies: ReadonlyMap<string, HoldingCurrency>;
  readonly base: CurrencyCode;
  readonly block: ExposuresCurrencyDocument;
}

/** The base-currency fields of the exposures input. */
export interface ExposuresCurrencyFields {
  readonly baseCurrency?: CurrencyCode | undefined;
  readonly currencies?: Readonly<Record<string, CurrencyCode>> | undefined;
}

/**
 * The ledger of a base-currency view and its base currency: a transactions file (base
 * `baseCurrency`, default USD) or a stored portfolio (base `baseCurrency`, default the
 * portfolio's own; a stored row without a currency is in the portfolio's base currency). A
 * holdings snapshot is INVALID_INPUT.
 */
async function ledgerOf(
  input: PortfolioInput & ExposuresCurrencyFields,
  deps: StoredLedgerDeps,
): Promise<{ transactions: Transaction[]; base: CurrencyCode }> {
  const field = input.baseCurrency !== undefined ? 'baseCurrency' : 'currencies';
  if (input.portfolio !== undefined) {
    const stored = await readStoredLedgerWithCurrencies(input.portfolio, deps);
    return {
      transactions: stored.transactions.map((tx) => ({ currency: stored.baseCurrency, ...tx })),
      base: input.baseCurrency ?? stored.baseCurrency,
    };
  }
  if (input.holdings !== undefined)
    throw invalidInput(
      field,
      input[field],
      'a holdings snapshot has no currency per row: give the ledger as transactions',
    );
  if (input.transactions === undefined)
    throw invalidInput('transactions', undefined, 'a base-currency view reads a transactions file');
  const { text, name } = readSource(input.transactions, 'transactions');
  return { transactions: parseTransactionsCsv(text, name), base: input.baseCurrency ?? 'USD' };
}

/**
 * The ledger valued in the base currency, or undefined when every row and mapped symbol is in
 * the base currency (see the module comment). `funds` gives the hedged share classes.
 */
export async function exposuresInBase(
  input: PortfolioInput & ExposuresCurrencyFields,
  funds: FundUniverse,
  deps: Pick<AppDeps, 'store' | 'clock' | 'existingStore'>,
): Promise<ExposuresInBase | undefined> {
  const { transactions, base } = await ledgerOf(input, deps);
  const date = input.asOf ?? deps.clock.today();
  const view: BaseCurrencyInput = {
    baseCurrency: base,
    currencies: input.currencies,
  };
  if (
    !isMultiCurrency(
      transactions.filter((t) => t.date <= date),
      view,
    )
  )
    return undefined;
  const valued = await valueLedgerInBase(
    transactions,
    {
      ...view,
      date,
      prices: input.prices,
      ledger: {
        lotMethod: input.lotMethod,
        ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
      },
    },
    deps,
  );
  const cashCents = [...valued.ledger.cashCents.values()].reduce((s, c) => s + c, 0);
  const currencies = new Map<string, HoldingCurrency>();
  const hedged: string[] = [];
  for (const h of valued.holdings) {
    const symbol = normalizeSymbol(h.symbol);
    const isHedged =
      Object.hasOwn(funds.funds, symbol) && funds.funds[symbol]!.currencyHedged === true;
    if (isHedged && h.currency !== view.baseCurrency) hedged.push(symbol);
    currencies.set(symbol, { currency: h.currency, hedged: isHedged });
  }
  return {
    base: view.baseCurrency,
    currencies,
    valuation: {
      positions: valued.holdings.map((h) => ({
        symbol: h.symbol,
        quantity: h.quantity,
        price: h.price,
        priceSource: h.priceSource,
        ...(h.priceDate === undefined ? {} : { priceDate: h.priceDate }),
        marketValue: h.baseValue,
        costBasis: h.costBasis,
        unrealizedGain: h.unrealizedGain,
      })),
      unpriced: valued.unpriced,
      cash: roundCents(centsToDollars(cashCents)),
    },
    block: {
      baseCurrency: view.baseCurrency,
      valuationDate: date,
      symbolCurrencies: Object.fromEntries(
        [...valued.converted.currencies.symbols].sort(([a], [b]) => a.localeCompare(b)),
      ),
      hedged,
      holdings: valued.holdings,
      rates: valued.converted.rates.list(),
    },
  };
}
