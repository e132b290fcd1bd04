/**
 * The FX kinds of `data import` (docs/currencies.md, "Importing rates"), writing series
 * `FX:<BASE><QUOTE>` (units of QUOTE per 1 BASE) inside the import's transaction:
 *
 * - `fx-ecb`: the ECB's `eurofxref-hist.csv` (`Date,USD,JPY,…`, units per 1 EUR, `N/A` for
 *   missing, newest first) — column `USD` becomes `FX:EURUSD` (data/fx/ecb-csv.ts);
 * - `fx`: a plain file `date,EURUSD,USDJPY,…`, one column per pair, dates ascending, an empty
 *   cell a missing rate (never carried forward at import; the lookup's as-of rule applies on
 *   read).
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { BallastError } from '../domain/errors.ts';
import { fxSeriesId, parsePair } from '../domain/fx/currency.ts';
import type { SeriesPoint } from '../domain/market/types.ts';
import { CellsReader } from '../data/csv/fields.ts';
import type { CsvBatch, RawRow } from '../data/csv/csv-stream.ts';
import { ecbColumns, readEcbRow, type EcbColumn, type EcbOrder } from '../data/fx/ecb-csv.ts';
import type { DataImportRow, ImportContext, Importer } from './data-import-kinds.ts';

const reader = (file: string, row: RawRow, batch: CsvBatch): CellsReader =>
  new CellsReader(file, { line: row.line, cells: row.cells, columns: batch.columns });

/** A stored FX series per column, with its counts. */
interface Column {
  readonly header: string;
  readonly id: string;
  rows: number;
  written: number;
}

async function writeColumns(
  columns: readonly Column[],
  points: readonly SeriesPoint[][],
  { tx, provenance }: ImportContext,
): Promise<void> {
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const p = points[i]!;
    c.rows += p.length;
    if (p.length > 0) c.written += await tx.upsertSeriesPoints(c.id, p, provenance);
  }
}

const rowsOf = (columns: readonly Column[]): DataImportRow[] =>
  columns.map((c) => ({ id: c.id, kind: 'fx', rows: c.rows, written: c.written }));

/** The ECB reference rates file: column `XXX` → `FX:EURXXX`. */
export function ecbFxImporter(): Importer {
  let ecb: EcbColumn[] | undefined;
  let columns: Column[] = [];
  let previous: { date?: IsoDate; order: EcbOrder } = { order: undefined };
  return {
    async batch(batch, context) {
      if (ecb === undefined) {
        ecb = ecbColumns(batch.header, context.file);
        columns = ecb.map((c) => ({
          header: c.header,
          id: fxSeriesId({ base: 'EUR', quote: c.currency }),
          rows: 0,
          written: 0,
        }));
      }
      const points = columns.map((): SeriesPoint[] => []);
      for (const row of batch.rows) {
        const read = readEcbRow(reader(context.file, row, batch), ecb, previous);
        previous = { date: read.date, order: read.order };
        read.rates.forEach((value, i) => {
          if (value !== undefined) points[i]!.push({ date: read.date, value });
        });
      }
      await writeColumns(columns, points, context);
    },
    finish: () => rowsOf(columns),
  };
}

function plainColumns(header: readonly string[], file: string): Column[] {
  const [date, ...names] = header;
  const fail = (column: string, why: string): BallastError =>
    new BallastError('INVALID_INPUT', `${file}:1: column "${column}": ${why}`, {
      file,
      line: 1,
      column,
    });
  if (date !== 'date') throw fail(date ?? '', 'the first column must be date');
  if (names.length === 0) throw fail('date', 'no pair columns (e.g. EURUSD) after the date');
  const columns: Column[] = [];
  for (const name of names) {
    let id: string;
    try {
      id = fxSeriesId(parsePair('column', name));
    } catch {
      throw fail(name, 'not a currency pair such as EURUSD (USD per 1 EUR)');
    }
    if (columns.some((c) => c.id === id)) throw fail(name, 'appears twice');
    columns.push({ header: name, id, rows: 0, written: 0 });
  }
  return columns;
}

/** A plain rates file `date,EURUSD,…`: column `EURUSD` → `FX:EURUSD`. */
export function plainFxImporter(): Importer {
  let columns: Column[] | undefined;
  let previous: IsoDate | undefined;
  return {
    async batch(batch, context) {
      columns ??= plainColumns(batch.header, context.file);
      const points = columns.map((): SeriesPoint[] => []);
      for (const row of batch.rows) {
        const r = reader(context.file, row, batch);
        const date = r.date('date');
        if (date === undefined) throw r.fail('date', 'a date is required');
        if (previous !== undefined && date <= previous)
          throw r.fail('date', `dates must be ascending and unique (previous row: ${previous})`);
        previous = date;
        columns.forEach((c, i) => {
          const value = r.number(c.header, { positive: true });
          if (value !== undefined) points[i]!.push({ date, value });
        });
      }
      await writeColumns(columns, points, context);
    },
    finish: () => rowsOf(columns ?? []),
  };
}
