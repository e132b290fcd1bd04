/**
 * The loops of the active-set QP's growing Cholesky factor (core/qp/growing-cholesky.ts) run by
 * WebAssembly kernels (growing-cholesky-kernels.wat): the same operations in the same order, so
 * the same factor and solutions to the bit, without the warm-up a short command's JavaScript
 * loops never finish. Registered with {@link useGrowingCholeskyKernels} by the Node entry points
 * ({@link useWasmGrowingCholesky}).
 */

import {
  useGrowingCholeskyKernels,
  type GrowingCholeskyKernelFactory,
  type GrowingCholeskyKernels,
} from '../../core/qp/growing-cholesky.ts';
import { instantiateWasm, reserveWasm, wasmModule, type WasmMemory } from './module.ts';

const BINARY = new URL('./growing-cholesky-kernels.wasm', import.meta.url);

/** The kernels' exports (growing-cholesky-kernels.wat). */
interface Exports {
  readonly memory: WasmMemory;
  appendRow(s: number, v: number, k: number): number;
  solveLower(s: number, v: number, k: number): void;
  solveUpper(s: number, v: number, k: number): void;
  rankOneUpdate(s: number, v: number, q: number, tail: number): void;
}

/**
 * Kernels for a factor of `stride` rows, on a memory of their own (the factor at byte 0, the
 * vector after it; the memory never grows, so the views stay valid); undefined when the binary
 * is missing or does not compile.
 */
export const growingCholeskyWasm: GrowingCholeskyKernelFactory = (
  stride: number,
): GrowingCholeskyKernels | undefined => {
  const module = wasmModule(BINARY);
  if (module === null) return undefined;
  const wasm = instantiateWasm<Exports>(module, { env: { hypot: Math.hypot } });
  const v = stride * stride * 8;
  reserveWasm(wasm.memory, v + stride * 8);
  const { buffer } = wasm.memory;
  return {
    data: new Float64Array(buffer, 0, stride * stride),
    vector: new Float64Array(buffer, v, stride),
    appendRow: (k) => wasm.appendRow(stride, v, k),
    solveLower: (k) => wasm.solveLower(stride, v, k),
    solveUpper: (k) => wasm.solveUpper(stride, v, k),
    rankOneUpdate: (q, tail) => wasm.rankOneUpdate(stride, v, q, tail),
  };
};

/** Makes growing Cholesky factors of 64 rows or more in this thread use {@link growingCholeskyWasm}. */
export function useWasmGrowingCholesky(): void {
  useGrowingCholeskyKernels(growingCholeskyWasm);
}
