import { describe, expect, it } from 'vitest';
import { standardNormals } from '../../core/random/normal.ts';
import { createRng, createStreamRng } from '../../core/random/xoshiro128.ts';
import { buildGenerator } from './build.ts';
import { pathFiller } from './draw.ts';
import { gaussianOf } from './gaussian.ts';
import { fitStudentTDf, lnGamma } from './student-t.ts';

/** Lag-1 autocorrelation Σ(x_t − x̄)(x_{t−1} − x̄) / Σ(x_t − x̄)² (second implementation). */
function lag1(x: ArrayLike<number>): number {
  let mean = 0;
  for (let t = 0; t < x.length; t++) mean += x[t]! / x.length;
  let num = 0;
  let den = 0;
  for (let t = 0; t < x.length; t++) {
    den += (x[t]! - mean) ** 2;
    if (t > 0) num += (x[t]! - mean) * (x[t - 1]! - mean);
  }
  return num / den;
}

/** AR(1) fixture x_t = 0.6 x_{t−1} + ε_t, ε ~ N(0, 0.01²), 3,000 periods (simulated here). */
function ar1(): Float64Array {
  const e = standardNormals(createRng(2026), 3000);
  const x = new Float64Array(3000);
  for (let t = 1; t < x.length; t++) x[t] = 0.6 * x[t - 1]! + 0.01 * e[t]!;
  return x;
}

/** Lag-1 autocorrelation pooled over 200 simulated paths of 480 periods. */
function simulatedLag1(
  method: 'bootstrap' | 'block-bootstrap',
  blockType?: 'fixed' | 'stationary',
) {
  const history = ar1();
  const { generator } = buildGenerator({
    columns: [history],
    weights: Float64Array.of(1),
    method,
    blockLength: 24,
    ...(blockType ? { blockType } : {}),
  });
  const fill = pathFiller(generator);
  const out = new Float64Array(480);
  let total = 0;
  for (let p = 0; p < 200; p++) {
    fill(createStreamRng(7, p), out);
    total += lag1(out) / 200;
  }
  return { history: lag1(history), simulated: total };
}

describe('block bootstrap keeps the lag-1 autocorrelation of an AR(1) series', () => {
  // Inside a block every pair of neighbours is a pair of the history; a pair across a block
  // boundary is two independent draws (autocorrelation 0). With blocks of L = 24 a share
  // (L − 1)/L of the pairs are inside blocks (fixed blocks: exactly 23 of every 24; stationary:
  // each step continues with probability 1 − 1/L), so the expected lag-1 autocorrelation is
  // ρ̂·23/24 with ρ̂ the history's. Tolerance 0.03: the pooled estimate over 200 × 479 pairs
  // has a standard error of about √((1 − ρ²)/(200·479))·(a block-dependence factor ≈ √(2L))
  // ≈ 0.0026·7 ≈ 0.018 at most, and the per-path estimator's −(1 + 3ρ)/n bias is ≈ 0.006.
  for (const blockType of ['fixed', 'stationary'] as const)
    it(`${blockType} blocks of 24`, () => {
      const { history, simulated } = simulatedLag1('block-bootstrap', blockType);
      expect(history).toBeGreaterThan(0.55);
      expect(Math.abs(simulated - (history * 23) / 24)).toBeLessThan(0.03);
    });

  it('while the i.i.d. bootstrap destroys it (about 0)', () => {
    expect(Math.abs(simulatedLag1('bootstrap').simulated)).toBeLessThan(0.03);
  });
});

describe('student-t: the degrees of freedom by maximum likelihood', () => {
  /**
   * A bivariate t sample with ν = 5, drawn independently of the engine: x = μ + √(ν/χ²)·C z,
   * with χ² the sum of ν squared standard normals and C = [[0.04, 0], [0.012, 0.02]].
   */
  function tSample(nu: number, n: number, seed: number): Float64Array[] {
    const z = standardNormals(createRng(seed), n * (2 + nu));
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      let chi2 = 0;
      for (let j = 0; j < nu; j++) chi2 += z[t * (2 + nu) + 2 + j]! ** 2;
      const s = Math.sqrt(nu / chi2);
      const z1 = z[t * (2 + nu)]!;
      const z2 = z[t * (2 + nu) + 1]!;
      a[t] = 0.005 + s * 0.04 * z1;
      b[t] = 0.002 + s * (0.012 * z1 + 0.02 * z2);
    }
    return [a, b];
  }

  it('recovers ν = 5 from 20,000 draws (within ±1)', () => {
    // The estimate's spread at ν = 5, k = 2, n = 20,000 is about 0.1 (ten seeds gave 4.83 to
    // 5.16); ±1 leaves room for the bias of plugging in the sample mean and covariance.
    for (const seed of [1, 2, 3]) {
      const cols = tSample(5, 20_000, seed);
      const g = gaussianOf(cols);
      expect(Math.abs(fitStudentTDf(cols, g.mean, g.lower) - 5)).toBeLessThan(1);
    }
  });

  it('finds a large ν for normal data', () => {
    const z = standardNormals(createRng(9), 20_000);
    const cols = [z.subarray(0, 10_000), z.subarray(10_000)];
    const g = gaussianOf(cols);
    expect(fitStudentTDf(cols, g.mean, g.lower)).toBeGreaterThan(30);
  });

  it('simulates with the sample covariance (variance of 200,000 draws)', () => {
    const cols = tSample(5, 5000, 4);
    const { generator } = buildGenerator({
      columns: cols,
      weights: Float64Array.of(1, 0),
      method: 'student-t',
    });
    const out = new Float64Array(200_000);
    pathFiller(generator)(createStreamRng(1, 0), out);
    const g = gaussianOf(cols);
    const variance = g.lower[0]! ** 2; // sample variance of column a
    let m = 0;
    for (const x of out) m += x / out.length;
    let v = 0;
    for (const x of out) v += (x - m) ** 2 / (out.length - 1);
    // the variance of a sample variance of a t with ν ≈ 5 is large (kurtosis 9): allow 5 %.
    expect(Math.abs(v / variance - 1)).toBeLessThan(0.05);
  });

  it('lnΓ matches known values: Γ(5) = 24, Γ(½) = √π, Γ(10.5)', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    // Γ(10.5) = (19!!/2^10)·√π = 654729075·√π/1024
    expect(lnGamma(10.5)).toBeCloseTo(Math.log((654729075 * Math.sqrt(Math.PI)) / 1024), 10);
  });
});

describe('createStreamRng', () => {
  it('gives distinct, reproducible streams per (seed, stream)', () => {
    const draw = (s: number, i: number) => {
      const r = createStreamRng(s, i);
      return [r.nextUint32(), r.nextUint32()];
    };
    expect(draw(42, 0)).toEqual(draw(42, 0));
    expect(draw(42, 0)).not.toEqual(draw(42, 1));
    expect(draw(42, 0)).not.toEqual(draw(43, 0));
  });
});
