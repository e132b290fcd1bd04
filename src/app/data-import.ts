/**
 * Use case `data import`: a local CSV into the store, all or nothing (one transaction), with
 * provenance `csv:<file name>`; re-importing the same file writes nothing. Kinds:
 *
 * - `prices`: `date,close[,adj_close,dividend,split,open,high,low,volume]` for one symbol;
 * - `series`: `date,value[,available_from]` for one economic series (yields in decimals);
 * - `returns`: `date,A,B,...` decimal returns, stored per column as series `RETURNS:<column>`
 *   (read back by `returns` and `estimate --symbols` as given).
 *
 * Rows are written in chunks of {@link IMPORT_CHUNK_ROWS} inside the transaction, ticking
 * `deps.progress` per chunk.
 *
 * @example
 * ```ts
 * await dataImport({ file: { path: 'spy.csv' }, kind: 'prices', symbol: 'SPY' }, deps);
 * ```
 */

import { basename } from 'node:path';
import { z } from 'zod';
import type { PriceBar, Provenance, SeriesPoint } from '../domain/market/types.ts';
import { RETURNS_PREFIX } from '../data/market-data/return-query.ts';
import {
  parsePriceFileCsv,
  parseReturnsFileCsv,
  parseSeriesFileCsv,
} from '../data/providers/csv-file.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import type { AppDeps, ProgressTask } from './deps.ts';
import { parseInput } from './input.ts';
import { readSource, textSourceSchema } from './sources.ts';

/** Rows written per store call (and per progress tick). */
export const IMPORT_CHUNK_ROWS = 5000;

/** Input of {@link dataImport}. */
export const dataImportInputSchema = z
  .object({
    file: textSourceSchema,
    kind: z.enum(['prices', 'returns', 'series']).default('prices'),
    /** Symbol (prices) or series id (series); required for those kinds, unused for returns. */
    symbol: z
      .string()
      .trim()
      .min(1)
      .transform((s) => s.toUpperCase())
      .optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== 'returns' && input.symbol === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['symbol'],
        message: `required with kind ${input.kind}`,
      });
  });

/** What callers pass to {@link dataImport}. */
export type DataImportInput = z.input<typeof dataImportInputSchema>;

/** One stored id: rows in the file and rows inserted or changed. */
export interface DataImportRow {
  readonly id: string;
  readonly kind: 'prices' | 'returns' | 'series';
  readonly rows: number;
  readonly written: number;
}

/** The `data import` document: one row per stored id. */
export type DataImportDocument = DataImportRow[];

async function writeChunks<T>(
  rows: readonly T[],
  write: (chunk: readonly T[]) => Promise<number>,
  task: ProgressTask,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK_ROWS);
    written += await write(chunk);
    task.tick(chunk.length);
  }
  return written;
}

/** Parses the file (INVALID_INPUT naming file, line, column, value) and writes it all or nothing. */
export async function dataImport(raw: DataImportInput, deps: AppDeps): Promise<DataImportDocument> {
  const input = parseInput(dataImportInputSchema, raw);
  const { text, name } = readSource(input.file, 'file');
  const provenance: Provenance = { source: `csv:${basename(name)}`, fetchedAt: deps.clock.now() };
  let parsed:
    | { kind: 'prices'; bars: PriceBar[] }
    | { kind: 'series'; points: SeriesPoint[] }
    | {
        kind: 'returns';
        columns: { id: string; column: string; points: readonly SeriesPoint[] }[];
      };
  if (input.kind === 'prices') parsed = { kind: 'prices', bars: parsePriceFileCsv(text, name) };
  else if (input.kind === 'series')
    parsed = { kind: 'series', points: parseSeriesFileCsv(text, name) };
  else {
    const file = parseReturnsFileCsv(text, name);
    parsed = {
      kind: 'returns',
      columns: file.columns.map((column) => ({
        id: `${RETURNS_PREFIX}${column}`,
        column,
        points: file.seriesByColumn.get(column)!,
      })),
    };
  }
  const total =
    parsed.kind === 'prices'
      ? parsed.bars.length
      : parsed.kind === 'series'
        ? parsed.points.length
        : parsed.columns.reduce((s, c) => s + c.points.length, 0);
  const store = await deps.store();
  const task = deps.progress.start('importing rows', total);
  try {
    return await store.transaction(async (tx: MarketStore): Promise<DataImportDocument> => {
      if (parsed.kind === 'prices') {
        const id = input.symbol!;
        const written = await writeChunks(
          parsed.bars,
          (chunk) => tx.upsertPriceBars(id, chunk, provenance),
          task,
        );
        return [{ id, kind: 'prices', rows: parsed.bars.length, written }];
      }
      if (parsed.kind === 'series') {
        const id = input.symbol!;
        const written = await writeChunks(
          parsed.points,
          (chunk) => tx.upsertSeriesPoints(id, chunk, provenance),
          task,
        );
        return [{ id, kind: 'series', rows: parsed.points.length, written }];
      }
      const out: DataImportRow[] = [];
      for (const { id, column, points } of parsed.columns) {
        await tx.upsertInstrument({
          symbol: id,
          name: `${column} returns from ${basename(name)}`,
          kind: 'returns',
        });
        const written = await writeChunks(
          points,
          (chunk) => tx.upsertSeriesPoints(id, chunk, provenance),
          task,
        );
        out.push({ id, kind: 'returns', rows: points.length, written });
      }
      return out;
    });
  } finally {
    task.done();
  }
}
