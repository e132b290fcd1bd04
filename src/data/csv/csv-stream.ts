/**
 * CSV rows streamed from a file in batches: the file is read in chunks ({@link textChunks}), each
 * record split as {@link parseCsv} splits it (RFC 4180 quotes, LF, CRLF or a lone CR, a UTF-8 BOM,
 * blank lines skipped, line numbers as an editor shows them), and the rows handed over a batch at
 * a time — memory is one chunk and one batch whatever the file's size.
 */

import { BallastError } from '../../domain/errors.ts';
import { readRecord } from './record.ts';
import { sourceName, textChunks, type CsvSource } from './text-chunks.ts';

/** Options of {@link csvBatches}. */
export interface CsvBatchOptions {
  /** The input's name in a NOT_FOUND error for an unreadable file. */
  readonly what: string;
  /** Rows per batch at most (the last one may be shorter). */
  readonly batchRows: number;
  /**
   * Cells per batch at most: a wide file (a returns panel of 1,000 columns) gets fewer rows per
   * batch, at least one (default: no limit beyond `batchRows`).
   */
  readonly batchCells?: number;
  /** Bytes read at a time (default 1 MiB). */
  readonly chunkBytes?: number;
  /** Receives the size of the source in bytes (its length for text in memory) first. */
  readonly onSize?: (bytes: number) => void;
}

/** One data row: its 1-based line and its raw cells (untrimmed; never more than the header's). */
export interface RawRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** One batch: the header (trimmed, lower-case), data rows, and characters read so far. */
export interface CsvBatch {
  readonly header: readonly string[];
  /** Each header name's position (a repeated name: its last column), for `CellsReader`. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly RawRow[];
  /** Characters of the source consumed up to the end of this batch (for progress). */
  readonly consumed: number;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * The rows of the CSV `source` in batches of `batchRows`, each row's raw cells by position (read
 * them with `CellsReader`, which trims them and gives '' for a short line's missing cells). A row with more cells than the header is an
 * error naming the file and line, as is a quoted field left open at the end; an empty file is an
 * error. Errors come in file order (a batch before the error has been handed over already:
 * callers that must write all or nothing run inside one transaction).
 *
 * @throws BallastError INVALID_INPUT naming the file and line; NOT_FOUND for an unreadable file.
 */
export function* csvBatches(
  source: CsvSource,
  options: CsvBatchOptions,
): Generator<CsvBatch, void, undefined> {
  const file = sourceName(source);
  let header: string[] | undefined;
  let columns = new Map<string, number>();
  let rows: RawRow[] = [];
  let carry = '';
  let line = 1;
  let consumed = 0;
  let first = true;
  const take = (cells: string[], at: number): void => {
    if (isBlank(cells)) return;
    if (header === undefined) {
      header = cells.map((h) => h.trim().toLowerCase());
      columns = new Map(header.map((name, i) => [name, i]));
      return;
    }
    if (cells.length > header.length)
      throw new BallastError(
        'INVALID_INPUT',
        `${file}:${at}: ${cells.length} cells but the header has ${header.length} columns`,
        { file, line: at },
      );
    rows.push({ line: at, cells });
  };
  const scan = (text: string, final: boolean): number => {
    let pos = 0;
    while (pos < text.length) {
      const next = readRecord(text, { pos, line, file, final });
      if (!next.complete) break;
      if (next.cells) take(next.cells, line);
      pos = next.pos;
      line = next.line;
    }
    return pos;
  };
  const chunks = textChunks(source, {
    what: options.what,
    ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
    ...(options.onSize === undefined ? {} : { onSize: options.onSize }),
  });
  let size = options.batchRows;
  const sized = (): number => {
    if (header !== undefined && options.batchCells !== undefined)
      size = Math.max(
        1,
        Math.min(options.batchRows, Math.floor(options.batchCells / header.length)),
      );
    return size;
  };
  for (const chunk of chunks) {
    let text = carry === '' ? chunk : carry + chunk;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const pos = scan(text, false);
    consumed += pos;
    carry = text.slice(pos);
    const n = sized();
    let at = 0;
    for (; rows.length - at >= n; at += n)
      yield { header: header!, columns, rows: rows.slice(at, at + n), consumed };
    rows = at === 0 ? rows : rows.slice(at);
  }
  if (first && carry.charCodeAt(0) === 0xfeff) carry = carry.slice(1);
  consumed += scan(carry, true);
  if (header === undefined)
    throw new BallastError(
      'INVALID_INPUT',
      `${file}: the file is empty (a header line is required)`,
      {
        file,
      },
    );
  const n = sized();
  for (let i = 0; i < rows.length; i += n)
    yield { header, columns, rows: rows.slice(i, i + n), consumed };
  if (rows.length === 0) yield { header, columns, rows: [], consumed };
}
