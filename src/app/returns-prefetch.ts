/**
 * Reading a large returns file can start before the use case that reads it is loaded: a command
 * given `--returns PATH` calls {@link prefetchReturnsFile} first, so a worker thread reads the
 * file (data/whole-file-prefetch.ts) while the command's modules load. Kept free of other
 * imports so it loads in a moment.
 */

import { startWholeFileRead } from '../data/whole-file-prefetch.ts';

/**
 * Starts reading the returns file at `path` ahead of {@link loadReturnsPanel}'s read of the same
 * path (a hint: results are unchanged; nothing happens for a small or unreadable file).
 */
export function prefetchReturnsFile(path: string): void {
  startWholeFileRead(path);
}
