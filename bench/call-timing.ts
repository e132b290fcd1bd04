/**
 * In-process timing for the kernel benchmarks: wall and CPU milliseconds of one call, and the
 * fastest of several calls after a warm-up (whole-process timing is `process-timing.ts`).
 */

/** Wall and CPU milliseconds of a call. */
export interface CallTiming {
  readonly wall: number;
  readonly cpu: number;
}

/** Wall and CPU milliseconds of one call of `fn`, with its value. */
export function measure<T>(fn: () => T): CallTiming & { value: T } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The fastest of `runs` calls of `fn` after one warm-up call. */
export function best<T>(runs: number, fn: () => T): CallTiming & { value: T } {
  let out = measure(fn);
  for (let i = 0; i < runs; i++) {
    const m = measure(fn);
    if (m.wall < out.wall) out = m;
  }
  return out;
}
