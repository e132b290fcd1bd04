/**
 * FRED's value conventions and the key-less `fredgraph.csv` download
 * (`https://fred.stlouisfed.org/graph/fredgraph.csv?id=…&cosd=…&coed=…`).
 */

import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { malformed } from './api-provider-support.ts';

const PROVIDER = 'fred';

/** A FRED value: a number, `undefined` for the missing markers `.` and ``, malformed otherwise. */
export function fredNumber(date: IsoDate, text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '.' || trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value))
    throw malformed(PROVIDER, `value on ${date} is not a number: "${trimmed}"`);
  return value;
}

/**
 * Parses the key-less `fredgraph.csv` download of `seriesId`: header `observation_date,ID`
 * (current) or `DATE,ID` (older), one `date,value` line per observation; `.` or an empty
 * value is missing and skipped. Anything else (an HTML error page, another series) is malformed.
 */
export function parseFredCsv(text: string, seriesId: string): { date: IsoDate; value: number }[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  const [dateColumn = '', valueColumn = ''] = header;
  if (
    header.length !== 2 ||
    !/^(observation_date|date)$/i.test(dateColumn) ||
    valueColumn.toUpperCase() !== seriesId
  ) {
    throw malformed(PROVIDER, `unexpected CSV header "${(lines[0] ?? '').slice(0, 80)}"`);
  }
  return lines.slice(1).flatMap((line, i) => {
    const cells = line.split(',').map((cell) => cell.trim());
    const [date = '', value = ''] = cells;
    if (cells.length !== 2 || !isIsoDate(date)) {
      throw malformed(PROVIDER, `CSV line ${i + 2} is not "date,value": "${line.slice(0, 80)}"`);
    }
    const number = fredNumber(date, value);
    return number === undefined ? [] : [{ date, value: number }];
  });
}
