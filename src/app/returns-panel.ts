/**
 * Returns-panel loading, written once for every use case that estimates or optimises: a
 * returns (or prices) file, return series of stored/fetched symbols, or the exposure universe
 * from the store or the bundled sample — always an {@link AlignedTable} on the dates every
 * asset shares (never filled, docs/conventions.md "Returns") with `{ code, message, details }`
 * warnings.
 *
 * @example
 * ```ts
 * const panel = await loadReturnsPanel({ kind: 'file', file: { path: 'r.csv' } }, deps);
 * panel.table.ids; // column names, upper-cased
 * const universe = await loadReturnsPanel({ kind: 'universe', source: 'auto' }, deps);
 * universe.periodsPerYear; // 12
 * ```
 */

import * as z from 'zod';
import type { AlignedTable } from '../domain/series/align-common.ts';
import { alignCommonReport } from '../domain/series/align-report.ts';
import { periodsPerYear as periodsOf } from '../domain/series/frequency.ts';
import type { Warning } from '../domain/warnings.ts';
import type { SeriesProvenance } from '../data/market-data/return-query.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import type { CentredGram } from '../core/stats/centred-gram.ts';
import { pricesToReturns, readPanelFileParallel } from './panel-file.ts';
import { isoDateSchema } from './schemas.ts';
import { textSourceSchema } from './sources.ts';
import { frequencySchema, returnKindSchema, symbolListSchema } from './symbol-input.ts';

export type { AlignedTable } from '../domain/series/align-common.ts';
export { returnsMatrix } from '../domain/estimate/covariance-input.ts';
export { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';

/** A returns file `date,A,B,...` (decimals per period), or prices with `prices: true`. */
export const filePanelSchema = z.object({
  kind: z.literal('file'),
  file: textSourceSchema,
  /** The file holds prices: simple returns P_t/P_{t−1} − 1 are taken per column. */
  prices: z.boolean().default(false),
  /** `upper` (default): column names are symbols; `lower`: ids kept as written. */
  columnCase: z.enum(['upper', 'lower']).default('upper'),
});

/** Return series of symbols from the store (fetching what is missing unless offline). */
export const symbolsPanelSchema = z.object({
  kind: z.literal('symbols'),
  symbols: symbolListSchema,
  /** First date; default ten years before today. */
  from: isoDateSchema.optional(),
  /** Last date, inclusive; default today. */
  to: isoDateSchema.optional(),
  frequency: frequencySchema.default('daily'),
  returnKind: returnKindSchema.default('total'),
});

/** The exposure universe: `store`, the bundled `sample`, or `auto` (store when it has data). */
export const universePanelSchema = z.object({
  kind: z.literal('universe'),
  source: z.enum(['auto', 'store', 'sample']).default('auto'),
});

/** Where a returns panel comes from. */
export const panelSourceSchema = z.discriminatedUnion('kind', [
  filePanelSchema,
  symbolsPanelSchema,
  universePanelSchema,
]);

/** What callers pass as a panel source (defaults applied inside). */
export type PanelSourceInput = z.input<typeof panelSourceSchema>;
/** A validated panel source. */
export type PanelSource = z.output<typeof panelSourceSchema>;

/** A loaded panel. */
export interface ReturnsPanel {
  /** Per-period simple returns (log for `returnKind: 'log'`) on common dates. */
  readonly table: AlignedTable;
  readonly warnings: readonly Warning[];
  /** Where the returns came from. */
  readonly origin: 'file' | 'symbols' | 'store' | 'sample';
  /**
   * Periods per year when the source fixes it (symbols: their frequency; the universe: 12);
   * undefined for a file (infer it from the dates, `inferPeriodsPerYear`).
   */
  readonly periodsPerYear?: number;
  /** Symbols only: the provenance of each series. */
  readonly provenance?: Readonly<Record<string, SeriesProvenance>>;
  /**
   * Centred cross-products of exactly `table.columns`, when asked for
   * ({@link LoadPanelOptions.centredGram}) and made on the way (a large returns file).
   */
  readonly centredGram?: CentredGram;
}

/** Options of {@link loadReturnsPanel}. */
export interface LoadPanelOptions {
  /**
   * Return the centred cross-products of the columns when reading the file made them at
   * little cost (a large returns file read by two threads); for a sample covariance.
   */
  readonly centredGram?: boolean;
}

/**
 * Loads the panel of `source` (validated; INVALID_INPUT names the field). Files are read by
 * `readPanelFileParallel` (a worker thread reads half of a large file); symbols through the store and providers (`deps.offline` honoured); the
 * universe from the store only.
 */
export async function loadReturnsPanel(
  source: PanelSourceInput,
  deps: AppDeps,
  options: LoadPanelOptions = {},
): Promise<ReturnsPanel> {
  const input = parseInput(panelSourceSchema, source);
  switch (input.kind) {
    case 'file': {
      const read = await readPanelFileParallel(input.file, {
        field: 'file',
        columnCase: input.columnCase,
        values: input.prices ? 'prices' : 'returns',
        gram: options.centredGram === true && !input.prices,
      });
      return {
        table: input.prices ? pricesToReturns(read.table, 'file') : read.table,
        warnings: read.warnings,
        origin: 'file',
        ...(read.gram === undefined || input.prices ? {} : { centredGram: read.gram }),
      };
    }
    case 'symbols': {
      // The store, providers and the exposure registry are loaded only by the branches that
      // use them (a file panel loads none of them).
      const { symbolReturns } = await import('./symbol-returns.ts');
      const computed = await symbolReturns(
        {
          symbols: input.symbols,
          from: input.from,
          to: input.to,
          frequency: input.frequency,
          kind: input.returnKind,
        },
        deps,
      );
      const aligned = alignCommonReport(
        computed.series.map((s) => ({ id: s.id, series: s.points })),
      );
      return {
        table: aligned.table,
        warnings: [...computed.warnings, ...aligned.warnings],
        origin: 'symbols',
        periodsPerYear: periodsOf(input.frequency),
        provenance: Object.fromEntries(computed.series.map((s) => [s.id, s.provenance])),
      };
    }
    case 'universe': {
      const [{ universePanel }, { loadExposureRegistry }] = await Promise.all([
        import('./exposure-returns.ts'),
        import('../data/config/load-exposure-config.ts'),
      ]);
      const panel = await universePanel(input.source, {
        store: () => deps.store(),
        registry: () => loadExposureRegistry(),
      });
      return {
        table: panel.table,
        warnings: panel.warnings,
        origin: panel.source,
        periodsPerYear: 12,
      };
    }
  }
}
