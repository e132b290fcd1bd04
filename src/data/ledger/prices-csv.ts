import { BallastError } from '../../domain/errors.ts';
import type { PriceQuote } from '../../domain/valuation/value-positions.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/**
 * Parses a prices file `symbol,price[,date][,source]`: one price per symbol. Each quote is
 * labelled with its stated source, or the file name.
 *
 * A symbol on several rows: rows with different dates keep the latest-dated one (a file of
 * closes over several days values at the last); rows on the same date (or without dates) must
 * agree — two different prices for one symbol and date are INVALID_INPUT naming both lines and
 * both prices, never "the later row wins".
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value.
 */
export function parsePricesCsv(text: string, file: string): Map<string, PriceQuote> {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['symbol', 'price'], optional: ['date', 'source'] });
  const prices = new Map<string, PriceQuote & { line: number }>();
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const symbol = r.symbol('symbol') ?? r.requireText('symbol');
    const date = r.date('date');
    const quote = {
      price: r.requireNumber('price', { min: 0 }),
      source: r.text('source') ?? `prices file ${file}`,
      ...(date === undefined ? {} : { date }),
      line: row.line,
    };
    const seen = prices.get(symbol);
    if (seen !== undefined && (seen.date ?? '') === (quote.date ?? '')) {
      if (seen.price !== quote.price)
        throw new BallastError(
          'INVALID_INPUT',
          `${file}:${row.line}: ${symbol} has two different prices${date === undefined ? '' : ` on ${date}`}: ${file}:${seen.line} (price ${seen.price}) and ${file}:${row.line} (price ${quote.price}); give one`,
          { file, line: row.line, column: 'price', value: quote.price, other: seen.line },
        );
      continue;
    }
    if (seen === undefined || (quote.date ?? '') > (seen.date ?? '')) prices.set(symbol, quote);
  }
  return new Map([...prices].map(([symbol, { line: _line, ...quote }]) => [symbol, quote]));
}
