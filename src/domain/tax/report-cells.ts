/**
 * Cells shared by the tax report formats (Form 8949 table and CSV, TXF): the row check every
 * format runs first, and the few ways a {@link GainRow} field is written on a form. Money stays
 * integer cents until it is written (docs/conventions.md, "Units"); dates are ISO inside and
 * `MM/DD/YYYY` on the forms (IRS Instructions for Form 8949, columns (b) and (c)).
 */

import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import type { Cents } from '../ledger/money.ts';
import type { GainRow } from './types.ts';

/**
 * Shares as a plain decimal without trailing zeros, to the ledger's 1e-9 share
 * (docs/conventions.md, "Units"): 100 is `100`, 0.5 is `0.5`, 12.340 is `12.34`.
 */
export function quantityText(quantity: number): string {
  return quantity.toFixed(9).replace(/\.?0+$/, '');
}

/** Form 8949 column (a) in the form's own example style (`100 sh. XYZ Co.`): `100 sh. VOO`. */
export function propertyDescription(row: Pick<GainRow, 'quantity' | 'symbol'>): string {
  if (row.quantity === 0) return `${row.symbol} return of capital over basis`;
  return `${quantityText(row.quantity)} sh. ${row.symbol}`;
}

/** An ISO date as the forms write it, `MM/DD/YYYY`: 2024-03-05 is `03/05/2024`. */
export function usDate(date: IsoDate): string {
  return `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
}

/** Form 8949 column (b): `MM/DD/YYYY`, or `INHERITED` as the IRS instructions ask for inherited property. */
export function acquiredText(acquired: GainRow['acquired']): string {
  return acquired === 'INHERITED' ? 'INHERITED' : usDate(acquired);
}

/** Integer cents as exact dollars with two decimals and a minus sign: −3862 is `-38.62`, 5 is `0.05`. */
export function centsDecimal(cents: Cents): string {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function checkCents(value: unknown, field: string, nonNegative: boolean): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw invalidInput(field, value, 'must be a whole number of cents');
  if (nonNegative && value < 0) throw invalidInput(field, value, 'must not be negative');
}

function checkRow(row: GainRow, field: string): void {
  if (typeof row.symbol !== 'string' || row.symbol.trim() === '')
    throw invalidInput(`${field}.symbol`, row.symbol, 'must be a non-empty symbol');
  // 0 shares: a return of capital beyond basis (a gain with no shares sold).
  if (!(typeof row.quantity === 'number' && Number.isFinite(row.quantity) && row.quantity >= 0))
    throw invalidInput(`${field}.quantity`, row.quantity, 'must be a number of shares ≥ 0');
  if (row.acquired !== 'INHERITED' && !isIsoDate(row.acquired))
    throw invalidInput(`${field}.acquired`, row.acquired, 'must be a YYYY-MM-DD date or INHERITED');
  if (!isIsoDate(row.disposed))
    throw invalidInput(`${field}.disposed`, row.disposed, 'must be a YYYY-MM-DD date');
  checkCents(row.proceedsCents, `${field}.proceedsCents`, false);
  checkCents(row.costBasisCents, `${field}.costBasisCents`, false);
  checkCents(row.adjustmentCents, `${field}.adjustmentCents`, true);
  checkCents(row.gainCents, `${field}.gainCents`, false);
  if (row.adjustmentCode !== '' && row.adjustmentCode !== 'W')
    throw invalidInput(`${field}.adjustmentCode`, row.adjustmentCode, "must be '' or 'W'");
  if (row.adjustmentCode === '' && row.adjustmentCents !== 0)
    throw invalidInput(
      `${field}.adjustmentCents`,
      row.adjustmentCents,
      "must be 0 without code 'W'",
    );
  const gain = row.proceedsCents - row.costBasisCents + row.adjustmentCents;
  if (row.gainCents !== gain)
    throw invalidInput(`${field}.gainCents`, row.gainCents, `must be d − e + g = ${gain}`);
  const part = row.term === 'short' ? 'I' : row.term === 'long' ? 'II' : undefined;
  if (part === undefined)
    throw invalidInput(`${field}.term`, row.term, "must be 'short' or 'long'");
  if (row.part !== part)
    throw invalidInput(`${field}.part`, row.part, `must be '${part}' for a ${row.term}-term row`);
}

/**
 * Checks every row before a report is written, so that no format prints a half-right form:
 * dates, whole cents, the adjustment code (`W` and a disallowed loss ≥ 0, or neither), column (h)
 * equal to (d) − (e) + (g), and the part matching the term.
 *
 * @throws BallastError INVALID_INPUT naming `rows[i].<field>` and its value.
 */
export function checkGainRows(rows: readonly GainRow[]): void {
  rows.forEach((row, i) => checkRow(row, `rows[${i}]`));
}
