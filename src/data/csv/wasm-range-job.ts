/**
 * The worker's side of a two-thread read (data/whole-file-prefetch.ts starts it, data/
 * panel-worker.ts runs it): the lines of a file from a byte on, read by the WebAssembly kernels
 * (wasm-panel.ts), posted back with their buffers transferred rather than copied.
 */

import { readRangeWasm, type WasmPart } from './wasm-panel.ts';

/** Lines of a file for a worker thread to read with the kernels (data/panel-worker.ts). */
export interface WasmRangeJob {
  readonly wasm: true;
  readonly path: string;
  readonly start: number;
}

/** What that worker posts: the lines' part with its Gram, or nothing (read them here). */
export interface WasmRangeResult {
  readonly part?: WasmPart;
}

/** Reads a {@link WasmRangeJob}, with the buffers to transfer rather than copy. Never throws. */
export function readRangeJob(job: WasmRangeJob): {
  readonly result: WasmRangeResult;
  readonly transfer: ArrayBuffer[];
} {
  try {
    const part = readRangeWasm(job.path, { start: job.start });
    if (part === undefined) return { result: {}, transfer: [] };
    const buffers = new Set<ArrayBuffer>();
    for (const c of part.part.columns) buffers.add(c.buffer as ArrayBuffer);
    if (part.gram !== undefined) {
      buffers.add(part.gram.means.buffer as ArrayBuffer);
      buffers.add(part.gram.gram.buffer as ArrayBuffer);
    }
    return { result: { part }, transfer: [...buffers] };
  } catch {
    return { result: {}, transfer: [] };
  }
}
