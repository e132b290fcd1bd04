/**
 * The dividends file of a backtest on unadjusted closes (docs/backtest.md, "Dividends"):
 * `date,symbol,amount`, one cash dividend per share per row, dated on its ex-date. Rows in any
 * order; symbols trimmed and upper-cased; amount a plain decimal > 0 (money per share, in the
 * closes' currency). A header names the three columns (any order, any case).
 */

import type { Dividend } from '../../domain/backtest/dividends.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

const COLUMNS = { required: ['date', 'symbol', 'amount'], optional: [] } as const;

/**
 * The dividends of `text` read from `file`, sorted by date (then as written).
 *
 * @throws BallastError INVALID_INPUT naming the file, line, column and value of a bad cell, or
 *   a missing or unknown column.
 */
export function parseDividendsCsv(text: string, file: string): Dividend[] {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, COLUMNS);
  const out: Dividend[] = table.rows.map((row) => {
    const r = new RowReader(file, row);
    const date = r.date('date');
    if (date === undefined) throw r.fail('date', 'a date is required');
    const symbol = r.symbol('symbol');
    if (symbol === undefined) throw r.fail('symbol', 'a symbol is required');
    return { date, symbol, amount: r.requireNumber('amount', { positive: true }) };
  });
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : a.i - b.i))
    .map(({ d }) => d);
}
