/**
 * Use case `data import`: a local CSV into the store, all or nothing (one transaction), with
 * provenance `csv:<file name>`; re-importing the same file writes nothing. Kinds:
 *
 * - `prices`: `date,close[,adj_close,dividend,split,open,high,low,volume]` for one symbol;
 * - `series`: `date,value[,available_from]` for one economic series (yields in decimals);
 * - `returns`: `date,A,B,...` decimal returns, stored per column as series `RETURNS:<column>`
 *   (read back by `returns` and `estimate --symbols` as given);
 * - `fx-ecb`: the ECB's `eurofxref-hist.csv` (`Date,USD,JPY,…`, units per 1 EUR), stored per
 *   column as series `FX:EUR<code>`; `fx`: `date,EURUSD,USDJPY,…`, one column per pair, stored
 *   as `FX:<pair>` (data-import-fx.ts, docs/currencies.md).
 *
 * Memory is bounded whatever the file's size: the file streams through in chunks and is written
 * {@link IMPORT_CHUNK_ROWS} rows at a time inside the one transaction (a bad row anywhere rolls
 * the whole import back: nothing is stored). `deps.progress` counts the characters read.
 * Implausible values are stored as given and reported per stored id: `PRICE_JUMP` (a close 100
 * times or a hundredth of the row before) and `RETURNS_LOOK_LIKE_PERCENT` (domain/series/
 * plausibility.ts). On SQLite a second import into the same file waits for the first
 * (data/store/open-sqlite.ts).
 *
 * @example
 * ```ts
 * await dataImport({ file: { path: 'spy.csv' }, kind: 'prices', symbol: 'SPY' }, deps);
 * ```
 */

import { basename } from 'node:path';
import * as z from 'zod';
import type { Provenance } from '../domain/market/types.ts';
import { csvBatches, type CsvBatch } from '../data/csv/csv-stream.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import {
  pricesImporter,
  returnsImporter,
  seriesImporter,
  type DataImportRow,
  type Importer,
} from './data-import-kinds.ts';
import { ecbFxImporter, plainFxImporter } from './data-import-fx.ts';
import type { AppDeps, ProgressTask } from './deps.ts';
import { parseInput } from './input.ts';
import { textSourceSchema } from './sources.ts';

export type { DataImportRow } from './data-import-kinds.ts';
export type { Warning } from '../domain/warnings.ts';

/** Rows written per store call (at most). */
export const IMPORT_CHUNK_ROWS = 5000;
/** Cells read per batch at most: a wide returns file is read a few rows at a time. */
export const IMPORT_CHUNK_CELLS = 100_000;

/** Input of {@link dataImport}. */
export const dataImportInputSchema = z
  .object({
    file: textSourceSchema,
    kind: z.enum(['prices', 'returns', 'series', 'fx', 'fx-ecb']).default('prices'),
    /** Symbol (prices) or series id (series); required for those kinds, unused for the others. */
    symbol: z
      .string()
      .trim()
      .min(1)
      .transform((s) => s.toUpperCase())
      .optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.kind === 'prices' || input.kind === 'series') && input.symbol === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['symbol'],
        message: `required with kind ${input.kind}`,
      });
  });

/** What callers pass to {@link dataImport}. */
export type DataImportInput = z.input<typeof dataImportInputSchema>;

/** The `data import` document: one row per stored id. */
export type DataImportDocument = DataImportRow[];

/** Parses the file (INVALID_INPUT naming file, line, column, value) and writes it all or nothing. */
export async function dataImport(raw: DataImportInput, deps: AppDeps): Promise<DataImportDocument> {
  const input = parseInput(dataImportInputSchema, raw);
  const source = input.file;
  const file = 'path' in source ? source.path : source.name;
  const provenance: Provenance = { source: `csv:${basename(file)}`, fetchedAt: deps.clock.now() };
  const importer: Importer =
    input.kind === 'prices'
      ? pricesImporter(input.symbol!)
      : input.kind === 'series'
        ? seriesImporter(input.symbol!)
        : input.kind === 'fx-ecb'
          ? ecbFxImporter()
          : input.kind === 'fx'
            ? plainFxImporter()
            : returnsImporter();
  let task: ProgressTask | undefined;
  const batches = csvBatches(source, {
    what: 'file',
    batchRows: IMPORT_CHUNK_ROWS,
    batchCells: IMPORT_CHUNK_CELLS,
    chunkBytes: 1 << 18,
    onSize: (bytes) => (task = deps.progress.start('importing', bytes)),
  });
  try {
    // The first batch is read before the store opens: an unreadable or empty file never opens it.
    const first = batches.next();
    const store = await deps.store();
    return await store.transaction(async (tx: MarketStore): Promise<DataImportDocument> => {
      const context = { tx, file, provenance };
      let consumed = 0;
      const write = async (batch: CsvBatch): Promise<void> => {
        await importer.batch(batch, context);
        task?.tick(batch.consumed - consumed);
        consumed = batch.consumed;
      };
      if (!first.done) await write(first.value);
      for (let next = batches.next(); !next.done; next = batches.next()) await write(next.value);
      return importer.finish();
    });
  } finally {
    batches.return();
    task?.done();
  }
}
