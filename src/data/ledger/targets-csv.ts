import { BallastError } from '../../domain/errors.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/**
 * Parses a targets file `symbol,weight`: weights are decimals of total value including cash
 * (0.6 = 60 %, negative = short); a `CASH` row is the cash line (negative = borrowing). Symbols
 * are trimmed and upper-cased; a symbol listed twice is an error.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseTargetsCsv(text: string, file: string): { symbol: string; weight: number }[] {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['symbol', 'weight'], optional: [] });
  const seen = new Set<string>();
  const rows = table.rows.map((row) => {
    const r = new RowReader(file, row);
    const symbol = r.symbol('symbol') ?? r.requireText('symbol');
    if (seen.has(symbol)) throw r.fail('symbol', 'listed twice');
    seen.add(symbol);
    return { symbol, weight: r.requireNumber('weight') };
  });
  if (rows.length === 0)
    throw new BallastError('INVALID_INPUT', `${file}: no targets after the header`, { file });
  return rows;
}
