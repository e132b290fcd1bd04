/**
 * The generators of a path's per-period portfolio returns (docs/simulate.md, "Methods"). Each
 * fills a caller's Float64Array from one {@link Rng} (one stream per path), with no allocation
 * per period.
 *
 * - bootstrap: each period is a history row drawn uniformly with replacement, so the assets of
 *   a period stay together. Row ⌊u·n / 2^32⌋ for a 32-bit draw u (multiply-shift): a row's
 *   probability is 1/n within n/2^32 (under 1e-6 for a million rows).
 * - block-bootstrap, `fixed` (moving blocks, Künsch 1989): blocks of L consecutive rows whose
 *   first row is uniform on 0…n − L (overlapping blocks, none wrapping round), laid end to end
 *   and the last one cut at the horizon.
 * - block-bootstrap, `stationary` (Politis & Romano 1994): the first row is uniform on 0…n − 1;
 *   each next period starts a new block at a uniform row with probability 1/L, else takes the
 *   row after the previous one (row n − 1 is followed by row 0): block lengths are geometric
 *   with mean L.
 * - normal: r = μ + L z with z i.i.d. N(0, 1) (Box–Muller) and LLᵀ = Σ, so the portfolio return
 *   is wᵀμ + (Lᵀw)ᵀz — the same number as Σ wᵢ rᵢ, computed with k products instead of k².
 * - student-t: r = μ + √((ν − 2)/χ²_ν)·L z (χ²_ν = 2·Gamma(ν/2), Marsaglia & Tsang 2000), a
 *   multivariate t with ν degrees of freedom and covariance Σ.
 * - regime: a two-state Markov chain started in the stressed state with its ergodic probability
 *   and moved each period by the transition matrix; each period is a normal draw of its state.
 */

import { normalSampler } from '../../core/random/normal.ts';
import type { Rng } from '../../core/random/xoshiro128.ts';
import type { Generator, GaussianModel } from './model.ts';

/** Fills `out` with one path's portfolio returns from `rng`. */
export type PathFiller = (rng: Rng, out: Float64Array) => void;

/** wᵀμ + cash and v = Lᵀw of a normal model (see the module comment). */
function projection(g: Generator, m: GaussianModel): { centre: number; v: Float64Array } {
  const k = g.assets;
  let centre = g.cashReturn;
  const v = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    centre += g.weights[i]! * m.mean[i]!;
    for (let j = 0; j <= i; j++) v[j]! += g.weights[i]! * m.lower[i * k + j]!;
  }
  return { centre, v };
}

/** One draw of vᵀz, z i.i.d. N(0, 1). */
function dot(v: Float64Array, normal: () => number): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * normal();
  return s;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), shape ≥ 1. */
function gamma(shape: number, rng: Rng, normal: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    const u = 1 - rng.nextFloat();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** ⌊U·n⌋ for one 32-bit draw U·2^32 (multiply-shift; bias ≤ n/2^32 per row). */
function rowOf(rng: Rng, n: number): number {
  return Math.floor((rng.nextUint32() * n) / 4294967296);
}

function bootstrap(history: Float64Array): PathFiller {
  const n = history.length;
  return (rng, out) => {
    for (let t = 0; t < out.length; t++) out[t] = history[rowOf(rng, n)]!;
  };
}

function fixedBlocks(history: Float64Array, blockLength: number): PathFiller {
  const n = history.length;
  const length = Math.min(blockLength, n);
  const starts = n - length + 1;
  return (rng, out) => {
    let t = 0;
    while (t < out.length) {
      const start = rowOf(rng, starts);
      for (let j = 0; j < length && t < out.length; j++) out[t++] = history[start + j]!;
    }
  };
}

function stationaryBlocks(history: Float64Array, blockLength: number): PathFiller {
  const n = history.length;
  const restart = 1 / blockLength;
  return (rng, out) => {
    let row = rowOf(rng, n);
    for (let t = 0; t < out.length; t++) {
      if (t > 0) row = rng.nextFloat() < restart ? rowOf(rng, n) : (row + 1) % n;
      out[t] = history[row]!;
    }
  };
}

function normalPaths(g: Generator, m: GaussianModel): PathFiller {
  const { centre, v } = projection(g, m);
  return (rng, out) => {
    const normal = normalSampler(rng);
    for (let t = 0; t < out.length; t++) out[t] = centre + dot(v, normal);
  };
}

function studentPaths(g: Generator, m: GaussianModel, df: number): PathFiller {
  const { centre, v } = projection(g, m);
  return (rng, out) => {
    const normal = normalSampler(rng);
    for (let t = 0; t < out.length; t++) {
      const chi2 = 2 * gamma(df / 2, rng, normal);
      out[t] = centre + Math.sqrt((df - 2) / chi2) * dot(v, normal);
    }
  };
}

function regimePaths(g: Generator): PathFiller {
  const r = g.regime!;
  const calm = projection(g, r.states[0]);
  const stressed = projection(g, r.states[1]);
  const toStressed = [r.transition[1], r.transition[3]] as const;
  return (rng, out) => {
    const normal = normalSampler(rng);
    let state = rng.nextFloat() < r.stressedStart ? 1 : 0;
    for (let t = 0; t < out.length; t++) {
      if (t > 0) state = rng.nextFloat() < toStressed[state]! ? 1 : 0;
      const s = state === 1 ? stressed : calm;
      out[t] = s.centre + dot(s.v, normal);
    }
  };
}

/** The filler of `g`'s method. */
export function pathFiller(g: Generator): PathFiller {
  switch (g.method) {
    case 'bootstrap':
      return bootstrap(g.history!);
    case 'block-bootstrap':
      return g.blockType === 'stationary'
        ? stationaryBlocks(g.history!, g.blockLength!)
        : fixedBlocks(g.history!, g.blockLength!);
    case 'normal':
      return normalPaths(g, g.gaussian!);
    case 'student-t':
      return studentPaths(g, g.gaussian!, g.df!);
    case 'regime':
      return regimePaths(g);
  }
}

/** Exported for tests: one Gamma(shape, 1) draw. */
export const gammaDraw = gamma;
