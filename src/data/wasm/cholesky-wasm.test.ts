import { afterEach, describe, expect, it } from 'vitest';
import { cholesky, useCholeskyKernel } from '../../core/linalg/cholesky.ts';
import { createRng } from '../../core/random/index.ts';
import { choleskyWasm, useWasmCholesky } from './cholesky-wasm.ts';

/** XᵀX of a random t × n X: symmetric positive definite for t > n. */
function gram(n: number, seed: number): { rows: number; cols: number; data: Float64Array } {
  const rng = createRng(seed);
  const t = n + 20;
  const x = Float64Array.from({ length: t * n }, () => rng.nextFloat() - 0.5);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < t; k++) s += x[k * n + i]! * x[k * n + j]!;
      data[i * n + j] = s;
    }
  return { rows: n, cols: n, data };
}

afterEach(() => useCholeskyKernel(undefined));

/** The WebAssembly factor of `a`, checked to be the JavaScript one to the bit. */
function sameFactors(a: ReturnType<typeof gram>): Float64Array {
  const js = cholesky(a);
  const wasm = choleskyWasm(a);
  if (!js.ok || !wasm?.ok) throw new Error('both factorisations must succeed');
  let differ = 0;
  js.lower.data.forEach((v, i) => (Object.is(v, wasm.lower.data[i]) ? 0 : differ++));
  expect(differ).toBe(0);
  return wasm.lower.data;
}

describe('choleskyWasm', () => {
  it.each([64, 65, 66, 67, 100, 131])('gives the JavaScript factor bit for bit (n = %i)', (n) => {
    const a = gram(n, n);
    // A second check, independent of both: L·Lᵀ gives A back.
    const l = sameFactors(a);
    let worst = 0;
    for (let i = 0; i < n; i += 7)
      for (let j = 0; j <= i; j += 5) {
        let s = 0;
        for (let k = 0; k <= j; k++) s += l[i * n + k]! * l[j * n + k]!;
        worst = Math.max(worst, Math.abs(s - a.data[i * n + j]!) / a.data[i * n + i]!);
      }
    expect(worst).toBeLessThan(1e-12);
  });

  it('gives a smaller factor after a larger one (a reused instance) with zeros above the diagonal', () => {
    const large = gram(131, 5);
    const small = gram(67, 6);
    expect(choleskyWasm(large)?.ok).toBe(true);
    const l = sameFactors(small);
    for (let i = 0; i < 67; i++) for (let j = i + 1; j < 67; j++) expect(l[i * 67 + j]).toBe(0);
  });

  it('fails where the JavaScript code fails, at the same pivot and for the same reason', () => {
    const n = 70;
    const identity = (): Float64Array =>
      Float64Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
    const negative = identity();
    negative[40 * (n + 1)] = -1;
    const infinite = identity();
    infinite[66 * (n + 1)] = Infinity;
    for (const data of [negative, infinite]) {
      const a = { rows: n, cols: n, data };
      expect(choleskyWasm(a)).toEqual(cholesky(a));
    }
    expect(cholesky({ rows: n, cols: n, data: negative })).toEqual({
      ok: false,
      reason: 'not-positive-definite',
      pivot: 40,
    });
    expect(cholesky({ rows: n, cols: n, data: infinite })).toMatchObject({
      reason: 'not-finite',
      pivot: 66,
    });
  });

  it('is what cholesky() runs for large matrices once registered', () => {
    useWasmCholesky();
    const a = gram(80, 3);
    const registered = cholesky(a);
    useCholeskyKernel(undefined);
    expect(registered).toEqual(cholesky(a));
    let called = 0;
    useCholeskyKernel((m) => {
      called++;
      return choleskyWasm(m);
    });
    cholesky(gram(63, 4)); // below CHOLESKY_KERNEL_MIN: JavaScript
    cholesky(a);
    expect(called).toBe(1);
  });
});
