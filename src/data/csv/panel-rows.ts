/**
 * The rows of a returns panel (`date,A,B,...`) as they stream past: each row's cells, given as
 * positions in the text, checked and written straight into growable Float64Array columns.
 * Errors are those of `parseReturnsFileCsv` + `alignCommon` (data/providers/csv-file.ts,
 * domain/series/align-common.ts), in the same order whatever their place in the file.
 */

import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import type { AlignedTable } from '../../domain/series/align-common.ts';
import { decimalAt, isAsciiSpace } from './decimal.ts';
import { MAX_INPUT_MAGNITUDE } from './fields.ts';

/** Dates left out of the common window, and why. */
export interface DroppedDates {
  /** Data rows (dates) dropped because at least one cell was empty. */
  readonly count: number;
  /** Data rows (dates) read. */
  readonly total: number;
  /** The first dropped dates (up to 5). */
  readonly dates: readonly IsoDate[];
  /** Per column id: how many dropped rows had that cell empty (columns with none omitted). */
  readonly emptyCells: Readonly<Record<string, number>>;
}

/** A returns panel on its common dates, with what alignment dropped. */
export interface ReturnsPanel extends AlignedTable {
  readonly dropped: DroppedDates;
}

/** The rows one {@link PanelRows} read, to append to another's ({@link PanelRows.append}). */
export interface PanelPart {
  /** Column j's complete rows (as many as `dates`). */
  readonly columns: readonly Float64Array[];
  /** Dates of the complete rows. */
  readonly dates: readonly IsoDate[];
  /** Date of the first and of the last data row, complete or not (undefined: no row). */
  readonly firstDate: IsoDate | undefined;
  readonly lastDate: IsoDate | undefined;
  /** Per column: its first and last date with a value. */
  readonly first: readonly (IsoDate | undefined)[];
  readonly last: readonly (IsoDate | undefined)[];
  /** Per column: empty cells in dropped rows. */
  readonly empty: Int32Array;
  /** Data rows read, complete or not. */
  readonly total: number;
  /** The first dropped dates (up to 5). */
  readonly droppedDates: readonly IsoDate[];
  /** Characters of the data rows (for sizing the columns). */
  readonly recordChars: number;
}

/** Cells of one record: `text[starts[k], ends[k])` for k < count, and values read already. */
export interface RecordCells {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The cell's value when the reader read it as a decimal on the way; NaN when not. */
  readonly values: Float64Array;
  readonly count: number;
  readonly line: number;
}

const LISTED = 5;
const PERCENT_HINT = 'not a number (write decimals: 0.05, not 5%)';
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function headerError(file: string, column: string, why: string): BallastError {
  return new BallastError('INVALID_INPUT', `${file}:1: column "${column}": ${why}`, {
    file,
    line: 1,
    column,
  });
}

/** Builds a panel from its records (header first), keeping the first error of each kind. */
export class PanelRows {
  private names: string[] | undefined;
  private ids: string[] = [];
  private shapeError: BallastError | undefined;
  private headerFailure: BallastError | undefined;
  private rowFailure: { error: unknown } | undefined;
  private columns: Float64Array[] = [];
  private capacity = 0;
  private rows = 0;
  private readonly dates: IsoDate[] = [];
  private previous: IsoDate | undefined;
  private checkedDate = '';
  private first: (IsoDate | undefined)[] = [];
  private last: (IsoDate | undefined)[] = [];
  private empty = new Int32Array(0);
  private total = 0;
  private readonly droppedDates: IsoDate[] = [];
  private recordChars = 0;
  private firstDate: IsoDate | undefined;

  constructor(
    private readonly file: string,
    private readonly options: { columnCase?: 'upper' | 'lower'; bytes?: number },
  ) {}

  /** Takes one record; cells are trimmed of ASCII blanks in place. */
  record(cells: RecordCells): void {
    const { text, starts, ends, count } = cells;
    let blank = true;
    for (let k = 0; k < count; k++) {
      let a = starts[k]!;
      let b = ends[k]!;
      while (a < b && isAsciiSpace(text.charCodeAt(a))) a++;
      while (b > a && isAsciiSpace(text.charCodeAt(b - 1))) b--;
      starts[k] = a;
      ends[k] = b;
      if (a < b) blank = false;
    }
    if (blank) return;
    const names = this.names;
    if (names === undefined) return this.header(cells);
    if (count !== names.length) {
      this.shapeError ??= new BallastError(
        'INVALID_INPUT',
        count > names.length
          ? `${this.file}:${cells.line}: ${count} cells but the header has ${names.length} columns`
          : `${this.file}:${cells.line}: ${count} cells but the header has ${names.length} columns (a truncated row: leave a cell empty for a missing value)`,
        { file: this.file, line: cells.line },
      );
      return;
    }
    if (this.shapeError || this.headerFailure || this.rowFailure) return;
    try {
      this.row(cells);
    } catch (error) {
      this.rowFailure = { error };
    }
  }

  private header(cells: RecordCells): void {
    const names: string[] = [];
    for (let k = 0; k < cells.count; k++) {
      names.push(cells.text.slice(cells.starts[k], cells.ends[k]).toLowerCase());
    }
    this.adoptHeader(names);
  }

  /**
   * Takes the header's cells (trimmed, lower-cased) as if its record had been read: for rows
   * read from the middle of a file (the lines after the header).
   */
  adoptHeader(names: readonly string[]): void {
    this.names = [...names];
    try {
      this.ids = this.checkHeader(names);
    } catch (error) {
      this.headerFailure = error as BallastError;
    }
    const width = names.length - 1;
    this.first = new Array<IsoDate | undefined>(width).fill(undefined);
    this.last = new Array<IsoDate | undefined>(width).fill(undefined);
    this.empty = new Int32Array(width);
  }

  private checkHeader(names: readonly string[]): string[] {
    const [dateColumn, ...header] = names;
    if (dateColumn !== 'date' && dateColumn !== '') {
      throw headerError(this.file, dateColumn ?? '', 'the first column must be the date');
    }
    if (header.length === 0)
      throw headerError(this.file, 'date', 'no return columns after the date');
    const ids = header.map((c) => (this.options.columnCase === 'lower' ? c : c.toUpperCase()));
    const seen = new Set<string>();
    for (const c of ids) {
      if (c === '' || c === 'DATE' || c === 'date')
        throw headerError(this.file, c, 'a return column needs a name');
      if (seen.has(c)) throw headerError(this.file, c, 'appears twice');
      seen.add(c);
    }
    return ids;
  }

  private fail(cells: RecordCells, k: number, why: string): BallastError {
    const column = this.names![k]!;
    const value = cells.text.slice(cells.starts[k], cells.ends[k]);
    return new BallastError(
      'INVALID_INPUT',
      `${this.file}:${cells.line}: column "${column}": ${why} (got ${JSON.stringify(value)})`,
      { file: this.file, line: cells.line, column, value },
    );
  }

  private date(cells: RecordCells): IsoDate {
    if (cells.starts[0] === cells.ends[0]) throw this.fail(cells, 0, 'a date is required');
    const date = cells.text.slice(cells.starts[0], cells.ends[0]);
    if (date !== this.checkedDate) {
      if (!isIsoDate(date)) throw this.fail(cells, 0, 'not a calendar date in YYYY-MM-DD form');
      this.checkedDate = date;
    }
    if (this.previous !== undefined && date <= this.previous) {
      throw this.fail(
        cells,
        0,
        `dates must be ascending and unique (previous row: ${this.previous})`,
      );
    }
    this.previous = date;
    this.firstDate ??= date;
    return date;
  }

  /** A cell that is not a finite decimal, checked as `parseReturnsFileCsv` checks it. */
  private slowValue(cells: RecordCells, k: number): number {
    const v = cells.text.slice(cells.starts[k], cells.ends[k]);
    if (!DECIMAL.test(v))
      throw this.fail(cells, k, v.endsWith('%') ? PERCENT_HINT : 'not a number');
    const n = Number(v);
    if (!Number.isFinite(n)) throw this.fail(cells, k, 'not a finite number');
    if (!(Math.abs(n) <= MAX_INPUT_MAGNITUDE))
      throw this.fail(cells, k, 'out of range: the magnitude must be at most 1e15');
    return n;
  }

  private row(cells: RecordCells): void {
    const date = this.date(cells);
    this.total++;
    this.recordChars += cells.ends[cells.count - 1]! - cells.starts[0]! + 1;
    if (this.rows === this.capacity) this.grow();
    const { text, starts, ends } = cells;
    const at = this.rows;
    let complete = true;
    for (let k = 1; k < cells.count; k++) {
      const a = starts[k]!;
      const b = ends[k]!;
      if (a === b) {
        complete = false;
        this.empty[k - 1]!++;
        continue;
      }
      let v = cells.values[k]!;
      if (v !== v) v = decimalAt(text, a, b);
      if (!(Math.abs(v) <= MAX_INPUT_MAGNITUDE)) v = this.slowValue(cells, k);
      if (v < -1) throw this.fail(cells, k, 'must be at least -1');
      this.columns[k - 1]![at] = v;
      this.first[k - 1] ??= date;
      this.last[k - 1] = date;
    }
    if (complete) {
      this.dates.push(date);
      this.rows++;
    } else if (this.droppedDates.length < LISTED) this.droppedDates.push(date);
  }

  /** The header's cells (trimmed, lower-cased), once read. */
  get headerNames(): readonly string[] | undefined {
    return this.names;
  }

  /** True once a record was refused (the panel will not finish). */
  get failed(): boolean {
    return (
      this.shapeError !== undefined ||
      this.headerFailure !== undefined ||
      this.rowFailure !== undefined
    );
  }

  /** The complete rows read so far: `count` rows at the start of each column. */
  completeRows(): { readonly columns: readonly Float64Array[]; readonly count: number } {
    return { columns: this.columns, count: this.rows };
  }

  /** What was read, for {@link PanelRows.append} on another instance (after the header). */
  part(): PanelPart {
    return {
      columns: this.columns.map((c) => c.subarray(0, this.rows)),
      dates: this.dates,
      firstDate: this.firstDate,
      lastDate: this.previous,
      first: this.first,
      last: this.last,
      empty: this.empty,
      total: this.total,
      droppedDates: this.droppedDates,
      recordChars: this.recordChars,
    };
  }

  /**
   * Appends the rows another instance read from the records that follow this one's last (the
   * same header adopted, no record refused), as if this instance had read them: false, and
   * nothing changed, when `part` does not fit (another width, or a date not after this one's
   * last date) — read those records here instead to get the error.
   */
  append(part: PanelPart): boolean {
    const width = this.first.length;
    if (this.names === undefined || this.failed || part.columns.length !== width) return false;
    if (part.firstDate === undefined) return true;
    if (this.previous !== undefined && part.firstDate <= this.previous) return false;
    const added = part.dates.length;
    // Nothing read here yet and no room reserved: the part's columns become these (no copy).
    const adopt =
      this.rows === 0 && this.capacity === 0 && part.columns.every((c) => c.length === added);
    if (adopt) {
      this.columns = [...part.columns];
      this.capacity = added;
    } else if (this.rows + added > this.capacity) this.grow(this.rows + added);
    for (let j = 0; j < width; j++) {
      if (!adopt) this.columns[j]!.set(part.columns[j]!.subarray(0, added), this.rows);
      this.first[j] ??= part.first[j];
      this.last[j] = part.last[j] ?? this.last[j];
      this.empty[j]! += part.empty[j]!;
    }
    this.rows += added;
    for (const date of part.dates) this.dates.push(date);
    for (const date of part.droppedDates)
      if (this.droppedDates.length < LISTED) this.droppedDates.push(date);
    this.firstDate ??= part.firstDate;
    this.previous = part.lastDate;
    this.checkedDate = '';
    this.total += part.total;
    this.recordChars += part.recordChars;
    return true;
  }

  /**
   * Before any row: room for `total` rows in `storage` (at least width × total doubles, column
   * j at `[j·total, (j + 1)·total)`), which the parts appended then fill — e.g. memory already
   * mapped, so the columns cost no fresh pages. False (nothing changed) when rows were read or
   * `storage` is too small.
   */
  reserve(total: number, storage: Float64Array): boolean {
    const width = this.first.length;
    if (this.rows !== 0 || this.names === undefined || storage.length < total * width) return false;
    this.columns = this.first.map((_, j) => storage.subarray(j * total, (j + 1) * total));
    this.capacity = total;
    return true;
  }

  /** Room for more rows: at first the file size over the bytes per row so far, then × 1.5. */
  private grow(atLeast = 0): void {
    const perRow = this.total > 0 ? this.recordChars / this.total : 0;
    const estimate = perRow > 0 && this.options.bytes ? Math.ceil(this.options.bytes / perRow) : 0;
    const capacity = Math.max(
      64,
      atLeast,
      Math.ceil(this.capacity * 1.5),
      this.capacity === 0 ? 0 : Math.ceil(estimate * 1.02),
    );
    // One buffer for all columns: one allocation instead of one a column (each costs its own
    // allocation, zeroing and accounting, which a wide file pays hundreds of times).
    const all = new Float64Array(capacity * this.first.length);
    this.columns = this.first.map((_, j) => {
      const next = all.subarray(j * capacity, (j + 1) * capacity);
      const old = this.columns[j];
      if (old) next.set(old.subarray(0, this.rows));
      return next;
    });
    this.capacity = capacity;
  }

  /** The panel, or the first error found, in the order `parseCsv` then the parser give them. */
  finish(): ReturnsPanel {
    if (this.names === undefined) {
      throw new BallastError(
        'INVALID_INPUT',
        `${this.file}: the file is empty (a header line is required)`,
        { file: this.file },
      );
    }
    if (this.shapeError) throw this.shapeError;
    if (this.headerFailure) throw this.headerFailure;
    if (this.rowFailure) throw this.rowFailure.error;
    const ids = this.ids;
    if (this.rows === 0) {
      const ranges = ids.map((id, j) => `${id} ${this.first[j] ?? '—'}..${this.last[j] ?? '—'}`);
      throw new BallastError('INSUFFICIENT_DATA', `no common dates: ${ranges.join('; ')}`, {
        ids: [...ids],
      });
    }
    const rows = this.rows;
    // Columns with much unused room are copied into one buffer of their size (the room freed).
    const spare = this.columns.some((c) => c.length > rows * 1.5);
    const packed = spare ? new Float64Array(rows * ids.length) : undefined;
    const columns = ids.map((_, j) => {
      const c = this.columns[j]!.subarray(0, rows);
      if (packed === undefined) return c;
      const copy = packed.subarray(j * rows, (j + 1) * rows);
      copy.set(c);
      return copy;
    });
    const emptyCells: Record<string, number> = {};
    ids.forEach((id, j) => {
      if (this.empty[j]! > 0) emptyCells[id] = this.empty[j]!;
    });
    return {
      ids,
      dates: this.dates,
      columns,
      dropped: {
        count: this.total - rows,
        total: this.total,
        dates: this.droppedDates,
        emptyCells,
      },
    };
  }
}
