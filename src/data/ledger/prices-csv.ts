import type { PriceQuote } from '../../domain/valuation/value-positions.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/**
 * Parses a prices file `symbol,price[,date][,source]`: one price per symbol (a later row for
 * the same symbol replaces an earlier one). Each quote is labelled with its stated source, or
 * the file name.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parsePricesCsv(text: string, file: string): Map<string, PriceQuote> {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['symbol', 'price'], optional: ['date', 'source'] });
  const prices = new Map<string, PriceQuote>();
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const symbol = r.symbol('symbol') ?? r.requireText('symbol');
    const date = r.date('date');
    prices.set(symbol, {
      price: r.requireNumber('price', { min: 0 }),
      source: r.text('source') ?? `prices file ${file}`,
      ...(date === undefined ? {} : { date }),
    });
  }
  return prices;
}
