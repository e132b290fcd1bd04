/** zod schemas shared by use-case inputs (and the API's OpenAPI document). */

import * as z from 'zod';
import { isIsoDate } from '../domain/calendar/iso-date.ts';
import { LOT_METHODS } from '../domain/ledger/types.ts';

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

/** Lot relief method (case-insensitive on input). */
export const lotMethodSchema = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(LOT_METHODS));

/** A finite number. */
export const finiteSchema = z.number().finite();

/** Lot relief methods, for faces that validate their own flags. */
export { LOT_METHODS, type LotMethod } from '../domain/ledger/types.ts';
/** Calendar-date check, for faces that validate their own flags. */
export { isIsoDate } from '../domain/calendar/iso-date.ts';
