/**
 * Returns files (`date,A,B,...`, decimal simple returns per period) as use cases read them: from
 * a {@link TextSource}, with columns looked up case-insensitively and the periods per year
 * inferred from the dates when the caller gives none (docs/conventions.md, "Units").
 */

import { invalidInput } from '../domain/errors.ts';
import { inferPeriodsPerYear } from '../domain/series/infer-frequency.ts';
import type { ReturnSeries } from '../domain/series/types.ts';
import { parseReturnsFileCsv, type ReturnsFile } from '../data/providers/csv-file.ts';
import { readSource, type TextSource } from './sources.ts';

export type { ReturnsFile } from '../data/providers/csv-file.ts';
export type { ReturnSeries } from '../domain/series/types.ts';

/**
 * Parses the returns file of `source`; `field` names the input in a NOT_FOUND error. Columns
 * are upper-cased (symbols) unless `columnCase: 'lower'` (exposure ids).
 */
export function loadReturnsFile(
  source: TextSource,
  field: string,
  options: { readonly columnCase?: 'upper' | 'lower' } = {},
): ReturnsFile {
  const { text, name } = readSource(source, field);
  return parseReturnsFileCsv(text, name, options);
}

/** {@link loadReturnsFile} of a path. */
export function readReturnsFile(path: string, field: string): ReturnsFile {
  return loadReturnsFile({ path }, field);
}

/**
 * The series of column `name` in `file` (case-insensitive), reported under `name` as written
 * (trimmed). An unknown column is INVALID_INPUT naming `field`, the name and the file's columns.
 */
export function columnSeries(
  file: ReturnsFile,
  name: string,
  field: string,
): { id: string; series: ReturnSeries } {
  const id = name.trim();
  const series = file.seriesByColumn.get(id.toUpperCase());
  if (series === undefined || id === '')
    throw invalidInput(field, name, `no such column (columns: ${file.columns.join(', ')})`);
  return { id, series };
}

/** `given` when the caller gave it, else inferred from `dates` (see `inferPeriodsPerYear`). */
export function periodsPerYearOf(given: number | undefined, dates: readonly string[]): number {
  return given ?? inferPeriodsPerYear(dates);
}
