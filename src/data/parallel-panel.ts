/**
 * A large returns file read by two threads: a worker thread reads the second half of the lines
 * (parallel to this thread reading the first half) and, when asked, each half's centred
 * cross-products are computed where it was read and combined ({@link mergeCentredGrams}), so
 * the sample covariance needs no further pass over the data. The panel, its warnings and its
 * errors are those of {@link readReturnsPanel}: the worker's rows are taken only when it read
 * them without a refusal and they follow the first half's; otherwise this thread reads the
 * second half itself. Files smaller than `minBytes`, text in memory, and files without a line
 * break near the middle are read by this thread alone.
 *
 * Before any of that, the WebAssembly reader (csv/wasm-panel.ts) tries the file on this thread
 * alone: it reads a well-formed numeric file several times faster than two threads of
 * JavaScript, and gives it back to the readers here when the file has anything else in it.
 *
 * The worker module sits beside this one: `panel-worker.js` in dist/data/ and in the bundled
 * CLI (dist/bin/), a tsx bootstrap from the sources.
 */

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { centredGram, mergeCentredGrams, type CentredGram } from '../core/stats/centred-gram.ts';
import type { PanelPartJob, PanelPartResult } from './csv/panel-part.ts';
import {
  PanelStream,
  readReturnsPanel,
  type CsvSource,
  type ReadReturnsPanelOptions,
  type ReturnsPanel,
} from './csv/returns-panel.ts';
import {
  mergeWithRoomWasm,
  readHeadWasm,
  readReturnsPanelWasm,
  wasmPanelAvailable,
} from './csv/wasm-panel.ts';
import {
  lineStartAfter,
  startWholeFileRead,
  takeWholeFileRead,
  type WholeFileRead,
} from './whole-file-prefetch.ts';

const WORKER = new URL(
  import.meta.url.endsWith('.js') ? './panel-worker.js' : './panel-worker-bootstrap.mjs',
  import.meta.url,
);

/**
 * Below this size a file is read by one thread: a worker takes ~40 ms to start (measured with
 * an empty job) and one thread reads and cross-multiplies ~23 ms per MB of a 500-column file,
 * so two threads pay off from ~3.5 MB on an idle machine (more when the other core is busy).
 */
export const PARALLEL_MIN_BYTES = 4 << 20;

/**
 * Share of the bytes this thread reads when the worker was started ahead of the read
 * ({@link prefetchReturnsPanel}): the worker has then started up by the time this thread
 * begins, so it takes a little more (timed on the 500 × 1,000 benchmark file).
 */
export const PREFETCH_SHARE = 0.47;

/** Options of {@link readReturnsPanelParallel}. */
export interface ParallelPanelOptions extends ReadReturnsPanelOptions {
  /** Also return the {@link CentredGram} of the panel's columns (when two threads read it). */
  readonly gram?: boolean;
  /** Smallest file read by two threads (default {@link PARALLEL_MIN_BYTES}). */
  readonly minBytes?: number;
  /** Share of the bytes this thread reads (default 0.5; {@link PREFETCH_SHARE} when prefetched). */
  readonly share?: number;
  /**
   * Try the WebAssembly reader first (default true; csv/wasm-panel.ts): one thread, the same
   * panel (with the Gram from `minBytes` on); files it does not read are read as below.
   */
  readonly wasm?: boolean;
}

/** A panel, with its centred cross-products when they were computed on the way. */
export interface ParallelPanel extends ReturnsPanel {
  /** Of exactly `columns` (all their rows); absent when the JavaScript reader read the file on one thread. */
  readonly gram?: CentredGram;
}

/** The first `bytes` bytes of a file, or less. */
function head(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** The header's cells when the file's first line (within 64 KiB) is one. */
function headerOf(path: string, options: ReadReturnsPanelOptions): readonly string[] | undefined {
  const bytes = head(path, 1 << 16);
  const end = bytes.indexOf(0x0a);
  if (end < 0) return undefined;
  const stream = new PanelStream({ text: bytes.toString('utf8', 0, end), name: path }, options);
  stream.feed();
  const rows = stream.end();
  return rows.failed ? undefined : rows.headerNames;
}

/** A worker reading a {@link PanelPartJob}: its part, then (when asked) the part's Gram. */
class PanelWorker {
  readonly part: Promise<PanelPartResult>;
  readonly gram: Promise<CentredGram | undefined>;
  private readonly worker: Worker | undefined;

  /** Starts the worker; both promises settle (`ok: false`, undefined) if it fails in any way. */
  constructor(job: PanelPartJob) {
    let settlePart: (result: PanelPartResult) => void = () => {};
    let settleGram: (gram: CentredGram | undefined) => void = () => {};
    this.part = new Promise((resolve) => (settlePart = resolve));
    this.gram = new Promise((resolve) => (settleGram = resolve));
    const fail = (): void => {
      settlePart({ ok: false });
      settleGram(undefined);
    };
    try {
      this.worker = new Worker(WORKER, { workerData: job });
    } catch {
      fail();
      return;
    }
    let messages = 0;
    this.worker.on('message', (message: PanelPartResult | CentredGram) => {
      if (messages++ === 0) {
        settlePart(message as PanelPartResult);
        if (!job.gram || !(message as PanelPartResult).ok) settleGram(undefined);
      } else settleGram(message as CentredGram);
    });
    this.worker.once('error', fail);
    this.worker.once('exit', fail);
  }

  /** Whether the worker keeps the process alive while it runs. */
  keepAlive(yes: boolean): void {
    if (yes) this.worker?.ref();
    else this.worker?.unref();
  }

  /** Stops the worker (its promises settle as failed if they had not settled). */
  stop(): void {
    void this.worker?.terminate();
  }
}

/** How a file is split between this thread and a worker, and the worker reading its part. */
interface SplitRead {
  readonly size: number;
  readonly modified: number;
  readonly split: number;
  readonly worker: PanelWorker;
}

/** Reads started ahead of time ({@link prefetchReturnsPanel}), by path. */
const prefetched = new Map<string, SplitRead>();

/** The worker's part of `path` (stat'ed as `stat`), or undefined when one thread should read. */
function startSplitRead(
  path: string,
  stat: { readonly size: number; readonly mtimeMs: number },
  options: ReadReturnsPanelOptions & { readonly gram: boolean; readonly share?: number },
): SplitRead | undefined {
  const { size } = stat;
  const header = headerOf(path, options);
  const split = lineStartAfter(path, Math.floor(size * (options.share ?? 0.5)));
  if (header === undefined || split <= 0 || split >= size) return undefined;
  const worker = new PanelWorker({
    path,
    start: split,
    end: size,
    header,
    ...(options.columnCase === undefined ? {} : { columnCase: options.columnCase }),
    gram: options.gram,
  });
  return { size, modified: stat.mtimeMs, split, worker };
}

/**
 * Starts the worker of a later {@link readReturnsPanelParallel} of `path` now (e.g. while a
 * command loads its modules), with the centred cross-products in case they are asked for. A
 * read of the same path takes it over when the file has not changed since; an unused one
 * neither keeps the process alive nor changes any result. Nothing happens for a small or
 * unreadable file.
 */
export function prefetchReturnsPanel(
  path: string,
  options: Pick<ParallelPanelOptions, 'minBytes' | 'share' | 'wasm'> = {},
): void {
  if (options.wasm !== false && wasmPanelAvailable()) {
    startWholeFileRead(path, options.minBytes);
    return;
  }
  if (prefetched.has(path)) return;
  try {
    const stat = statSync(path);
    if (stat.size < (options.minBytes ?? PARALLEL_MIN_BYTES)) return;
    const started = startSplitRead(path, stat, {
      gram: true,
      share: options.share ?? PREFETCH_SHARE,
    });
    if (started === undefined) return;
    started.worker.keepAlive(false);
    prefetched.set(path, started);
  } catch {
    // Unreadable: the read itself reports it.
  }
}

/** The prefetched read of `path` when it still describes the file; stops a stale one. */
function takePrefetched(
  path: string,
  stat: { readonly size: number; readonly mtimeMs: number },
): SplitRead | undefined {
  const pending = prefetched.get(path);
  if (pending === undefined) return undefined;
  prefetched.delete(path);
  if (pending.size === stat.size && pending.modified === stat.mtimeMs) return pending;
  pending.worker.stop();
  return undefined;
}

/**
 * Reads a returns file like {@link readReturnsPanel} (same panel, warnings and errors), with a
 * worker thread reading the second half of a large file (module comment).
 */
export async function readReturnsPanelParallel(
  source: CsvSource,
  options: ParallelPanelOptions = {},
): Promise<ParallelPanel> {
  const { gram: wantGram, minBytes, share, wasm, ...readOptions } = options;
  if (!('path' in source)) return readReturnsPanel(source, readOptions);
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(source.path);
  } catch {
    return readReturnsPanel(source, readOptions);
  }
  const prefetch = takePrefetched(source.path, stat);
  const ahead = takeWholeFileRead(source.path, stat);
  let tryWasm = wasm !== false;
  if (ahead !== undefined) {
    const read = await takeAhead(source.path, ahead, { ...readOptions, gram: wantGram === true });
    if (read !== undefined) return read;
    tryWasm = false; // the kernels could not read it there: nor here
  }
  if (tryWasm) {
    // The Gram of a small file is left to the caller (the covariance from the columns, as for
    // text in memory): every face then gives the same document to the bit for the same data.
    const large = stat.size >= (minBytes ?? PARALLEL_MIN_BYTES);
    const read = readReturnsPanelWasm(source.path, {
      ...readOptions,
      gram: wantGram === true && large,
    });
    if (read !== undefined) {
      prefetch?.worker.stop();
      return read;
    }
  }
  if (prefetch === undefined && stat.size < (minBytes ?? PARALLEL_MIN_BYTES))
    return readReturnsPanel(source, readOptions);
  const plan =
    prefetch ??
    startSplitRead(source.path, stat, {
      ...readOptions,
      gram: wantGram === true,
      ...(share === undefined ? {} : { share }),
    });
  if (plan === undefined) return readReturnsPanel(source, readOptions);
  plan.worker.keepAlive(true);
  try {
    return await readSplit(source, plan, { ...readOptions, gram: wantGram === true });
  } finally {
    plan.worker.stop();
  }
}

/**
 * The panel of a read started ahead ({@link startWholeFileRead}): this thread's lines before the
 * split, then the worker's part, and their Grams combined; undefined when either could not be
 * read by the kernels or the parts do not follow (read the file with the JavaScript readers to
 * get the error).
 */
async function takeAhead(
  path: string,
  ahead: WholeFileRead,
  options: ReadReturnsPanelOptions & { readonly gram: boolean },
): Promise<ParallelPanel | undefined> {
  ahead.keepAlive(true);
  try {
    const head = readHeadWasm(path, { ...options, end: ahead.split });
    if (head === undefined) return undefined;
    const theirs = await ahead.part;
    if (theirs === undefined) return undefined;
    // The Grams merged first, in the memory this thread's read mapped, with room there for the
    // panel's columns (no fresh pages for them).
    const total = head.part.dates.length + theirs.part.dates.length;
    const merged =
      options.gram && head.gram !== undefined && theirs.gram !== undefined
        ? mergeWithRoomWasm(head.gram, theirs.gram, total * head.part.columns.length)
        : undefined;
    if (merged?.room !== undefined) head.rows.reserve(total, merged.room);
    if (!head.rows.append(head.part) || !head.rows.append(theirs.part)) return undefined;
    if (head.rows.completeRows().count === 0) return undefined;
    const panel = head.rows.finish();
    return merged === undefined ? panel : { ...panel, gram: merged.gram };
  } finally {
    ahead.stop();
  }
}

/** This thread's half, then the worker's rows (or this thread reads them) and the Gram. */
async function readSplit(
  source: { readonly path: string },
  plan: SplitRead,
  options: ReadReturnsPanelOptions & { readonly gram: boolean },
): Promise<ParallelPanel> {
  const { gram: wantGram, ...readOptions } = options;
  const stream = new PanelStream(source, { ...readOptions, bytes: plan.size });
  stream.feed({ start: 0, end: plan.split });
  const rows = stream.panelRows!;
  const read = rows.completeRows();
  const own = wantGram && !rows.failed ? centredGram(read.columns, read.count) : undefined;
  const result = await plan.worker.part;
  if (result.ok && stream.atRecordEnd && rows.append(result.part)) {
    const panel = stream.end().finish();
    const theirs = own === undefined ? undefined : await plan.worker.gram;
    const gram = own && theirs ? mergeCentredGrams(own, theirs) : undefined;
    return gram && gram.count === panel.dates.length ? { ...panel, gram } : panel;
  }
  stream.feed({ start: plan.split, end: plan.size });
  return stream.end().finish();
}
