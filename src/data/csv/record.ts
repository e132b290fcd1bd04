/**
 * One CSV record read character by character, the general case of the CSV readers (RFC 4180
 * quoting, LF, CRLF or a lone CR between records).
 */

import { BallastError } from '../../domain/errors.ts';

export const COMMA = 0x2c;
export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

/** Where {@link readRecord} starts: the position, its line, the file name for errors. */
export interface RecordStart {
  readonly pos: number;
  readonly line: number;
  readonly file: string;
  /** True when `text` runs to the end of the file; false when more text may follow. */
  readonly final: boolean;
}

/** What {@link readRecord} read. */
export interface ReadRecord {
  /** The raw cells; undefined for an empty last record (nothing to read). */
  readonly cells: string[] | undefined;
  /** Where the next record starts. */
  readonly pos: number;
  /** The next record's line. */
  readonly line: number;
  /** False when the text ended inside the record and is not final: read again with more. */
  readonly complete: boolean;
}

/**
 * Reads one record from `at.pos`. A quote opens a quoted section only at the start of a cell
 * (after blanks, which are dropped); inside it `""` is a quote and line ends are kept; text
 * after the closing quote joins the cell. LF, CRLF or a lone CR ends the record.
 *
 * @throws BallastError INVALID_INPUT when a quoted field is still open at the end of the file.
 */
export function readRecord(text: string, at: RecordStart): ReadRecord {
  const n = text.length;
  const incomplete = { cells: undefined, pos: at.pos, line: at.line, complete: false };
  const cells: string[] = [];
  let cell = ''; // the current cell's text before `seg`
  let i = at.pos;
  let seg = i; // start of the current cell's text not yet copied into `cell`
  let line = at.line;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      cells.push(cell + text.slice(seg, i));
      cell = '';
      seg = ++i;
    } else if (c === LF || c === CR) {
      if (c === CR && i + 1 === n && !at.final) return incomplete;
      cells.push(cell + text.slice(seg, i));
      const pos = i + (c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1);
      return { cells, pos, line: line + 1, complete: true };
    } else if (c === QUOTE && (cell + text.slice(seg, i)).trim() === '') {
      cell = '';
      seg = ++i;
      for (;;) {
        if (i >= n) {
          if (!at.final) return incomplete;
          throw new BallastError(
            'INVALID_INPUT',
            `${at.file}:${at.line}: a quoted field is not closed`,
            { file: at.file, line: at.line },
          );
        }
        const q = text.charCodeAt(i);
        if (q === QUOTE) {
          if (i + 1 === n && !at.final) return incomplete;
          const doubled = text.charCodeAt(i + 1) === QUOTE;
          cell += text.slice(seg, doubled ? i + 1 : i);
          i += doubled ? 2 : 1;
          seg = i;
          if (!doubled) break;
        } else {
          if (q === LF) line++;
          i++;
        }
      }
    } else i++;
  }
  if (!at.final) return incomplete;
  const last = cell + text.slice(seg, n);
  if (last === '' && cells.length === 0) return { cells: undefined, pos: n, line, complete: true };
  cells.push(last);
  return { cells, pos: n, line, complete: true };
}
