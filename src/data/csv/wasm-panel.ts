/**
 * A returns file read by WebAssembly kernels (panel-kernels.wat): the bytes go straight into
 * the module's memory, each line `YYYY-MM-DD,x1,...,xw` is parsed into doubles (exactly the
 * values `Number()` gives, as decimal.ts reads them), the columns are transposed and, when
 * asked, centred and multiplied out into their cross-products — with no string, no object per
 * cell and no warm-up of JavaScript code, which is most of the time a large file takes.
 *
 * The kernels accept a strict subset of what {@link readReturnsPanel} accepts: ASCII lines of
 * unquoted cells, dates written `YYYY-MM-DD`, cells that are decimals or empty. The header is
 * read by the JavaScript reader itself, and the rows are handed to the same {@link PanelRows}
 * that reader fills ({@link PanelRows.append}), so ids, the common window, the dropped dates
 * and the panel are the ones it would give. At anything outside that subset (a quote, a blank
 * inside a cell, another date form, a refused value, a date out of order) the result is
 * undefined and the caller reads the file with the JavaScript reader, which reports the error.
 *
 * The module binary is built from its text by scripts/build-wasm.mjs; where it is missing the
 * readers fall back to JavaScript, with the same results.
 */

import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { mirrorUpper } from '../../core/linalg/cross-product.ts';
import {
  instantiateWasm,
  reserveWasm,
  wasmModule,
  type WasmMemory,
  type WasmModule,
} from '../wasm/module.ts';
import { mergeCentredGrams, type CentredGram } from '../../core/stats/centred-gram.ts';
import { firstLine, readInto, withFile, type Reading } from '../wasm/file-window.ts';
import { PanelStream, type ReadReturnsPanelOptions, type ReturnsPanel } from './returns-panel.ts';
import type { PanelPart, PanelRows } from './panel-rows.ts';

/** The kernels' exports (panel-kernels.wat). */
interface Kernels {
  readonly memory: WasmMemory;
  init(): void;
  next(): number;
  parse(
    pos: number,
    end: number,
    width: number,
    out: number,
    dates: number,
    empties: number,
    maxRows: number,
  ): number;
  centre(
    src: number,
    t: number,
    w: number,
    cols: number,
    cx: number,
    tp: number,
    means: number,
    j0: number,
    j1: number,
  ): void;
  gram(cx: number, np: number, tp: number, g: number, i0: number, i1: number): void;
  mergeGrams(ga: number, gb: number, d: number, n: number, w: number, i0: number, i1: number): void;
}

const BINARY = new URL('./panel-kernels.wasm', import.meta.url);

/** The compiled kernels, or null when their binary is missing or does not compile. */
const kernelModule = (): WasmModule | null => wasmModule(BINARY);

/** Whether the kernels can run here (their binary was built and compiles). */
export function wasmPanelAvailable(): boolean {
  return kernelModule() !== null;
}

/**
 * The instance a read ran on, kept for the next read or merge on this thread while its memory is
 * at most {@link SPARE_MAX_BYTES}: fresh memory costs a page fault a page on first touch, which
 * for a large file is a good share of the read, and the next read (or the merge of a read's
 * parts) reuses pages already mapped. A read's results are copied out (a merge's result is a
 * view of its instance, which is then not kept), and every read writes all it reads back (the
 * zero bytes after a file, the padding of the centred columns), so a reused instance gives the
 * same results.
 */
let spare: Kernels | undefined;
const SPARE_MAX_BYTES = 64 << 20;

/** Runs `work` on the spare instance (else a new one) and keeps the instance afterwards. */
function withKernels<T>(module: WasmModule, work: (kernels: Kernels) => T): T {
  const kernels = spare ?? instantiate(module);
  spare = undefined;
  try {
    return work(kernels);
  } finally {
    if (kernels.memory.buffer.byteLength <= SPARE_MAX_BYTES) spare = kernels;
  }
}

/** A new instance. */
function instantiate(module: WasmModule): Kernels {
  const own: { memory?: WasmMemory } = {};
  const slow = (start: number, end: number): number =>
    Number(Buffer.from(own.memory!.buffer, start, end - start).toString('latin1'));
  const kernels = instantiateWasm<Kernels>(module, { env: { slow } });
  own.memory = kernels.memory;
  kernels.init();
  return kernels;
}

/** Where the file's bytes start in the module's memory (below: the powers of ten). */
const BYTES_AT = 256;
/** Rows a call to `parse` reads, columns a call to `centre` transposes. */
const ROW_BATCH = 16;
const COLUMN_BATCH = 8;

const align = (x: number): number => (x + 15) & ~15;

/** Bytes of a file from `start` (default 0) to before `end` (default its end). */
export interface ByteRange {
  readonly start?: number;
  readonly end?: number;
}

/** `YYYY-MM-DD` of a YYYYMMDD integer. */
function isoOf(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** A panel, with the centred cross-products of its columns when asked for. */
export interface WasmPanel extends ReturnsPanel {
  readonly gram?: CentredGram;
}

/**
 * Reads the returns file at `path` as {@link readReturnsPanel} would (the same panel), or
 * undefined when the kernels are not available or the file leaves the form they read (module
 * comment) — read it with the JavaScript reader then. With `gram`, also the
 * {@link CentredGram} of the panel's columns.
 */
export function readReturnsPanelWasm(
  path: string,
  options: ReadReturnsPanelOptions & { readonly gram?: boolean } = {},
): WasmPanel | undefined {
  const head = readHeadWasm(path, options);
  // No complete row: the JavaScript reader gives the error naming each column's dates.
  if (head === undefined || head.part.dates.length === 0 || !head.rows.append(head.part))
    return undefined;
  const panel = head.rows.finish();
  if (head.gram === undefined) return panel;
  mirrorUpper(head.gram.gram, head.gram.means.length);
  return { ...panel, gram: head.gram };
}

/** Rows read by the kernels, as a {@link PanelPart}, with their Gram when asked for. */
export interface WasmPart {
  readonly part: PanelPart;
  /**
   * The centred cross-products of the part's complete rows, for merging with the other part's
   * ({@link mergeCentredGramsWasm}, which reads and writes both triangles): the upper triangle
   * only, the lower one zero.
   */
  readonly gram?: CentredGram;
}

/**
 * The header and the lines before `end` (default: all) of the file at `path`: the
 * {@link PanelRows} that took the header (append the parts to it, then finish) and the lines'
 * part; undefined as for {@link readReturnsPanelWasm}.
 */
export function readHeadWasm(
  path: string,
  options: ReadReturnsPanelOptions & { readonly gram?: boolean; readonly end?: number } = {},
): (WasmPart & { readonly rows: PanelRows }) | undefined {
  const module = kernelModule();
  if (module === null) return undefined;
  const { gram: wantGram, end: endByte, ...readOptions } = options;
  return withKernels(module, (kernels) =>
    withFile(kernels.memory, { path, end: endByte, at: BYTES_AT }, (reading) => {
      const header = firstLine(reading);
      if (header === undefined) return undefined;
      const rows = headerRows(header.text, path, readOptions);
      if (rows === undefined) return undefined;
      const width = rows.headerNames!.length - 1;
      const lines = readLines(kernels, reading, {
        pos: header.lineEnd + 1,
        have: header.have,
        next: header.have,
        width,
      });
      const part = lines && compact(kernels, lines, Boolean(wantGram));
      return part && { ...part, rows };
    }),
  );
}

/**
 * The lines of bytes `[start, end)` of the file at `path` (whole lines after its header, which
 * is read from the file's first line), as a {@link WasmPart} with its Gram; undefined as for
 * {@link readReturnsPanelWasm}.
 */
export function readRangeWasm(path: string, range: ByteRange): WasmPart | undefined {
  const module = kernelModule();
  if (module === null) return undefined;
  return withKernels(module, (kernels) =>
    withFile(kernels.memory, { path, end: range.end, at: BYTES_AT }, (reading) => {
      const header = firstLine(reading, 1 << 16);
      if (header === undefined) return undefined;
      const rows = headerRows(header.text, path, {});
      if (rows === undefined) return undefined;
      const width = rows.headerNames!.length - 1;
      const start = range.start ?? 0;
      const lines = readLines(kernels, reading, { pos: BYTES_AT, have: 0, next: start, width });
      return lines && compact(kernels, lines, true);
    }),
  );
}

/** The header line read by the JavaScript reader (its BOM, quotes and checks). */
function headerRows(
  header: string,
  path: string,
  options: ReadReturnsPanelOptions,
): PanelRows | undefined {
  const stream = new PanelStream({ text: header, name: path }, options);
  stream.feed();
  const rows = stream.end();
  return rows.headerNames === undefined || rows.failed ? undefined : rows;
}

/**
 * Parses the data lines of the file through the window: the bytes `[pos, BYTES_AT + have)` of
 * the window not parsed yet, then the file from `next` to the reading's end. Each round moves
 * what is left of a line to the window's start, fills the window up and parses its whole lines
 * (all of it at the end of the range). Undefined where the lines leave the kernels' form, or a
 * line does not fit in the window.
 */
function readLines(
  kernels: Kernels,
  reading: Reading,
  at: {
    readonly pos: number;
    readonly have: number;
    readonly next: number;
    readonly width: number;
  },
): Parsed | undefined {
  const { width } = at;
  const windowEnd = BYTES_AT + reading.window;
  // A row takes at least its date and a comma a cell: the rows there can be at most.
  const pending = BYTES_AT + at.have - at.pos + Math.max(0, reading.end - at.next);
  const most = Math.floor(pending / (10 + width)) + 1;
  const datesAt = align(windowEnd + 64);
  const emptiesAt = align(datesAt + most * 4);
  const out = align(emptiesAt + most * 4);
  reserveWasm(kernels.memory, out);
  let count = 0;
  let left = BYTES_AT + at.have - at.pos;
  let next = at.next;
  let pos = at.pos;
  for (;;) {
    new Uint8Array(kernels.memory.buffer).copyWithin(BYTES_AT, pos, pos + left);
    const read = readInto(reading, {
      to: BYTES_AT + left,
      from: next,
      length: reading.window - left,
    });
    next += read;
    // Nothing more fits (a line longer than the window) or the file ended early.
    if (read === 0 && next < reading.end) return undefined;
    const filled = BYTES_AT + left + read;
    const last = next >= reading.end;
    const bytes = new Uint8Array(kernels.memory.buffer);
    // Whole lines: up to the last line feed (everything at the end of the range).
    const lineFeed = bytes.subarray(BYTES_AT, filled).lastIndexOf(0x0a);
    if (!last && lineFeed < 0) return undefined;
    const end = last ? filled : BYTES_AT + lineFeed + 1;
    // The kernels stop at a zero byte after the text (the next line's first byte meanwhile).
    const after = bytes[end]!;
    if (last) bytes.fill(0, end, end + 64);
    else bytes[end] = 0;
    const text = bytes.subarray(BYTES_AT, end);
    let lines = 1;
    for (let i = text.indexOf(0x0a); i >= 0; i = text.indexOf(0x0a, i + 1)) lines++;
    reserveWasm(kernels.memory, out + (count + lines) * width * 8);
    let parsed = 0;
    pos = BYTES_AT;
    while (pos < end) {
      const rows = kernels.parse(
        pos,
        end,
        width,
        out + count * width * 8,
        datesAt + count * 4,
        emptiesAt + count * 4,
        Math.min(ROW_BATCH, lines - parsed, most - count),
      );
      if (rows < 0) return undefined;
      count += rows;
      parsed += rows;
      pos = kernels.next();
      if (rows === 0 && pos < end) return undefined;
    }
    if (last) break;
    new Uint8Array(kernels.memory.buffer)[end] = after;
    left = filled - end;
    pos = end;
  }
  return { out, datesAt, emptiesAt, count, width };
}

/** Where the parsed rows are in memory. */
interface Parsed {
  readonly out: number;
  readonly datesAt: number;
  readonly emptiesAt: number;
  readonly count: number;
  readonly width: number;
}

/**
 * The rows as a {@link PanelPart} (rows with an empty cell dropped, as the JavaScript reader
 * drops them), and the centred cross-products of the complete rows; undefined when the dates
 * are not calendar dates in ascending order.
 */
function compact(kernels: Kernels, parsed: Parsed, wantGram: boolean): WasmPart | undefined {
  const { out, datesAt, emptiesAt, count, width } = parsed;
  const buffer = kernels.memory.buffer;
  const ymd = new Int32Array(buffer, datesAt, count);
  const empties = new Int32Array(buffer, emptiesAt, count);
  const values = new Float64Array(buffer, out, count * width);
  const allDates: IsoDate[] = new Array<IsoDate>(count);
  for (let r = 0; r < count; r++) {
    if (r > 0 && !(ymd[r]! > ymd[r - 1]!)) return undefined;
    const date = isoOf(ymd[r]!);
    if (!isIsoDate(date)) return undefined;
    allDates[r] = date;
  }
  const empty = new Int32Array(width);
  const dates: IsoDate[] = [];
  const droppedDates: IsoDate[] = [];
  // Each column's first and last rows with a value. A complete row has one in every column, so
  // only rows with an empty cell are looked at cell by cell.
  let firstComplete = -1;
  let lastComplete = -1;
  const firstRow = new Int32Array(width).fill(-1);
  const lastRow = new Int32Array(width).fill(-1);
  let kept = 0;
  for (let r = 0; r < count; r++) {
    if (empties[r] === 0) {
      if (kept !== r) values.copyWithin(kept * width, r * width, (r + 1) * width);
      kept++;
      dates.push(allDates[r]!);
      if (firstComplete < 0) firstComplete = r;
      lastComplete = r;
      continue;
    }
    if (droppedDates.length < 5) droppedDates.push(allDates[r]!);
    for (let j = 0; j < width; j++) {
      const v = values[r * width + j]!;
      if (v !== v) empty[j]!++;
      else {
        if (firstRow[j]! < 0) firstRow[j] = r;
        lastRow[j] = r;
      }
    }
  }
  const first = new Array<IsoDate | undefined>(width);
  const last = new Array<IsoDate | undefined>(width);
  for (let j = 0; j < width; j++) {
    const f = firstRow[j]!;
    const from = f < 0 ? firstComplete : firstComplete < 0 ? f : Math.min(f, firstComplete);
    const to = Math.max(lastRow[j]!, lastComplete);
    first[j] = from < 0 ? undefined : allDates[from];
    last[j] = to < 0 ? undefined : allDates[to];
  }
  // Transposed (and centred) in the module: raw columns, then X − x̄ padded, then X'X.
  const tp = (kept + 1) & ~1;
  const np = (width + 3) & ~3;
  const colsAt = align(out + kept * width * 8);
  const meansAt = align(colsAt + kept * width * 8);
  const cxAt = wantGram ? align(meansAt + width * 8) : 0;
  const gAt = wantGram ? align(cxAt + np * tp * 8) : 0;
  reserveWasm(kernels.memory, wantGram ? gAt + np * np * 8 : meansAt + width * 8);
  if (wantGram) new Float64Array(kernels.memory.buffer, cxAt, np * tp).fill(0);
  for (let j = 0; j < width; j += COLUMN_BATCH)
    kernels.centre(
      out,
      kept,
      width,
      colsAt,
      cxAt,
      tp,
      meansAt,
      j,
      Math.min(width, j + COLUMN_BATCH),
    );
  const memory = kernels.memory.buffer;
  const all = new Float64Array(memory.slice(colsAt, colsAt + kept * width * 8));
  const columns = Array.from({ length: width }, (_, j) => all.subarray(j * kept, (j + 1) * kept));
  const part: PanelPart = {
    columns,
    dates,
    firstDate: allDates[0],
    lastDate: allDates[count - 1],
    first,
    last,
    empty,
    total: count,
    droppedDates,
    recordChars: 0,
  };
  if (!wantGram) return { part };
  for (let i = 0; i < np; i += 2) kernels.gram(cxAt, np, tp, gAt, i, i + 2);
  const padded = new Float64Array(kernels.memory.buffer, gAt, np * np);
  // The upper triangle only: a part's Gram is for merging (WasmPart).
  const gram = new Float64Array(width * width);
  for (let i = 0; i < width; i++)
    gram.set(padded.subarray(i * np + i, i * np + width), i * width + i);
  const means = new Float64Array(kernels.memory.buffer.slice(meansAt, meansAt + width * 8));
  return { part, gram: { count: kept, means, gram } };
}

/** Rows of the merged Gram a call to `mergeGrams` computes. */
const MERGE_BATCH = 8;

/**
 * {@link mergeCentredGrams} (core/stats/centred-gram.ts) with the matrix by the kernels: the
 * same arithmetic, so the same result to the bit, several times faster on a cold start. Both
 * read the upper triangles only, so the parts' Grams may hold just those ({@link WasmPart});
 * the result is whole. Blocks it does not take (an empty one, or of different widths) go to the
 * JavaScript function.
 */
export function mergeCentredGramsWasm(a: CentredGram, b: CentredGram): CentredGram {
  return mergeWithRoomWasm(a, b, 0).gram;
}

/**
 * {@link mergeCentredGramsWasm}, with `doubles` doubles of room (zero) in the memory the merge
 * ran in: pages a read on this thread already mapped, for the panel's columns
 * ({@link PanelRows.reserve}). No room when the JavaScript function merged the blocks.
 */
export function mergeWithRoomWasm(
  a: CentredGram,
  b: CentredGram,
  doubles: number,
): { readonly gram: CentredGram; readonly room?: Float64Array } {
  const module = kernelModule();
  const n = a.means.length;
  if (module === null || b.means.length !== n || a.count === 0 || b.count === 0) {
    const merged = mergeCentredGrams(a, b);
    // One block was empty: the other, whole.
    if (merged === a || merged === b) mirrorUpper(merged.gram, n);
    return { gram: merged };
  }
  const count = a.count + b.count;
  const delta = Float64Array.from(b.means, (m, j) => m - a.means[j]!);
  const means = Float64Array.from(a.means, (m, j) => m + (delta[j]! * b.count) / count);
  const weight = (a.count * b.count) / count;
  // The instance is the result's: the merged matrix (and the room) are views of its memory (no
  // copy into fresh pages), so it is not kept for another read, which would write over them.
  const kernels = spare ?? instantiate(module);
  spare = undefined;
  const bytes = n * n * 8;
  const ga = BYTES_AT;
  const gb = ga + bytes;
  const d = gb + bytes;
  const roomAt = align(d + n * 8);
  reserveWasm(kernels.memory, roomAt + doubles * 8);
  const memory = kernels.memory.buffer;
  new Float64Array(memory, ga, n * n).set(a.gram);
  new Float64Array(memory, gb, n * n).set(b.gram);
  new Float64Array(memory, d, n).set(delta);
  for (let i = 0; i < n; i += MERGE_BATCH)
    kernels.mergeGrams(ga, gb, d, n, weight, i, Math.min(n, i + MERGE_BATCH));
  const gram = { count, means, gram: new Float64Array(memory, ga, n * n) };
  if (doubles === 0) return { gram };
  // Zero, as a new array's would be (a reused instance holds an earlier read's bytes there).
  const room = new Float64Array(memory, roomAt, doubles).fill(0);
  return { gram, room };
}
