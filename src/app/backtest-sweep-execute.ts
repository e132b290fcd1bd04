/**
 * Where a sweep's variants run (docs/backtest.md, "Sweeps"): in chunks, on this thread or on
 * worker threads (`backtest-sweep-threads.ts`), with progress ticked per chunk (a cancelled run
 * stops at the next chunk), or, as a job on PostgreSQL's queue, in pieces over the queue's
 * workers (`deps.fanOut`); and the warnings of many variants, merged so that a thousand
 * variants do not print a thousand lines.
 */

import type { PriceMatrix } from '../domain/backtest/types.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import {
  runSweepJobs,
  shareMarket,
  type SweepContext,
  type SweepJob,
  type SweepOutcome,
} from './backtest-sweep-run.ts';
import { runSweepOnThreads } from './backtest-sweep-threads.ts';
import type { ProgressReporter, RunFanOut } from './deps.ts';

/** Most jobs in one chunk: small enough to balance the threads and to tick progress often. */
const MAX_CHUNK = 64;

/** Chunks of `jobs`, about four per thread so that the threads finish together. */
export function chunksOf<T>(jobs: readonly T[], threads: number): T[][] {
  const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(jobs.length / (4 * threads))));
  const out: T[][] = [];
  for (let i = 0; i < jobs.length; i += size) out.push(jobs.slice(i, i + size));
  return out;
}

/**
 * The outcomes of `jobs`, in job order, run on `threads` worker threads (1: this thread), and
 * the number of threads used (no more than there are chunks).
 */
export async function executeSweep(
  sweep: Omit<SweepContext, 'market'> & {
    readonly market: PriceMatrix;
    readonly jobs: readonly SweepJob[];
  },
  options: { readonly threads: number; readonly progress: ProgressReporter },
): Promise<{ outcomes: SweepOutcome[]; threads: number }> {
  const { market, jobs, ...context } = sweep;
  const chunks = chunksOf(jobs, options.threads);
  const task = options.progress.start('backtest sweep', jobs.length);
  try {
    if (options.threads === 1 || chunks.length === 1) {
      const outcomes: SweepOutcome[] = [];
      for (const chunk of chunks) {
        outcomes.push(...runSweepJobs(market, context, chunk));
        task.tick(chunk.length);
      }
      return { outcomes, threads: 1 };
    }
    const done = await runSweepOnThreads({ ...context, market: shareMarket(market) }, chunks, {
      threads: options.threads,
      onChunk: (n) => task.tick(n),
    });
    return { outcomes: done.flat(), threads: Math.min(options.threads, chunks.length) };
  } finally {
    task.done();
  }
}

/** The run kind of a piece of a spread sweep (`run-kinds.ts`). */
export const SWEEP_PIECE_KIND = 'backtest-sweep-piece';

/** Index ranges `[from, to)` splitting `jobs` into `pieces` nearly equal runs of consecutive jobs. */
export function pieceRanges(jobs: number, pieces: number): { from: number; to: number }[] {
  const n = Math.max(1, Math.min(pieces, jobs));
  return Array.from({ length: n }, (_, k) => ({
    from: Math.floor((k * jobs) / n),
    to: Math.floor(((k + 1) * jobs) / n),
  }));
}

/**
 * The outcomes of a sweep's jobs, in job order, spread over the job queue's workers as
 * `pieces` runs of kind {@link SWEEP_PIECE_KIND} (`{ sweep: raw, from, to }`), each run on its
 * worker's threads (`deps.fanOut`, docs/backtest.md "Sweeps"); progress ticks per piece.
 */
export async function spreadSweep(
  sweep: {
    readonly raw: unknown;
    readonly jobs: number;
    readonly pieces: number;
    readonly fanOut: RunFanOut;
  },
  options: {
    readonly progress: ProgressReporter;
    readonly staleMs: number;
    readonly compute: (piece: unknown) => Promise<unknown>;
  },
): Promise<{ outcomes: SweepOutcome[]; threads: number; pieces: number }> {
  const ranges = pieceRanges(sweep.jobs, sweep.pieces);
  const task = options.progress.start('backtest sweep', sweep.jobs);
  try {
    const results = (await sweep.fanOut.run(
      SWEEP_PIECE_KIND,
      ranges.map((r) => ({ sweep: sweep.raw, ...r })),
      {
        compute: options.compute,
        staleMs: options.staleMs,
        onDone: (i) => task.tick(ranges[i]!.to - ranges[i]!.from),
      },
    )) as { outcomes: SweepOutcome[]; threads: number }[];
    return {
      outcomes: results.flatMap((r) => r.outcomes),
      threads: Math.max(...results.map((r) => r.threads)),
      pieces: ranges.length,
    };
  } finally {
    task.done();
  }
}

/** Warnings of one code kept one by one; beyond, one warning lists the other variants. */
const KEEP_PER_CODE = 5;

/**
 * The prices' warnings, then the variants' without repeats (the same message once); of a code
 * about single variants (`STRATEGY_STOPPED`, `MEASURE_UNDEFINED`) the first five are kept and
 * one more warning names how many other variants had it (`details.strategies` lists them).
 */
export function sweepWarnings(
  prices: readonly Warning[],
  variants: readonly (readonly Warning[])[],
): Warning[] {
  const out: Warning[] = [...prices];
  const seen = new Set<string>();
  const extra = new Map<string, string[]>();
  const kept = new Map<string, number>();
  for (const list of variants)
    for (const w of list) {
      if (seen.has(w.message)) continue;
      seen.add(w.message);
      const strategy = w.details['strategy'];
      if (typeof strategy === 'string') {
        const n = kept.get(w.code) ?? 0;
        if (n >= KEEP_PER_CODE) {
          extra.set(w.code, [...(extra.get(w.code) ?? []), strategy]);
          continue;
        }
        kept.set(w.code, n + 1);
      }
      out.push(w);
    }
  for (const [code, strategies] of extra)
    out.push(
      warning(
        code,
        `${strategies.length} more variant(s) with ${code} (details.strategies lists them)`,
        { strategies },
      ),
    );
  return out;
}
