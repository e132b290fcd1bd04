/**
 * The character-at-a-time CSV parser of earlier versions, kept as a test-only oracle for
 * src/data/csv/parse-csv.ts (which now splits plain lines natively and streams records).
 */

import type { CsvTable, CsvRow } from '../../src/data/csv/parse-csv.ts';
import { BallastError } from '../../src/domain/errors.ts';

/**
 * Parses RFC 4180 CSV text (quoted fields with doubled quotes, CRLF or LF, a UTF-8 BOM) whose
 * first line is a header. Blank lines are skipped; line numbers are the lines a text editor
 * shows. A row with more cells than the header is an error naming the file and line.
 */
export function referenceParseCsv(text: string, file: string): CsvTable {
  const records = splitRecords(text.replace(/^\uFEFF/, ''), file);
  const first = records.find((r) => !isBlank(r.cells));
  if (!first) {
    throw new BallastError(
      'INVALID_INPUT',
      `${file}: the file is empty (a header line is required)`,
      { file },
    );
  }
  const header = first.cells.map((h) => h.trim().toLowerCase());
  const rows: CsvRow[] = [];
  for (const record of records) {
    if (record === first || isBlank(record.cells)) continue;
    if (record.cells.length > header.length) {
      throw new BallastError(
        'INVALID_INPUT',
        `${file}:${record.line}: ${record.cells.length} cells but the header has ${header.length} columns`,
        { file, line: record.line },
      );
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = (record.cells[i] ?? '').trim()));
    rows.push({ line: record.line, cells });
  }
  return { header, rows };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function splitRecords(text: string, file: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) {
    throw new BallastError('INVALID_INPUT', `${file}:${start}: a quoted field is not closed`, {
      file,
      line: start,
    });
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: start, cells });
  }
  return records;
}
