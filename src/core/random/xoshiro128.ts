/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018, reference implementation
 * v1.1, https://prng.di.unimi.it/xoshiro128starstar.c) over a 128-bit state of four uint32
 * words, seeded from one integer through a SplitMix32-style expander (Weyl increment
 * 0x9E3779B9, MurmurHash3 `fmix32` finaliser). Same seed ⇒ same stream on every platform and
 * run: only 32-bit integer arithmetic (`Math.imul`, shifts) is used.
 *
 * Period 2^128 − 1; passes BigCrush. Not cryptographic.
 */

/** A stateful uniform generator; every call advances the stream. */
export interface Rng {
  /** The next raw output, an integer in [0, 2^32). */
  nextUint32(): number;
  /** The next double uniform on [0, 1) with 53 random bits (two uint32 draws). */
  nextFloat(): number;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** MurmurHash3's 32-bit finaliser (a bijection on uint32 with full avalanche). */
function fmix32(h0: number): number {
  let h = h0 >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * xoshiro128** from an explicit state `[s0, s1, s2, s3]` (uint32 words, not all zero).
 * With state (1, 2, 3, 4) the first outputs are 11520, 0, 5927040, 70819200, … (the
 * reference-implementation vector used by the `rand_xoshiro` crate's tests).
 */
export function xoshiro128StarStar(state: readonly [number, number, number, number]): Rng {
  let [s0, s1, s2, s3] = state.map((w) => w >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0)
    throw new RangeError('xoshiro128**: the all-zero state is invalid');
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    nextUint32,
    nextFloat: () => {
      const hi = nextUint32() >>> 5; // 27 bits
      const lo = nextUint32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992; // (hi·2^26 + lo) / 2^53
    },
  };
}

/**
 * The project's seeded generator: xoshiro128** whose state words are
 * fmix32(seed + k·0x9E3779B9) for k = 1…4 (seed taken modulo 2^32).
 * Throws a `RangeError` for a non-integer seed.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`createRng: seed must be an integer, got ${seed}`);
  const base = seed >>> 0;
  const words = [1, 2, 3, 4].map((k) => fmix32(base + Math.imul(k, 0x9e3779b9))) as [
    number,
    number,
    number,
    number,
  ];
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return xoshiro128StarStar(words);
}

/**
 * Stream `stream` of seed `seed`: xoshiro128** whose state words are
 * fmix32(fmix32(seed) + fmix32(stream + k·0x9E3779B9) + k·0x9E3779B9) for k = 1…4 (both
 * taken modulo 2^32). Each (seed, stream) pair gives its own stream, so work split into
 * streams (one Monte Carlo path each) draws the same numbers however it is shared among
 * threads. Throws a `RangeError` for a non-integer seed or stream.
 */
export function createStreamRng(seed: number, stream: number): Rng {
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream))
    throw new RangeError(
      `createStreamRng: seed and stream must be integers, got ${seed}, ${stream}`,
    );
  const base = fmix32(seed >>> 0);
  const words = [1, 2, 3, 4].map((k) => {
    const step = Math.imul(k, 0x9e3779b9);
    return fmix32(base + fmix32((stream >>> 0) + step) + step);
  }) as [number, number, number, number];
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return xoshiro128StarStar(words);
}
