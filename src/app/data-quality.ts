/**
 * Use case `data quality`: the data-quality report of stored prices per symbol — calendar
 * gaps, stale prices, jumps (flagged, never deleted), split and dividend anomalies — scored
 * 0–100 against the NYSE calendar (`domain/series/data-quality`).
 *
 * @example
 * ```ts
 * const doc = await dataQuality({ symbols: ['SPY'], jumpThreshold: 0.1 }, deps);
 * doc.SPY.issues; // [{ date, kind: 'jump', detail }]
 * ```
 */

import * as z from 'zod';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { BallastError } from '../domain/errors.ts';
import { priceQualityReport, type QualityReport } from '../domain/series/data-quality.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { finiteSchema } from './schemas.ts';
import { symbolListSchema } from './symbol-returns.ts';

export type { QualityReport } from '../domain/series/data-quality.ts';
export type { QualityIssue } from '../domain/series/quality-types.ts';

/** Input of {@link dataQuality}. */
export const dataQualityInputSchema = z.object({
  /** Symbols already in the store (trimmed, upper-cased). */
  symbols: symbolListSchema,
  /** Flag |daily total return| above this fraction (default 0.15). */
  jumpThreshold: finiteSchema.positive().optional(),
});

/** What callers pass to {@link dataQuality}. */
export type DataQualityInput = z.input<typeof dataQualityInputSchema>;

/** The `data quality` document: one report per symbol, in input order. */
export type DataQualityDocument = Record<string, QualityReport>;

/** Quality reports of stored prices; NOT_FOUND names a symbol with no stored prices. */
export async function dataQuality(
  raw: DataQualityInput,
  deps: AppDeps,
): Promise<DataQualityDocument> {
  const input = parseInput(dataQualityInputSchema, raw);
  const store = await deps.store();
  const calendar = createNyseCalendar();
  const reports: DataQualityDocument = {};
  for (const symbol of input.symbols) {
    const bars = await store.getPriceBars(symbol);
    if (bars.length === 0) {
      throw new BallastError(
        'NOT_FOUND',
        `${symbol}: no stored prices (fetch or import them first: ballast data fetch ${symbol})`,
        { field: 'symbols', value: symbol },
      );
    }
    reports[symbol] = priceQualityReport(bars, {
      calendar,
      ...(input.jumpThreshold === undefined ? {} : { jumpThreshold: input.jumpThreshold }),
    });
  }
  return reports;
}
