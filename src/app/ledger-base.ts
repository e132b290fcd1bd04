/**
 * A ledger file read in several currencies and turned into the base currency at each row's
 * date (domain/fx/ledger-in-base.ts; docs/currencies.md), for `positions`, `performance` and
 * the valuation: the rates come from the store's `FX:*` series under the as-of rule, and every
 * rate used is listed in the document with its observation date and stored series.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { invalidInput } from '../domain/errors.ts';
import type { CurrencyCode } from '../domain/fx/currency.ts';
import {
  ledgerCurrencies,
  transactionsInBase,
  type LedgerCurrencies,
} from '../domain/fx/ledger-in-base.ts';
import { FxRates, type FxRate } from '../domain/fx/rates.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import type { AppDeps } from './deps.ts';
import { currencySchema, symbolCurrenciesSchema } from './fx-schemas.ts';
import { loadFxRates } from './fx-rates.ts';

/** The input fields of a base-currency view. */
export const baseCurrencyShape = {
  /** Report in this currency (ISO 4217); default USD. */
  baseCurrency: currencySchema.default('USD'),
  /** Currency of each symbol's prices (and of its rows without a `currency` cell): `{ SAP: 'EUR' }`. */
  currencies: symbolCurrenciesSchema.optional(),
};

/** Parsed base-currency fields. */
export interface BaseCurrencyInput {
  readonly baseCurrency: CurrencyCode;
  readonly currencies?: Readonly<Record<string, CurrencyCode>> | undefined;
}

/** One rate a document used. */
export interface RateUsed {
  /** The currency converted into the base. */
  readonly currency: CurrencyCode;
  /** The date asked (a row's date or the valuation date). */
  readonly date: IsoDate;
  /** Base units per 1 `currency` (12 significant digits). */
  readonly rate: number;
  /** The observation date used (the last on or before `date`). */
  readonly rateDate: IsoDate;
  /** Stored series used, `1/` marking an inverse: `FX:EURUSD`, `1/FX:USDJPY`. */
  readonly series: readonly string[];
}

/** A rate lookup that records what it used. */
export class RecordingRates {
  private readonly used = new Map<string, RateUsed>();

  constructor(
    readonly rates: FxRates,
    readonly base: CurrencyCode,
  ) {}

  /** Base units per 1 `currency` on `date` (DATA_UNAVAILABLE naming pair and date when none). */
  rate(currency: CurrencyCode, date: IsoDate): FxRate {
    const found = this.rates.rate(currency, this.base, date);
    const key = `${currency}|${date}`;
    if (currency !== this.base && !this.used.has(key))
      this.used.set(key, {
        currency,
        date,
        rate: Number(found.rate.toPrecision(12)),
        rateDate: found.date,
        series: found.legs.map((l) => `${l.inverted ? '1/' : ''}FX:${l.pair}`),
      });
    return found;
  }

  /** Every rate used, by currency then date. */
  list(): RateUsed[] {
    return [...this.used.values()].sort(
      (a, b) => a.currency.localeCompare(b.currency) || a.date.localeCompare(b.date),
    );
  }
}

/** A ledger converted into the base currency, with what it took. */
export interface LedgerInBase {
  readonly transactions: Transaction[];
  readonly currencies: LedgerCurrencies;
  readonly rates: RecordingRates;
}

/** True when the ledger has a row or a mapped symbol in another currency than `base`. */
export function isMultiCurrency(
  transactions: readonly Transaction[],
  input: BaseCurrencyInput,
): boolean {
  return ledgerCurrencies(transactions, contextOf(input)).foreign.length > 0;
}

const contextOf = (input: BaseCurrencyInput) => ({
  base: input.baseCurrency,
  ...(input.currencies ? { symbolCurrencies: input.currencies } : {}),
});

/**
 * The ledger in `input.baseCurrency` at each row's date, rates read from the store up to `to`
 * (at least the last row's date).
 */
export async function ledgerInBase(
  transactions: readonly Transaction[],
  input: BaseCurrencyInput & { readonly to?: IsoDate },
  deps: Pick<AppDeps, 'store'>,
): Promise<LedgerInBase> {
  const context = contextOf(input);
  const currencies = ledgerCurrencies(transactions, context);
  const last = transactions.reduce((d, t) => (t.date > d ? t.date : d), '0000-01-01');
  const to = input.to !== undefined && input.to > last ? input.to : last;
  const loaded =
    currencies.foreign.length === 0
      ? undefined
      : await loadFxRates(await deps.store(), {
          currencies: currencies.foreign,
          base: input.baseCurrency,
          to,
        });
  const rates = new RecordingRates(loaded?.rates ?? new FxRates(new Map()), input.baseCurrency);
  return {
    transactions: transactionsInBase(transactions, {
      ...context,
      rateToBase: (currency, date) => rates.rate(currency, date).rate,
    }),
    currencies,
    rates,
  };
}

/**
 * INVALID_INPUT when a ledger read without a base-currency view has rows in a currency other
 * than `base` (they would be added to base-currency amounts unconverted).
 */
export function refuseForeignRows(
  transactions: readonly Transaction[],
  base: CurrencyCode,
  hint: string,
): void {
  const row = transactions.find((t) => t.currency !== undefined && t.currency !== base);
  if (row)
    throw invalidInput(
      'currency',
      row.currency,
      `line ${row.source.line} is in ${row.currency}, not ${base}: ${hint} (docs/currencies.md)`,
    );
}
