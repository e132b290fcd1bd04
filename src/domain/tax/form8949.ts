/**
 * Form 8949 (Sales and Other Dispositions of Capital Assets) from {@link GainRow}s: the rows
 * grouped into Part I (short-term) and Part II (long-term) under one checkbox, the columns (a)–(h)
 * as the IRS instructions spell them, the totals line, the pages of 14 rows the printed form
 * holds, and a CSV of the same lines. Pure: the rows come in, the form comes out.
 *
 * Conventions (IRS Instructions for Form 8949; docs/conventions.md, "Units"):
 * - column (a) `100 sh. VOO` (the form's example is `100 sh. XYZ Co.`), the quantity without
 *   trailing zeros; (b) date acquired `MM/DD/YYYY` or `INHERITED`; (c) date sold `MM/DD/YYYY`;
 *   (d) proceeds, (e) cost or other basis, (f) code (`W` for a wash sale), (g) adjustment (the
 *   disallowed loss, positive), (h) gain or loss = (d) − (e) + (g);
 * - money is integer cents here; the CSV writes dollars with two decimals and a minus sign;
 * - rows keep the order they are given in within their part.
 */

import { invalidInput } from '../errors.ts';
import type { Cents } from '../ledger/money.ts';
import {
  acquiredText,
  centsDecimal,
  checkGainRows,
  propertyDescription,
  quantityText,
  usDate,
} from './report-cells.ts';
import type { GainRow } from './types.ts';

/**
 * Which checkbox of each part the rows go under (Form 8949, "Note" above Part I and Part II):
 * - `basis-reported` — reported on Form 1099-B with basis reported to the IRS: box A (Part I),
 *   box D (Part II). The default: a covered security bought at a US broker since 2011 (stocks)
 *   or 2012 (funds), which is what a Ballast ledger usually holds;
 * - `basis-not-reported` — on a 1099-B, basis not reported to the IRS: boxes B and E;
 * - `not-reported` — no 1099-B: boxes C and F.
 */
export type Form8949Box = 'basis-reported' | 'basis-not-reported' | 'not-reported';

/** The three checkbox choices, in the order of the form's boxes (A/D, B/E, C/F). */
export const FORM_8949_BOXES: readonly Form8949Box[] = [
  'basis-reported',
  'basis-not-reported',
  'not-reported',
];

/** A checkbox of Form 8949: A, B, C in Part I; D, E, F in Part II. */
export type Form8949BoxLetter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Rows per page and part of the printed form (lines 1 of Part I and Part II hold 14 each). */
export const FORM_8949_ROWS_PER_PAGE = 14;

/** Options of every Form 8949 format. */
export interface Form8949Options {
  /** The checkbox of each part (default `basis-reported`: boxes A and D). */
  readonly box?: Form8949Box;
}

/** Columns (d), (e), (g), (h): what the totals line (line 2) adds up. */
export interface Form8949Amounts {
  readonly proceedsCents: Cents;
  readonly costBasisCents: Cents;
  readonly adjustmentCents: Cents;
  readonly gainCents: Cents;
}

/** One line of the table: the columns (a)–(h) as written, the amounts in cents, and its row. */
export interface Form8949Line extends Form8949Amounts {
  /** (a) `100 sh. VOO`. */
  readonly description: string;
  /** (b) `MM/DD/YYYY` or `INHERITED`. */
  readonly acquired: string;
  /** (c) `MM/DD/YYYY`. */
  readonly sold: string;
  /** (f) `W` for a wash sale, else empty. */
  readonly code: '' | 'W';
  readonly row: GainRow;
}

/** One printed page of a part: at most {@link FORM_8949_ROWS_PER_PAGE} lines and their totals. */
export interface Form8949Page {
  readonly lines: readonly Form8949Line[];
  readonly totals: Form8949Amounts;
}

/** One part under one checkbox: its lines, their totals (line 2) and its pages. */
export interface Form8949Section {
  readonly part: 'I' | 'II';
  readonly term: 'short' | 'long';
  readonly box: Form8949BoxLetter;
  readonly lines: readonly Form8949Line[];
  readonly totals: Form8949Amounts;
  /** At least one page; every page but the last is full. */
  readonly pages: readonly Form8949Page[];
}

const LETTERS: Record<'I' | 'II', Record<Form8949Box, Form8949BoxLetter>> = {
  I: { 'basis-reported': 'A', 'basis-not-reported': 'B', 'not-reported': 'C' },
  II: { 'basis-reported': 'D', 'basis-not-reported': 'E', 'not-reported': 'F' },
};

/** The checkbox letter of `part` for a `box` choice: Part I A/B/C, Part II D/E/F. */
export function form8949BoxLetter(part: 'I' | 'II', box: Form8949Box): Form8949BoxLetter {
  return LETTERS[part][box];
}

/**
 * The `box` option, defaulted and checked.
 *
 * @throws BallastError INVALID_INPUT naming `box` when it is not one of {@link FORM_8949_BOXES}.
 */
export function form8949BoxOption(options: Form8949Options): Form8949Box {
  const box = options.box ?? 'basis-reported';
  if (!FORM_8949_BOXES.includes(box))
    throw invalidInput('box', box, `must be one of ${FORM_8949_BOXES.join(', ')}`);
  return box;
}

/** Column totals of `lines` (the form's line 2: (d), (e), (g), (h)). */
export function form8949Totals(lines: readonly Form8949Amounts[]): Form8949Amounts {
  let proceedsCents = 0;
  let costBasisCents = 0;
  let adjustmentCents = 0;
  let gainCents = 0;
  for (const line of lines) {
    proceedsCents += line.proceedsCents;
    costBasisCents += line.costBasisCents;
    adjustmentCents += line.adjustmentCents;
    gainCents += line.gainCents;
  }
  return { proceedsCents, costBasisCents, adjustmentCents, gainCents };
}

function lineOf(row: GainRow): Form8949Line {
  return {
    description: propertyDescription(row),
    acquired: acquiredText(row.acquired),
    sold: usDate(row.disposed),
    proceedsCents: row.proceedsCents,
    costBasisCents: row.costBasisCents,
    code: row.adjustmentCode,
    adjustmentCents: row.adjustmentCents,
    gainCents: row.gainCents,
    row,
  };
}

function pagesOf(lines: readonly Form8949Line[]): Form8949Page[] {
  const pages: Form8949Page[] = [];
  for (let start = 0; start === 0 || start < lines.length; start += FORM_8949_ROWS_PER_PAGE) {
    const slice = lines.slice(start, start + FORM_8949_ROWS_PER_PAGE);
    pages.push({ lines: slice, totals: form8949Totals(slice) });
  }
  return pages;
}

/**
 * The form: Part I (short-term rows) then Part II (long-term rows), each under the checkbox of
 * `options.box`, with its totals and its pages of 14 lines. A part without rows is left out; no
 * rows give no sections.
 *
 * @example
 * ```ts
 * form8949(rows, { box: 'basis-not-reported' }); // Part I under box B, Part II under box E
 * ```
 * @throws BallastError INVALID_INPUT naming `rows[i].<field>` (see {@link checkGainRows}) or `box`.
 */
export function form8949(
  rows: readonly GainRow[],
  options: Form8949Options = {},
): Form8949Section[] {
  const box = form8949BoxOption(options);
  checkGainRows(rows);
  const sections: Form8949Section[] = [];
  for (const part of ['I', 'II'] as const) {
    const lines = rows.filter((row) => row.part === part).map(lineOf);
    if (lines.length === 0) continue;
    sections.push({
      part,
      term: part === 'I' ? 'short' : 'long',
      box: form8949BoxLetter(part, box),
      lines,
      totals: form8949Totals(lines),
      pages: pagesOf(lines),
    });
  }
  return sections;
}

/** The CSV's columns, in order. */
export const FORM_8949_CSV_COLUMNS = [
  'part',
  'box',
  'description',
  'date_acquired',
  'date_sold',
  'proceeds',
  'cost_basis',
  'code',
  'adjustment',
  'gain',
  'symbol',
  'quantity',
  'account',
  'lot_id',
] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted (inner quotes doubled) when it holds a comma, a quote or a line end. */
function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The form as CSV: a header row ({@link FORM_8949_CSV_COLUMNS}) then one line per row, Part I
 * before Part II, with the part (`I`/`II`) and its box letter, columns (a)–(h) as on the form,
 * dollars with two decimals and a minus sign (`-38.62`), then the symbol, quantity, account and
 * lot id the line came from. Fields are RFC 4180 (quoted when they hold a comma, a quote or a
 * line end); lines end with `\n`, without one after the last, like the CLI's other CSV tables.
 *
 * @param options - `box`: the checkbox (default `basis-reported`, boxes A and D).
 * @throws BallastError INVALID_INPUT naming `rows[i].<field>` or `box`.
 */
export function form8949Csv(rows: readonly GainRow[], options: Form8949Options = {}): string {
  const out = [FORM_8949_CSV_COLUMNS.join(',')];
  for (const section of form8949(rows, options)) {
    for (const line of section.lines) {
      const cells = [
        section.part,
        section.box,
        line.description,
        line.acquired,
        line.sold,
        centsDecimal(line.proceedsCents),
        centsDecimal(line.costBasisCents),
        line.code,
        centsDecimal(line.adjustmentCents),
        centsDecimal(line.gainCents),
        line.row.symbol,
        quantityText(line.row.quantity),
        line.row.account,
        line.row.lotId,
      ];
      out.push(cells.map(csvCell).join(','));
    }
  }
  return out.join('\n');
}
