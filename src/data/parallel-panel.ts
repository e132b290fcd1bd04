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

const WORKER = new URL(
  import.meta.url.endsWith('.js') ? './panel-worker.js' : './panel-worker-bootstrap.mjs',
  import.meta.url,
);

/** Below this size a file is read by one thread (a worker's start-up would cost more). */
export const PARALLEL_MIN_BYTES = 2 << 20;

/** Options of {@link readReturnsPanelParallel}. */
export interface ParallelPanelOptions extends ReadReturnsPanelOptions {
  /** Also return the {@link CentredGram} of the panel's columns (when two threads read it). */
  readonly gram?: boolean;
  /** Smallest file read by two threads (default {@link PARALLEL_MIN_BYTES}). */
  readonly minBytes?: number;
  /** Share of the bytes this thread reads (default 0.5). */
  readonly share?: number;
}

/** A panel, with its centred cross-products when they were computed on the way. */
export interface ParallelPanel extends ReturnsPanel {
  /** Of exactly `columns` (all their rows); absent when one thread read the file. */
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

/** Position just after the first line feed at or after `from`; −1 when none within 64 KiB. */
function lineStartAfter(path: string, from: number): number {
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

/** Runs the worker on `job`; resolves `ok: false` if it fails in any way. */
function runWorker(job: PanelPartJob): Promise<PanelPartResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: job });
    } catch {
      resolve({ ok: false });
      return;
    }
    worker.once('message', (result: PanelPartResult) => {
      worker.unref();
      resolve(result);
    });
    worker.once('error', () => resolve({ ok: false }));
    worker.once('exit', () => resolve({ ok: false }));
  });
}

/**
 * Reads a returns file like {@link readReturnsPanel} (same panel, warnings and errors), with a
 * worker thread reading the second half of a large file (module comment).
 */
export async function readReturnsPanelParallel(
  source: CsvSource,
  options: ParallelPanelOptions = {},
): Promise<ParallelPanel> {
  const { gram: wantGram, minBytes, share, ...readOptions } = options;
  if (!('path' in source)) return readReturnsPanel(source, readOptions);
  let size: number;
  try {
    size = statSync(source.path).size;
  } catch {
    return readReturnsPanel(source, readOptions);
  }
  if (size < (minBytes ?? PARALLEL_MIN_BYTES)) return readReturnsPanel(source, readOptions);
  const header = headerOf(source.path, readOptions);
  const split = lineStartAfter(source.path, Math.floor(size * (share ?? 0.5)));
  if (header === undefined || split <= 0 || split >= size)
    return readReturnsPanel(source, readOptions);
  const worker = runWorker({
    path: source.path,
    start: split,
    end: size,
    header,
    ...(readOptions.columnCase === undefined ? {} : { columnCase: readOptions.columnCase }),
    gram: wantGram === true,
  });
  const stream = new PanelStream(source, { ...readOptions, bytes: size });
  stream.feed({ start: 0, end: split });
  const rows = stream.panelRows!;
  const read = rows.completeRows();
  const own = wantGram && !rows.failed ? centredGram(read.columns, read.count) : undefined;
  const result = await worker;
  if (result.ok && stream.atRecordEnd && rows.append(result.part)) {
    const panel = stream.end().finish();
    const gram = own && result.gram ? mergeCentredGrams(own, result.gram) : undefined;
    return gram && gram.count === panel.dates.length ? { ...panel, gram } : panel;
  }
  stream.feed({ start: split, end: size });
  return stream.end().finish();
}
