import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/**
 * Parses an equivalents file `symbol,group`: each symbol with the equivalence group it belongs
 * to — symbols of one group are substantially identical for the wash-sale rule (e.g. `SPY,SP500`
 * and `VOO,SP500`; docs/tax-harvest.md). Symbols are trimmed and upper-cased; group names are
 * trimmed and compared exactly. A symbol not listed is its own group. A file with only the
 * header gives no groups.
 *
 * @returns symbol → group, in file order.
 * @throws BallastError INVALID_INPUT naming file, line, column and value: a missing column, an
 *   empty cell, a bad symbol, or a symbol listed twice (in two groups, or twice in one).
 */
export function parseEquivalentsCsv(text: string, file: string): Map<string, string> {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['symbol', 'group'], optional: [] });
  const groups = new Map<string, string>();
  const lines = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const symbol = r.symbol('symbol') ?? r.requireText('symbol');
    const group = r.requireText('group');
    const earlier = groups.get(symbol);
    if (earlier === group)
      throw r.fail('symbol', `${symbol} is listed twice (line ${lines.get(symbol)})`);
    if (earlier !== undefined)
      throw r.fail(
        'group',
        `${symbol} is already in group ${JSON.stringify(earlier)} (line ${lines.get(symbol)}); a symbol belongs to one group`,
      );
    groups.set(symbol, group);
    lines.set(symbol, row.line);
  }
  return groups;
}
