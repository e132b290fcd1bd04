/**
 * A broker export as a list of CSV records with their lines. Broker files are not one table:
 * a title above the header, totals and disclaimers below it, or (IBKR) many sections each with
 * its own header. The converters read the records and decide structurally what each one is.
 */

import { BallastError } from '../../domain/errors.ts';
import { readRecord } from '../csv/record.ts';

/** One non-blank CSV record: its first line and its cells, trimmed. */
export interface BrokerRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Every non-blank record of `text` (RFC 4180 quoting, LF, CRLF or CR; a UTF-8 byte-order mark
 * dropped), cells trimmed. A record is blank when all its cells are.
 *
 * @throws BallastError INVALID_INPUT when a quoted field is not closed, or the file holds no record.
 */
export function brokerRecords(text: string, file: string): BrokerRecord[] {
  const records: BrokerRecord[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < text.length) {
    const next = readRecord(text, { pos, line, file, final: true });
    const cells = (next.cells ?? []).map((c) => c.trim());
    if (cells.some((c) => c !== '')) records.push({ line, cells });
    pos = next.pos;
    line = next.line;
  }
  if (records.length === 0)
    throw new BallastError('INVALID_INPUT', `${file}: the file is empty`, { file });
  return records;
}

/** The cells of `record` by the (trimmed, lower-cased) column names of `header`. */
export function cellsByName(
  header: readonly string[],
  record: BrokerRecord,
): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  header.forEach((name, i) => (out[name] = record.cells[i] ?? ''));
  return out;
}

/** Column names as compared: trimmed, lower-case, inner blanks collapsed. */
export const columnName = (cell: string): string => cell.trim().toLowerCase().replace(/\s+/g, ' ');

/** The index of the first record whose cells start with `names` (compared by {@link columnName}). */
export function findHeader(records: readonly BrokerRecord[], names: readonly string[]): number {
  return records.findIndex((r) =>
    names.every((name, i) => columnName(r.cells[i] ?? '') === columnName(name)),
  );
}
