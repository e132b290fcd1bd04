/**
 * Currency codes and FX pair ids (docs/currencies.md, "Conventions").
 *
 * - A currency is an ISO 4217 alphabetic code: three letters, upper-cased (`eur` → `EUR`).
 * - A pair `BBBQQQ` (e.g. `EURUSD`) is quoted as units of the quote currency `QQQ` per one unit
 *   of the base currency `BBB`, the market convention: `EURUSD = 1.10` means 1 EUR costs
 *   1.10 USD.
 * - Its stored series id is `FX:BBBQQQ` (e.g. `FX:EURUSD`), in the store's `series_points`,
 *   versioned like every series (docs/data-versions.md).
 */

import { invalidInput } from '../errors.ts';

/** An ISO 4217 alphabetic code, upper-case (e.g. `USD`). */
export type CurrencyCode = string;

/** Prefix of stored FX series ids: `FX:EURUSD` holds USD per 1 EUR. */
export const FX_SERIES_PREFIX = 'FX:';

const CODE = /^[A-Z]{3}$/;

/** True when `text` is three upper-case letters (the shape of an ISO 4217 code). */
export function isCurrencyCode(text: string): boolean {
  return CODE.test(text);
}

/**
 * `value` trimmed and upper-cased as a currency code.
 * @throws BallastError INVALID_INPUT naming `field` when it is not three letters.
 */
export function currencyCode(field: string, value: string): CurrencyCode {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code))
    throw invalidInput(field, value, 'must be a three-letter ISO 4217 currency code (e.g. EUR)');
  return code;
}

/** A currency pair: `quote` units per one `base` unit. */
export interface FxPair {
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
}

/** The pair's name `BBBQQQ` (e.g. `EURUSD`). */
export function pairName(pair: FxPair): string {
  return `${pair.base}${pair.quote}`;
}

/** The stored series id of a pair, `FX:BBBQQQ`. */
export function fxSeriesId(pair: FxPair): string {
  return `${FX_SERIES_PREFIX}${pairName(pair)}`;
}

/**
 * A pair written `EURUSD`, `EUR/USD` or `FX:EURUSD` (any case).
 * @throws BallastError INVALID_INPUT naming `field` when it is not two different currency codes.
 */
export function parsePair(field: string, value: string): FxPair {
  let text = value.trim().toUpperCase();
  if (text.startsWith(FX_SERIES_PREFIX)) text = text.slice(FX_SERIES_PREFIX.length);
  text = text.replace('/', '');
  const base = text.slice(0, 3);
  const quote = text.slice(3);
  if (text.length !== 6 || !isCurrencyCode(base) || !isCurrencyCode(quote))
    throw invalidInput(field, value, 'must be a currency pair such as EURUSD (USD per 1 EUR)');
  if (base === quote) throw invalidInput(field, value, 'names the same currency twice');
  return { base, quote };
}
