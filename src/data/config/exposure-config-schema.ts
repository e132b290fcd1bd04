/**
 * zod schema of `config/exposures.yaml` (layout documented at the top of that file). Objects
 * are strict so a misspelt key (`start_date` for `startDate`) is an error, not ignored.
 */

import * as z from 'zod';
import type { ExposureConfig } from '../../domain/exposures/types.ts';
import { dropUndefined } from './drop-undefined.ts';

const text = z.string().trim().min(1);
const ticker = z.string().regex(/^[A-Z0-9][A-Z0-9.^=-]*$/, 'tickers are upper-case, no spaces');
const isoDate = z.iso.date();

const average = z
  .strictObject({
    type: z.enum(['etf_average', 'fund_average']),
    tickers: z.array(ticker).min(1),
    startDate: isoDate.optional(),
  })
  .transform(dropUndefined);

const fund = z
  .strictObject({
    type: z.literal('fund'),
    ticker,
    alternative: ticker.optional(),
    startDate: isoDate.optional(),
  })
  .transform(dropUndefined);

const composite = z
  .strictObject({
    type: z.literal('composite'),
    components: z.array(z.strictObject({ ticker, weight: z.number().positive() })).min(1),
    startDate: isoDate.optional(),
  })
  .transform(dropUndefined);

const rateSeries = z.strictObject({ type: z.literal('rate_series'), source: text, series: text });
const index = z.strictObject({ type: z.literal('index'), index: text });
const notes = z.strictObject({ type: z.literal('notes'), description: text });

/** One implementation, discriminated by `type`. */
export const implementationSchema = z.discriminatedUnion('type', [
  average,
  fund,
  composite,
  rateSeries,
  index,
  notes,
]);

/** A published duration with its source and date (stress tests; never invented). */
const duration = z
  .strictObject({
    years: z.number().nonnegative(),
    convexity: z.number().optional(),
    source: text,
    asOf: isoDate,
  })
  .transform(dropUndefined);

const exposure = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'exposure ids are snake_case'),
    name: text,
    description: text,
    category: text,
    aliases: z.array(text).default([]),
    implementations: z.array(implementationSchema).min(1),
    duration: duration.optional(),
  })
  .transform(dropUndefined);

const vocabularyEntry = z.strictObject({
  label: text,
  weights: z.record(z.string(), z.number()),
  note: text,
});

/** Schema of the whole file; its output is a domain {@link ExposureConfig}. */
export const exposureConfigSchema = z.strictObject({
  exposures: z.array(exposure).min(1),
  categories: z.array(z.strictObject({ id: text, description: text })).min(1),
  settings: z.strictObject({
    minHistoryYears: z.number().positive(),
    preferredHistoryYears: z.number().positive(),
  }),
  vocabulary: z.record(z.string(), vocabularyEntry),
}) satisfies z.ZodType<ExposureConfig>;
