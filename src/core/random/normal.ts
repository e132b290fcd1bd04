/**
 * Standard normal draws by the Box–Muller transform (Box & Muller 1958): for independent
 * U₁ ∈ (0, 1], U₂ ∈ [0, 1), Z₁ = √(−2 ln U₁)·cos 2πU₂ and Z₂ = √(−2 ln U₁)·sin 2πU₂ are
 * independent N(0, 1). Both values of each pair are used, so a sampler consumes four uint32
 * draws (two 53-bit uniforms) per two normals and is reproducible for a given {@link Rng}.
 */

import type { Rng } from './xoshiro128.ts';

/** A stateful N(0, 1) sampler over `rng` (keeps the second value of each Box–Muller pair). */
export function normalSampler(rng: Rng): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    const u1 = 1 - rng.nextFloat(); // (0, 1]: ln stays finite
    const u2 = rng.nextFloat();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** `count` independent N(0, 1) draws from `rng` (Box–Muller pairs, in order). */
export function standardNormals(rng: Rng, count: number): Float64Array {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`standardNormals: bad count ${count}`);
  const next = normalSampler(rng);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = next();
  return out;
}
