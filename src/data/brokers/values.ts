/**
 * The cells of broker exports read into ledger values: US dates (`MM/DD/YYYY`, also
 * `MM/DD/YYYY as of MM/DD/YYYY`), ISO dates, money written `$1,234.50`, `-$6,900.00`,
 * `($6.90)` or `1234.5`, and share quantities with thousands separators. Every failure is one
 * INVALID_INPUT naming the file, the line, the column and the value.
 */

import { BallastError } from '../../domain/errors.ts';
import { formatIsoDate, isIsoDate } from '../../domain/calendar/iso-date.ts';

/** Where a cell stands: the file and its line (1-based, as an editor shows it). */
export interface CellAt {
  readonly file: string;
  readonly line: number;
}

/** The INVALID_INPUT for the cell of column `field` on the line at `at`, holding `value`. */
export function cellError(
  at: CellAt,
  { field, value }: { readonly field: string; readonly value: string },
  why: string,
): BallastError {
  return new BallastError(
    'INVALID_INPUT',
    `${at.file}:${at.line}: ${field}: ${why} (got "${value}")`,
    {
      file: at.file,
      line: at.line,
      field,
      value,
    },
  );
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+as\s+of\s+\d{1,2}\/\d{1,2}\/\d{4})?$/i;

/**
 * An ISO date from `MM/DD/YYYY`; `MM/DD/YYYY as of MM/DD/YYYY` (a Schwab correction booked on
 * the first date for the second) gives the first date, the day the cash moved.
 *
 * @throws BallastError INVALID_INPUT when the text is not such a date or no such day exists.
 */
export function usDate(text: string, at: CellAt, field: string): string {
  const m = US_DATE.exec(text.trim());
  const iso = m ? formatIsoDate(Number(m[3]), Number(m[1]), Number(m[2])) : '';
  if (!m || !isIsoDate(iso))
    throw cellError(at, { field, value: text }, 'expected a date MM/DD/YYYY');
  return iso;
}

/**
 * An ISO date from `YYYY-MM-DD` (time after a comma, `;` or a blank ignored: IBKR writes
 * `2024-01-10, 10:30:00`) or `YYYYMMDD`.
 *
 * @throws BallastError INVALID_INPUT when the text is not such a date.
 */
export function isoDate(text: string, at: CellAt, field: string): string {
  const day = text.trim().split(/[,; ]/)[0] ?? '';
  const iso = /^\d{8}$/.test(day) ? `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}` : day;
  if (!isIsoDate(iso)) throw cellError(at, { field, value: text }, 'expected a date YYYY-MM-DD');
  return iso;
}

const MONEY = /^(-)?\(?(-)?\$?(-)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\)?$/;

/**
 * A signed amount in whole cents from `$1,234.50`, `-$6,900.00`, `$-6.90`, `($6.90)` (negative)
 * or a plain decimal; rounded half away from zero to the cent. An empty cell is `undefined`.
 *
 * @throws BallastError INVALID_INPUT when the text is not an amount.
 */
export function cents(text: string, at: CellAt, field: string): number | undefined {
  const t = text.trim().replace(/\s+/g, '');
  if (t === '' || t === '--') return undefined;
  const m = MONEY.exec(t);
  const parens = t.startsWith('(') || t.startsWith('-(') ? t.endsWith(')') : !t.endsWith(')');
  if (!m || !parens)
    throw cellError(at, { field, value: text }, 'expected an amount such as $1,234.50');
  const negative = Boolean(m[1] ?? m[2] ?? m[3]) || t.includes('(');
  const [whole, frac = ''] = m[4]!.replaceAll(',', '').split('.');
  const third = frac.length > 2 ? Number(frac[2]) : 0;
  const value =
    Number(whole || '0') * 100 + Number(frac.slice(0, 2).padEnd(2, '0')) + (third >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(value))
    throw cellError(at, { field, value: text }, 'amount out of range');
  return negative && value !== 0 ? -value : value;
}

const NUMBER = /^(-)?\(?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\)?$/;

/**
 * A signed number (shares, a price) from `1,000`, `-12.5`, `$185.50` or `(3)` (negative); an
 * empty cell is `undefined`.
 *
 * @throws BallastError INVALID_INPUT when the text is not a number.
 */
export function decimal(text: string, at: CellAt, field: string): number | undefined {
  const t = text.trim().replace(/^(-?)\$/, '$1');
  if (t === '' || t === '--') return undefined;
  const m = NUMBER.exec(t);
  if (!m) throw cellError(at, { field, value: text }, 'expected a number');
  const x = Number(m[2]!.replaceAll(',', ''));
  return m[1] || t.startsWith('(') ? -x : x;
}

/** A positive magnitude of {@link decimal}, required. */
export function requireMagnitude(text: string, at: CellAt, field: string): number {
  const x = decimal(text, at, field);
  if (x === undefined || x === 0)
    throw cellError(at, { field, value: text }, 'a non-zero value is required');
  return Math.abs(x);
}

/** {@link cents}, required. */
export function requireCents(text: string, at: CellAt, field: string): number {
  const c = cents(text, at, field);
  if (c === undefined) throw cellError(at, { field, value: text }, 'an amount is required');
  return c;
}
