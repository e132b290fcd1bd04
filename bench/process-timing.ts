/**
 * Whole-process timing for the end-to-end benchmarks: runs commands in turn (A B C A B C …)
 * under /usr/bin/time and reports the median wall time (measured around the spawn, so it
 * includes process start-up) and the median peak resident memory (`%M`) of each.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One command to time. */
export interface TimedCommand {
  readonly name: string;
  readonly argv: readonly string[];
}

/** Median wall seconds and peak RSS (MB) of a command, with its last stdout. */
export interface Timing {
  readonly name: string;
  readonly wallSeconds: number;
  readonly peakMb: number;
  readonly stdout: string;
  /** Wall seconds of each round, in order (round r of every command ran back to back). */
  readonly rounds: readonly number[];
}

/**
 * The median over rounds of `a`'s wall time over `b`'s in the same round: commands timed back
 * to back share the machine's load of the moment, so their ratio drifts less than the ratio of
 * the medians when the load changes during a run.
 */
export function pairedRatio(a: Timing, b: Timing): number {
  return median(a.rounds.map((t, r) => t / b.rounds[r]!));
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** True when the program exists on PATH or as a path. */
export function available(program: string): boolean {
  if (program.includes('/')) return existsSync(program);
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

/** Runs each command `rounds` times, interleaved, and returns the medians. */
export function timeCommands(commands: readonly TimedCommand[], rounds: number): Timing[] {
  const wall = commands.map(() => [] as number[]);
  const rss = commands.map(() => [] as number[]);
  const out = commands.map(() => '');
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      const t0 = performance.now();
      const run = spawnSync('/usr/bin/time', ['-f', '%M', ...c.argv], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.status !== 0)
        throw new Error(`${c.name} failed (${run.status}): ${run.stderr.slice(-500)}`);
      wall[i]!.push((performance.now() - t0) / 1000);
      rss[i]!.push(Number(run.stderr.trim().split('\n').at(-1)) / 1024);
      out[i] = run.stdout;
    });
  }
  return commands.map((c, i) => ({
    name: c.name,
    wallSeconds: median(wall[i]!),
    peakMb: median(rss[i]!),
    stdout: out[i]!,
    rounds: wall[i]!,
  }));
}
