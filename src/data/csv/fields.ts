import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import type { CsvRow } from './parse-csv.ts';

/** The last date text found valid: files repeat a date on many rows in a row. */
let lastDate: string | undefined;

/** Reads typed cells of one CSV row, failing with the file, line, column and value. */
export class RowReader {
  constructor(
    readonly file: string,
    readonly row: CsvRow,
  ) {}

  /** The trimmed cell of `column` ('' when the line is short), undefined when no such column. */
  protected cell(column: string): string | undefined {
    return this.row.cells[column];
  }

  /** An INVALID_INPUT error for `column` of this row. */
  fail(column: string, why: string): BallastError {
    const value = this.cell(column) ?? '';
    return new BallastError(
      'INVALID_INPUT',
      `${this.file}:${this.row.line}: column "${column}": ${why} (got ${JSON.stringify(value)})`,
      { file: this.file, line: this.row.line, column, value },
    );
  }

  /** The trimmed cell text, or undefined when empty or absent. */
  text(column: string): string | undefined {
    const v = this.cell(column);
    return v === undefined || v === '' ? undefined : v;
  }

  /** The trimmed cell text; an error when empty. */
  requireText(column: string): string {
    const v = this.text(column);
    if (v === undefined) throw this.fail(column, 'a value is required');
    return v;
  }

  /** A plain decimal number (`-12.5`, `3`, `.25`); no thousands separators or exponents. */
  number(column: string, opts: { min?: number; positive?: boolean } = {}): number | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) throw this.fail(column, 'not a number');
    const n = Number(v);
    if (opts.positive && !(n > 0)) throw this.fail(column, 'must be greater than zero');
    if (opts.min !== undefined && n < opts.min)
      throw this.fail(column, `must be at least ${opts.min}`);
    return n;
  }

  /** A required number. */
  requireNumber(column: string, opts: { min?: number; positive?: boolean } = {}): number {
    const n = this.number(column, opts);
    if (n === undefined) throw this.fail(column, 'a value is required');
    return n;
  }

  /** A money amount in integer cents, parsed from the decimal text (half away from zero). */
  cents(column: string, opts: { min?: number } = {}): number | undefined {
    const n = this.number(column, opts);
    if (n === undefined) return undefined;
    const text = this.text(column)!.replace(/^[+-]/, '');
    const [whole = '0', frac = ''] = text.split('.');
    const padded = (frac + '000').slice(0, 3);
    const tenths = Number(whole || '0') * 1000 + Number(padded);
    const cents = Math.floor(tenths / 10) + (tenths % 10 >= 5 ? 1 : 0);
    return n < 0 ? -cents : cents;
  }

  /** An ISO `YYYY-MM-DD` calendar date. */
  date(column: string): IsoDate | undefined {
    const v = this.text(column);
    if (v === undefined || v === lastDate) return v;
    if (!isIsoDate(v)) throw this.fail(column, 'not a calendar date in YYYY-MM-DD form');
    lastDate = v;
    return v;
  }

  /** A ticker symbol, trimmed and upper-cased. */
  symbol(column: string): string | undefined {
    const v = this.text(column);
    if (v === undefined) return undefined;
    const s = v.toUpperCase();
    if (!/^[A-Z0-9.^=\-/$]+$/.test(s)) throw this.fail(column, 'not a ticker symbol');
    return s;
  }
}

const NO_CELLS: Readonly<Record<string, string>> = {};

/**
 * A {@link RowReader} over a record's raw cells by position (as {@link scanCsv} hands them
 * over), with the same values and errors as over a parsed {@link CsvRow}: cells are trimmed, a
 * short line's missing cells are empty, and a repeated header name means its last column. It
 * reads the cells in place: use it only during the visitor's call.
 */
export class CellsReader extends RowReader {
  private readonly cells: readonly string[];
  private readonly columns: ReadonlyMap<string, number>;

  constructor(
    file: string,
    record: { line: number; cells: readonly string[]; columns: ReadonlyMap<string, number> },
  ) {
    super(file, { line: record.line, cells: NO_CELLS });
    this.cells = record.cells;
    this.columns = record.columns;
  }

  /** Column positions of a header, for {@link CellsReader}. */
  static columns(header: readonly string[]): Map<string, number> {
    return new Map(header.map((name, i) => [name, i]));
  }

  protected override cell(column: string): string | undefined {
    const i = this.columns.get(column);
    return i === undefined ? undefined : (this.cells[i] ?? '').trim();
  }
}

/** Fails when the header lacks a required column or has one the format does not know. */
export function checkHeader(
  file: string,
  header: readonly string[],
  spec: { required: readonly string[]; optional: readonly string[] },
): void {
  for (const column of spec.required) {
    if (!header.includes(column)) {
      throw new BallastError('INVALID_INPUT', `${file}:1: missing column "${column}"`, {
        file,
        line: 1,
        column,
      });
    }
  }
  const known = new Set([...spec.required, ...spec.optional]);
  for (const column of header) {
    if (!known.has(column)) {
      throw new BallastError(
        'INVALID_INPUT',
        `${file}:1: unknown column "${column}" (expected ${[...known].join(', ')})`,
        { file, line: 1, column },
      );
    }
  }
}
