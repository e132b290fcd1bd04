/** Zod schemas of currencies and FX pairs shared by the use cases (docs/currencies.md). */

import * as z from 'zod';
import { isCurrencyCode, parsePair, type FxPair } from '../domain/fx/currency.ts';

/** An ISO 4217 code, trimmed and upper-cased (`eur` → `EUR`). */
export const currencySchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCurrencyCode, 'must be a three-letter ISO 4217 currency code (e.g. EUR)');

/** A pair `EURUSD` (or `EUR/USD`): USD per 1 EUR. */
export const pairSchema = z
  .string()
  .trim()
  .transform((s, ctx): FxPair => {
    try {
      return parsePair('pair', s);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a currency pair such as EURUSD (USD per 1 EUR)',
        input: s,
      });
      return z.NEVER;
    }
  });

/** Symbol → currency (`{ SAP: 'EUR' }`); symbols upper-cased. */
export const symbolCurrenciesSchema = z
  .record(z.string(), currencySchema)
  .transform((m) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k.trim().toUpperCase(), v])),
  );
