/**
 * The Cholesky factorisation of core/linalg/cholesky.ts run by WebAssembly kernels
 * (cholesky-kernels.wat): the same operations in the same order, so the same factor to the bit,
 * with the two columns of each step in the lanes of a vector — about twice as fast on a
 * 500 × 500 covariance. Registered with {@link useCholeskyKernel} by the Node entry points
 * ({@link useWasmCholesky}).
 */

import {
  useCholeskyKernel,
  type CholeskyKernel,
  type CholeskyResult,
} from '../../core/linalg/cholesky.ts';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { instantiateWasm, reserveWasm, wasmModule, type WasmMemory } from './module.ts';

const BINARY = new URL('./cholesky-kernels.wasm', import.meta.url);

/** The kernels' exports (cholesky-kernels.wat). */
interface Kernels {
  readonly memory: WasmMemory;
  block(a: number, l: number, n: number, i0: number): void;
  row(a: number, l: number, n: number, i: number, until: number): void;
  diagonal(a: number, l: number, n: number, i0: number, i1: number): number;
}

/**
 * `cholesky(a)` (core/linalg/cholesky.ts) by the kernels (the same result); undefined when their binary is
 * missing or does not compile. `a` must be square.
 */
export const choleskyWasm: CholeskyKernel = (a: Matrix): CholeskyResult | undefined => {
  const module = wasmModule(BINARY);
  if (module === null) return undefined;
  const kernels = spare ?? instantiateWasm<Kernels>(module);
  spare = undefined;
  try {
    return factor(kernels, a);
  } finally {
    if (kernels.memory.buffer.byteLength <= SPARE_MAX_BYTES) spare = kernels;
  }
};

/**
 * The instance the last factorisation ran on, kept for the next one on this thread while its
 * memory is at most {@link SPARE_MAX_BYTES}: fresh memory costs a page fault a page on first
 * touch, and a solve factors several matrices of one size. The factor is copied out, and each
 * factorisation writes all of its matrix first, so a reused instance gives the same results.
 */
let spare: Kernels | undefined;
const SPARE_MAX_BYTES = 64 << 20;

function factor(kernels: Kernels, a: Matrix): CholeskyResult {
  const n = a.rows;
  const bytes = n * n * 8;
  // In place: each kernel reads an entry of A's lower triangle once, before it writes L's entry
  // there, so the factor takes A's memory (half the pages of a separate output). The upper
  // triangle is zero, as the factor's must be (a reused instance holds an earlier one there).
  const at = 64;
  reserveWasm(kernels.memory, at + bytes);
  const m = new Float64Array(kernels.memory.buffer, at, n * n);
  for (let i = 0; i < n; i++) {
    m.set(a.data.subarray(i * n, i * n + i + 1), i * n);
    m.fill(0, i * n + i + 1, (i + 1) * n);
  }
  for (let i0 = 0; i0 < n; i0 += 4) {
    if (i0 + 4 <= n) kernels.block(at, at, n, i0);
    else for (let i = i0; i < n; i++) kernels.row(at, at, n, i, i0);
    const failed = kernels.diagonal(at, at, n, i0, Math.min(i0 + 4, n));
    if (failed > 0) return { ok: false, reason: 'not-positive-definite', pivot: failed - 1 };
    if (failed < 0) return { ok: false, reason: 'not-finite', pivot: -failed - 1 };
  }
  const data = new Float64Array(kernels.memory.buffer.slice(at, at + bytes));
  return { ok: true, lower: { rows: n, cols: n, data } };
}

/** Makes `cholesky` use {@link choleskyWasm} for large matrices in this thread. */
export function useWasmCholesky(): void {
  useCholeskyKernel(choleskyWasm);
}
