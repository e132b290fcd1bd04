/**
 * Advance widths of the two standard PDF fonts the hand-written PDFs use (Helvetica and
 * Helvetica-Bold, never embedded: every PDF reader has them), from Adobe's Core 14 AFM metrics,
 * in 1/1000 of the font size, for ASCII 32–126. Enough to right-align amounts, centre headings
 * and cut a description that would overflow its column.
 */

// prettier-ignore
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
];

// prettier-ignore
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0 … ?
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @ … O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P … _
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // ` … o
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p … ~
];

/** Width outside ASCII (a Latin-1 letter, or the `?` an unknown character becomes): an `n`. */
const OTHER = 556;

/** Width in points of `text` set in Helvetica (or Helvetica-Bold) at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) units += table[ch.charCodeAt(0) - 32] ?? OTHER;
  return (units * size) / 1000;
}

/** A font: its size in points and its weight. */
export interface Font {
  readonly size: number;
  readonly bold?: boolean;
}

/** `text`, cut and ended with `...` when it is wider than `width` points in `font`. */
export function fitText(text: string, width: number, font: Font): string {
  const fits = (t: string): boolean => textWidth(t, font.size, font.bold) <= width;
  if (fits(text)) return text;
  let cut = text;
  while (cut.length > 0 && !fits(`${cut}...`)) cut = cut.slice(0, -1);
  return `${cut}...`;
}

/** Words of `text` wrapped into lines no wider than `width` points in `font` (a long word stays whole). */
export function wrapText(text: string, width: number, font: Font): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, font.size, font.bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}
