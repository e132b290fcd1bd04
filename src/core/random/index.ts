/** Seeded random numbers: xoshiro128** uniforms and Box–Muller normals. */
export { createRng, xoshiro128StarStar, type Rng } from './xoshiro128.ts';
export { normalSampler, standardNormals } from './normal.ts';
