/**
 * SYNTHETIC BENCHMARK DATA — deterministic daily bars from a seeded formula, never real
 * prices. Used by the benchmarks (bars in `bench/store.bench.ts`, the PRNG in the CSV and import
 * benchmarks) and only ever written to temporary files and databases.
 */

import type { PriceBar } from '../src/domain/market/types.ts';

/** mulberry32: a small seeded PRNG returning uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` weekdays (Mon–Fri, no holidays) starting at `first`, as ISO dates. */
export function tradingDays(first: string, count: number): string[] {
  const days: string[] = [];
  const d = new Date(`${first}T00:00:00Z`);
  while (days.length < count) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return days;
}

/** One synthetic bar per day: a random walk with OHLC, volume and a quarterly dividend. */
export function syntheticBars(options: { seed: number; days: readonly string[] }): PriceBar[] {
  const random = mulberry32(options.seed);
  let close = 50 + 100 * random();
  return options.days.map((date, i) => {
    const open = close;
    close = Math.max(1, close * (1 + (random() - 0.5) * 0.04));
    const high = Math.max(open, close) * (1 + random() * 0.01);
    const low = Math.min(open, close) * (1 - random() * 0.01);
    const dividend = i % 63 === 62 ? Math.round(close * 0.4) / 100 : 0;
    return {
      date,
      open,
      high,
      low,
      close,
      adjClose: close,
      volume: Math.round(1e5 + random() * 1e7),
      dividend,
      split: 1,
    };
  });
}
