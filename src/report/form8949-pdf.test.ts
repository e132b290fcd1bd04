import { describe, expect, it } from 'vitest';
import { BallastError } from '../domain/errors.ts';
import { SAMPLE_ROWS, numberedRows } from '../domain/tax/test-helpers.ts';
import { form8949Pdf, formDollars } from './form8949-pdf.ts';
import { fitText, textWidth, wrapText } from './pdf/helvetica.ts';
import { PdfPage, pdfDocument, pdfString } from './pdf/pdf-document.ts';

/** The file as text, one character per byte. */
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** Checks the cross-reference table: every in-use entry points at `N 0 obj` of its own number. */
function checkXref(pdf: string): number {
  expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
  expect(pdf.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
  expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(pdf.slice(startxref))!;
  expect(first).toBe('0');
  const table = pdf.slice(startxref + `xref\n0 ${count}\n`.length);
  for (let i = 0; i < Number(count); i++) {
    const entry = table.slice(i * 20, i * 20 + 20); // each entry is exactly 20 bytes
    expect(entry).toMatch(/^\d{10} \d{5} [nf] \n$/);
    if (i === 0) {
      expect(entry).toBe('0000000000 65535 f \n');
      continue;
    }
    const offset = Number(entry.slice(0, 10));
    expect(pdf.slice(offset, offset + `${i} 0 obj\n`.length)).toBe(`${i} 0 obj\n`);
  }
  expect(pdf).toContain(`trailer\n<< /Size ${count} /Root 1 0 R`);
  // every stream is as long as its /Length says
  for (const m of pdf.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = m.index + m[0].length;
    expect(pdf.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe('\nendstream');
  }
  return Number(count);
}

/** The content streams, one per page, in page order. */
function pageStreams(pdf: string): string[] {
  return [...pdf.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1]!);
}

/** The text runs shown by `Tj` in a content stream, unescaped. */
function texts(stream: string): string[] {
  return [...stream.matchAll(/\(((?:[^\\)]|\\.)*)\) Tj/g)].map((m) =>
    m[1]!.replace(/\\(.)/g, '$1'),
  );
}

describe('form8949Pdf', () => {
  it('writes a PDF 1.4 whose xref offsets point at their objects', () => {
    const pdf = latin1(form8949Pdf(SAMPLE_ROWS, { name: 'Jane Q. Doe', taxYear: 2024 }));
    // catalog, page tree, 2 fonts, 2 × (content + page), info: 9 objects + entry 0
    expect(checkXref(pdf)).toBe(10);
    expect(pdf).toContain('/Type /Pages /Kids [6 0 R 8 0 R] /Count 2');
    expect(pdf).toContain('/Title (Form 8949 \\(2024\\))');
  });

  it('prints the cells of Part I on page 1 and of Part II on page 2', () => {
    const pdf = latin1(form8949Pdf(SAMPLE_ROWS, { name: 'Jane Q. Doe', taxYear: 2024 }));
    const [one = [], two = []] = pageStreams(pdf).map(texts);
    expect(one).toEqual(expect.arrayContaining(['Form 8949', '2024', 'Jane Q. Doe', 'Part I']));
    expect(one).toEqual(
      expect.arrayContaining(['100 sh. VOO', '01/10/2024', '06/03/2024', '48,512.34', '45,000.00']),
    );
    // the wash sale: code W, adjustment 150.25, loss in parentheses
    expect(one).toEqual(
      expect.arrayContaining(['10 sh. QQQ', 'W', '150.25', '(150.25)', '(4.90)']),
    );
    // line 2 of Part I: 52,837.44, 49,630.50, 150.25, 3,357.19 (hand sums in form8949.test.ts)
    expect(one).toEqual(expect.arrayContaining(['52,837.44', '49,630.50', '3,357.19']));
    expect(one.some((t) => t.startsWith('2 Totals.'))).toBe(true);
    expect(one).not.toContain('12.345 sh. VXUS');
    expect(two).toEqual(
      expect.arrayContaining(['Part II', '12.345 sh. VXUS', 'INHERITED', '(59.30)']),
    );
    // line 2 of Part II: 12,240.70, 5,800.00, 0.00, 6,440.70
    expect(two).toEqual(expect.arrayContaining(['12,240.70', '5,800.00', '0.00', '6,440.70']));
    expect(two).toEqual(expect.arrayContaining(['Page 2 of 2']));
  });

  it('marks the checkbox of the option (bold label and a cross)', () => {
    const [stream] = pageStreams(latin1(form8949Pdf(SAMPLE_ROWS, { box: 'not-reported' })));
    expect(stream).toMatch(/\/F2 7\.5 Tf [\d.]+ [\d.]+ Td \(\\\(C\\\) Short-term/);
    expect(stream).toMatch(/\/F1 7\.5 Tf [\d.]+ [\d.]+ Td \(\\\(A\\\) Short-term/);
    // without a name or a year those lines stay blank
    expect(texts(stream!)).not.toContain('2024');
  });

  it('puts 14 lines on a page, line 2 of each page, and the part totals on its last page', () => {
    const pdf = latin1(form8949Pdf(numberedRows(30)));
    expect(checkXref(pdf)).toBe(4 + 2 * 3 + 1 + 1);
    const pages = pageStreams(pdf).map(texts);
    expect(pages.map((p) => p.filter((t) => t.endsWith(' sh. AAA')).length)).toEqual([14, 14, 2]);
    // page sums: k = 1…14 → 1,050.00; k = 15…28 → 3,010.00; k = 29, 30 → 590.00; part 4,650.00
    expect(pages[0]).toContain('1,050.00');
    expect(pages[1]).toContain('3,010.00');
    expect(pages[2]).toEqual(expect.arrayContaining(['590.00', '4,650.00']));
    expect(pages[0]).not.toContain('4,650.00');
    expect(pages[2]!.some((t) => t.startsWith('Totals of all 3 pages of Part I, Box A'))).toBe(
      true,
    );
    expect(pages[2]).toContain('Page 3 of 3');
  });

  it('gives one empty Part I page for no rows', () => {
    const pdf = latin1(form8949Pdf([], { box: 'basis-not-reported' }));
    expect(checkXref(pdf)).toBe(4 + 2 + 1 + 1);
    const [stream] = pageStreams(pdf);
    expect(texts(stream!)).toEqual(expect.arrayContaining(['Part I', 'Page 1 of 1', '0.00']));
    expect(stream).toMatch(/\/F2 7\.5 Tf [\d.]+ [\d.]+ Td \(\\\(B\\\) Short-term/);
    // box B's totals go to Schedule D line 2 (the label wraps: join its runs)
    expect(texts(stream!).join(' ')).toContain('Schedule D, line 2 (Box B above is checked)');
  });

  it('refuses bad rows like the other formats', () => {
    expect(() => form8949Pdf([{ ...SAMPLE_ROWS[0]!, gainCents: 1 }])).toThrow(BallastError);
  });
});

describe('pdf helpers', () => {
  it('prints dollars with separators and losses in parentheses', () => {
    expect(formDollars(123_456_789)).toBe('1,234,567.89');
    expect(formDollars(100_000)).toBe('1,000.00');
    expect(formDollars(99_999)).toBe('999.99');
    expect(formDollars(-5)).toBe('(0.05)');
    expect(formDollars(0)).toBe('0.00');
  });

  it('escapes PDF strings and keeps Latin-1 only', () => {
    expect(pdfString('A (B) \\ C')).toBe('(A \\(B\\) \\\\ C)');
    expect(pdfString('caf\u00e9 \u2014 \u20ac')).toBe('(caf\u00e9 ? ?)');
  });

  it('measures Helvetica from the AFM widths', () => {
    // ten digits of 556/1000 em at 10 pt: 10 × 5.56 = 55.6
    expect(textWidth('0123456789', 10)).toBeCloseTo(55.6, 10);
    // "W" is 944 regular and 944 bold; "i" is 222 regular, 278 bold
    expect(textWidth('Wi', 1)).toBeCloseTo(1.166, 10);
    expect(textWidth('Wi', 1, true)).toBeCloseTo(1.222, 10);
    // "MM" at 10 pt is 16.66 wide: cut to fit 15 pt — "M..." is 8.33 + 3 × 2.78 = 16.67, too wide
    expect(fitText('MM', 20, { size: 10 })).toBe('MM');
    expect(fitText('MM', 15, { size: 10 })).toBe('...');
    // "aa bb" : "aa" = 11.12 at 10 pt, "aa bb" = 25.02: wrapped at 20 pt into two lines
    expect(wrapText('aa  bb', 20, { size: 10 })).toEqual(['aa', 'bb']);
    expect(wrapText('aa bb', 30, { size: 10 })).toEqual(['aa bb']);
  });

  it('writes any pages: a rectangle, a line and the document info', () => {
    const page = new PdfPage();
    page.rect({ x: 10, y: 20, w: 30, h: 40 });
    page.line({ x: 0, y: 0 }, { x: 612, y: 792 });
    const pdf = latin1(pdfDocument([page], { title: 'T', producer: 'P' }));
    checkXref(pdf);
    // y from the top: the rectangle's bottom edge is at 792 − 20 − 40 = 732
    expect(pdf).toContain('10 732 30 40 re S');
    expect(pdf).toContain('0 792 m 612 0 l S');
    expect(pdf).toContain('<< /Title (T) /Producer (P) >>');
  });
});
