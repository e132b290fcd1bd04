/**
 * One place that turns a use case's document into the requested output: `json` (the document
 * itself), `table` (for people) or `csv` (the command's main table, for spreadsheets). A command
 * without a CSV form refuses `--format csv` with INVALID_INPUT instead of printing a table.
 */

import { invalidInput } from '../../app/errors.ts';
import type { Format } from '../io.ts';

/** The views of one document. */
export interface DocumentViews {
  readonly json: unknown;
  readonly table: () => string;
  /** The main table as CSV; absent when the command has no CSV form. */
  readonly csv?: () => string;
}

/** The text to print for `format`. */
export function renderDocument(format: Format, views: DocumentViews): string {
  if (format === 'json') return JSON.stringify(views.json, null, 2);
  if (format === 'csv') {
    if (views.csv === undefined)
      throw invalidInput('--format', format, 'this command has no CSV form: use table or json');
    return views.csv();
  }
  return views.table();
}
