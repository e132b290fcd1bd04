/**
 * A returns (or prices) panel `date,A,B,...` read straight into Float64Array columns on the
 * dates every column has a value: the file streams through in chunks (bounded memory whatever
 * its size), dates are parsed once, and no per-cell string or object is made on the way.
 */

import { warning, type Warning } from '../../domain/warnings.ts';
import { fastRecord } from './fast-record.ts';
import { PanelRows, type ReturnsPanel } from './panel-rows.ts';
import { readRecord } from './record.ts';
import { sourceName, textChunks, type CsvSource } from './text-chunks.ts';

export type { DroppedDates, ReturnsPanel } from './panel-rows.ts';
export type { CsvSource } from './text-chunks.ts';

/** Options of {@link readReturnsPanel}. */
export interface ReadReturnsPanelOptions {
  /** Column ids upper-cased as symbols (default) or kept lower-case (`us_large_equity`). */
  readonly columnCase?: 'upper' | 'lower';
  /** The input's name in a NOT_FOUND error for an unreadable file (default `returns`). */
  readonly what?: string;
  /** Bytes read at a time (default 1 MiB). */
  readonly chunkBytes?: number;
}

/** Cell positions of the record being read, grown as needed. */
class Positions {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  values = new Float64Array(64);

  room(count: number): void {
    if (count < this.starts.length) return;
    const size = Math.max(count + 1, this.starts.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const values = new Float64Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    values.set(this.values);
    this.starts = starts;
    this.ends = ends;
    this.values = values;
  }
}

/**
 * Reads the records of `text` from the start into `rows`; returns where the first record that
 * may continue in the next chunk starts (`text.length` when none), and the next line.
 */
function scan(
  text: string,
  at: { line: number; final: boolean; file: string },
  sink: { rows: PanelRows; cells: Positions },
): { pos: number; line: number } {
  let pos = 0;
  let line = at.line;
  const { rows, cells } = sink;
  while (pos < text.length) {
    const fast = fastRecord(text, { pos, final: at.final }, cells);
    if (fast === 'incomplete') break;
    if (fast !== 'slow') {
      const { starts, ends, values } = cells;
      rows.record({ text, starts, ends, values, count: fast.count, line });
      line++;
      pos = fast.next;
      continue;
    }
    const next = readRecord(text, { pos, line, file: at.file, final: at.final });
    if (!next.complete) break;
    if (next.cells) {
      // Trimmed by String.prototype.trim (Unicode blanks too), joined so positions apply.
      const trimmed = next.cells.map((c) => c.trim());
      cells.room(trimmed.length);
      let offset = 0;
      trimmed.forEach((c, k) => {
        cells.starts[k] = offset;
        cells.ends[k] = offset + c.length;
        cells.values[k] = NaN;
        offset += c.length + 1;
      });
      const { starts, ends, values } = cells;
      const joined = trimmed.join(',');
      rows.record({ text: joined, starts, ends, values, count: trimmed.length, line });
    }
    pos = next.pos;
    line = next.line;
  }
  return { pos, line };
}

/**
 * Reads a returns file `date,A,B,...` into the table `alignCommon(parseReturnsFileCsv(...))`
 * gives (data/providers/csv-file.ts, domain/series/align-common.ts): the same ids, dates and
 * values, and the same errors for a malformed file, naming file, line, column and value. Rows
 * ascending and unique by date; decimal simple returns ≥ −1 (`0.012`, `5.2e-05`); the first
 * column named `date` or left unnamed; ids upper-cased unless `columnCase: 'lower'`.
 *
 * Missing data (docs/conventions.md "Returns"): an empty cell is a missing value and drops its
 * date from the common window for every column (nothing is filled); `dropped` counts those
 * dates, lists the first ones and how many empty cells each column had — turn it into a
 * warning with {@link returnsPanelWarnings}. A row with fewer cells than the header (a
 * truncated line) is an error, not a missing value.
 *
 * Memory: the columns (8 bytes a value, sized from the file size) plus a 1 MiB chunk; the text
 * is never held whole. Works on prices the same way (prices are ≥ −1 too).
 *
 * @throws BallastError INVALID_INPUT for a malformed file; INSUFFICIENT_DATA when no date has
 *   every value (naming each column's first and last date); NOT_FOUND for an unreadable file.
 * @example
 * const panel = readReturnsPanel({ path: 'returns.csv' });
 * panel.columns[0][0]; // first column's first common-date return
 */
export function readReturnsPanel(
  source: CsvSource,
  options: ReadReturnsPanelOptions = {},
): ReturnsPanel {
  const stream = new PanelStream(source, options);
  stream.feed();
  return stream.end().finish();
}

/**
 * The records of a file read into a {@link PanelRows} piece by piece: {@link PanelStream.feed}
 * reads the whole source or a byte range of lines (ranges in order), keeping an unfinished
 * record for the next piece; {@link PanelStream.end} reads what is left and returns the rows.
 * Line numbers in errors count from the stream's first line (`startLine`).
 */
export class PanelStream {
  private readonly file: string;
  private rows: PanelRows | undefined;
  private readonly cells = new Positions();
  private carry = '';
  private line: number;
  private started: boolean;

  constructor(
    private readonly source: CsvSource,
    private readonly options: ReadReturnsPanelOptions & {
      /** Header cells already read elsewhere (the stream starts after the header). */
      readonly header?: readonly string[];
      /** Bytes the columns are sized for (default: the first piece's size). */
      readonly bytes?: number;
    } = {},
  ) {
    this.file = sourceName(source);
    this.line = options.header === undefined ? 1 : 2;
    this.started = options.header !== undefined;
  }

  /** True when the text read so far ends at a record's end (nothing carried over). */
  get atRecordEnd(): boolean {
    return this.carry === '';
  }

  /** The rows read so far (created by the first {@link PanelStream.feed}). */
  get panelRows(): PanelRows | undefined {
    return this.rows;
  }

  /** Reads the source, or its bytes `range` (whole lines), up to its last complete record. */
  feed(range?: { readonly start: number; readonly end: number }): void {
    const { options, file } = this;
    let bytes = 0;
    const chunks = textChunks(this.source, {
      what: options.what ?? 'returns',
      ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
      ...(range === undefined ? {} : { range }),
      onSize: (size) => (bytes = options.bytes ?? size),
    });
    for (const chunk of chunks) {
      const rows = this.panel(bytes);
      let text = this.carry === '' ? chunk : this.carry + chunk;
      if (!this.started) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        this.started = true;
      }
      const done = scan(text, { line: this.line, final: false, file }, { rows, cells: this.cells });
      this.carry = text.slice(done.pos);
      this.line = done.line;
    }
    this.panel(bytes);
  }

  /** Reads the record left unfinished, if any, and returns the rows. */
  end(): PanelRows {
    const rows = this.panel(this.options.bytes ?? 0);
    scan(
      this.carry,
      { line: this.line, final: true, file: this.file },
      { rows, cells: this.cells },
    );
    this.carry = '';
    return rows;
  }

  private panel(bytes: number): PanelRows {
    if (this.rows === undefined) {
      this.rows = new PanelRows(this.file, { ...this.options, bytes });
      if (this.options.header !== undefined) this.rows.adoptHeader(this.options.header);
    }
    return this.rows;
  }
}

/** Code of the warning {@link returnsPanelWarnings} gives. */
export const DATES_DROPPED = 'DATES_DROPPED';

/**
 * The warnings a panel's reader owes its user: `DATES_DROPPED` when empty cells dropped dates
 * from the common window (how many of how many, the first ones, and the empty cells per
 * column), naming the input `field`; none otherwise.
 */
export function returnsPanelWarnings(panel: ReturnsPanel, field: string): Warning[] {
  const { count, total, dates, emptyCells } = panel.dropped;
  if (count === 0) return [];
  const columns = Object.entries(emptyCells)
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  return [
    warning(
      DATES_DROPPED,
      `${field}: ${count} of ${total} dates dropped (a value is missing: ${columns}); ${total - count} used`,
      { field, dropped: count, total, dates, missingBySeries: emptyCells },
    ),
  ];
}
