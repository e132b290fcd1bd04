import type { DocumentViews } from './output.ts';
import { renderCsv, renderTable, type Column } from './table.ts';

/** The views of a document that is a list of rows: the rows as JSON, a table, the same as CSV. */
export function rowViews<T>(rows: readonly T[], columns: readonly Column<T>[]): DocumentViews {
  return {
    json: rows,
    table: () => renderTable(rows, columns),
    csv: () => renderCsv(rows, columns),
  };
}
