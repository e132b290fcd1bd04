/**
 * Which broker wrote a file, from its header lines: Schwab's
 * `Date,Action,Symbol,Description,Quantity,Price,Fees & Comm,Amount`, Fidelity's first column
 * `Run Date` beside an `Action` column, Vanguard's `Account Number,Trade Date,Settlement
 * Date,Transaction Type`, IBKR's section records (`Statement,Header,…` or `Trades,Header,…`).
 */

import { BallastError } from '../../domain/errors.ts';
import { SCHWAB_HEADER } from './schwab.ts';
import { VANGUARD_HEADER } from './vanguard.ts';
import { columnName, findHeader, type BrokerRecord } from './records.ts';
import type { BrokerName } from './types.ts';

/** True when `records` start with a Fidelity header. */
function isFidelity(records: readonly BrokerRecord[]): boolean {
  const cells = records[0]?.cells.map(columnName) ?? [];
  return cells[0] === 'run date' && cells.includes('action');
}

/** True when the first record is an IBKR section header. */
function isIbkr(records: readonly BrokerRecord[]): boolean {
  const [section, kind] = records[0]?.cells ?? [];
  return kind === 'Header' && (section === 'Statement' || section === 'Trades');
}

/**
 * The broker whose layout `records` follow.
 *
 * @throws BallastError INVALID_INPUT naming the file and the headers looked for, when none fits.
 */
export function detectBroker(records: readonly BrokerRecord[], file: string): BrokerName {
  if (findHeader(records, SCHWAB_HEADER) >= 0) return 'schwab';
  if (isFidelity(records)) return 'fidelity';
  if (findHeader(records, VANGUARD_HEADER) >= 0) return 'vanguard';
  if (isIbkr(records)) return 'ibkr';
  const first = records[0]?.cells.join(',') ?? '';
  throw new BallastError(
    'INVALID_INPUT',
    `${file}: from: the broker layout is not recognised (first line "${first.slice(0, 120)}"); ` +
      `expected a Schwab header "${SCHWAB_HEADER.join(',')}", a Fidelity header starting "Run Date", ` +
      `a Vanguard header starting "${VANGUARD_HEADER.join(',')}" or an IBKR activity statement ` +
      `("Statement,Header,…"); or give --from`,
    { file, field: 'from', value: 'auto' },
  );
}
