/**
 * A small PDF 1.4 writer (ISO 32000-1 §7: file structure, §8: graphics, §9: text) for forms made of
 * text and lines: US Letter pages, the standard fonts Helvetica and Helvetica-Bold in
 * WinAnsiEncoding (not embedded), uncompressed content streams, a cross-reference table whose
 * offsets are counted from the bytes written. Deterministic: no creation date, no ids, so the
 * same pages give the same bytes.
 *
 * Coordinates are in points from the top-left corner of the page (y grows downward); the writer
 * turns them into PDF's bottom-left user space.
 */

import { textWidth } from './helvetica.ts';

/** US Letter, in points. */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;

/** A point on the page, from the top-left corner. */
export interface At {
  readonly x: number;
  readonly y: number;
}

/** How a text run is set: size in points, bold, alignment on `x`, gray level (0 black, 1 white). */
export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly gray?: number;
}

/** A number as PDF writes it: at most two decimals, no trailing zeros. */
function num(x: number): string {
  const text = x.toFixed(2).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * A PDF string literal in WinAnsiEncoding: Latin-1 characters kept (WinAnsi agrees with Latin-1
 * from 160 to 255), other characters as `?`, and `\`, `(`, `)` escaped.
 */
export function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const byte = (code >= 32 && code < 127) || (code >= 160 && code < 256) ? ch : '?';
    out += byte === '\\' || byte === '(' || byte === ')' ? `\\${byte}` : byte;
  }
  return `(${out})`;
}

/** One page being drawn: its content stream operators. */
export class PdfPage {
  readonly ops: string[] = [];

  /** A text run whose baseline starts (or ends, or is centred) at `at`. */
  text(at: At, text: string, style: TextStyle): void {
    const width = textWidth(text, style.size, style.bold);
    const x =
      style.align === 'right' ? at.x - width : style.align === 'center' ? at.x - width / 2 : at.x;
    const font = style.bold === true ? '/F2' : '/F1';
    this.ops.push(
      `BT ${num(style.gray ?? 0)} g ${font} ${num(style.size)} Tf ${num(x)} ${num(PAGE_HEIGHT - at.y)} Td ${pdfString(text)} Tj ET`,
    );
  }

  /** A straight line, `width` points thick (default 0.5). */
  line(from: At, to: At, width = 0.5): void {
    this.ops.push(
      `${num(width)} w 0 G ${num(from.x)} ${num(PAGE_HEIGHT - from.y)} m ${num(to.x)} ${num(PAGE_HEIGHT - to.y)} l S`,
    );
  }

  /** A rectangle with its top-left corner at `at`: stroked, or filled with a gray level. */
  rect(at: At & { readonly w: number; readonly h: number }, style: { fill?: number } = {}): void {
    const box = `${num(at.x)} ${num(PAGE_HEIGHT - at.y - at.h)} ${num(at.w)} ${num(at.h)} re`;
    this.ops.push(
      style.fill === undefined ? `0.5 w 0 G ${box} S` : `${num(style.fill)} g ${box} f 0 g`,
    );
  }
}

/** Metadata of the document's Info dictionary. */
export interface PdfInfo {
  readonly title: string;
  readonly producer?: string;
}

/**
 * The PDF file of `pages`: header, objects (catalog 1, page tree 2, fonts 3 and 4, then a
 * content stream and a page per page, then the Info dictionary), the cross-reference table with
 * each object's byte offset, the trailer and `startxref`. Every character written is one byte.
 */
export function pdfDocument(pages: readonly PdfPage[], info: PdfInfo): Uint8Array {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, once the page objects are numbered
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  const kids: number[] = [];
  for (const page of pages) {
    const content = page.ops.join('\n');
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Contents ${contentId} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  objects.push(
    `<< /Title ${pdfString(info.title)} /Producer ${pdfString(info.producer ?? 'Ballast')} >>`,
  );
  const infoId = objects.length;

  // The second line marks the file as binary (bytes ≥ 128), as §7.5.2 recommends.
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (ch) => ch.charCodeAt(0));
}
