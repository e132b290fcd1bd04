/**
 * Form 8949 as a PDF laid out like the IRS form (a substitute statement to print, check and
 * attach; not the IRS's own fillable PDF): the title, the name and taxpayer-id lines, Part I
 * (short-term) or Part II (long-term) with its checkbox marked, the table of columns (a)–(h) with
 * 14 lines per page, and line 2 (totals) on every page, as every page of the form carries the
 * totals of its own lines. A part that runs over several pages ends with one more line, the
 * totals of all its pages: the amounts Schedule D takes. The lines, totals and pages come from
 * {@link form8949} (src/domain/tax/form8949.ts), so the PDF and the CSV never disagree.
 *
 * On the form (IRS Instructions for Form 8949): dollars with thousands separators and cents, a
 * loss in parentheses; column (g) and (f) blank when there is no adjustment.
 */

import {
  FORM_8949_ROWS_PER_PAGE,
  form8949,
  form8949BoxLetter,
  form8949BoxOption,
  type Form8949Amounts,
  type Form8949Line,
  type Form8949Options,
  type Form8949Section,
} from '../domain/tax/form8949.ts';
import type { GainRow } from '../domain/tax/types.ts';
import { fitText, wrapText } from './pdf/helvetica.ts';
import { PAGE_HEIGHT, PdfPage, pdfDocument, type At } from './pdf/pdf-document.ts';

/** Options of {@link form8949Pdf}. */
export interface Form8949PdfOptions extends Form8949Options {
  /** Printed on the "Name(s) shown on return" line (blank when absent, to fill by hand). */
  readonly name?: string;
  /** Printed at the top right, as on the form (blank when absent). */
  readonly taxYear?: number;
}

const LEFT = 36;
const RIGHT = 576;
/** Column widths (a)–(h), adding up to the 540 points between the margins. */
const WIDTHS = [148, 52, 52, 66, 66, 30, 60, 66] as const;
const EDGES = WIDTHS.reduce<number[]>((xs, w) => [...xs, xs.at(-1)! + w], [LEFT]);
const TABLE_TOP = 232;
const HEAD_HEIGHT = 56;
const ROW_HEIGHT = 20;
const TOTAL_HEIGHT = 34;

/** The Schedule D line each box's totals go to (Form 8949, line 2). */
const SCHEDULE_D_LINE = { A: '1b', B: '2', C: '3', D: '8b', E: '9', F: '10' } as const;

/** What Part I and Part II say, and the label of each of their boxes. */
const PARTS = {
  I: {
    title: 'Short-Term.',
    text: 'Transactions involving capital assets you held 1 year or less are generally short-term (see instructions).',
    boxes: [
      '(A) Short-term transactions reported on Form(s) 1099-B showing basis was reported to the IRS (see Note above)',
      "(B) Short-term transactions reported on Form(s) 1099-B showing basis wasn't reported to the IRS",
      '(C) Short-term transactions not reported to you on Form 1099-B',
    ],
    term: 'short-term',
    line1: '1a',
  },
  II: {
    title: 'Long-Term.',
    text: 'Transactions involving capital assets you held more than 1 year are generally long-term (see instructions).',
    boxes: [
      '(D) Long-term transactions reported on Form(s) 1099-B showing basis was reported to the IRS (see Note above)',
      "(E) Long-term transactions reported on Form(s) 1099-B showing basis wasn't reported to the IRS",
      '(F) Long-term transactions not reported to you on Form 1099-B',
    ],
    term: 'long-term',
    line1: '8a',
  },
} as const;

/** The column headings (a)–(h), one string per printed line. */
const HEADINGS: readonly (readonly string[])[] = [
  ['(a)', 'Description of property', '(Example: 100 sh. XYZ Co.)'],
  ['(b)', 'Date acquired', '(Mo., day, yr.)'],
  ['(c)', 'Date sold or', 'disposed of', '(Mo., day, yr.)'],
  ['(d)', 'Proceeds', '(sales price)', '(see instructions)'],
  [
    '(e)',
    'Cost or other',
    'basis. See the',
    'Note below and',
    'see Column (e)',
    'in the instructions',
  ],
  ['(f)', 'Code(s)', 'from', 'instruc-', 'tions'],
  ['(g)', 'Amount of', 'adjustment'],
  [
    '(h)',
    'Gain or (loss).',
    'Subtract column (e)',
    'from column (d) and',
    'combine the result',
    'with column (g)',
  ],
];

/** Dollars as the form prints them: `1,234.56`, a negative amount in parentheses `(1,234.56)`. */
export function formDollars(cents: number): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${whole}.${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `(${text})` : text;
}

function drawHeader(page: PdfPage, options: Form8949PdfOptions): void {
  page.text({ x: LEFT, y: 46 }, 'Form 8949', { size: 16, bold: true });
  page.text({ x: 306, y: 42 }, 'Sales and Other Dispositions of Capital Assets', {
    size: 12,
    bold: true,
    align: 'center',
  });
  const attach =
    'Attach to your Schedule D to list your transactions for lines 1b, 2, 3, 8b, 9, and 10 of Schedule D.';
  page.text({ x: 306, y: 55 }, attach, { size: 7.5, align: 'center' });
  const note =
    'Substitute statement laid out like IRS Form 8949, prepared by Ballast from the ledger: check it against your Forms 1099-B.';
  page.text({ x: 306, y: 65 }, note, { size: 6.5, align: 'center', gray: 0.35 });
  if (options.taxYear !== undefined)
    page.text({ x: RIGHT, y: 46 }, String(options.taxYear), {
      size: 16,
      bold: true,
      align: 'right',
    });
  page.line({ x: LEFT, y: 72 }, { x: RIGHT, y: 72 }, 1.5);
  page.text({ x: LEFT, y: 82 }, 'Name(s) shown on return', { size: 7 });
  page.text({ x: 404, y: 82 }, 'Social security number or taxpayer identification number', {
    size: 6.5,
  });
  if (options.name !== undefined)
    page.text({ x: LEFT + 2, y: 96 }, fitText(options.name, 360, { size: 10 }), { size: 10 });
  page.line({ x: 400, y: 74 }, { x: 400, y: 102 });
  page.line({ x: LEFT, y: 102 }, { x: RIGHT, y: 102 });
}

function drawPart(page: PdfPage, section: Form8949Section): void {
  const part = PARTS[section.part];
  page.rect({ x: LEFT, y: 108, w: 42, h: 14 }, { fill: 0 });
  page.text({ x: LEFT + 21, y: 118.5 }, `Part ${section.part}`, {
    size: 9,
    bold: true,
    align: 'center',
    gray: 1,
  });
  page.text({ x: LEFT + 48, y: 118.5 }, part.title, { size: 9, bold: true });
  page.text({ x: LEFT + 104, y: 118.5 }, part.text, { size: 7.5 });
  const note =
    `Note: You may aggregate all ${part.term} transactions reported on Form(s) 1099-B showing basis was ` +
    `reported to the IRS and for which no adjustments or codes are required. Enter the totals directly on ` +
    `Schedule D, line ${part.line1}; you aren't required to report these transactions on Form 8949 (see instructions).`;
  const check =
    `You must check Box ${section.part === 'I' ? 'A, B, or C' : 'D, E, or F'} below. Check only one box. ` +
    `If more than one box applies for your ${part.term} transactions, complete a separate Form 8949, ` +
    `page ${section.part === 'I' ? 1 : 2}, for each applicable box.`;
  let y = 133;
  for (const line of wrapText(note, 536, { size: 7 })) {
    page.text({ x: LEFT + 2, y }, line, { size: 7 });
    y += 9;
  }
  for (const line of wrapText(check, 536, { size: 7, bold: true })) {
    page.text({ x: LEFT + 2, y: y + 2 }, line, { size: 7, bold: true });
    y += 9;
  }
  part.boxes.forEach((label, i) => {
    const top = 172 + i * 16;
    page.rect({ x: LEFT + 4, y: top, w: 8, h: 8 });
    if (label.startsWith(`(${section.box})`)) {
      page.line({ x: LEFT + 5, y: top + 1 }, { x: LEFT + 11, y: top + 7 }, 1.2);
      page.line({ x: LEFT + 5, y: top + 7 }, { x: LEFT + 11, y: top + 1 }, 1.2);
    }
    page.text({ x: LEFT + 18, y: top + 7 }, label, {
      size: 7.5,
      bold: label.startsWith(`(${section.box})`),
    });
  });
}

function drawTableGrid(page: PdfPage, extraRow: boolean): void {
  const bottom = TABLE_TOP + HEAD_HEIGHT + FORM_8949_ROWS_PER_PAGE * ROW_HEIGHT + TOTAL_HEIGHT;
  const end = extraRow ? bottom + TOTAL_HEIGHT : bottom;
  page.line({ x: LEFT, y: TABLE_TOP }, { x: RIGHT, y: TABLE_TOP }, 1);
  HEADINGS.forEach((lines, col) => {
    const centre = (EDGES[col]! + EDGES[col + 1]!) / 2;
    lines.forEach((text, i) => {
      const at = { x: centre, y: TABLE_TOP + 10 + i * 7.5 };
      page.text(at, text, { size: i === 0 ? 7 : 6.5, bold: i === 0, align: 'center' });
    });
  });
  for (let r = 0; r <= FORM_8949_ROWS_PER_PAGE; r++) {
    const y = TABLE_TOP + HEAD_HEIGHT + r * ROW_HEIGHT;
    page.line(
      { x: LEFT, y },
      { x: RIGHT, y },
      r === 0 || r === FORM_8949_ROWS_PER_PAGE ? 0.8 : 0.3,
    );
  }
  page.line({ x: LEFT, y: bottom }, { x: RIGHT, y: bottom }, 1);
  if (extraRow) page.line({ x: LEFT, y: end }, { x: RIGHT, y: end }, 1);
  // Columns (a)–(c) merge into the label of the totals lines.
  EDGES.forEach((x, i) => {
    const last = i >= 3 || i === 0 || i === EDGES.length - 1;
    page.line({ x, y: TABLE_TOP }, { x, y: last ? end : bottom - TOTAL_HEIGHT }, 0.5);
  });
}

function drawLine(page: PdfPage, line: Form8949Line, top: number): void {
  const y = top + 13.5;
  const style = { size: 8 } as const;
  page.text({ x: LEFT + 3, y }, fitText(line.description, WIDTHS[0] - 6, style), style);
  page.text({ x: (EDGES[1]! + EDGES[2]!) / 2, y }, line.acquired, { ...style, align: 'center' });
  page.text({ x: (EDGES[2]! + EDGES[3]!) / 2, y }, line.sold, { ...style, align: 'center' });
  const right = (col: number, cents: number): void =>
    page.text({ x: EDGES[col + 1]! - 3, y }, formDollars(cents), { ...style, align: 'right' });
  right(3, line.proceedsCents);
  right(4, line.costBasisCents);
  if (line.code !== '') {
    page.text({ x: (EDGES[5]! + EDGES[6]!) / 2, y }, line.code, { ...style, align: 'center' });
    right(6, line.adjustmentCents);
  }
  right(7, line.gainCents);
}

/** A totals line of the table: its label over columns (a)–(c), its amounts under (d), (e), (g), (h). */
interface TotalsLine {
  readonly label: string;
  readonly totals: Form8949Amounts;
  readonly top: number;
}

function drawTotals(page: PdfPage, { label, totals, top }: TotalsLine): void {
  wrapText(label, WIDTHS[0] + WIDTHS[1] + WIDTHS[2] - 8, { size: 6.5, bold: true }).forEach(
    (text, i) => {
      page.text({ x: LEFT + 3, y: top + 8 + i * 7.5 }, text, { size: 6.5, bold: i === 0 });
    },
  );
  const amounts: [number, number][] = [
    [3, totals.proceedsCents],
    [4, totals.costBasisCents],
    [6, totals.adjustmentCents],
    [7, totals.gainCents],
  ];
  for (const [col, cents] of amounts) {
    const at: At = { x: EDGES[col + 1]! - 3, y: top + TOTAL_HEIGHT / 2 + 3 };
    page.text(at, formDollars(cents), { size: 8, bold: true, align: 'right' });
  }
}

/** Where a page sits: its section, its index in the section, and in the document. */
interface PagePlace {
  readonly section: Form8949Section;
  readonly index: number;
  readonly number: number;
  readonly count: number;
}

function drawPage(place: PagePlace, options: Form8949PdfOptions): PdfPage {
  const { section, index } = place;
  const page = new PdfPage();
  const lastOfPart = index === section.pages.length - 1;
  const partTotals = lastOfPart && section.pages.length > 1;
  drawHeader(page, options);
  drawPart(page, section);
  drawTableGrid(page, partTotals);
  const sheet = section.pages[index]!;
  sheet.lines.forEach((line, r) => drawLine(page, line, TABLE_TOP + HEAD_HEIGHT + r * ROW_HEIGHT));
  const totalsTop = TABLE_TOP + HEAD_HEIGHT + FORM_8949_ROWS_PER_PAGE * ROW_HEIGHT;
  const scheduleD = SCHEDULE_D_LINE[section.box];
  drawTotals(page, {
    label:
      `2 Totals. Add the amounts in columns (d), (e), (g), and (h) (subtract negative amounts). ` +
      `Enter each total here and include on your Schedule D, line ${scheduleD} (Box ${section.box} above is checked).`,
    totals: sheet.totals,
    top: totalsTop,
  });
  if (partTotals)
    drawTotals(page, {
      label:
        `Totals of all ${section.pages.length} pages of Part ${section.part}, Box ${section.box}: ` +
        `the amounts for Schedule D, line ${scheduleD}.`,
      totals: section.totals,
      top: totalsTop + TOTAL_HEIGHT,
    });
  const footerY = PAGE_HEIGHT - 30;
  page.line({ x: LEFT, y: footerY - 10 }, { x: RIGHT, y: footerY - 10 }, 0.5);
  const where = `Form 8949 - Part ${section.part}, Box ${section.box} - page ${index + 1} of ${section.pages.length} of this part`;
  page.text({ x: LEFT, y: footerY }, where, { size: 7 });
  page.text({ x: RIGHT, y: footerY }, `Page ${place.number} of ${place.count}`, {
    size: 7,
    align: 'right',
  });
  return page;
}

/**
 * The PDF of Form 8949 for `rows`: Part I pages then Part II pages (14 lines each), each page
 * with the title, the name line (`options.name`, else blank), the tax year (`options.taxYear`,
 * else blank), its part's checkbox marked (`options.box`, default `basis-reported`: A and D), the
 * table and its line 2; the last page of a part that runs over several pages also carries the
 * part's totals. No rows give one empty Part I page.
 *
 * @example
 * ```ts
 * writeFileSync('f8949.pdf', form8949Pdf(rows, { name: 'Jane Doe', taxYear: 2024 }));
 * ```
 * @throws BallastError INVALID_INPUT naming `rows[i].<field>` or `box` (see {@link form8949}).
 */
export function form8949Pdf(
  rows: readonly GainRow[],
  options: Form8949PdfOptions = {},
): Uint8Array {
  let sections = form8949(rows, options);
  if (sections.length === 0) {
    const zero = { proceedsCents: 0, costBasisCents: 0, adjustmentCents: 0, gainCents: 0 };
    const box = form8949BoxLetter('I', form8949BoxOption(options));
    sections = [
      {
        part: 'I',
        term: 'short',
        box,
        lines: [],
        totals: zero,
        pages: [{ lines: [], totals: zero }],
      },
    ];
  }
  const count = sections.reduce((n, s) => n + s.pages.length, 0);
  const pages: PdfPage[] = [];
  for (const section of sections)
    section.pages.forEach((_, index) =>
      pages.push(drawPage({ section, index, number: pages.length + 1, count }, options)),
    );
  const year = options.taxYear === undefined ? '' : ` (${options.taxYear})`;
  return pdfDocument(pages, { title: `Form 8949${year}` });
}
