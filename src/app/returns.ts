/**
 * Use case `returns`: return series (total, price, log, real, excess) of symbols or imported
 * return columns at any frequency, from stored data (fetching what is missing unless offline),
 * with provenance and bucket flags (docs/conventions.md, "Returns"). Alignment is explicit:
 * `common` keeps the dates every series shares (dropped dates inside the window are reported),
 * `pairwise` keeps each series whole.
 *
 * @example
 * ```ts
 * const doc = await returns({ symbols: ['SPY', 'AGG'], frequency: 'monthly' }, deps);
 * doc.series.SPY; // [{ date, value }]
 * ```
 */

import * as z from 'zod';
import { alignCommonReport } from '../domain/series/align-report.ts';
import type { ReturnSeriesFlags } from '../domain/series/types.ts';
import type { Warning } from '../domain/warnings.ts';
import { windowOf, type DataWindow } from './data-window.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { isoDateSchema } from './schemas.ts';
import {
  frequencySchema,
  returnKindSchema,
  symbolListSchema,
  symbolReturns,
  type SeriesProvenance,
} from './symbol-returns.ts';

export { FREQUENCIES } from '../domain/series/frequency.ts';
export { windowLine, type DataWindow } from './data-window.ts';
export { RETURN_KINDS } from './symbol-returns.ts';

/** Input of {@link returns}. */
export const returnsInputSchema = z.object({
  symbols: symbolListSchema,
  /** First date; default ten years before today. */
  from: isoDateSchema.optional(),
  /** Last date, inclusive; default today. */
  to: isoDateSchema.optional(),
  frequency: frequencySchema.default('daily'),
  kind: returnKindSchema.default('total'),
  /** `common`: dates all series share; `pairwise`: every series whole (gaps left empty). */
  align: z.enum(['common', 'pairwise']).default('common'),
});

/** What callers pass to {@link returns}. */
export type ReturnsInput = z.input<typeof returnsInputSchema>;

/** The `returns` document (the CLI's `--format json`). */
export interface ReturnsDocument {
  readonly frequency: string;
  readonly kind: string;
  readonly align: 'common' | 'pairwise';
  /** Excess returns only: `geometric` (1 + r)/(1 + r_f) − 1 over the cash series. */
  readonly excessMethod?: 'geometric';
  readonly cashSeries?: 'DGS3MO';
  /** The dates asked for (`from` defaulted to ten years before today, `to` to today). */
  readonly requested: { readonly from: string; readonly to: string };
  /**
   * The data used: first and last date and number of dates of the series (their common dates
   * with `align: 'common'`, all their dates with `pairwise`); absent when no series has a date.
   */
  readonly window?: DataWindow;
  /** Per id, the dated returns kept by the alignment. */
  readonly series: Record<string, { date: string; value: number }[]>;
  readonly provenance: Record<string, SeriesProvenance>;
  readonly flags: Record<string, ReturnSeriesFlags>;
  readonly warnings: Warning[];
}

/** Computes the series of the input (see the module comment). */
export async function returns(raw: ReturnsInput, deps: AppDeps): Promise<ReturnsDocument> {
  const input = parseInput(returnsInputSchema, raw);
  const computed = await symbolReturns(
    {
      symbols: input.symbols,
      from: input.from,
      to: input.to,
      frequency: input.frequency,
      kind: input.kind,
    },
    deps,
  );
  const warnings = [...computed.warnings];
  const series: ReturnsDocument['series'] = {};
  if (input.align === 'common') {
    const aligned = alignCommonReport(computed.series.map((s) => ({ id: s.id, series: s.points })));
    warnings.push(...aligned.warnings);
    aligned.table.ids.forEach((id, k) => {
      const column = aligned.table.columns[k]!;
      series[id] = aligned.table.dates.map((date, t) => ({ date, value: column[t]! }));
    });
  } else {
    for (const s of computed.series)
      series[s.id] = s.points.map((p) => ({ date: p.date, value: p.value }));
  }
  const byId = <T>(f: (s: (typeof computed.series)[number]) => T): Record<string, T> =>
    Object.fromEntries(computed.series.map((s) => [s.id, f(s)]));
  return {
    frequency: input.frequency,
    kind: input.kind,
    align: input.align,
    ...(input.kind === 'excess'
      ? { excessMethod: 'geometric' as const, cashSeries: 'DGS3MO' as const }
      : {}),
    requested: { from: computed.from, to: computed.to },
    ...windowField(series),
    series,
    provenance: byId((s) => s.provenance),
    flags: byId((s) => s.flags),
    warnings,
  };
}

function windowField(series: ReturnsDocument['series']): { window?: DataWindow } {
  const dates = [...new Set(Object.values(series).flatMap((s) => s.map((p) => p.date)))].sort();
  const window = windowOf(dates);
  return window === undefined ? {} : { window };
}

/** One row of the returns table: a date and each id's value (null where an id has none). */
export interface ReturnsRow {
  readonly date: string;
  readonly values: (number | null)[];
}

/** The document as a date × id table (the union of dates; the table and CSV views). */
export function returnsRows(doc: ReturnsDocument): { ids: string[]; rows: ReturnsRow[] } {
  const ids = Object.keys(doc.series);
  const lookups = ids.map((id) => new Map(doc.series[id]!.map((p) => [p.date, p.value])));
  const dates = [...new Set(ids.flatMap((id) => doc.series[id]!.map((p) => p.date)))].sort();
  return {
    ids,
    rows: dates.map((date) => ({ date, values: lookups.map((l) => l.get(date) ?? null) })),
  };
}
