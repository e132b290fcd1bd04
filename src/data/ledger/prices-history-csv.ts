import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import type { AdjustedClose } from '../../domain/performance/benchmark.ts';
import type { ClosePoint } from '../../domain/performance/types.ts';
import { checkHeader, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/** A prices-history file: unadjusted closes (and adjusted closes when given) per symbol. */
export interface PricesHistoryFile {
  /** Unadjusted closes per upper-case symbol, ascending by date. */
  readonly closes: Map<string, ClosePoint[]>;
  /** Adjusted closes per symbol, only for rows that have `adj_close`, ascending. */
  readonly adjusted: Map<string, AdjustedClose[]>;
  /** Latest date in the file. */
  readonly lastDate: IsoDate;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Parses `date,symbol,close[,adj_close]` (rows in any order; each symbol's rows are sorted by
 * date). `close` is the unadjusted close as traded (the ledger applies splits and dividends);
 * `adj_close` the split- and dividend-adjusted close, used for a benchmark's total return.
 *
 * @throws BallastError INVALID_INPUT naming file, line, column and value (a bad cell, a second
 *   row for the same symbol and date, or a file with no rows).
 */
export function parsePricesHistoryCsv(text: string, file: string): PricesHistoryFile {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, {
    required: ['date', 'symbol', 'close'],
    optional: ['adj_close'],
  });
  const closes = new Map<string, ClosePoint[]>();
  const adjusted = new Map<string, AdjustedClose[]>();
  const seen = new Set<string>();
  let lastDate = '';
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const date = r.date('date') ?? r.requireText('date');
    const symbol = r.symbol('symbol') ?? r.requireText('symbol');
    const close = r.requireNumber('close', { positive: true });
    const adj = r.number('adj_close', { positive: true });
    if (seen.has(`${symbol} ${date}`))
      throw r.fail('date', `a second row for ${symbol} on this date`);
    seen.add(`${symbol} ${date}`);
    push(closes, symbol, { date, close });
    if (adj !== undefined) push(adjusted, symbol, { date, adjClose: adj });
    if (date > lastDate) lastDate = date;
  }
  if (lastDate === '')
    throw new BallastError('INVALID_INPUT', `${file}: no price rows`, {
      file,
      field: 'prices-history',
    });
  const byDate = (a: { date: IsoDate }, b: { date: IsoDate }): number => (a.date < b.date ? -1 : 1);
  for (const list of closes.values()) list.sort(byDate);
  for (const list of adjusted.values()) list.sort(byDate);
  return { closes, adjusted, lastDate };
}
