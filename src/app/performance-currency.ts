/**
 * `performance` of a ledger in several currencies (docs/currencies.md, "Performance in the base
 * currency"): the TWR in the base currency and, apart, the currency effect.
 *
 * - Base-currency TWR: every row converted at its date's rate (domain/fx/ledger-in-base.ts) and
 *   every close at the rate of its own day, `close × FX(t)` (as-of rule), then the usual
 *   chain-linked TWR (docs/conventions.md, "Risk and performance measures").
 * - Local TWR: the same computation in **constant currency** — every row and every close
 *   converted at one fixed rate per currency, the rate of the window's first day (`from`, else
 *   the first transaction). FX moves are then absent, so it is the return in local currencies.
 * - Currency effect = base TWR − local TWR. For a single foreign holding without flows in the
 *   window, (1 + r_base) = (1 + r_local)(1 + r_fx): price €100 → €110 (+10 %) with EURUSD
 *   1.10 → 1.21 (+10 %) is 1.10 × 1.10 − 1 = +21 % in USD; the currency effect is
 *   21 % − 10 % = +11 % (the FX return plus the cross term r_local × r_fx).
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { CurrencyCode } from '../domain/fx/currency.ts';
import { transactionsInBase } from '../domain/fx/ledger-in-base.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import type { ClosePoint } from '../domain/performance/types.ts';
import type { AppDeps } from './deps.ts';
import {
  ledgerInBase,
  type BaseCurrencyInput,
  type LedgerInBase,
  type RateUsed,
} from './ledger-base.ts';
import { roundFine } from './rounding.ts';

/** The `currency` block of a multi-currency `performance` document. */
export interface PerformanceCurrencyDocument {
  readonly baseCurrency: CurrencyCode;
  /** Each symbol's currency. */
  readonly symbolCurrencies: Readonly<Record<string, CurrencyCode>>;
  /** TWR in the base currency (the document's `twr`). */
  readonly twr: number;
  /** TWR in constant currency (every conversion at `constantRates`). */
  readonly twrLocal: number;
  /** twr − twrLocal. */
  readonly currencyEffect: number;
  /** The fixed rates of the local TWR: each foreign currency at the window's first day. */
  readonly constantRates: readonly RateUsed[];
}

/** A multi-currency ledger ready for the two runs. */
export interface PerformanceCurrencies {
  readonly inBase: LedgerInBase;
  /** The first day's date, whose rates are the constant ones. */
  readonly constantDate: IsoDate;
  /** The ledger at the constant rates. */
  readonly constantTransactions: Transaction[];
  /** Closes of each symbol converted at each day's rate (a day before any rate is dropped). */
  toBase(closes: ReadonlyMap<string, readonly ClosePoint[]>): Map<string, readonly ClosePoint[]>;
  /** Closes at the constant rates. */
  toConstant(
    closes: ReadonlyMap<string, readonly ClosePoint[]>,
  ): Map<string, readonly ClosePoint[]>;
  /** The document block, given the two TWRs. */
  document(twr: number, twrLocal: number): PerformanceCurrencyDocument;
}

/** Prepares the two conversions of a ledger (rates from the store up to `to`). */
export async function performanceCurrencies(
  transactions: readonly Transaction[],
  input: BaseCurrencyInput & { readonly from?: IsoDate | undefined; readonly to: IsoDate },
  deps: Pick<AppDeps, 'store'>,
): Promise<PerformanceCurrencies> {
  const inBase = await ledgerInBase(transactions, input, deps);
  const constantDate = input.from ?? transactions[0]!.date;
  const base = input.baseCurrency;
  const { symbols, foreign } = inBase.currencies;
  const constant = new Map(foreign.map((c) => [c, inBase.rates.rate(c, constantDate).rate]));
  const constantRates = inBase.rates.list().filter((r) => r.date === constantDate);
  const context = {
    base,
    ...(input.currencies ? { symbolCurrencies: input.currencies } : {}),
  };
  const convert = (
    closes: ReadonlyMap<string, readonly ClosePoint[]>,
    rateOf: (currency: CurrencyCode, date: IsoDate) => number | undefined,
  ): Map<string, readonly ClosePoint[]> =>
    new Map(
      [...closes].map(([symbol, points]) => {
        const currency = symbols.get(symbol) ?? base;
        if (currency === base) return [symbol, points];
        return [
          symbol,
          points.flatMap((p) => {
            const rate = rateOf(currency, p.date);
            return rate === undefined ? [] : [{ date: p.date, close: p.close * rate }];
          }),
        ];
      }),
    );
  return {
    inBase,
    constantDate,
    constantTransactions: transactionsInBase(transactions, {
      ...context,
      rateToBase: (currency) => constant.get(currency)!,
    }),
    toBase: (closes) => convert(closes, (c, d) => inBase.rates.rates.find(c, base, d)?.rate),
    toConstant: (closes) => convert(closes, (c) => constant.get(c)),
    document: (twr, twrLocal) => ({
      baseCurrency: base,
      symbolCurrencies: Object.fromEntries([...symbols].sort(([a], [b]) => a.localeCompare(b))),
      twr: roundFine(twr),
      twrLocal: roundFine(twrLocal),
      currencyEffect: roundFine(twr - twrLocal),
      constantRates,
    }),
  };
}
