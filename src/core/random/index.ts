/** Seeded random numbers: xoshiro128** uniforms and Box–Muller normals. */
export { createRng, createStreamRng, xoshiro128StarStar, type Rng } from './xoshiro128.ts';
export { normalSampler, standardNormals } from './normal.ts';
