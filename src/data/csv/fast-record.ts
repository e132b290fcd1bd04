/**
 * The common case of a CSV record: ASCII, no quotes. One pass over its characters finds the
 * cells (as positions in the text, no strings) and reads each cell after the first as a
 * decimal on the way.
 */

import { scanned, scanNumber } from './decimal.ts';
import { COMMA, CR, LF, QUOTE } from './record.ts';

/** Growable arrays the cells go into: positions, and values (NaN: not a plain decimal). */
export interface CellPositions {
  starts: Int32Array;
  ends: Int32Array;
  values: Float64Array;
  room(count: number): void;
}

/** Blanks inside a line that `String.prototype.trim` removes: space, tab, VT, FF. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c;
}

/**
 * Splits the record at `at.pos` into `out`: its cell count and where the next record starts;
 * `'slow'` when it has a quote or a non-ASCII character (read it with `readRecord`);
 * `'incomplete'` when the text ends inside it and is not final.
 */
export function fastRecord(
  text: string,
  at: { pos: number; final: boolean },
  out: CellPositions,
): { count: number; next: number } | 'slow' | 'incomplete' {
  const n = text.length;
  let count = 0;
  let i = at.pos;
  for (;;) {
    out.room(count);
    const start = i;
    let value = NaN;
    if (count > 0) {
      while (i < n && isBlank(text.charCodeAt(i))) i++;
      scanNumber(text, i, n);
      i = scanned.end;
      value = scanned.value;
      while (i < n && isBlank(text.charCodeAt(i))) i++;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === LF || c === CR) break;
      if (c === QUOTE || c >= 0x80) return 'slow';
      value = NaN;
    }
    out.starts[count] = start;
    out.ends[count] = i;
    out.values[count++] = value;
    if (i === n) return at.final ? { count, next: n } : 'incomplete';
    const c = text.charCodeAt(i);
    if (c === COMMA) i++;
    else if (c === LF) return { count, next: i + 1 };
    else if (i + 1 === n && !at.final) return 'incomplete';
    else return { count, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
  }
}
