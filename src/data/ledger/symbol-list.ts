/**
 * A list of symbols from a file: a CSV whose header has a `symbol` column (other columns are
 * ignored), or one symbol per line (blank lines and lines starting with `#` skipped). Symbols
 * are trimmed and upper-cased; a symbol listed twice is kept once.
 *
 * @throws BallastError INVALID_INPUT naming the file and line of a malformed symbol, or an
 * empty list.
 */

import { BallastError } from '../../domain/errors.ts';
import { RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

const SYMBOL = /^[A-Z0-9.^=\-/$]+$/;

/** Parses a symbol list (module comment). */
export function parseSymbolList(text: string, file: string): string[] {
  const firstLine = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((l) => l.trim() !== '');
  const isCsv = firstLine?.split(',').some((h) => h.trim().toLowerCase() === 'symbol') ?? false;
  const symbols: string[] = [];
  if (isCsv) {
    for (const row of parseCsv(text, file).rows) {
      const s = new RowReader(file, row).symbol('symbol');
      if (s !== undefined) symbols.push(s);
    }
  } else {
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const s = line.toUpperCase();
      if (!SYMBOL.test(s))
        throw new BallastError(
          'INVALID_INPUT',
          `${file}:${i + 1}: not a ticker symbol (got ${JSON.stringify(line)})`,
          { file, line: i + 1, value: line },
        );
      symbols.push(s);
    });
  }
  if (symbols.length === 0)
    throw new BallastError('INVALID_INPUT', `${file}: no symbols`, { file });
  return [...new Set(symbols)];
}
