/**
 * TXF (Tax Exchange Format) V042 export of {@link GainRow}s, for tax software that imports it
 * (TurboTax and H&R Block desktop: "Import from other financial software (TXF)").
 *
 * What the spec says, and where (Intuit, "TXF Spec Version 042", change date 11/30/2011, last
 * published at https://turbotax.intuit.com/txf; copy read: the org-mode conversion in the
 * hledger repository, examples/TXF-spec-v042.org; the reference-number table is also on
 * https://taxdataexchange.org/docs/txf/v042/form-1099-b.html):
 * - Section VII.A: an ASCII file; every field is one line whose first character names it;
 *   records are separated by a line holding `^`. The header is `V` version, `A` program name
 *   and version, `D` export date, then `^`. Each record starts `T` type (`D` detail), `N` refnum,
 *   `C` copy (1), `L` line (1).
 * - Record format 5: `P` security, `D` date acquired, `D` date sold, `$` cost basis, `$` sales
 *   net, `$` disallowed wash sale amount (added for TY2011). Section VIII, example 2: format 5
 *   may be used for every sale, with an empty last `$` line when no loss is disallowed.
 * - Section VII.B: dates `MM/DD/YYYY`; amounts are dollars, losses and money spent negative
 *   (the cost basis is written positive: section IV, 2/1/93 note, "industry has followed").
 *   The examples write `$1000.00`-style amounts; this writer uses two decimals, no grouping.
 * - Section IV (11/30/2011) and the Schedule D table of section X give the refnums per Form 8949
 *   copy: short-term 321 (box A), 711 (B), 712 (C); long-term 323 (D), 713 (E), 714 (F).
 *   673/715/716 are for an unknown holding period and 682/718 the pre-2011 "wash sale" refnums
 *   for a fully disallowed loss; this writer needs neither: every row knows its term, and a wash
 *   sale is its box's refnum with the disallowed amount on format 5's last line (example 2D).
 * - Not in the spec: the line ending (it is silent; CRLF by default, the DOS/Windows origin of
 *   the format, LF on request) and inherited property. Form 8949 column (b) says `INHERITED`;
 *   the writer puts that word on the date-acquired line by default, or leaves the line empty
 *   (the spec's example 2B for a date that is not given) with `inherited: 'blank'`.
 */

import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import { form8949BoxOption, type Form8949Box, type Form8949BoxLetter } from './form8949.ts';
import {
  acquiredText,
  centsDecimal,
  checkGainRows,
  propertyDescription,
  usDate,
} from './report-cells.ts';
import type { GainRow } from './types.ts';

/** TXF refnum of each Form 8949 checkbox (spec V042, section IV, 11/30/2011; section X, Schedule D). */
export const TXF_REFNUMS: Readonly<Record<Form8949BoxLetter, number>> = {
  A: 321,
  B: 711,
  C: 712,
  D: 323,
  E: 713,
  F: 714,
};

/** Options of {@link txfDocument}. */
export interface TxfOptions {
  /** The export date of the header's `D` line (the domain has no clock: the caller passes today). */
  readonly exportDate: IsoDate;
  /** The header's `A` line, program name and version (default `Ballast`). */
  readonly program?: string;
  /** The Form 8949 checkbox, which picks the refnums (default `basis-reported`: 321 and 323). */
  readonly box?: Form8949Box;
  /** Line ending (default CRLF; the spec does not say). */
  readonly lineEnding?: '\r\n' | '\n';
  /** Date acquired of inherited property: the word `INHERITED` (default) or an empty line. */
  readonly inherited?: 'word' | 'blank';
}

/** Printable ASCII only (the spec's "ascii file"), so that one field stays one line. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The refnum of a row of `term` under the `box` choice: 321/711/712 short, 323/713/714 long. */
export function txfRefnum(term: 'short' | 'long', box: Form8949Box): number {
  const letters: Record<Form8949Box, [Form8949BoxLetter, Form8949BoxLetter]> = {
    'basis-reported': ['A', 'D'],
    'basis-not-reported': ['B', 'E'],
    'not-reported': ['C', 'F'],
  };
  return TXF_REFNUMS[letters[box][term === 'short' ? 0 : 1]];
}

/** A TXF `$` amount: dollars with two decimals, a minus sign for a negative amount. */
export function txfAmount(cents: number): string {
  return `$${centsDecimal(cents)}`;
}

function checkOptions(options: TxfOptions): void {
  if (!isIsoDate(options.exportDate))
    throw invalidInput('exportDate', options.exportDate, 'must be a YYYY-MM-DD date');
  const program = options.program ?? 'Ballast';
  if (program === '' || !PRINTABLE_ASCII.test(program))
    throw invalidInput('program', program, 'must be a non-empty line of printable ASCII');
  if (options.lineEnding !== undefined && !['\r\n', '\n'].includes(options.lineEnding))
    throw invalidInput('lineEnding', options.lineEnding, 'must be CRLF or LF');
  if (options.inherited !== undefined && !['word', 'blank'].includes(options.inherited))
    throw invalidInput('inherited', options.inherited, "must be 'word' or 'blank'");
}

function recordLines(row: GainRow, refnum: number, options: TxfOptions): string[] {
  const acquired =
    row.acquired === 'INHERITED' && options.inherited === 'blank' ? '' : acquiredText(row.acquired);
  return [
    'TD',
    `N${refnum}`,
    'C1',
    'L1',
    `P${propertyDescription(row)}`,
    `D${acquired}`,
    `D${usDate(row.disposed)}`,
    txfAmount(row.costBasisCents),
    txfAmount(row.proceedsCents),
    row.adjustmentCode === 'W' ? txfAmount(row.adjustmentCents) : '$',
    '^',
  ];
}

/**
 * The TXF V042 file of `rows`: the header (`V042`, `A<program>`, `D<MM/DD/YYYY>`, `^`), then one
 * detail record of format 5 per row, in the order given — `TD`, `N<refnum>` (by term and
 * checkbox, {@link TXF_REFNUMS}), `C1`, `L1`, `P100 sh. VOO`, `D<acquired>`, `D<sold>`,
 * `$<cost basis>`, `$<proceeds>`, `$<disallowed wash-sale loss>` (an empty `$` without code W),
 * `^`. Every line ends with the line ending, the last `^` too.
 *
 * @example
 * ```ts
 * txfDocument(rows, { exportDate: '2025-02-01', program: 'Ballast 0.1.0' });
 * ```
 * @throws BallastError INVALID_INPUT naming `rows[i].<field>` (see {@link checkGainRows}, and a
 *   symbol that is not printable ASCII) or the option (`exportDate`, `program`, `box`, …).
 */
export function txfDocument(rows: readonly GainRow[], options: TxfOptions): string {
  checkOptions(options);
  const box = form8949BoxOption(options);
  checkGainRows(rows);
  rows.forEach((row, i) => {
    if (!PRINTABLE_ASCII.test(row.symbol))
      throw invalidInput(`rows[${i}].symbol`, row.symbol, 'must be printable ASCII for TXF');
  });
  const lines = ['V042', `A${options.program ?? 'Ballast'}`, `D${usDate(options.exportDate)}`, '^'];
  for (const row of rows) lines.push(...recordLines(row, txfRefnum(row.term, box), options));
  const end = options.lineEnding ?? '\r\n';
  return lines.join(end) + end;
}
