/**
 * Where a sweep's variants run (docs/backtest.md, "Sweeps"): in chunks, on this thread or on
 * worker threads (`backtest-sweep-threads.ts`), with progress ticked per chunk (a cancelled run
 * stops at the next chunk); and the warnings of many variants, merged so that a thousand
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
import type { ProgressReporter } from './deps.ts';

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
