import { BallastError } from '../../domain/errors.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/**
 * Parses an equivalents file `symbol,group`: symbols of one group are treated as substantially
 * identical for the wash-sale rule (docs/tax-aware-trades.md, "Wash sales"); a symbol not listed
 * is its own group. Symbols are trimmed and upper-cased; the group is any non-empty text. A
 * symbol listed twice is an error.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parseEquivalentsCsv(text: string, file: string): Map<string, string> {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['symbol', 'group'], optional: [] });
  const groups = new Map<string, string>();
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const symbol = r.symbol('symbol') ?? r.requireText('symbol');
    if (groups.has(symbol)) throw r.fail('symbol', 'listed twice');
    groups.set(symbol, r.requireText('group'));
  }
  if (groups.size === 0)
    throw new BallastError('INVALID_INPUT', `${file}: no symbols after the header`, { file });
  return groups;
}
