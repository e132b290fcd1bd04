import { BallastError } from '../../domain/errors.ts';
import { isAsciiSpace } from './decimal.ts';
import { COMMA, CR, readRecord } from './record.ts';

/** One data row of a CSV file: its 1-based line number and its cells by header name. */
export interface CsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** A parsed CSV file: normalised header names (trimmed, lower-case) and data rows. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Receives the records of {@link scanCsv}, in file order. */
export interface CsvVisitor {
  /** The header: the first non-blank record's names, trimmed and lower-cased. */
  header(names: readonly string[]): void;
  /**
   * A non-blank data row: its cells untrimmed (fewer than the header's columns when the line
   * is short, never more) and its 1-based line. The array is reused: copy what you keep.
   */
  row(cells: readonly string[], line: number): void;
  /**
   * Optional fast path for a data row of plain ASCII without quotes: its cells as positions in
   * the text, trimmed. Return false to be handed the row through {@link row} instead. The record
   * is reused: read it only during the call.
   */
  rowAt?(record: PlainRecord): boolean;
  /**
   * Optional: a data row with more cells (`count`) than the header has columns, on `line`.
   * Without it such a row fails the whole scan (after the other rows); with it the visitor
   * decides (e.g. reports that row alone) and the scan goes on.
   */
  wide?(count: number, line: number): void;
}

/** A plain record's cells: `text[starts[k], ends[k])`, trimmed of blanks, for k < count. */
export interface PlainRecord {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
  readonly line: number;
}

/**
 * Parses RFC 4180 CSV text (quoted fields with doubled quotes, CRLF or LF, a UTF-8 BOM) whose
 * first line is a header. Blank lines are skipped; line numbers are the lines a text editor
 * shows. A row with more cells than the header is an error naming the file and line.
 */
export function parseCsv(text: string, file: string): CsvTable {
  let header: readonly string[] = [];
  const rows: CsvRow[] = [];
  scanCsv(text, file, {
    header: (names) => (header = names),
    row: (raw, line) => {
      const cells: Record<string, string> = {};
      header.forEach((name, i) => (cells[name] = (raw[i] ?? '').trim()));
      rows.push({ line, cells });
    },
  });
  return { header, rows };
}

/**
 * The streaming form of {@link parseCsv}: the same records and the same errors, handed to
 * `visitor` one at a time without keeping the file's cells in memory. Errors come in the order
 * `parseCsv` gives them whatever their place in the file: an unclosed quote, then an empty file,
 * then the first row with more cells than the header, then the first error the visitor threw
 * (after which it is called no more).
 *
 * @throws BallastError INVALID_INPUT naming the file and line; or the visitor's error.
 */
export function scanCsv(text: string, file: string, visitor: CsvVisitor): void {
  let header: readonly string[] | undefined;
  let tooMany: BallastError | undefined;
  let failure: { error: unknown } | undefined;
  const tooManyCells = (count: number, line: number): void => {
    if (visitor.wide !== undefined) {
      if (failure !== undefined) return;
      try {
        visitor.wide(count, line);
      } catch (error) {
        failure = { error };
      }
      return;
    }
    tooMany ??= new BallastError(
      'INVALID_INPUT',
      `${file}:${line}: ${count} cells but the header has ${header!.length} columns`,
      { file, line },
    );
  };
  const onRecord = (cells: string[], line: number): void => {
    if (isBlank(cells)) return;
    if (header !== undefined && cells.length > header.length)
      return tooManyCells(cells.length, line);
    const first = header === undefined;
    if (first) header = cells.map((h) => h.trim().toLowerCase());
    if (tooMany !== undefined || failure !== undefined) return;
    try {
      if (first) visitor.header(header!);
      else visitor.row(cells, line);
    } catch (error) {
      failure = { error };
    }
  };
  const rowAt = visitor.rowAt?.bind(visitor);
  // One record for every plain row (the visitor reads it only during its call), with the
  // line's span `text[pos, stop)`.
  const starts = new Int32Array(32);
  const ends = new Int32Array(32);
  const record = { text, starts, ends, count: 0, line: 0, pos: 0, stop: 0 };
  const onPlain = (pos: number, stop: number, line: number): void => {
    record.pos = pos;
    record.stop = stop;
    const plain = rowAt && header !== undefined ? cellPositions(record) : 'general';
    if (plain === 'general') return onRecord(text.slice(pos, stop).split(','), line);
    if (plain === 'blank') return;
    if (plain > header!.length) return tooManyCells(plain, line);
    if (tooMany !== undefined || failure !== undefined) return;
    try {
      record.count = plain;
      record.line = line;
      if (!rowAt!(record)) visitor.row(text.slice(pos, stop).split(','), line);
    } catch (error) {
      failure = { error };
    }
  };
  splitRecords(text, file, { onRecord, onPlain });
  if (header === undefined) {
    throw new BallastError(
      'INVALID_INPUT',
      `${file}: the file is empty (a header line is required)`,
      { file },
    );
  }
  if (tooMany) throw tooMany;
  if (failure) throw failure.error;
}

/**
 * The trimmed cell positions of the quote-free line `text[pos, stop)` into `starts` and
 * `ends`, and their count; `'blank'` for a line of blanks and commas; `'general'` for a line
 * with a non-ASCII character (whose blanks only `String.prototype.trim` knows).
 */
function cellPositions(out: {
  readonly text: string;
  readonly pos: number;
  readonly stop: number;
  starts: Int32Array;
  ends: Int32Array;
}): number | 'blank' | 'general' {
  const { text } = out;
  const span = out;
  let count = 0;
  let start = span.pos;
  let blank = true;
  for (let i = span.pos; i <= span.stop; i++) {
    const c = i === span.stop ? COMMA : text.charCodeAt(i);
    if (c === COMMA) {
      if (count === out.starts.length) {
        const starts = new Int32Array(count * 2);
        const ends = new Int32Array(count * 2);
        starts.set(out.starts);
        ends.set(out.ends);
        out.starts = starts;
        out.ends = ends;
      }
      let a = start;
      let b = i;
      while (a < b && isAsciiSpace(text.charCodeAt(a))) a++;
      while (b > a && isAsciiSpace(text.charCodeAt(b - 1))) b--;
      out.starts[count] = a;
      out.ends[count++] = b;
      start = i + 1;
    } else if (c >= 0x80) return 'general';
    else if (blank && !isAsciiSpace(c)) blank = false;
  }
  return blank ? 'blank' : count;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Splits CSV text (after a byte-order mark) into records of raw cells, calling `onRecord` with
 * each record's cells and first line. A line without quotes or a lone CR is split natively; any
 * other goes through {@link readRecord}.
 */
function splitRecords(
  text: string,
  file: string,
  on: {
    onRecord: (cells: string[], line: number) => void;
    onPlain: (pos: number, stop: number, line: number) => void;
  },
): void {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let quote = -1; // the next quote at or after `pos` (n: none)
  let cr = -1; // the next CR at or after `pos` (n: none)
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const stop = end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    if (quote < pos) quote = text.indexOf('"', pos) >>> 0;
    if (cr < pos) cr = text.indexOf('\r', pos) >>> 0;
    if (quote >= stop && cr >= stop) {
      on.onPlain(pos, stop, line++);
      pos = end + 1;
    } else {
      const next = readRecord(text, { pos, line, file, final: true });
      if (next.cells) on.onRecord(next.cells, line);
      pos = next.pos;
      line = next.line;
    }
  }
}
