import { BallastError } from '../../domain/errors.ts';
import { CR, readRecord } from './record.ts';

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
  splitRecords(text, file, (cells, line) => {
    if (isBlank(cells)) return;
    if (header !== undefined && cells.length > header.length) {
      tooMany ??= new BallastError(
        'INVALID_INPUT',
        `${file}:${line}: ${cells.length} cells but the header has ${header.length} columns`,
        { file, line },
      );
      return;
    }
    const first = header === undefined;
    if (first) header = cells.map((h) => h.trim().toLowerCase());
    if (tooMany !== undefined || failure !== undefined) return;
    try {
      if (first) visitor.header(header!);
      else visitor.row(cells, line);
    } catch (error) {
      failure = { error };
    }
  });
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
  onRecord: (cells: string[], line: number) => void,
): void {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const stop = end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    const record = text.slice(pos, stop);
    if (!record.includes('"') && !record.includes('\r')) {
      onRecord(record.split(','), line++);
      pos = end + 1;
    } else {
      const next = readRecord(text, { pos, line, file, final: true });
      if (next.cells) onRecord(next.cells, line);
      pos = next.pos;
      line = next.line;
    }
  }
}
