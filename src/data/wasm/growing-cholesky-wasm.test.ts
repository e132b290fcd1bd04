import { afterEach, describe, expect, it } from 'vitest';
import { GrowingCholesky, useGrowingCholeskyKernels } from '../../core/qp/growing-cholesky.ts';
import { createRng } from '../../core/random/index.ts';
import { growingCholeskyWasm, useWasmGrowingCholesky } from './growing-cholesky-wasm.ts';

afterEach(() => useGrowingCholeskyKernels(undefined));

/** XᵀX of a random (n + 10) × n X: symmetric positive definite. */
function spd(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const t = n + 10;
  const x = Float64Array.from({ length: t * n }, () => rng.nextFloat() - 0.5);
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < t; k++) s += x[k * n + i]! * x[k * n + j]!;
      h[i * n + j] = s;
    }
  return h;
}

/** The same script of appends, removals and solves on a factor; what it produced. */
function run(n: number, h: Float64Array): { data: Float64Array; solved: number[] } {
  const f = new GrowingCholesky(n);
  const order: number[] = [];
  const solved: number[] = [];
  const appendVar = (j: number): void => {
    const column = Float64Array.from(order, (i) => h[j * n + i]!);
    expect(f.append(column, h[j * n + j]!)).toBe(true);
    order.push(j);
  };
  for (let j = 0; j < n; j++) appendVar(j);
  for (const q of [5, 0, n - 3, 17, 40]) {
    f.remove(q);
    order.splice(q, 1);
  }
  appendVar(order.length > 0 ? 5 : 0);
  const b = Float64Array.from({ length: f.size }, (_, i) => Math.sin(i + 1));
  f.solveLower(b);
  solved.push(...b);
  f.solveUpper(b);
  solved.push(...b);
  return { data: Float64Array.from(f.data), solved };
}

describe('growingCholeskyWasm', () => {
  it('gives the JavaScript factor and solutions bit for bit through appends, removals and solves', () => {
    const n = 73; // odd, above GROWING_KERNEL_MIN
    const h = spd(n, 11);
    const js = run(n, h);
    useWasmGrowingCholesky();
    const wasm = run(n, h);
    let differ = 0;
    js.data.forEach((v, i) => (Object.is(v, wasm.data[i]) ? 0 : differ++));
    js.solved.forEach((v, i) => (Object.is(v, wasm.solved[i]) ? 0 : differ++));
    expect(differ).toBe(0);
    // A second check, independent of both: after the script, L·Lᵀ·x = b for the solved x.
    const f = new GrowingCholesky(4);
    expect(f.append(new Float64Array(0), 4)).toBe(true);
    expect(f.append(new Float64Array([2]), 5)).toBe(true); // [[4, 2], [2, 5]] = L·Lᵀ, L = [[2, 0], [1, 2]]
    expect([...f.data.subarray(0, 2)]).toEqual([2, 0]);
    expect([...f.data.subarray(4, 6)]).toEqual([1, 2]);
  });

  it('is used by factors of 64 rows or more once registered, not by smaller ones', () => {
    let made = 0;
    useGrowingCholeskyKernels((stride) => {
      made++;
      return growingCholeskyWasm(stride);
    });
    new GrowingCholesky(63);
    new GrowingCholesky(64);
    expect(made).toBe(1);
  });
});
