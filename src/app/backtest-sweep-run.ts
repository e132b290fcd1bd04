/**
 * Running the variants of a sweep (docs/backtest.md, "Sweeps"): the same code on this thread
 * and on the sweep's worker threads (`src/jobs/backtest-sweep-worker.ts`), so both give the
 * same numbers. The price matrix crosses to the threads once, in one SharedArrayBuffer that
 * every thread reads in place ({@link shareMarket}, {@link marketOf}); a job is a variant's
 * validated strategy config and settings (plain data, cloned), and a result is its summary row —
 * or, with `full`, its whole strategy document — and its warnings.
 *
 * Whatever a plain `backtest` runs is swept the same way: exposure targets arrive already mapped
 * to fund weights (`backtest-sweep-exposures.ts`, on the calling thread), the dividends of
 * unadjusted closes travel in the context (each job pays them with its own policy), and an
 * `optimize` weighting gets HiGHS — loaded by a thread only when one of its jobs touches it
 * ({@link runSweepJobsLazily}; the calling thread loads it up front, {@link provideSweepSolver}).
 */

import type { HighsRuntime } from '../core/solvers/highs.ts';
import type { BacktestStrategyConfig } from '../data/backtest/backtest-config.ts';
import { BallastError } from '../domain/errors.ts';
import type { MetricSet } from '../domain/analytics/metric-set.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { runVariant } from '../domain/backtest/sweep.ts';
import type { BacktestSettings, PriceMatrix } from '../domain/backtest/types.ts';
import type { MwrBasis } from '../domain/performance/returns.ts';
import type { ReturnSeries } from '../domain/series/types.ts';
import type { Warning } from '../domain/warnings.ts';
import {
  resultWarnings,
  roundMetrics,
  specOf,
  strategyDocument,
  type BacktestStrategyDocument,
} from './backtest.ts';
import { strategyExtras, withDividends, type BacktestDividends } from './backtest-extras.ts';
import type { SimulatedFund } from './backtest-simulated.ts';
import { withSolver } from './lazy-solver.ts';
import { roundCents, roundFine } from './rounding.ts';

/** One variant to run: its strategy (named as the variant) and its settings. */
export interface SweepJob {
  readonly config: BacktestStrategyConfig;
  readonly settings: BacktestSettings;
}

/** A price matrix whose closes are one buffer, column after column (`rows` each). */
export interface SharedMarket {
  readonly dates: readonly IsoDate[];
  readonly symbols: readonly string[];
  readonly buffer: SharedArrayBuffer;
}

/** What every job of a sweep shares. */
export interface SweepContext {
  readonly market: SharedMarket;
  /** The benchmark's daily returns (its buy-and-hold), for the benchmark-relative metrics. */
  readonly benchmark?: ReturnSeries | undefined;
  /** Whole strategy documents (values, trades, drawdowns) instead of summary rows. */
  readonly full: boolean;
  /** With unadjusted closes: the dividends every variant is paid (its `dividends` policy). */
  readonly dividends?: BacktestDividends | undefined;
  /** Funds simulated before their first close (for the `simulated` field of full documents). */
  readonly simulated?: readonly SimulatedFund[] | undefined;
}

/** A variant's measures, rounded as in the backtest document. */
export interface SweepMeasuresRow {
  readonly finalValue: number;
  readonly twr: number;
  readonly twrAnnualized: number | null;
  readonly mwr: number | null;
  readonly mwrBasis: MwrBasis;
  readonly costs: number;
  readonly interest: number;
  /** Rebalances made (the first purchase is not one). */
  readonly rebalanceCount: number;
  readonly metrics: MetricSet | null;
  readonly stopped?: { readonly date: IsoDate; readonly reason: string; readonly value: number };
}

/** What one job leaves. */
export interface SweepOutcome {
  readonly row: SweepMeasuresRow;
  readonly document?: BacktestStrategyDocument;
  readonly warnings: readonly Warning[];
}

/** The closes of `market` copied into one SharedArrayBuffer (module comment). */
export function shareMarket(market: PriceMatrix): SharedMarket {
  const rows = market.dates.length;
  const buffer = new SharedArrayBuffer(rows * market.symbols.length * 8);
  market.closes.forEach((c, j) => new Float64Array(buffer, j * rows * 8, rows).set(c));
  return { dates: market.dates, symbols: market.symbols, buffer };
}

/** The price matrix over a {@link SharedMarket}'s buffer (views, no copy). */
export function marketOf(shared: SharedMarket): PriceMatrix {
  const rows = shared.dates.length;
  return {
    dates: shared.dates,
    symbols: shared.symbols,
    closes: shared.symbols.map((_, j) => new Float64Array(shared.buffer, j * rows * 8, rows)),
  };
}

/** HiGHS on this thread once loaded ({@link provideSweepSolver}, {@link runSweepJobsLazily}). */
let loadedSolver: HighsRuntime | undefined;

/**
 * Makes `highs` the runtime {@link runSweepJobs} gives `optimize` weightings on this thread
 * (the calling thread of an in-process sweep loads it when some variant optimises).
 */
export function provideSweepSolver(highs: HighsRuntime): void {
  loadedSolver = highs;
}

/** A stand-in runtime that records whether anything touched it (as `withSolver` does). */
function solverProbe(): { readonly runtime: HighsRuntime; readonly used: () => boolean } {
  let used = false;
  const runtime = new Proxy(
    {},
    {
      get() {
        used = true;
        throw new Error('HiGHS is not loaded on this thread');
      },
    },
  ) as HighsRuntime;
  return { runtime, used: () => used };
}

/** One job on `market` with the runtime `highs` (module comment). */
function runSweepJob(
  on: { readonly market: PriceMatrix; readonly context: Omit<SweepContext, 'market'> },
  job: SweepJob,
  highs: HighsRuntime,
): SweepOutcome {
  const { market, context } = on;
  const name = job.config.name;
  const spec = withDividends(
    specOf(job.config, { highs, riskFreeRateAnnual: job.settings.cashRate }),
    market,
    { by: context.dividends, ...(job.config.dividends ? { policy: job.config.dividends } : {}) },
  );
  const result = runVariant(market, spec, {
    settings: { ...job.settings, recordTrades: context.full },
    benchmark: context.benchmark,
  });
  const { run, summary } = result;
  const stop = run.stopped;
  const row: SweepMeasuresRow = {
    finalValue: roundCents(run.values[run.values.length - 1]!),
    twr: roundFine(summary.twr),
    twrAnnualized: summary.twrAnnualized === null ? null : roundFine(summary.twrAnnualized),
    mwr: summary.mwr === null ? null : roundFine(summary.mwr),
    mwrBasis: summary.mwrBasis,
    costs: roundCents(run.costs),
    interest: roundCents(run.interest),
    rebalanceCount: run.rebalanceRows.length,
    metrics: summary.metrics === null ? null : roundMetrics(summary.metrics.metrics),
    ...(stop
      ? { stopped: { date: stop.date, reason: stop.reason, value: roundCents(stop.value) } }
      : {}),
  };
  const document = context.full
    ? { ...strategyDocument(name, result), ...strategyExtras(spec, run, context.simulated) }
    : undefined;
  return {
    row,
    ...(document ? { document } : {}),
    warnings: resultWarnings([{ name, result }]),
  };
}

/**
 * Runs `jobs` in order on `market` (module comment), with the HiGHS runtime this thread has
 * loaded, if any ({@link provideSweepSolver}, {@link runSweepJobsLazily}).
 *
 * @throws BallastError INTERNAL when a job needed HiGHS and none is loaded here (its weighting
 *   would otherwise have fallen back silently): use {@link runSweepJobsLazily}.
 */
export function runSweepJobs(
  market: PriceMatrix,
  context: Omit<SweepContext, 'market'>,
  jobs: readonly SweepJob[],
): SweepOutcome[] {
  return jobs.map((job) => {
    if (loadedSolver !== undefined) return runSweepJob({ market, context }, job, loadedSolver);
    const probe = solverProbe();
    const outcome = runSweepJob({ market, context }, job, probe.runtime);
    if (probe.used())
      throw new BallastError(
        'INTERNAL',
        `sweep: ${job.config.name} needs HiGHS, which this thread has not loaded`,
        { strategy: job.config.name },
      );
    return outcome;
  });
}

/**
 * {@link runSweepJobs} of `request.jobs`, loading HiGHS with `request.load` the first time a job touches it (a job that
 * did is run again with it, as `withSolver` does); the runtime is kept for this thread's later
 * jobs. A sweep without `optimize` weightings never loads it.
 */
export async function runSweepJobsLazily(
  market: PriceMatrix,
  context: Omit<SweepContext, 'market'>,
  request: {
    readonly jobs: readonly SweepJob[];
    readonly load: () => Promise<HighsRuntime>;
  },
): Promise<SweepOutcome[]> {
  const out: SweepOutcome[] = [];
  const on = { market, context };
  const solver = async (): Promise<HighsRuntime> => (loadedSolver ??= await request.load());
  for (const job of request.jobs)
    out.push(
      loadedSolver === undefined
        ? await withSolver({ solver }, (highs) => runSweepJob(on, job, highs))
        : runSweepJob(on, job, loadedSolver),
    );
  return out;
}

/** Loads HiGHS (the WebAssembly runtime, once per thread): for the sweep's worker threads. */
export async function loadSweepSolver(): Promise<HighsRuntime> {
  return (await import('../core/solvers/highs.ts')).loadHighs();
}
