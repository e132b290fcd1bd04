/**
 * Input schemas of symbol return series (`returns`, `estimate --symbols`, panels of stored
 * symbols), in a module of their own so that schemas which mention them do not load the
 * market-data code that computes the series (`symbol-returns.ts`).
 */

import * as z from 'zod';
import { FREQUENCIES, type Frequency } from '../domain/series/frequency.ts';
import { RETURN_KINDS } from '../data/market-data/return-kinds.ts';

/** Symbols (trimmed, upper-cased) or imported return columns. */
export const symbolListSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .transform((s) => s.toUpperCase()),
  )
  .min(1);

/** A return frequency. */
export const frequencySchema = z.enum(FREQUENCIES as [Frequency, ...Frequency[]]);

/** A return kind (`total`, `price`, `log`, `real`, `excess`). */
export const returnKindSchema = z.enum(RETURN_KINDS);
