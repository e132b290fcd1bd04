import { describe, expect, it } from 'vitest';
import { createRng, normalSampler } from '../random/index.ts';
import { centredGram, mergeCentredGrams } from './centred-gram.ts';
import { covariance } from './covariance.ts';

// x = (1, 2, 3, 6), y = (2, 0, 4, 2). Whole: means 3 and 2, deviations (−2, −1, 0, 3) and
// (0, −2, 2, 0): Σ dx² = 14, Σ dy² = 8, Σ dx·dy = 2.
// Rows 0–1: means 1.5 and 1, deviations (−.5, .5), (1, −1): 0.5, 2, −1.
// Rows 2–3: means 4.5 and 3, deviations (−1.5, 1.5), (1, −1): 4.5, 2, −3.
// Merge: δ = (3, 2), T_a·T_b/T = 1: 0.5 + 4.5 + 9 = 14, 2 + 2 + 4 = 8, −1 − 3 + 6 = 2.
const x = Float64Array.of(1, 2, 3, 6);
const y = Float64Array.of(2, 0, 4, 2);

describe('centred cross-products of blocks of rows', () => {
  it('centres a block on its own means', () => {
    const whole = centredGram([x, y], 4);
    expect(whole.count).toBe(4);
    expect(Array.from(whole.means)).toEqual([3, 2]);
    expect(Array.from(whole.gram)).toEqual([14, 2, 2, 8]);
    const first = centredGram([x, y], 2);
    expect(Array.from(first.means)).toEqual([1.5, 1]);
    expect(Array.from(first.gram)).toEqual([0.5, -1, -1, 2]);
  });

  it('combines two blocks into the whole panel', () => {
    const second = centredGram([x.subarray(2), y.subarray(2)], 2);
    expect(Array.from(second.gram)).toEqual([4.5, -3, -3, 2]);
    const merged = mergeCentredGrams(centredGram([x, y], 2), second);
    expect(merged.count).toBe(4);
    expect(Array.from(merged.means)).toEqual([3, 2]);
    expect(Array.from(merged.gram)).toEqual([14, 2, 2, 8]);
  });

  it('treats an empty block as nothing', () => {
    const empty = centredGram([x, y], 0);
    expect(empty.count).toBe(0);
    expect(Array.from(empty.means)).toEqual([0, 0]);
    expect(Array.from(empty.gram)).toEqual([0, 0, 0, 0]);
    const whole = centredGram([x, y], 4);
    expect(mergeCentredGrams(whole, empty)).toBe(whole);
    expect(mergeCentredGrams(empty, whole)).toBe(whole);
  });

  it('refuses blocks of different widths', () => {
    expect(() => mergeCentredGrams(centredGram([x, y], 4), centredGram([x], 4))).toThrow(
      RangeError,
    );
  });

  it('agrees with the covariance of the whole panel wherever it is split', () => {
    // Second method: the two-pass sample covariance of the row-major matrix, times T − 1.
    const z = normalSampler(createRng(7));
    const t = 37;
    const n = 6;
    const columns = Array.from({ length: n }, () =>
      Float64Array.from({ length: t }, () => 0.0003 + 0.01 * z()),
    );
    const rowMajor = new Float64Array(t * n);
    columns.forEach((c, j) => c.forEach((v, r) => (rowMajor[r * n + j] = v)));
    const expected = covariance({ rows: t, cols: n, data: rowMajor }).data.map((v) => v * (t - 1));
    for (const k of [1, 5, 18, 36]) {
      const a = centredGram(columns, k);
      const b = centredGram(
        columns.map((c) => c.subarray(k)),
        t - k,
      );
      const merged = mergeCentredGrams(a, b);
      merged.gram.forEach((g, i) => expect(Math.abs(g - expected[i]!)).toBeLessThan(1e-15));
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) expect(merged.gram[i * n + j]).toBe(merged.gram[j * n + i]);
    }
  });
});
