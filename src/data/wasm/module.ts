/**
 * The WebAssembly modules Ballast ships (src/**\/*.wat, compiled beside their sources and into
 * dist/ by scripts/build-wasm.mjs): compiled once per process from their binary, instantiated
 * per use. A binary that is missing or does not compile gives null, and the callers run their
 * JavaScript code instead (the same results).
 */

import { readFileSync } from 'node:fs';

/** The WebAssembly API used here (the project's TypeScript library has no DOM types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
/** A compiled module. */
export type WasmModule = object;
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
}
const wasmApi = (globalThis as unknown as { readonly WebAssembly: WasmApi }).WebAssembly;

/** Bytes in a page of WebAssembly memory. */
export const WASM_PAGE = 65536;

const compiled = new Map<string, WasmModule | null>();

/** The module whose binary is at `url`, compiled once; null when missing or invalid. */
export function wasmModule(url: URL): WasmModule | null {
  let module = compiled.get(url.href);
  if (module === undefined) {
    try {
      module = new wasmApi.Module(readFileSync(url));
    } catch {
      module = null;
    }
    compiled.set(url.href, module);
  }
  return module;
}

/** A new instance of `module` with `imports`: its exports. */
export function instantiateWasm<T>(module: WasmModule, imports: object = {}): T {
  return new wasmApi.Instance(module, imports).exports as T;
}

/** Grows `memory` to at least `bytes`. */
export function reserveWasm(memory: WasmMemory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
}
