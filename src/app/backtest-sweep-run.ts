/**
 * Running the variants of a sweep (docs/backtest.md, "Sweeps"): the same code on this thread
 * and on the sweep's worker threads (`src/jobs/backtest-sweep-worker.ts`), so both give the
 * same numbers. The price matrix crosses to the threads once, in one SharedArrayBuffer that
 * every thread reads in place ({@link shareMarket}, {@link marketOf}); a job is a variant's
 * validated strategy config and settings (plain data, cloned), and a result is its summary row —
 * or, with `full`, its whole strategy document — and its warnings.
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

/**
 * Sweeps run without HiGHS (workers load no solver): the sweep refuses `optimize` weightings
 * before it starts (backtest-sweep.ts), so this stand-in is never reached.
 */
const NO_SOLVER = new Proxy(
  {},
  {
    get() {
      throw new BallastError(
        'INVALID_INPUT',
        'weighting.method: optimize needs the solver, which sweeps do not load',
        { field: 'weighting.method', value: 'optimize' },
      );
    },
  },
) as HighsRuntime;

/** Runs `jobs` in order on `market` (module comment). */
export function runSweepJobs(
  market: PriceMatrix,
  context: Omit<SweepContext, 'market'>,
  jobs: readonly SweepJob[],
): SweepOutcome[] {
  return jobs.map((job) => {
    const name = job.config.name;
    const result = runVariant(
      market,
      specOf(job.config, { highs: NO_SOLVER, riskFreeRateAnnual: job.settings.cashRate }),
      {
        settings: { ...job.settings, recordTrades: context.full },
        benchmark: context.benchmark,
      },
    );
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
    return {
      row,
      ...(context.full ? { document: strategyDocument(name, result) } : {}),
      warnings: resultWarnings([{ name, result }]),
    };
  });
}
