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
 *   NOT_FOUND naming the input field;
 * - implausible values are warned about, never changed: returns that look like percentages
 *   (`RETURNS_LOOK_LIKE_PERCENT`), a price that jumps ×100 or ÷100 between rows (`PRICE_JUMP`).
 */

import type { AlignedTable } from '../domain/series/align-common.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Warning } from '../domain/warnings.ts';
import { panelPlausibilityWarnings } from '../domain/series/plausibility.ts';
import type { CentredGram } from '../core/stats/centred-gram.ts';
import {
  readReturnsPanel,
  returnsPanelWarnings,
  type ReturnsPanel as CsvPanel,
} from '../data/csv/returns-panel.ts';
import { readReturnsPanelParallel } from '../data/parallel-panel.ts';
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
  /**
   * What the cells are, for the plausibility warnings (domain/series/plausibility.ts):
   * `returns` (default) warns `RETURNS_LOOK_LIKE_PERCENT`, `prices` warns `PRICE_JUMP`.
   */
  readonly values?: 'returns' | 'prices';
}

/** Signature of a panel reader (what a faster implementation provides). */
export type PanelFileReader = (source: TextSource, options: PanelFileOptions) => PanelRead;

/** Reads a `date,A,B,...` file into a common-window panel (see the module comment). */
export const readPanelFile: PanelFileReader = (source, options) =>
  panelRead(readReturnsPanel(source, readOptions(options)), source, options);

/** A {@link PanelRead}, with the centred cross-products of its columns when they were made. */
export interface ParallelPanelRead extends PanelRead {
  /** Of exactly `table.columns` (every row); absent when the JavaScript reader read the file on one thread. */
  readonly gram?: CentredGram;
}

/**
 * {@link readPanelFile} with a worker thread reading half of a large file (the same table,
 * warnings and errors; data/parallel-panel.ts); with `gram`, the centred cross-products of the
 * columns come back too when two threads read the file.
 */
export async function readPanelFileParallel(
  source: TextSource,
  options: PanelFileOptions & { readonly gram?: boolean },
): Promise<ParallelPanelRead> {
  const panel = await readReturnsPanelParallel(source, {
    ...readOptions(options),
    gram: options.gram === true,
  });
  const read = panelRead(panel, source, options);
  return panel.gram === undefined ? read : { ...read, gram: panel.gram };
}

function readOptions(options: PanelFileOptions): {
  what: string;
  columnCase?: 'upper' | 'lower';
} {
  return {
    what: options.field,
    ...(options.columnCase === undefined ? {} : { columnCase: options.columnCase }),
  };
}

function panelRead(panel: CsvPanel, source: TextSource, options: PanelFileOptions): PanelRead {
  const table: AlignedTable = { ids: panel.ids, dates: panel.dates, columns: panel.columns };
  const file = 'path' in source ? source.path : source.name;
  return {
    table,
    warnings: [
      ...returnsPanelWarnings(panel, options.field),
      ...panelPlausibilityWarnings(table, { file, values: options.values ?? 'returns' }),
    ],
  };
}

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
