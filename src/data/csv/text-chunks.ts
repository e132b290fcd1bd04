/**
 * A text input read in pieces: a file streamed in fixed-size chunks through a UTF-8 decoder
 * (bounded memory whatever the file size), or text already in memory.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { unreadableFile as unreadable } from '../files/read-text.ts';

/** A file to stream, or text in memory with the name errors cite. */
export type CsvSource =
  { readonly path: string } | { readonly text: string; readonly name: string };

/** The name errors cite for a source: its path or its name. */
export function sourceName(source: CsvSource): string {
  return 'path' in source ? source.path : source.name;
}

/** How a source is read. */
export interface ChunkOptions {
  /** The input's name in a NOT_FOUND error (`returns`). */
  readonly what: string;
  /** Bytes read at a time (default 1 MiB). */
  readonly chunkBytes?: number;
  /** Only the bytes `[start, end)` of a file (whole lines: `start` at a line's beginning). */
  readonly range?: { readonly start: number; readonly end: number };
}

/**
 * The text of `source` in pieces of whole lines (the last piece may end without a line end),
 * in order: decoded as UTF-8 the way `readFileSync(path, 'utf8')` decodes (malformed bytes
 * become U+FFFD, a byte-order mark is kept). A line end byte never occurs inside a multi-byte
 * character, so each piece decodes on its own. `onSize` first receives the file's size in
 * bytes (the range's for a `range`, the text's length for text in memory).
 *
 * @throws BallastError NOT_FOUND naming the input and the path when the file cannot be read.
 */
export function* textChunks(
  source: CsvSource,
  options: ChunkOptions & { readonly onSize?: (bytes: number) => void },
): Generator<string, void, undefined> {
  if (!('path' in source)) {
    options.onSize?.(source.text.length);
    yield source.text;
    return;
  }
  let fd: number;
  try {
    fd = openSync(source.path, 'r');
  } catch (e) {
    throw unreadable(e, source.path, options.what);
  }
  try {
    const size = fstatSync(fd).size;
    const range = options.range;
    let position = range?.start ?? 0;
    const end = range === undefined ? Infinity : Math.min(size, range.end);
    options.onSize?.(range === undefined ? size : Math.max(0, end - position));
    let buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      let n: number;
      try {
        const want = Math.min(buffer.length - filled, end - position);
        n =
          want > 0 ? readSync(fd, buffer, filled, want, range === undefined ? null : position) : 0;
      } catch (e) {
        throw unreadable(e, source.path, options.what);
      }
      if (n === 0) break;
      filled += n;
      position += n;
      const cut = buffer.lastIndexOf(0x0a, filled - 1) + 1;
      if (cut === 0) continue;
      yield buffer.toString('utf8', 0, cut);
      buffer.copy(buffer, 0, cut, filled);
      filled -= cut;
    }
    if (filled > 0) yield buffer.toString('utf8', 0, filled);
  } finally {
    closeSync(fd);
  }
}
