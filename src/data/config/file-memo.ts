/**
 * Config files read again on every call cost a server most of a short request (the shipped fund
 * and exposure files take ~10 ms to parse and check). {@link memoByFile} keeps a loader's result
 * per file and serves it while the file is unchanged — same size, modification and change times
 * and inode, checked with one `stat` per call — as a structured clone, so no caller can alter
 * what the next one gets. Callers asking while a load runs share it (a server's first burst of
 * requests reads the file once). A file that changed is read again; errors are never kept.
 */

import { statSync } from 'node:fs';

/** Files remembered per loader before the oldest is dropped. */
const MAX_FILES = 32;

interface Entry<T> {
  readonly signature: string;
  /** The load, shared by every caller that asks while it runs. */
  readonly value: Promise<T>;
}

/** What identifies a file's content without reading it. */
function signatureOf(file: string): string | undefined {
  try {
    // Synchronous: a stat takes microseconds, while the thread-pool round trip of an async one
    // costs more than the whole look-up on a busy server.
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined; // the loader reports a missing or unreadable file itself
  }
}

/** `load` memoised per file path (module comment). */
export function memoByFile<T>(load: (file: string) => Promise<T>): (file: string) => Promise<T> {
  const entries = new Map<string, Entry<T>>();
  return async (file) => {
    const signature = signatureOf(file);
    const entry = entries.get(file);
    if (signature !== undefined && entry?.signature === signature)
      return structuredClone(await entry.value);
    const value = load(file);
    if (signature === undefined) return value;
    entries.delete(file);
    if (entries.size >= MAX_FILES) entries.delete(entries.keys().next().value!);
    const kept: Entry<T> = { signature, value };
    entries.set(file, kept);
    // A failed load is forgotten (the next call tries again).
    value.catch(() => {
      if (entries.get(file) === kept) entries.delete(file);
    });
    return structuredClone(await value);
  };
}
