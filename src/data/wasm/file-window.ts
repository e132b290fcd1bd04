/**
 * A file read into WebAssembly memory through a window: the kernels parse whole lines from the
 * window a round at a time rather than the file put into memory whole, so a large file maps
 * (and faults in, a page at a time on first touch) a window's pages instead of its size.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { reserveWasm, type WasmMemory } from './module.ts';

/** Bytes of a file a read brings into memory at once, at most. */
export const WINDOW_BYTES = 1 << 20;

/** An open file, the range of it being read and the window it is read through. */
export interface Reading {
  readonly memory: WasmMemory;
  readonly fd: number;
  /** Where reading stops (clipped to the file's size). */
  readonly end: number;
  /** Where the window starts in memory. */
  readonly at: number;
  /** Bytes of the window (followed by 64 more, room for the zero bytes after a text). */
  readonly window: number;
}

/**
 * Reads up to `length` bytes of the file from `from` into memory at `to`: the count (0 at the
 * end of the file or of the range).
 */
export function readInto(
  reading: Reading,
  span: { readonly to: number; readonly from: number; readonly length: number },
): number {
  const wanted = Math.max(0, Math.min(span.length, reading.end - span.from));
  const view = new Uint8Array(reading.memory.buffer, span.to, wanted);
  let read = 0;
  while (read < wanted) {
    const n = readSync(reading.fd, view, read, wanted - read, span.from + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/**
 * Runs `work` on the file at `file.path` opened for reading up to `file.end` (default: its end),
 * with a window at `file.at` in `memory` reserved; undefined when the file cannot be opened or
 * read.
 */
export function withFile<T>(
  memory: WasmMemory,
  file: { readonly path: string; readonly end?: number | undefined; readonly at: number },
  work: (reading: Reading) => T | undefined,
): T | undefined {
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch {
    return undefined;
  }
  try {
    const end = Math.min(fstatSync(fd).size, file.end ?? Infinity);
    const window = Math.min(Math.max(end, 0), WINDOW_BYTES);
    reserveWasm(memory, file.at + window + 64);
    return work({ memory, fd, end, at: file.at, window });
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's first line, read into the window with the bytes after it (`length` bytes at most):
 * its text, where it ends in memory and how many bytes were read; undefined when the line does
 * not end within them.
 */
export function firstLine(
  reading: Reading,
  length = reading.window,
): { readonly text: string; readonly lineEnd: number; readonly have: number } | undefined {
  const { memory, at } = reading;
  const have = readInto(reading, { to: at, from: 0, length: Math.min(length, reading.window) });
  const lineEnd = new Uint8Array(memory.buffer, at, have).indexOf(0x0a);
  if (lineEnd < 0) return undefined;
  const text = Buffer.from(memory.buffer, at, lineEnd).toString('utf8');
  return { text, lineEnd: at + lineEnd, have };
}
