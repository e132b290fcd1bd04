/**
 * The three kinds of `data import`, each reading batches of rows (data/csv/csv-stream.ts) and
 * writing them to the store inside the import's transaction: prices for one symbol, one series,
 * or every column of a returns file. Each keeps what it needs to tell the user about implausible
 * values (domain/series/plausibility.ts) in constant memory.
 */

import { basename } from 'node:path';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { PriceBar, Provenance, SeriesPoint } from '../domain/market/types.ts';
import {
  GapTally,
  MagnitudeTally,
  percentLikeWarning,
  PriceJumps,
} from '../domain/series/plausibility.ts';
import type { Warning } from '../domain/warnings.ts';
import { CellsReader, checkHeader } from '../data/csv/fields.ts';
import type { CsvBatch, RawRow } from '../data/csv/csv-stream.ts';
import { RETURNS_PREFIX } from '../data/market-data/return-query.ts';
import {
  PRICE_FILE_COLUMNS,
  readPriceBar,
  readReturnsRow,
  readSeriesRow,
  returnsFileColumns,
  SERIES_FILE_COLUMNS,
} from '../data/providers/csv-file.ts';
import type { MarketStore } from '../data/store/market-store.ts';

/** One stored id: rows in the file, rows inserted or changed, and what looked implausible. */
export interface DataImportRow {
  readonly id: string;
  readonly kind: 'prices' | 'returns' | 'series' | 'fx';
  readonly rows: number;
  readonly written: number;
  /** Present when a value looked implausible (`PRICE_JUMP`, `RETURNS_LOOK_LIKE_PERCENT`). */
  readonly warnings?: readonly Warning[];
}

/** What an importer is given for each batch. */
export interface ImportContext {
  readonly tx: MarketStore;
  readonly file: string;
  readonly provenance: Provenance;
}

/** Reads batches of one kind and writes them; `finish` gives the document's rows. */
export interface Importer {
  batch(batch: CsvBatch, context: ImportContext): Promise<void>;
  finish(): DataImportRow[];
}

const reader = (file: string, row: RawRow, batch: CsvBatch): CellsReader =>
  new CellsReader(file, { line: row.line, cells: row.cells, columns: batch.columns });

const withWarnings = (row: DataImportRow, warnings: (Warning | undefined)[]): DataImportRow => {
  const found = warnings.filter((w): w is Warning => w !== undefined);
  return found.length > 0 ? { ...row, warnings: found } : row;
};

/** Prices of one symbol (`date,close[,…]`), with `PRICE_JUMP` on the close. */
export function pricesImporter(symbol: string): Importer {
  let previous: IsoDate | undefined;
  let rows = 0;
  let written = 0;
  let file = '';
  const jumps = new PriceJumps();
  return {
    async batch(batch, { tx, file: name, provenance }) {
      file = name;
      if (rows === 0) checkHeader(name, batch.header, PRICE_FILE_COLUMNS);
      const bars: PriceBar[] = [];
      for (const row of batch.rows) {
        const bar = readPriceBar(reader(name, row, batch), previous);
        previous = bar.date;
        jumps.add(bar.date, bar.close, row.line);
        bars.push(bar);
      }
      rows += bars.length;
      if (bars.length > 0) written += await tx.upsertPriceBars(symbol, bars, provenance);
    },
    finish: () => [
      withWarnings({ id: symbol, kind: 'prices', rows, written }, [jumps.warning(file, 'close')]),
    ],
  };
}

/** One economic series (`date,value[,available_from]`). */
export function seriesImporter(id: string): Importer {
  let previous: IsoDate | undefined;
  let rows = 0;
  let written = 0;
  let started = false;
  return {
    async batch(batch, { tx, file, provenance }) {
      if (!started) checkHeader(file, batch.header, SERIES_FILE_COLUMNS);
      started = true;
      const points: SeriesPoint[] = [];
      for (const row of batch.rows) {
        const { date, point } = readSeriesRow(reader(file, row, batch), previous);
        previous = date;
        if (point) points.push(point);
      }
      rows += points.length;
      if (points.length > 0) written += await tx.upsertSeriesPoints(id, points, provenance);
    },
    finish: () => [{ id, kind: 'series', rows, written }],
  };
}

/** Every column of a returns file as series `RETURNS:<column>`, with `RETURNS_LOOK_LIKE_PERCENT`. */
export function returnsImporter(): Importer {
  let columns: string[] | undefined;
  let previous: IsoDate | undefined;
  let counts: { rows: number; written: number; tally: MagnitudeTally }[] = [];
  let file = '';
  const gaps = new GapTally();
  return {
    async batch(batch, { tx, file: name, provenance }) {
      file = name;
      if (columns === undefined) {
        columns = returnsFileColumns(batch.header, name);
        counts = columns.map(() => ({ rows: 0, written: 0, tally: new MagnitudeTally() }));
        for (const column of columns)
          await tx.upsertInstrument({
            symbol: `${RETURNS_PREFIX}${column}`,
            name: `${column} returns from ${basename(name)}`,
            kind: 'returns',
          });
      }
      const points = columns.map((): SeriesPoint[] => []);
      for (const row of batch.rows) {
        const { date, values } = readReturnsRow(reader(name, row, batch), batch.header, previous);
        previous = date;
        gaps.add(date);
        values.forEach((value, i) => {
          if (value === undefined) return;
          points[i]!.push({ date, value });
          counts[i]!.tally.add(date, value);
        });
      }
      for (let i = 0; i < columns.length; i++) {
        const c = counts[i]!;
        c.rows += points[i]!.length;
        if (points[i]!.length > 0)
          c.written += await tx.upsertSeriesPoints(
            `${RETURNS_PREFIX}${columns[i]!}`,
            points[i]!,
            provenance,
          );
      }
    },
    finish: () =>
      (columns ?? []).map((column, i) => {
        const { rows, written, tally } = counts[i]!;
        const row: DataImportRow = {
          id: `${RETURNS_PREFIX}${column}`,
          kind: 'returns',
          rows,
          written,
        };
        return withWarnings(row, [percentLikeWarning({ file, column, tally, gaps })]);
      }),
  };
}
