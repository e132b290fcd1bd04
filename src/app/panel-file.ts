/**
 * The one place a returns (or prices) file becomes an aligned panel: `date,A,B,...` text →
 * {@link AlignedTable} on the dates every column shares, plus warnings about what alignment
 * dropped. Every use case that reads a panel file goes through {@link readPanelFile}, which
 * streams the file straight into `Float64Array` columns (`readReturnsPanel`, bounded memory
 * whatever the file's size). Its contract:
 *
 * - columns in file order; names trimmed, upper-cased (`columnCase: 'upper'`, symbols) or kept
 *   as written (`'lower'`, exposure ids such as `us_large_equity`);
 * - dates ascending and unique; an empty cell is a missing observation (never zero, never
 *   carried forward); the common window keeps the dates every column has, and dates dropped
 *   dropped are counted with the columns that lacked a value (`DATES_DROPPED`); a row with
 *   fewer cells than the header is INVALID_INPUT (a truncated row, not a missing value);
 * - a malformed cell is INVALID_INPUT naming file, line, column and value; a missing file is
 *   NOT_FOUND naming the input field.
 */

import type { AlignedTable } from '../domain/series/align-common.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Warning } from '../domain/warnings.ts';
import { readReturnsPanel, returnsPanelWarnings } from '../data/csv/returns-panel.ts';
import type { TextSource } from './sources.ts';

/** A panel and what the reader has to say about it. */
export interface PanelRead {
  readonly table: AlignedTable;
  readonly warnings: readonly Warning[];
}

/** Options of {@link readPanelFile}. */
export interface PanelFileOptions {
  /** Input field cited in errors (`returns`, `factorReturns`, …). */
  readonly field: string;
  /** `upper` (default): column names are symbols; `lower`: ids kept as written. */
  readonly columnCase?: 'upper' | 'lower';
}

/** Signature of a panel reader (what a faster implementation provides). */
export type PanelFileReader = (source: TextSource, options: PanelFileOptions) => PanelRead;

/** Reads a `date,A,B,...` file into a common-window panel (see the module comment). */
export const readPanelFile: PanelFileReader = (source, options) => {
  const panel = readReturnsPanel(source, {
    what: options.field,
    ...(options.columnCase === undefined ? {} : { columnCase: options.columnCase }),
  });
  const table: AlignedTable = { ids: panel.ids, dates: panel.dates, columns: panel.columns };
  return { table, warnings: returnsPanelWarnings(panel, options.field) };
};

/**
 * Simple returns from a price panel: r_t = P_t / P_{t−1} − 1 per column on consecutive dates of
 * the common window (the first date has no return and is dropped). Throws INVALID_INPUT naming
 * `field`, the column, the date and the price when a price is not positive.
 */
export function pricesToReturns(prices: AlignedTable, field = 'returns'): AlignedTable {
  prices.columns.forEach((c, j) => {
    c.forEach((p, t) => {
      if (!(p > 0))
        throw invalidInput(
          `${field}.${prices.ids[j]}`,
          p,
          `a price must be positive (on ${prices.dates[t]})`,
        );
    });
  });
  return {
    ids: prices.ids,
    dates: prices.dates.slice(1),
    columns: prices.columns.map((c) =>
      Float64Array.from({ length: c.length - 1 }, (_, t) => c[t + 1]! / c[t]! - 1),
    ),
  };
}
