/**
 * A large returns file read ahead by two threads with the WebAssembly reader
 * (csv/wasm-panel.ts): a worker thread, started as early as a command knows the file's path —
 * before its modules load — reads the lines after a split point (with their centred
 * cross-products); the thread that needs the panel reads the lines before it when it gets there
 * ({@link readReturnsPanelParallel}), and takes the worker's part over when the file has not
 * changed since. The split gives the worker a little more than half: it starts reading while
 * the command still loads. Kept free of other modules so that starting it costs nothing but the
 * worker itself. The worker posts nothing when its lines leave the kernels' form (the
 * JavaScript readers then read the file).
 */

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WasmPart } from './csv/wasm-panel.ts';
import type { WasmRangeJob, WasmRangeResult } from './csv/wasm-range-job.ts';

const WORKER = new URL(
  import.meta.url.endsWith('.js') ? './panel-worker.js' : './panel-worker-bootstrap.mjs',
  import.meta.url,
);

/**
 * Smallest file read ahead: starting a worker costs ~40 ms, about what the kernels take to read
 * 4 MB on the thread that needs them.
 */
export const WHOLE_PREFETCH_MIN_BYTES = 4 << 20;

/** Share of the bytes the thread that needs the panel reads (timed on the benchmark file). */
export const WASM_HEAD_SHARE = 0.42;

const READS = Symbol.for('ballast.wholeFileReads');

/** A read started ahead: the file as it was, where it is split, and the worker's part. */
export interface WholeFileRead {
  readonly size: number;
  readonly modified: number;
  /** First byte of the worker's lines (a line start). */
  readonly split: number;
  /** The worker's part, or undefined when it could not read its lines (in any way). */
  readonly part: Promise<WasmPart | undefined>;
  /** Lets the worker keep the process alive (while a read waits for it) or not. */
  keepAlive(yes: boolean): void;
  /** Stops the worker. */
  stop(): void;
}

/**
 * The reads started, by path: one map for the process, shared by every copy of this module
 * (the CLI's entry starts a read that the command, bundled in a file of its own with its own
 * copy of this module, takes over — scripts/build-cli.mjs).
 */
const started: Map<string, WholeFileRead> = ((
  globalThis as { [READS]?: Map<string, WholeFileRead> }
)[READS] ??= new Map<string, WholeFileRead>());

/** Position just after the first line feed at or after `from`; −1 when none within 64 KiB. */
export function lineStartAfter(path: string, from: number): number {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 16);
    const n = readSync(fd, buffer, 0, buffer.length, from);
    const at = buffer.subarray(0, n).indexOf(0x0a);
    return at < 0 ? -1 : from + at + 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * Starts reading `path` on a worker (nothing for a file under `minBytes`, default
 * {@link WHOLE_PREFETCH_MIN_BYTES}, an unreadable one, or one already started). The worker does
 * not keep the process alive.
 */
export function startWholeFileRead(path: string, minBytes = WHOLE_PREFETCH_MIN_BYTES): void {
  if (started.has(path)) return;
  let stat: { size: number; mtimeMs: number };
  let split: number;
  try {
    stat = statSync(path);
    if (stat.size < minBytes) return;
    split = lineStartAfter(path, Math.floor(stat.size * WASM_HEAD_SHARE));
  } catch {
    return; // the read itself reports it
  }
  if (split <= 0 || split >= stat.size) return;
  let worker: Worker | undefined;
  let settle: (part: WasmPart | undefined) => void = () => {};
  const part = new Promise<WasmPart | undefined>((resolve) => (settle = resolve));
  try {
    const job: WasmRangeJob = { wasm: true, path, start: split };
    worker = new Worker(WORKER, { workerData: job });
    worker.once('message', (result: WasmRangeResult) => settle(result.part));
    worker.once('error', () => settle(undefined));
    worker.once('exit', () => settle(undefined));
    worker.unref();
  } catch {
    settle(undefined);
  }
  started.set(path, {
    size: stat.size,
    modified: stat.mtimeMs,
    split,
    part,
    keepAlive: (yes) => (yes ? worker?.ref() : worker?.unref()),
    stop: () => void worker?.terminate(),
  });
}

/**
 * The read of `path` started ahead, when it describes the file as `stat` finds it now (a stale
 * one is stopped); removed from the started reads either way.
 */
export function takeWholeFileRead(
  path: string,
  stat: { readonly size: number; readonly mtimeMs: number },
): WholeFileRead | undefined {
  const read = started.get(path);
  if (read === undefined) return undefined;
  started.delete(path);
  if (read.size === stat.size && read.modified === stat.mtimeMs) return read;
  read.stop();
  return undefined;
}
